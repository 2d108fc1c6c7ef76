"""Usage errors (a directory as FILE, a bad option …) are one `Error:` line and exit status 2, as bad input is."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from xianjice.cli import cli


@pytest.fixture()
def a_file(tmp_path):
    path = tmp_path / "a-file.txt"
    path.write_text("x", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["build", "{dir}"], "is a directory"),
        (["build", "--lexicon", "{dir}"], "'--lexicon'"),
        (["build", "--gazetteer", "{dir}"], "'--gazetteer'"),
        (["build", "-o", "{file}"], "is a file"),
        (["build", "--no-such-option"], "No such option"),
        (["extract", "--format", "yaml"], "'yaml' is not one of"),
        (["no-such-command"], "No such command"),
        (["query"], "Missing argument"),
        (["build", "--base"], "requires an argument"),
    ],
)
def test_usage_errors_are_one_line(tmp_path, a_file, args, says):
    args = [a.format(dir=tmp_path, file=a_file) for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ") and says in lines[0]
    assert "Usage:" not in result.output and "Traceback" not in result.output


def test_the_console_script_too(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "xianjice", "build", str(tmp_path)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("Error: ") and "--help" in proc.stderr


def test_help_and_version_still_work():
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--help"]).output.startswith("Usage: ")
    version = runner.invoke(cli, ["--version"])
    assert version.exit_code == 0 and version.output.startswith("xianjice, version ")
    bare = runner.invoke(cli, [])
    assert "Commands:" in bare.output
