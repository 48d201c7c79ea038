# The production shape of Medvirk: one image for web (gunicorn), the workers and beat (Celery).
# Two stages: the builder makes wheels of Medvirk and every dependency (compilers stay there);
# the runtime stage installs only those wheels, the libraries WeasyPrint needs and fonts.

# --- builder -----------------------------------------------------------------------------------
FROM python:3.11-slim AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_CONSTRAINT=/src/constraints/build.txt \
    PIP_BUILD_CONSTRAINT=/src/constraints/build.txt

RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY pyproject.toml README.md ./
COPY constraints ./constraints
RUN pip install --upgrade pip && pip wheel --wheel-dir /wheels .

# --- runtime -----------------------------------------------------------------------------------
FROM python:3.11-slim AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# Pango is what WeasyPrint renders PDFs with. DejaVu and Liberation cover æ, ø and å (and the
# Sami letters); fontconfig lets Pango find them. curl is not needed: the health checks use
# Python.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig \
       fonts-dejavu-core fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/* \
    && fc-cache -f

# A fixed, unprivileged user: never root, also not when a volume is mounted.
RUN groupadd --system --gid 10001 medvirk \
    && useradd --system --uid 10001 --gid medvirk --home-dir /app --shell /usr/sbin/nologin medvirk

COPY --from=builder /wheels /wheels
RUN pip install --no-index --find-links=/wheels medvirk && rm -rf /wheels

WORKDIR /app
COPY --chown=medvirk:medvirk . .
RUN DJANGO_SECRET_KEY=collectstatic-only EMAIL_URL=smtp://localhost \
    MEDVIRK_BASE_URL=https://build.invalid \
    python manage.py collectstatic --noinput \
    && mkdir -p var/media var/sms \
    && chown -R medvirk:medvirk var

USER medvirk:medvirk
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-m", "config.healthcheck"]
CMD ["gunicorn", "--config", "config/gunicorn.conf.py", "config.wsgi:application"]
