"""Sentences with offsets (`newsmoa.text.sentences`)."""

from __future__ import annotations

from newsmoa.text.sentences import split_text


def test_a_sentence_glued_to_the_next_is_cut_where_a_crawler_joined_them():
    """A flattened page joins paragraphs without a space: "...밝혔다.31일 ..." was one
    sentence to Kiwi; not a point between digits, nor a stop followed by a space."""

    def cut(text: str) -> list[str]:
        return [s.text for s in split_text("a", text)]

    assert cut("수색하고 있다고 밝혔다.31일 오전에도 수색이 이어졌다.") == [
        "수색하고 있다고 밝혔다.",
        "31일 오전에도 수색이 이어졌다.",
    ]
    assert (
        cut("그는 “고맙다”고 말했다.“또 오겠다”는 말도 남겼다.")[1] == "“또 오겠다”는 말도 남겼다."
    )
    assert cut("기준일은 2019.7.31이다. 사업비는 1.5배 늘었다.") == [
        "기준일은 2019.7.31이다.",
        "사업비는 1.5배 늘었다.",
    ]


def _cut(text: str) -> list[str]:
    sentences = split_text("a", text)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    return [s.text for s in sentences]


def test_a_quotation_opening_the_next_sentence_is_not_read_as_the_last_ones_close():
    """Kiwi took the mark after "다. " for the close of a quote: with curly marks the two
    sentences stayed one, with a straight one the quote went with the sentence before and
    its attribution stood alone (52 of the dev day's 375 articles were cut otherwise)."""
    assert _cut("그는 이같이 말했다. “도 국회에서 처리하겠다”고 밝혔다.") == [
        "그는 이같이 말했다.",
        "“도 국회에서 처리하겠다”고 밝혔다.",
    ]
    assert _cut('정부는 31일 대책을 발표했다. "경기도 국회에서 논의할 것"이라고 말했다.') == [
        "정부는 31일 대책을 발표했다.",
        '"경기도 국회에서 논의할 것"이라고 말했다.',
    ]
    assert _cut("관측이 나온다. ‘화이트 리스트’ 제외는 다음달 시행된다.") == [
        "관측이 나온다.",
        "‘화이트 리스트’ 제외는 다음달 시행된다.",
    ]


def test_a_quotation_of_two_sentences_and_what_follows_a_quote_stay_with_it():
    """A stop inside a quotation ends no sentence of the article; a quoted question goes on
    after its mark; a particle or a quotative ending glued to a closing mark goes with the
    quote (`data/quote_tails.txt`), another word there starts a sentence of its own."""
    two = "그는 “파업은 지양해야 한다. 노사문화를 바꾸자”고 호소했다."
    assert _cut(two) == [two]
    assert _cut('그는 "이긴다"고 했다. "또 이긴다." 그렇다.')[1] == '"또 이긴다."'  # not '"'
    asked = "사람들이 ‘인상폭은 어떻게 될까?’ 물으면 답하기 어려웠다."
    assert _cut(asked) == [asked]
    assert _cut("‘희망선물’은 기금으로 운영되는 사업이다.") == [
        "‘희망선물’은 기금으로 운영되는 사업이다."
    ]
    glued = _cut("“문자 기다립니다” “만남 원함”부적절한 만남을 미끼로 한 범행이 잇따랐다.")
    assert glued[-1] == "부적절한 만남을 미끼로 한 범행이 잇따랐다."


def test_a_quote_ending_in_a_stop_keeps_its_attribution_and_straight_single_quotes_count():
    """A review and a black-box test: "“…싶었다.”고 밝혔다." was cut before 고 (a stop
    inside the closing mark was taken for the sentence's end), a straight single quote of
    two sentences was cut inside, a list's labels ("다. 접수") were sentence ends, and an
    opening mark could stand as a sentence of its own."""
    for whole in (
        "김 교수는 “학교에 작은 보답이나마 하고 싶었다.”고 기부 배경을 밝혔다.",
        "그가 “정말 그럴까?”라고 묻자 모두 웃었다.",
        "최 시장은 ‘시민이 먼저다.’라며 정책을 설명했다.",
        "그는 '우리는 이긴다. 끝까지 간다'며 웃었다.",
        "가. 신청 자격 나. 제출 서류 다. 접수 기간 라. 문의처",
        "He said it's fine. 'We won' he added.",
    ):
        assert _cut(whole) == [whole]
    assert "“" not in _cut("그는 “이긴다”고 했다.“또 이긴다.”그렇다.")


