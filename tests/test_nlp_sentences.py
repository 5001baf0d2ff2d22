"""Sentence-split repairs for news abbreviations."""
from quotes.nlp.sentences import merge_abbreviation_splits


def test_us_before_title_is_joined():
    sentences = [["U.S."], ["Secretary", "of", "State", "Antony", "Blinken", "praised", "Armenia", "."]]
    assert merge_abbreviation_splits(sentences) == [["U.S.", "Secretary", "of", "State", "Antony", "Blinken",
                                                     "praised", "Armenia", "."]]


def test_title_abbreviation_before_name_is_joined():
    sentences = [["He", "met", "Sen."], ["Elizabeth", "Warren", "."]]
    assert len(merge_abbreviation_splits(sentences)) == 1


def test_ordinary_sentence_ends_are_kept():
    sentences = [["He", "left", "."], ["She", "stayed", "."], ["They", "work", "for", "Acme", "Inc."], ["It", "grew", "."]]
    assert merge_abbreviation_splits(sentences) == sentences


def test_lowercase_after_abbreviation_mid_paragraph_is_not_forced():
    sentences = [["Talks", "in", "the", "U.S."], ["and", "abroad", "."]]
    assert merge_abbreviation_splits(sentences) == sentences


def test_mwt_tuples_are_understood():
    sentences = [[("U.S.", False)], ["Officials", "said", "so", "."]]
    assert len(merge_abbreviation_splits(sentences)) == 1
