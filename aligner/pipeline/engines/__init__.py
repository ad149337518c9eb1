"""Engines run corpus-build tasks: `local` (a process pool on this machine) and `ray` (a Ray
cluster, or Ray in local mode). Both run the same task steps (aligner/pipeline/task.py)."""

from aligner.pipeline.engines.base import ENGINES, Engine, get_engine

__all__ = ["ENGINES", "Engine", "get_engine"]