def test_an_end_after_a_figure_or_a_latin_word_and_a_years_apostrophe():
    """A review: "2.3%다." and "KT다." ended no sentence once a Hangul syllable was asked
    before 다, the apostrophe of "'80년대" opened a quotation that never closed, and a bare
    quote glued to the next sentence took it in."""
    assert _cut("물가상승률은 2.3%다. “더 오를 것”이라고 전망했다.") == [
        "물가상승률은 2.3%다.",
        "“더 오를 것”이라고 전망했다.",
    ]
    assert _cut("올해 1위는 KT다. ‘5G 효과’라는 분석이 나온다.")[0] == "올해 1위는 KT다."
    assert _cut("그는 '80년대 학번이다. “그때는 달랐다”고 회상했다.")[0] == "그는 '80년대 학번이다."
    for quoted in (
        "그는 '3년 안에 끝내겠다. 반드시 해낸다'고 말했다.",
        "'2030년까지 이루겠다. 약속한다'고 했다.",
    ):
        assert _cut(quoted) == [quoted]  # a quotation opening with a figure (a review)
    assert _cut("“형님, 풍선 부셔야죠”박닌 시내에서도 해봤다.")[-1] == "박닌 시내에서도 해봤다."


def test_english_sentences_are_cut_at_their_stops_but_not_after_abbreviations():
    """Kiwi keeps an English paragraph's sentences together; they are cut at a stop before
    a capital or a digit, not after `Gov.`, `Ore.`, `U.S.`, `p.m.` or an initial, and a
    quotation's closing mark stays with its sentence."""

    def cut(text: str) -> list[str]:
        return [s.text for s in split_text("a", text)]

    assert cut(
        "SEASIDE, Ore. (Reuters) - A storm killed 12 people, Gov. Kate Brown said on Friday. "
        "About 3,000 homes lost power. The U.S. Coast Guard helped J. Smith at 8 p.m. Friday."
    ) == [
        "SEASIDE, Ore. (Reuters) - A storm killed 12 people, Gov. Kate Brown said on Friday.",
        "About 3,000 homes lost power.",
        "The U.S. Coast Guard helped J. Smith at 8 p.m. Friday.",
    ]
    assert cut('He said "the storm is over." Officials disagreed.') == [
        'He said "the storm is over."',
        "Officials disagreed.",
    ]


def test_a_time_ends_a_sentence_but_before_what_goes_on_with_it():
    """`The ceremony started at 9 a.m. Officials said …` was one sentence: `a.m.` and `p.m.`
    end one, except before a weekday, a month or a zone (`data/time_tails.txt`); `U.S.`,
    `Jan.` and `Mr.` still end none."""

    def cut(text: str) -> list[str]:
        return [s.text for s in split_text("a", text)]

    assert cut(
        "The ceremony started at 9 a.m. Officials said it cost $18 million. Doors open at "
        "7 P.M. EST. The vote is at 10 a.m. Jan. 5 in the U.S. Capitol, Mr. Kowalski said. "
        "It ended at 5 p.m. 40 people stayed."
    ) == [
        "The ceremony started at 9 a.m.",
        "Officials said it cost $18 million.",
        "Doors open at 7 P.M. EST.",
        "The vote is at 10 a.m. Jan. 5 in the U.S. Capitol, Mr. Kowalski said.",
        "It ended at 5 p.m.",
        "40 people stayed.",
    ]


def test_an_abbreviation_ends_a_sentence_before_a_word_that_opens_one():
    """`signed with Northway Fiber Inc. The deal …` was one sentence: an abbreviation's or
    an initial's stop before `The`, `It`, `He` (`data/sentence_openers.txt`) ends one;
    before a name or an initial (`Gen. A. Smith`) it still does not."""

    def cut(text: str) -> list[str]:
        return [s.text for s in split_text("a", text)]

    assert cut(
        "The county signed with Northway Fiber Inc. The deal covers 4,200 homes. Prices rose "
        "in the U.S. It was a record. Gen. A. Smith and Mr. Kowalski spoke."
    ) == [
        "The county signed with Northway Fiber Inc.",
        "The deal covers 4,200 homes.",
        "Prices rose in the U.S.",
        "It was a record.",
        "Gen. A. Smith and Mr. Kowalski spoke.",
    ]


def test_a_local_officials_abbreviated_title_ends_no_sentence():
    """`Ald.` (alderman) cut `Ward 3 Ald. Chuck Redpath said …` into `Ward 3 Ald.` and the
    rest, and the story showed both as sentences (a black-box case)."""
    pieces = [
        s.text
        for s in split_text(
            "a",
            "Ward 3 Ald. Chuck Redpath voted no. Ald. Erin Conley and Asst. Chief Dan Roe "
            "agreed. Atty. Gen. Kwame Raoul spoke in Springfield, Mo. Monday.",
        )
    ]
    assert pieces == [
        "Ward 3 Ald. Chuck Redpath voted no.",
        "Ald. Erin Conley and Asst. Chief Dan Roe agreed.",
        "Atty. Gen. Kwame Raoul spoke in Springfield, Mo. Monday.",
    ]


