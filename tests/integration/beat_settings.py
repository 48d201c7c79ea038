"""Settings for the beat test: the real schedule, every entry due each second, on a queue of the
test's own, so that `celery -A config beat` is seen to send each task to Redis within seconds."""

import datetime
import os

from config.settings import *  # noqa: F403
from config.settings import CELERY_BEAT_SCHEDULE as _SCHEDULE

CELERY_BEAT_SCHEDULE = {
    name: {**entry, "schedule": datetime.timedelta(seconds=1)} for name, entry in _SCHEDULE.items()
}
CELERY_TASK_DEFAULT_QUEUE = os.environ["MEDVIRK_TEST_QUEUE"]
