"""One table of bullets (`text/data/bullets.tsv`): every place that knows bullets takes them
from it. Six places listed their own, and they disagreed (`▣ 관련기사` was no related list's
label, `△ 한빛일보` no masthead)."""

from newsmoa.extract import boilerplate, html, mastheads, wrapped
from newsmoa.facts import items
from newsmoa.ingest import paste
from newsmoa.text import normalize
from newsmoa.text.bullets import BULLETS, ITEM_BULLETS, LABEL_BULLETS
from newsmoa.text.sentences import list_marks


def test_the_table_reads_bullets_and_which_join_words():
    assert "▲" in ITEM_BULLETS and "■" in ITEM_BULLETS
    assert "■" in LABEL_BULLETS and "▶" not in LABEL_BULLETS
    assert set(BULLETS) - set(ITEM_BULLETS) == {"·", "∙", "ㆍ"}  # the middle dots
    assert len(set(BULLETS)) == len(BULLETS)  # one row a mark


def test_every_place_takes_the_tables_bullets():
    assert normalize.BULLETS == BULLETS
    assert mastheads._BULLETS == BULLETS
    # a label's bullet above a headline is the header's (`■ 청솔일보`), not a related list's
    assert set(paste._BULLETS) == set(BULLETS) - set(LABEL_BULLETS)
    assert set(BULLETS) <= set(html._SUBTITLE_MARKS)
    assert set(BULLETS) <= wrapped._ITEM_MARKS
    assert all(boilerplate._LABEL_MARKS.fullmatch(b) for b in BULLETS)
    assert set(BULLETS) <= set(list_marks())
    # inside a sentence a middle dot joins words (`김·이 의원`): items take the others only
    assert items.LIST_BULLETS == ITEM_BULLETS + items.NUMBERED  # and ① ⑴ ❶ open items


def test_a_bullet_one_place_lacked_is_read_as_the_others_read_it():
    assert boilerplate.is_related_label("▣ 관련기사")
    assert mastheads.masthead("△ 한빛일보") == "한빛일보"
