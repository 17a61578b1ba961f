"""`python -m newsmoa.eval.clustering` prints one table and says when the Korean set is absent."""

from newsmoa.eval import clustering


def test_table_prints_and_skips_missing_korean_texts(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSMOA_KO_DEV", str(tmp_path / "absent.jsonl"))
    monkeypatch.setenv("NEWSMOA_KO_AUG", str(tmp_path / "absent.csv"))
    assert clustering.main([]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:2] == ["set", "articles"]
    assert any(line.startswith("ECB+ test 36-45") for line in out)
    assert any("ko-news-2019-07-31: skipped" in line for line in out)
    assert any("ko-news-2019-08 A: skipped" in line for line in out)
    redecided = [line.split() for line in out if line.startswith("  re-decided after each")]
    assert redecided and all(int(r[-2]) >= int(r[-1]) >= 0 for r in redecided)  # moves, back
    ingested = [line.split() for line in out if line.startswith("  ingested 1 a call")]
    assert len(ingested) == 1 and int(ingested[0][-2]) >= int(ingested[0][-1]) >= 0
    assert all(line.split()[-2:] == ["-", "-"] for line in out if "1 at a time" in line)


def test_the_products_own_stream_stores_every_article_and_drops_none_silently():
    """`ingest_stream` runs `Newsroom.ingest` one article a call: reports of one event end
    in one story, another event in its own, and an article extraction drops (no body) is a
    story of its own rather than missing."""
    from datetime import UTC, datetime, timedelta

    from newsmoa.eval.arrival import ingest_stream
    from newsmoa.eval.datasets import EvalSet
    from newsmoa.types import Article

    t0 = datetime(2024, 3, 1, 9, tzinfo=UTC)
    body = "완주군은 희망제작소와 정책개발 협약을 맺었다고 20일 밝혔다. 협약식에는 군수가 참석했다."
    other = "서울시는 한강 공원의 야간 개장 시간을 늘린다고 21일 발표했다. 시민 의견을 반영했다."
    arts = (
        Article("a", body, title="완주군 희망제작소 협약", published=t0),
        Article("b", body + " 2단계 협력이다.", title="완주군 협약 체결", published=t0),
        Article("c", other, title="한강 공원 야간 개장", published=t0 + timedelta(hours=3)),
        Article("empty", " ", title="제목만", published=t0 + timedelta(hours=4)),
    )
    got = ingest_stream(EvalSet("tiny", arts, ("x", "x", "y", "z")))
    a, b, c, empty = got.stories
    assert a == b != c and empty == "dropped empty" and got.moves >= got.returns >= 0


def test_a_set_is_read_as_the_product_reads_it():
    """`EvalSet.extracted`: each article through the extract stage; one it drops is kept in
    the set (for the gold), out of `kept`, and a story of its own in `stories`; reading an
    extracted set again changes nothing."""
    from newsmoa.eval.datasets import EvalSet
    from newsmoa.types import Article

    body = "완주군은 희망제작소와 정책개발 협약을 맺었다고 20일 밝혔다. 협약식에는 군수가 참석했다."
    data = EvalSet(
        "tiny",
        (Article("a", "완주군 협약\n" + body), Article("b", "폰트키우기 폰트줄이기 프린트하기")),
        ("x", "x"),
    )
    got = data.extracted()
    assert got.dropped == {"b"} and [a.id for a in got.kept()] == ["a"]
    assert got.articles[0].title == "완주군 협약" and got.articles[0].text == body
    assert got.stories(lambda aid: "s1") == ("s1", "dropped b")
    assert got.extracted() is got and got.subset("a", [1]).dropped == {"b"}
