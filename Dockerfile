# The production shape of Medvirk: one image for web (gunicorn), worker and beat (Celery).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_CONSTRAINT=/app/constraints/build.txt \
    PIP_BUILD_CONSTRAINT=/app/constraints/build.txt

# Pango is what WeasyPrint needs to render PDFs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY constraints ./constraints
RUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir .
COPY . .
RUN DJANGO_SECRET_KEY=collectstatic-only EMAIL_URL=smtp://localhost MEDVIRK_BASE_URL=https://build.invalid \
    python manage.py collectstatic --noinput \
    && useradd --create-home medvirk && mkdir -p var/media && chown -R medvirk var

USER medvirk
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
