"""Quote-mark spans found from the text alone (no parser needed)."""
from quotes.attribution.document.quote_marks import find_quotes


def spans(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_and_straight_double_quotes():
    text = '“First one,” he said. She said "second one" too.'
    assert spans(text) == ["“First one,”", '"second one"']


def test_guillemets():
    assert spans("Il a dit «bonjour à tous» hier.") == ["«bonjour à tous»"]


def test_typewriter_pairs():
    text = "''Not only are they supporting her,'' Mr. Merrill said."
    assert spans(text) == ["''Not only are they supporting her,''"]


def test_single_quotes_in_headline_but_not_apostrophes():
    text = "Blinken Praises ‘Courageous Steps’ Of Armenia\nIt's the voters' choice, don't worry."
    assert spans(text) == ["‘Courageous Steps’"]


def test_multi_paragraph_quote_is_one_group():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said.\n\nUnrelated."
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["“First paragraph of the quote.", "“Second paragraph,”"]
    assert quotes[0].group == quotes[1].group
    assert not quotes[0].closed and quotes[1].closed


def test_unbalanced_marks_do_not_raise():
    text = 'He said "this never closes\n\nand ” a stray closing mark. “ And another.'
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes][0] == '"this never closes'
    assert all(q.start < q.end for q in quotes)


def test_two_quotes_split_by_attribution_are_separate_spans():
    text = "“X is true,” he said, “and Y too.”"
    assert spans(text) == ["“X is true,”", "“and Y too.”"]


def test_closing_mark_used_as_opening_and_german_marks():
    # ”…” (Nordic style, or a typing slip) and „…“: the neighbours say which way a mark faces
    text = "”Fear. I am truly afraid.” ― Karen B.\n”Next one.” ― Ann Lee\nEr sagte „Das ist gut“, dann ging er."
    assert spans(text) == ["”Fear. I am truly afraid.”", "”Next one.”", "„Das ist gut“"]


def test_elisions_and_decades_are_apostrophes_not_quote_marks():
    assert spans("'Tis nobler, he wrote. 'I went to the house yesterday,' he said.") == \
        ["'I went to the house yesterday,'"]
    assert spans("The jet was 'on the brink' in the '90s, they played rock 'n' roll.") == ["'on the brink'"]


def test_british_single_quotes_reopened_in_each_paragraph_are_one_quote():
    text = ("The minister said: 'The talks were useful.\n\n"
            "'We will meet again next week, and again after that,' she added.\n\nUnrelated.")
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == [
        "'The talks were useful.", "'We will meet again next week, and again after that,'"]
    assert quotes[0].group == quotes[1].group and not quotes[0].closed


def test_a_long_single_quoted_paragraph_is_quoted_whole():
    para = "'" + " ".join(["The committee will examine every one of the claims in turn."] * 6) + "'"
    text = para + " the chairman said."
    assert spans(text) == [para]


def test_a_quote_wrapped_over_a_line_break_mid_sentence_is_one_quote():
    text = 'The mayor spoke. "We will rebuild the bridge and we will do it\nquickly," the mayor said.\nNext line.'
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ['"We will rebuild the bridge and we will do it\nquickly,"']
    assert quotes[0].closed


def test_guillemets_pair_french_spaced_or_not_and_german_reversed():
    text = "He said «no» and « a last chance ». Er sagte »Nein« dazu."
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["«no»", "« a last chance »", "»Nein«"]


def test_a_closing_single_quote_after_s_is_told_from_a_possessive_by_the_next_word():
    text = "Mr Hollins' brother told the News he had 'no regrets' about the break and backed 'workers' union' plans."
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["'no regrets'", "'workers' union'"]
