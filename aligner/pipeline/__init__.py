"""Orchestration above the store: one record pair = one task (parse → align → terms → save →
index), and the engines that run tasks (a local process pool, Ray). Lower layers (ingest,
parse, align, terms, qa) never import from here; the store is reached only through its
Repository interface."""
