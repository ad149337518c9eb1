"""Exports: TMX 1.4b valid against the DTD and read back by translate-toolkit; TSV; JSONL."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from lxml import etree
from synthetic_records import SYMBOL, MakeAlignment
from translate.storage.tmx import tmxfile

from aligner.errors import InputError
from aligner.export import get_exporter, load_bundle
from aligner.store import Repository
from aligner.store.rows import Correction

DTD = etree.DTD(str(Path(__file__).with_name("data") / "tmx14.dtd"))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tmx(store: Repository, **kw: str) -> etree._Element:
    data = get_exporter("tmx").dumps(load_bundle(store, SYMBOL, **kw))
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE tmx")
    return etree.fromstring(data)


def _props(tu: etree._Element) -> dict[str, str]:
    return {p.get("type"): p.text for p in tu.findall("prop")}


def test_tmx_is_valid_1_4b_with_the_required_header(stored: Repository) -> None:
    root = _tmx(stored)
    assert DTD.validate(root), DTD.error_log.filter_from_errors()
    header = root.find("header")
    assert root.get("version") == "1.4"
    for attr, value in {
        "creationtool": "verbalign",
        "segtype": "sentence",
        "o-tmf": "verbalign",
        "adminlang": "en",
        "srclang": "zh-CN",
        "datatype": "plaintext",
    }.items():
        assert header.get(attr) == value
    assert header.get("creationtoolversion")


def test_tmx_units_match_the_stored_pairs_with_provenance(stored: Repository) -> None:
    pairs = {p.id: p for p in stored.list_pairs(SYMBOL).items}
    tus = _tmx(stored).findall("body/tu")
    with_both = [p for p in pairs.values() if p.zh and p.en]
    assert len(tus) == len(with_both) == 9  # the 0-1 pair is not a translation unit
    for tu in tus:
        pair = pairs[int(tu.get("tuid"))]
        segs = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tu.findall("tuv")}
        assert segs == {"zh-CN": pair.zh, "en-GB": pair.en}
        props = _props(tu)
        assert props["x-symbol"] == SYMBOL
        assert props["x-turn"] == str(pair.zh_turn)
        assert float(props["x-confidence"]) == pytest.approx(pair.confidence, abs=1e-4)
        assert props["x-alignment-type"] == pair.type
        assert props["x-signature"] == pair.signature
    china = next(tu for tu in tus if _props(tu).get("x-speaker") == "Zhang Wei")
    assert _props(china)["x-country"] == "CHN"
    assert _props(china)["x-spoken-language"] == "zh"
    assert china.get("srclang") == "zh-CN"  # the speaker said the Chinese
    french = next(tu for tu in tus if _props(tu).get("x-speaker") == "Dupont")
    assert french.get("srclang") is None  # both sides are translations from French


def test_translate_toolkit_reads_the_tmx_back(stored: Repository) -> None:
    data = get_exporter("tmx").dumps(load_bundle(stored, SYMBOL))
    store = tmxfile(io.BytesIO(data), sourcelanguage="zh-CN", targetlanguage="en-GB")
    read = [(u.source, u.target) for u in store.units]
    expected = [(p.zh, p.en) for p in stored.list_pairs(SYMBOL).items if p.zh and p.en]
    assert read == expected


def test_english_as_source_swaps_the_variants(stored: Repository) -> None:
    root = _tmx(stored, source_lang="en")
    assert root.find("header").get("srclang") == "en-GB"
    assert root.find("body/tu/tuv").get(XML_LANG) == "en-GB"
    with pytest.raises(InputError):
        load_bundle(stored, SYMBOL, source_lang="fr")


def test_corrections_show_in_tmx_and_rejected_pairs_are_left_out(stored: Repository) -> None:
    pairs = stored.list_pairs(SYMBOL).items
    stored.correct_pair(
        pairs[1].id,
        Correction("merge", "alice", with_pair=pairs[2].id, note="one sentence in the original"),
    )
    stored.correct_pair(pairs[3].id, Correction("flag", "bob", status="rejected"))
    root = _tmx(stored)
    assert DTD.validate(root), DTD.error_log.filter_from_errors()
    tus = {int(tu.get("tuid")): tu for tu in root.findall("body/tu")}
    merged = tus[pairs[1].id]
    assert merged.get("changeid") == "alice"
    assert len(merged.get("changedate")) == 16 and merged.get("changedate").endswith("Z")
    assert _props(merged)["x-status"] == "corrected"
    assert "alice" in merged.findtext("note") and "one sentence" in merged.findtext("note")
    assert pairs[2].id not in tus and pairs[3].id not in tus


def test_control_characters_cannot_break_the_xml(
    store: Repository, make_alignment: MakeAlignment
) -> None:
    alignment = make_alignment()
    alignment.pairs[0].en = ["The meeting\x0c was called to order \x01at 10.05 a.m."]
    store.save_alignment(alignment)
    root = _tmx(store)
    assert root.find("body/tu/tuv[2]/seg").text == "The meeting was called to order at 10.05 a.m."


def test_tsv_has_source_and_target_first_and_one_line_per_unit(stored: Repository) -> None:
    pairs = [p for p in stored.list_pairs(SYMBOL).items if p.zh and p.en]
    data = get_exporter("tsv").dumps(load_bundle(stored, SYMBOL))
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[-1] == ""
    rows = [line.split("\t") for line in lines[:-1]]
    assert len(rows) == len(pairs)
    assert all(len(r) == 12 for r in rows)
    assert [(r[0], r[1], int(r[2])) for r in rows] == [(p.zh, p.en, p.id) for p in pairs]
    with_header = get_exporter("tsv", header=True, bom=False).dumps(load_bundle(stored, SYMBOL))
    header = with_header.decode().split("\r\n")[0].split("\t")
    assert header[:4] == ["zh", "en", "pair_id", "symbol"]


def test_tsv_flattens_tabs_and_line_breaks(
    store: Repository, make_alignment: MakeAlignment
) -> None:
    alignment = make_alignment()
    alignment.pairs[0].en = ["The meeting\twas called\nto order."]
    store.save_alignment(alignment)
    data = get_exporter("tsv", bom=False).dumps(load_bundle(store, SYMBOL))
    first = data.decode().split("\r\n")[0]
    assert first.split("\t")[:2] == ["上午10时05分开会。", "The meeting was called to order."]


def test_jsonl_has_every_pair_with_history(stored: Repository) -> None:
    pairs = stored.list_pairs(SYMBOL).items
    stored.correct_pair(pairs[0].id, Correction("flag", "carol", status="approved", note="ok"))
    lines = get_exporter("jsonl").dumps(load_bundle(stored, SYMBOL)).decode().splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["id"] for r in rows] == [p.id for p in pairs]  # 0-1 pairs included
    assert list(rows[0])[:3] == ["id", "zh", "en"]
    assert rows[0]["status"] == "approved" and rows[0]["reviewed_by"] == "carol"
    assert rows[0]["corrections"][0]["reviewer"] == "carol"
    assert rows[8]["zh"] == "" and rows[8]["type"] == "0-1"


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="tmx"):
        get_exporter("docx")


def test_tmx_and_tbx_share_one_language_tag_setting(
    stored: Repository, store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from aligner.cli import app
    from aligner.export import LanguageTags

    tags = LanguageTags(zh="zh-Hans", en="en")
    root = etree.fromstring(get_exporter("tmx", tags=tags).dumps(load_bundle(stored, SYMBOL)))
    assert DTD.validate(root) and root.find("header").get("srclang") == "zh-Hans"
    assert {tuv.get(XML_LANG) for tuv in root.iter("tuv")} == {"zh-Hans", "en"}
    # the CLI reads the same environment variables as the server
    stored.close()
    monkeypatch.setenv("VERBALIGN_ZH_TAG", "zh-Hans")
    runner = CliRunner()
    db = ["--db", store_location]
    out = runner.invoke(app, ["export", SYMBOL, "--format", "tmx", "--en-tag", "en-US", *db])
    assert out.exit_code == 0, out.output
    langs = {tuv.get(XML_LANG) for tuv in etree.fromstring(out.stdout_bytes).iter("tuv")}
    assert langs == {"zh-Hans", "en-US"}
    bad = runner.invoke(app, ["export", SYMBOL, "--format", "tmx", "--zh-tag", "zh_CN", *db])
    assert bad.exit_code != 0


def test_cli_tsv_bom_can_be_turned_off(stored: Repository, store_location: str) -> None:
    from typer.testing import CliRunner

    from aligner.cli import app

    stored.close()
    runner = CliRunner()
    args = ["export", SYMBOL, "--format", "tsv", "--db", store_location]
    assert runner.invoke(app, args).stdout_bytes.startswith(b"\xef\xbb\xbf")
    plain = runner.invoke(app, [*args, "--no-bom"]).stdout_bytes
    assert plain.startswith("上午".encode())
