# confbot: the same install steps as CI (pip install of this project), a non-root user,
# gettext catalogs compiled at build time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    CONFBOT_KNOWLEDGE=/app/knowledge \
    CONFBOT_LOCALES=/app/locales \
    CONFBOT_DB=/data/confbot.sqlite3

WORKDIR /app
COPY pyproject.toml README.md babel.cfg ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY locales ./locales
RUN pip install . \
    && pybabel compile --domain confbot --directory locales --statistics \
    && confbot check knowledge \
    && useradd --system --uid 10001 --home-dir /app confbot \
    && mkdir -p /data && chown confbot /data

USER confbot
VOLUME ["/data"]
EXPOSE 8080
CMD ["confbot", "run"]
