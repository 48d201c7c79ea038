"""Small-group suppression: the rules in surveys/suppression.py."""

from surveys.suppression import SUBTRACTION, TOO_FEW, is_too_few, suppress, suppress_cells


def test_cell_under_five_answers_is_hidden():
    decision = suppress({"gjovik": 4, "toten": 12})

    assert decision.reason("gjovik") == TOO_FEW
    assert not decision.is_hidden("toten")


def test_five_answers_are_enough():
    assert not suppress({"gjovik": 5}).is_hidden("gjovik")
    assert not is_too_few(5)
    assert is_too_few(1)


def test_an_empty_group_reveals_nobody_and_is_shown():
    decision = suppress({"gjovik": 0, "toten": 8})

    assert not decision.is_hidden("gjovik")
    assert not decision.is_total_hidden


def test_total_that_would_reveal_one_hidden_office_by_subtraction_is_hidden():
    # 12 + 9 shown, total 24 shown would give the hidden office's 3 by subtraction.
    decision = suppress({"gjovik": 12, "nordre-land": 9, "sondre-land": 3})

    assert decision.is_hidden("sondre-land")
    assert decision.total_reason == SUBTRACTION


def test_total_is_hidden_when_several_hidden_offices_together_are_fewer_than_five():
    decision = suppress({"a": 10, "b": 2, "c": 2})

    assert decision.hidden_parts == {"b": TOO_FEW, "c": TOO_FEW}
    assert decision.total_reason == SUBTRACTION


def test_total_is_shown_when_the_hidden_offices_together_are_five_or_more():
    # Subtracting gives b and c together: 7 answers, itself a group large enough to show.
    decision = suppress({"a": 10, "b": 3, "c": 4})

    assert decision.is_hidden("b") and decision.is_hidden("c")
    assert not decision.is_total_hidden


def test_total_under_five_is_hidden_as_too_few():
    decision = suppress({"a": 2, "b": 1})

    assert decision.total_reason == TOO_FEW


def test_nothing_is_hidden_when_every_office_has_enough():
    decision = suppress({"a": 5, "b": 6})

    assert decision.hidden_parts == {}
    assert not decision.is_total_hidden


def test_no_answers_at_all_hides_nothing():
    decision = suppress({"a": 0, "b": 0})

    assert decision.hidden_parts == {}
    assert not decision.is_total_hidden


def test_no_shown_figures_ever_let_a_small_group_be_worked_out():
    """Exhaustively over small tables: whatever is shown, total minus the shown parts is
    either not computable (total hidden) or covers 0 or 5+ answers."""
    import itertools

    for counts in itertools.product(range(0, 8), repeat=3):
        decision = suppress(dict(enumerate(counts)))
        shown_parts = [n for key, n in enumerate(counts) if not decision.is_hidden(key)]
        for key, n in enumerate(counts):
            if not decision.is_hidden(key):
                assert not is_too_few(n)
        if not decision.is_total_hidden:
            remainder = sum(counts) - sum(shown_parts)
            assert not is_too_few(remainder), counts


# --- Cells within a row (rule 4) -----------------------------------------------------------------


def test_row_without_small_cells_hides_nothing():
    assert suppress_cells({"yes": 7, "no": 5, "maybe": 0}) == set()


def test_small_cell_is_hidden_with_the_next_smallest_so_it_cannot_be_subtracted():
    # 9 answers: 6 yes, 3 no. Hiding "no" alone would leave 9 − 6 = 3 on the page.
    assert suppress_cells({"yes": 6, "no": 3, "maybe": 0}) == {"yes", "no"}


def test_two_small_cells_holding_under_five_together_take_a_third():
    # 1 + 2 = 3 < 5: the pair would be known to be 1 and 2 (or 2 and 1) out of few.
    assert suppress_cells({"a": 1, "b": 2, "c": 6, "d": 9}) == {"a", "b", "c"}


def test_row_that_cannot_hide_enough_hides_every_cell():
    assert suppress_cells({"yes": 4, "no": 0}) == {"yes", "no"}
