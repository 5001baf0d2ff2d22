"""Boilerplate lines are blanked with spaces, keeping every offset."""
from quotes.text.boilerplate import blank_boilerplate, boilerplate_lines

PAGE = ("Մատչելիության հղումներ\n\nHeadline Here\n\nA caption of the photo, 2022\n"
        "A caption of the photo, 2022\n\nThe article body says things.\n\nXS\nSM\nMD\nLG")


def test_blanking_keeps_length_and_newlines():
    out = blank_boilerplate(PAGE)
    assert len(out) == len(PAGE)
    assert [i for i, ch in enumerate(out) if ch == "\n"] == [i for i, ch in enumerate(PAGE) if ch == "\n"]


def test_other_script_duplicate_caption_and_widget_are_blanked():
    out = blank_boilerplate(PAGE)
    assert "Մատչելիության" not in out
    assert "caption" not in out
    assert "XS" not in out and "LG" not in out
    assert "Headline Here" in out and "The article body says things." in out


def test_ordinary_text_untouched():
    text = "He said the talks would go on.\n\nShe agreed.\nUS"
    assert blank_boilerplate(text) == text
    assert boilerplate_lines(text) == []


def test_single_line_widget():
    assert "XS" not in blank_boilerplate("Body text here.\nXS SM MD LG\n")


def test_author_follow_line_is_blanked():
    text = 'PENCE: That is why.\n\n"Follow Pam Key on Twitter @pamkeyNEN."\nFollow John Nolte on Twitter: @NolteNC.'
    out = blank_boilerplate(text)
    assert "Follow" not in out and "PENCE: That is why." in out
    assert blank_boilerplate("Follow the money, he said.") == "Follow the money, he said."


def test_links_to_other_stories_are_blanked():
    text = ('"We will win," Smith said.\n\nRead more: Smith says he will run again\n'
            "RELATED: Jones says the polls are wrong\nMore money is needed, Jones said.")
    out = blank_boilerplate(text)
    assert "run again" not in out and "polls are wrong" not in out
    assert '"We will win," Smith said.' in out and "More money is needed, Jones said." in out


def test_live_blog_time_stamps_are_blanked_and_times_in_prose_are_not():
    text = ("Storm Bethan: live\n10:42 GMT\nThe Met Office upgraded its warning.\nUpdated 14:05 BST\n"
            "3 min ago\n12:30 p.m. ET\nKey events\nHe said 10:42 GMT was too late.")
    blanked = [text[s:e] for s, e in boilerplate_lines(text)]
    assert blanked == ["10:42 GMT", "Updated 14:05 BST", "3 min ago", "12:30 p.m. ET", "Key events"]
