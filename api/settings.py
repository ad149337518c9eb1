"""Service settings from VERBALIGN_* environment variables (pydantic-settings).

The same names are the options of `verbalign serve`: VERBALIGN_DB = --db, VERBALIGN_TOKEN =
--token, VERBALIGN_MODEL = --model, VERBALIGN_HOST = --host, VERBALIGN_PORT = --port,
VERBALIGN_MAX_UPLOAD_MB = --max-upload-mb. VERBALIGN_ZH_TAG / VERBALIGN_EN_TAG are the language
tags of every export, the same variables the CLI's export commands read.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from aligner.errors import VerbalignError
from aligner.export.languages import DEFAULT_EN_TAG, DEFAULT_ZH_TAG, LanguageTags
from aligner.store import DEFAULT_DB


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VERBALIGN_", extra="ignore")

    db: str = Field(
        str(DEFAULT_DB),
        description="Database: a SQLite file (created when missing), sqlite:///PATH, or "
        "postgresql://USER:PASSWORD@HOST:PORT/DB (the postgres extra).",
    )
    token: SecretStr | None = Field(
        None,
        description="Bearer token required by writes (POST/PATCH/DELETE); unset = read-only.",
    )
    model: str | None = Field(
        None,
        description="Embedding model for import and TM look-up (default: Multilingual USE v3).",
    )
    max_upload_mb: float = Field(20.0, gt=0, le=512, description="Largest accepted file, MB.")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    job_workers: int = Field(1, ge=1, le=8, description="Imports aligned at the same time.")
    zh_tag: str = Field(DEFAULT_ZH_TAG, description="Language tag of Chinese in TMX and TBX.")
    en_tag: str = Field(DEFAULT_EN_TAG, description="Language tag of English in TMX and TBX.")

    @model_validator(mode="after")
    def _tags_are_language_tags(self) -> Settings:
        try:
            self.language_tags  # noqa: B018  (validates)
        except VerbalignError as exc:
            raise ValueError(str(exc)) from None
        return self

    @property
    def language_tags(self) -> LanguageTags:
        return LanguageTags(zh=self.zh_tag, en=self.en_tag)

    @field_validator("db", mode="before")
    @classmethod
    def _location_text(cls, value: object) -> object:
        # A path object is a file location; kept as text so that a URL is not mangled.
        return str(value) if isinstance(value, Path) else value

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def token_value(self) -> str | None:
        return self.token.get_secret_value() if self.token else None
