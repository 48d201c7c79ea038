"""Rough road distances between the region's municipality centres, for the "how far" filter.

Kept in code on purpose: no map service, no address lookup. The figures are road distances
between the administrative centres (Gjøvik, Dokka, Hov, Raufoss, Lena), rounded to 5 km; they
say how far apart two municipalities are, not how far a young person lives from an offer. A
municipality missing here has no distance, and the filter then leaves its offers out rather
than guessing.
"""

from itertools import combinations

CENTRES = {
    "Gjøvik": "Gjøvik",
    "Nordre Land": "Dokka",
    "Søndre Land": "Hov",
    "Vestre Toten": "Raufoss",
    "Østre Toten": "Lena",
}

_KM = {
    frozenset(("Gjøvik", "Nordre Land")): 45,
    frozenset(("Gjøvik", "Søndre Land")): 30,
    frozenset(("Gjøvik", "Vestre Toten")): 10,
    frozenset(("Gjøvik", "Østre Toten")): 25,
    frozenset(("Nordre Land", "Søndre Land")): 15,
    frozenset(("Nordre Land", "Vestre Toten")): 50,
    frozenset(("Nordre Land", "Østre Toten")): 65,
    frozenset(("Søndre Land", "Vestre Toten")): 35,
    frozenset(("Søndre Land", "Østre Toten")): 50,
    frozenset(("Vestre Toten", "Østre Toten")): 15,
}

# Every pair of the five is in the table (a test holds this).
assert all(frozenset(pair) in _KM for pair in combinations(CENTRES, 2))


def km_between(a: str, b: str) -> int | None:
    """Road km between two municipalities' centres; 0 within one; None when not known."""
    if a == b:
        return 0
    return _KM.get(frozenset((a, b)))


def municipalities_within(origin: str, km: int) -> set[str]:
    """The municipalities whose centre is at most `km` from the origin's (the origin too)."""
    found = {origin}
    for other in CENTRES:
        distance = km_between(origin, other)
        if distance is not None and distance <= km:
            found.add(other)
    return found
