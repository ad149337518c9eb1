"""verbalign HTTP API (FastAPI) and the review page."""
