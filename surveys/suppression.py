"""Small-group suppression: which figures may be shown without pointing at a person.

The rules, applied to one table at a time — a set of disjoint groups ("parts", e.g. the offices
for one question in one round) and the total over them (e.g. all offices):

1. A part built on 1–4 answers is hidden: counts, percentages and mean alike ("too few").
   A part with no answers is shown as "no answers"; an empty group reveals nobody.
2. The total is hidden when it is itself built on 1–4 answers ("too few").
3. The total is also hidden when the hidden parts together hold 1–4 answers ("subtraction"):
   shown next to the other parts, total minus the shown parts would give exactly the hidden
   group's figures. When the hidden parts hold 5 or more answers together, the subtraction only
   reveals a combined group that is itself large enough to show, so the total stays.
4. Within a part that is shown (5 or more answers) every cell — the count of one answer
   category — built on 1–4 answers is hidden too ("small cell"), and so are further cells,
   smallest first, until the hidden cells are at least two and hold 5 or more answers together:
   otherwise the row's total minus its shown cells would give the hidden cell back. A mean or
   a share that could be solved for a hidden cell is hidden with it (see the results selector).
5. A total (several parts together) shows its distribution only when no part it is built from
   hides a cell, and the parts hidden under rule 1 hold no small cell together: a total's
   cell minus the parts' shown cells would otherwise give a hidden cell back.

Why the total and not one more office: the steering group compares offices, and an office with
enough answers should not vanish because a neighbour has too few; the totals of a programme
are also shown per round, so nothing else is lost. Apply the decision to the full table before
filtering what a viewer may see (an advisor sees only their office): every view of the same
table then hides the same cells, and no two views can be subtracted from one another.

Where rule 3 hides the total, the pages may show the sum of the parts that are shown instead
("the offices shown, together"): anyone could add up those rows, so it reveals nothing new.

Each round is its own table: responses belong to exactly one round and no figure is shown
across rounds, so rounds cannot be subtracted from each other either.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

THRESHOLD = 5

TOO_FEW = "too_few"
SUBTRACTION = "subtraction"


def is_too_few(n: int, *, threshold: int = THRESHOLD) -> bool:
    """A figure built on 1 to threshold−1 answers must not be shown."""
    return 0 < n < threshold


@dataclass(frozen=True)
class Suppression:
    """The decision for one table: the hidden parts with their reason, and the total's."""

    hidden_parts: dict[Hashable, str] = field(default_factory=dict)
    total_reason: str | None = None

    def is_hidden(self, key: Hashable) -> bool:
        return key in self.hidden_parts

    def reason(self, key: Hashable) -> str | None:
        return self.hidden_parts.get(key)

    @property
    def is_total_hidden(self) -> bool:
        return self.total_reason is not None


def suppress_cells(counts: Mapping[Hashable, int], *, threshold: int = THRESHOLD) -> set:
    """The cells of one row to hide (rule 4): the small ones, and their complements.

    `counts` maps each answer category to its count. Returns every key when no set of hidden
    cells can be made large enough (then the row shows its size only)."""
    hidden = {key for key, n in counts.items() if is_too_few(n, threshold=threshold)}
    if not hidden:
        return set()
    spare = sorted(
        (key for key, n in counts.items() if n and key not in hidden),
        key=lambda key: (counts[key], str(key)),
    )
    while spare and (len(hidden) < 2 or sum(counts[key] for key in hidden) < threshold):
        hidden.add(spare.pop(0))
    if len(hidden) < 2 or sum(counts[key] for key in hidden) < threshold:
        return set(counts)
    return hidden


def has_small_cell(counts: Mapping[Hashable, int], *, threshold: int = THRESHOLD) -> bool:
    """True when any count is 1 to threshold−1."""
    return any(is_too_few(n, threshold=threshold) for n in counts.values())


def suppress(counts: Mapping[Hashable, int], *, threshold: int = THRESHOLD) -> Suppression:
    """Decide which parts of a table and whether its total may be shown (rules 1–3 above).

    `counts` maps each part to the number of answers it is built on; the total is their sum.
    """
    hidden = {key: TOO_FEW for key, n in counts.items() if is_too_few(n, threshold=threshold)}
    total = sum(counts.values())
    hidden_together = sum(counts[key] for key in hidden)
    if is_too_few(total, threshold=threshold):
        total_reason = TOO_FEW
    elif is_too_few(hidden_together, threshold=threshold):
        total_reason = SUBTRACTION
    else:
        total_reason = None
    return Suppression(hidden_parts=hidden, total_reason=total_reason)
