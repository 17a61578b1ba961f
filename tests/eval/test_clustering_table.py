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
