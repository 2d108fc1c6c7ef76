"""Commands load lazily: a command pays only for the libraries it uses."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from xianjice.cli import COMMANDS, cli


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_the_group_imports_no_command_module_nor_heavy_library():
    loaded = _modules_after("import xianjice.cli")
    assert not {"networkx", "rdflib", "jieba", "rjieba", "matplotlib", "pyoxigraph"} & loaded
    assert not {m for m in set(COMMANDS.values()) if m in loaded}


def test_query_does_not_load_the_extraction_pipeline():
    loaded = _modules_after("import xianjice.cli as c; c.cli.get_command(None, 'query')")
    assert "xianjice.commands_graph" in loaded
    assert not {"xianjice.extract.pipeline", "jieba", "rjieba", "matplotlib"} & loaded


def test_help_lists_every_command_in_order():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()]
    assert sorted(listed) == sorted(COMMANDS)
    assert CliRunner().invoke(cli, ["nosuch"]).exit_code == 2