def test_words_that_are_also_abbreviations_end_sentences():
    """`no`, `ill`, `Mass.` end sentences (a review: they were read as abbreviations, and two
    sentences stayed one); `No.` before a number is no end of ours (Kiwi cuts there)."""
    from newsmoa.text.sentences import _abbreviated

    def cut(text: str) -> list[str]:
        return [s.text for s in split_text("a", text)]

    assert len(cut("Asked for more, he said no. The crowd cheered.")) == 2
    assert len(cut("He fell ill. The doctor came.")) == 2
    assert len(cut("He went to Mass. The service was long.")) == 2
    assert _abbreviated("seeded No. 1 in", 8) and not _abbreviated("said no. The", 6)


def test_initials_and_more_titles_keep_one_sentence():
    """`J.R. Hollings`, `George H.W. Bush`, `Mt. Hood`, `Maj. Gen.` are no ends (a black-box
    case cut them), while `the US.` and `NATO.` end sentences."""

    def cut(text: str) -> list[str]:
        return [s.text for s in split_text("a", text)]

    assert len(cut("Mayor J.R. Hollings said George H.W. Bush liked Mt. Hood. Others agreed.")) == 2
    assert len(cut("Maj. Gen. Smith left Ft. Lauderdale. He flew home.")) == 2
    assert len(cut("It joined the US. It opened in NATO. Then it left.")) == 3


LEAD = "청솔군은 30일 군청에서 지역 농협과 스마트팜 단지 조성 협약을 맺었다고 31일 밝혔다."
MORE = " 협약에 따라 두 기관은 2027년까지 120억원을 들여 송림면에 단지를 짓는다."


def test_a_deck_glued_onto_the_lead_is_no_sentence():
    for deck in [
        # the deck's last line ends in a verb's ending, the lead's first word glued on
        "청솔군, 스마트팜 단지 조성 / 2027년까지 120억원 투입 / 농민 판로도 함께 늘려",
        # ... in a particle
        "스마트팜 협약 / 단지 규모 30㏊ / 완공은 2027년으로",
    ]:
        got = [s.text for s in split_text("a", deck + LEAD + MORE)]
        assert got == [LEAD, MORE.strip()], deck


def test_a_lead_without_a_deck_keeps_its_words():
    for text in [
        LEAD + MORE,
        # a mark in the lead's quotation, glued words far after it
        "군수는 “농민들이 … 기다려 온 일”이라며 청솔군은 30일 군청에서 지역 농협과 스마트팜 "
        "단지 조성 협약을 맺고 2027년까지 송림면 일대에 단지를 짓기로 했다고 밝혔다.",
        # a quotation opening the report, its own sentence ended before the mark's line
        "“판로까지 책임지겠습니다…. 농민 여러분” 청솔군수는 30일 군청에서 이렇게 말했다.",
        # a quotation ending in a mark, or a sentence ending in one, opening the lead (a review)
        "“제발 우리 아이를 살려주세요…” 30일 새벽 청솔군의 한 아파트에서 불이 나 주민 20여명이"
        " 대피했다.",
        "청솔군 아파트값이 3주 연속 올랐다… 군은 30일 대책 회의를 열었다.",
        # a release's missing spaces after a particle (a review)
        "청솔군 / 송림면 일대에서 10월1일부터3일까지 스마트팜 축제가 열린다고 군이 30일 밝혔다.",
    ]:
        got = " ".join(s.text for s in split_text("a", text))
        assert got == " ".join(text.split()), text


def test_a_date_written_in_dots_is_no_sentence_end():
    """A release dates itself `2026. 11. 24.(화)`; Kiwi ended a sentence at each stop, so
    `청솔군은 2026.` / `11.` / `24.(화) 14:00 …` were three sentences and the date rules
    never saw the date whole (a black-box case). A figure before a stop still ends one."""
    for whole in (
        "2026. 11. 24.(화)",
        "11. 24.(화) 14:00",
        "- 일시: 11. 24. 14:00",
        "청솔군은 2026. 11. 24.(화) 14:00 군청 대회의실에서 협약식을 열었다.",
        "가. 일시: ’26. 11. 24.(화) 10:00",
        "사업기간은 2026. 1. ~ 2026. 12.이다.",
        "새 제도는 12. 1.부터 시행한다.",
    ):
        assert _cut(whole) == [whole]
    assert _cut("It grew in 2019. 12 people left.") == ["It grew in 2019.", "12 people left."]
    assert _cut("He scored 3. 4 people were hurt.") == ["He scored 3.", "4 people were hurt."]


