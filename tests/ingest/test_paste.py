"""Splitting pasted text into articles: the example and team-written pastes."""

from newsmoa.ingest.paste import split_pasted


def test_example_splits_into_three_articles(example_path):
    chunks = split_pasted(example_path.read_text("utf-8"))
    assert len(chunks) == 3
    assert "[일요신문]" in chunks[0] and "국제뉴스" in chunks[1] and "아시아뉴스통신" in chunks[2]
    # the second article's headline and byline stay with it, not with the first article
    assert chunks[1].lstrip().startswith("완주군, 희망제작소와 업무협약 체결2단계")
    assert "이승희 기자" not in chunks[0]


def test_a_single_article_without_dateline_is_one_chunk():
    text = "제목 줄\n\n본문 첫 문장이다. 두 번째 문장이다.\n"
    assert split_pasted(text) == [text]


def test_separator_lines_split():
    text = "첫 기사 본문이다.\n---\n둘째 기사 본문이다.\n===\n셋째 기사 본문이다."
    assert [c.strip() for c in split_pasted(text)] == [
        "첫 기사 본문이다.",
        "둘째 기사 본문이다.",
        "셋째 기사 본문이다.",
    ]


def test_published_and_updated_datelines_of_one_article_do_not_split():
    text = "\n".join(
        [
            "시, 예산 확정",
            "입력 2024.05.02 09:30",
            "수정 2024.05.02 10:00",
            "시는 내년 예산을 확정했다고 밝혔다.",
            "구청, 도로 보수",
            "입력 2024.05.02 11:00",
            "구청은 도로를 보수한다고 밝혔다.",
        ]
    )
    chunks = split_pasted(text)
    assert len(chunks) == 2
    assert chunks[1].startswith("구청, 도로 보수")
