"""Demo data for `seed_demo`: natural keys everywhere, so that running it twice is harmless.

Later apps add their own `seed_*` function here and the command calls them in order.
"""

from .follow_ups import seed_follow_ups
from .meetings import seed_meetings
from .participation import DEMO_LOGINS, seed_participation
from .setup import seed_setup
from .structure import seed_structure

__all__ = [
    "DEMO_LOGINS",
    "seed_follow_ups",
    "seed_meetings",
    "seed_participation",
    "seed_setup",
    "seed_structure",
]
