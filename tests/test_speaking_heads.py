"""Which unnamed descriptions may be a speaker (``naming/speaking_heads.py``)."""
import pytest

from quotes.attribution.speakers.naming.speaking_heads import can_speak


@pytest.mark.parametrize("name", [
    "critics", "a senior official", "many", "police", "the union", "federal data", "the new ad",
    "all the experts I interviewed", "insurgents affiliated with Al Qaeda", "group of researchers",
    "only 40 percent of DNC members", "the arbitration panel", "another source", "the study", "proponents",
    "a third of independents", "moderates",
])
def test_people_bodies_and_reporting_texts_may_speak(name):
    assert can_speak(name)


@pytest.mark.parametrize("name", [
    "gray sky", "racial issues", "the streets", "policies", "best response", "something", "what", "topic",
    "talk",
])
def test_things_do_not_speak(name):
    assert not can_speak(name)