WRAPPED = """청솔군은 30일 군청에서 지역 농협, (주)청솔푸드와
스마트팜 혁신단지 조성을 위한 업무협약을 체결했다고
31일 밝혔다. 협약에 따라 세 기관은 2027년까지 총 120
억원을 들여 송림면 일대에 단지를 조성하기로 했다.
주요 협력 내용은 다음과 같다.
△스마트팜 단지 조성 및 운영에 필요한 기술의 공동
개발
△청년 농업인 육성"""


def test_a_hard_wrapped_text_is_cut_into_its_sentences_not_its_lines():
    """A release copied out of a PDF breaks its lines where the page did: each line was a
    sentence (`…지역 농협과` / `…맺었다고` / `31일 밝혔다.`), and a reprint's quote broken
    over two lines stood as two halves (black-box cases). A list item still starts its own."""
    assert [" ".join(s.split()) for s in _cut(WRAPPED)] == [
        "청솔군은 30일 군청에서 지역 농협, (주)청솔푸드와 스마트팜 혁신단지 조성을 위한 "
        "업무협약을 체결했다고 31일 밝혔다.",
        "협약에 따라 세 기관은 2027년까지 총 120 억원을 들여 송림면 일대에 단지를 조성하기로 했다.",
        "주요 협력 내용은 다음과 같다.",
        "△스마트팜 단지 조성 및 운영에 필요한 기술의 공동 개발",
        "△청년 농업인 육성",
    ]
    assert len(_cut("김철수 군수는 “청년이 돌아오는 농촌을\n만들겠다.”라고 말했다.")) == 1
    for lines in (
        "청솔군, 스마트팜 단지 조성 협약 체결\n청솔군은 30일 협약을 맺었다.",
        "[한빛일보=최수진 기자]\n청솔군은 30일 협약을 맺었다.\n최수진 기자 sj@hanbit.example",
        "“문자 기다립니다”\n“만남 원함”",
    ):
        assert len(_cut(lines)) == lines.count("\n") + 1


def test_an_ellipsis_after_a_final_ending_ends_a_sentence_either_way_it_is_written():
    """Kiwi cut `끝났다...` from what follows but kept `끝났다…` with it, so a reprint that
    wrote the other mark aligned one sentence with two (a black-box case)."""
    for mark in ("…", "..."):
        assert _cut(f"행사는 성황리에 끝났다{mark} 군은 내년에도 연다.") == [
            f"행사는 성황리에 끝났다{mark}",
            "군은 내년에도 연다.",
        ]
    inside = "그는 “많이 힘들었다… 그래도 버텼다”고 말했다."
    assert _cut(inside) == [inside]


def test_a_wrapped_texts_line_ending_in_a_closed_quotation_ends_its_paragraph():
    """A line ending `…늘리겠다.”` ended in a closing mark, not a stop, so a wrapped text
    joined it to the next line's paragraph (a review)."""
    from newsmoa.text.sentences import _unwrapped

    lines = [
        "김철수 군수는 “청년이 돌아오는 농촌을 만들고 일자리를 늘리겠다.”",
        "군은 내년부터 스마트팜 단지를 조성하고 청년 농업인을 육성할 계획이라고",
        "밝혔다. 협약식에는 주민 백여 명이 참석해 두 기관의 협력을 축하했다.",
    ]
    text = "\n".join(lines)
    assert [text[a:b] for a, b in _unwrapped(text)] == [lines[0], "\n".join(lines[1:])]


def test_a_legal_forms_mark_opening_a_sentence_stays_with_its_name():
    """`(복)청솔복지회는 …` after another sentence on its line was cut into `(복)` alone and a
    sentence naming `청솔복지회` without its form (Kiwi ends the sentence before after the
    mark); a sentence opening the line kept it."""
    assert _cut(
        "군은 협약을 맺었다. (복)청솔복지회도 참여했다.(주)청솔식품은 1000만원을 기탁했다."
    ) == [
        "군은 협약을 맺었다.",
        "(복)청솔복지회도 참여했다.",
        "(주)청솔식품은 1000만원을 기탁했다.",
    ]
    assert _cut("(사)청솔문화재단과 (재)청솔장학회도 참여했다. (사) 청솔회도 함께했다.") == [
        "(사)청솔문화재단과 (재)청솔장학회도 참여했다.",
        "(사) 청솔회도 함께했다.",
    ]
