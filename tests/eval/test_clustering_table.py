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
    assert all(line.split()[-2:] == ["-", "-"] for line in out if "1 at a time" in line)
