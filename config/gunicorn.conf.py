"""gunicorn's settings for Medvirk (`gunicorn -c config/gunicorn.conf.py config.wsgi`).

Each choice is explained in the README ("Running in production"). Every value can be changed
from the environment without a new image.
"""

import os

# 2 cores: 2 × cores + 1 = 5 sync workers is the usual rule, but each holds ~110 MB of Django
# and Medvirk's pages wait on the database, not the CPU; 3 leaves room for the Celery workers.
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# Sync workers: no request streams, and a slow phone upload is buffered by the proxy in front.
worker_class = "sync"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# A request still running after this is killed and logged; PDFs are made by Celery, never here,
# so no page should need more than a few seconds (survey CSVs of a large programme the longest).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On a deploy or restart (SIGTERM), a worker finishes what it is doing within this time.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Keep-alive for the proxy in front, which reuses connections.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Replace each worker after ~1000 requests (jitter spreads the restarts) so slow leaks never grow.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# Which proxies may set X-Forwarded-Proto (HTTPS detection); the address of the proxy in front,
# or "*" when only the proxy can reach gunicorn (as in docker-compose.yml's network).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# The worker's temporary heartbeat file in memory, not on the container's overlay disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Logs to standard output. The access log has no client address (no %(h)s) and, through
# PrivateAccessLogger, no query string or secret in a path: survey answers are anonymous.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logger_class = "config.logs.PrivateAccessLogger"
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "method": "%(m)s", "path": "%(U)s", '
    '"status": "%(s)s", "bytes": "%(B)s", "duration_ms": "%(M)s", '
    '"request_id": "%({x-request-id}o)s"}'
)
# gunicorn's own lines (start, worker restarts, timeouts) as JSON like the app's; the access
# line above is already a JSON object and is written as it is.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "config.logs.JsonFormatter"},
        "as_is": {"format": "%(message)s"},
    },
    "handlers": {
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        },
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "as_is",
            "stream": "ext://sys.stdout",
        },
    },
    "loggers": {
        "gunicorn.error": {
            "level": loglevel.upper(),
            "handlers": ["error_console"],
            "propagate": False,
        },
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
    },
}
