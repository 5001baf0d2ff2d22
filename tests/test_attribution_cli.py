"""`quotes extract` and `quotes evaluate` through click, on the real pipeline."""
import json

from click.testing import CliRunner

from quotes.cli import cli

ARTICLE = "“We will not give up,” the mayor said.\n\nThe council said that the vote would take place on Friday.\n"


def test_extract_json_and_bad_files(tmp_path, pipeline):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf-8")
    result = CliRunner().invoke(cli, ["extract", str(good), str(tmp_path / "missing.txt"), str(bad), "--json"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["file"] for r in lines} == {str(good)}
    kinds = {r["kind"] for r in lines}
    assert "direct" in kinds and "indirect" in kinds
    for r in lines:
        assert ARTICLE[r["content_spans"][0][0]:r["content_spans"][0][1]] in r["content"]
    assert f"error: {tmp_path / 'missing.txt'}:" in result.stderr
    assert f"error: {bad}: not valid UTF-8" in result.stderr


def test_extract_human_output(tmp_path, pipeline):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(good)])
    assert result.exit_code == 0
    assert "attribution(s)" in result.stdout and "[direct]" in result.stdout


def test_evaluate_command_on_handmade_brat(tmp_path, pipeline, monkeypatch):
    monkeypatch.setenv("QUOTES_CACHE", str(tmp_path / "cache"))
    text = "“We will win the vote,” Smith said.\n"
    (tmp_path / "pn" / "dev" / "text").mkdir(parents=True)
    (tmp_path / "pn" / "dev" / "attributions").mkdir()
    (tmp_path / "pn" / "dev" / "text" / "a.txt").write_text(text, encoding="utf-8")
    q_end = text.index("Smith") - 1
    s0 = text.index("Smith")
    c0 = text.index("said")
    ann = (f"T1\tContent 0 {q_end}\t{text[:q_end]}\nT2\tSource {s0} {s0 + 5}\tSmith\n"
           f"T3\tCue {c0} {c0 + 4}\tsaid\nT4\tAttribution {c0} {c0 + 4}\tsaid\n"
           "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n")
    (tmp_path / "pn" / "dev" / "attributions" / "a_x.ann").write_text(ann, encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "pn"), "--split", "dev", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert scores["exact"]["content"]["f1"] == 1.0
    assert scores["exact"]["cue"]["f1"] == 1.0
    assert scores["exact"]["source"]["f1"] == 1.0
    assert json.loads(out.read_text().splitlines()[0])["article"] == "a"
    assert list((tmp_path / "cache").iterdir())     # parses cached
