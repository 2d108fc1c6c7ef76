"""The README's commands are the ones that work: its Python block runs, CI runs its test command, the licence matches."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def test_the_first_python_block_runs_as_is_from_any_directory(tmp_path):
    code = blocks(section("Python"), "python")[0]
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "60 essays" in proc.stdout and "一等奖 20" in proc.stdout and "二等奖 40" in proc.stdout
    assert (tmp_path / "xianjice-exports" / "graph.ttl").is_file()


def test_ci_runs_exactly_the_readme_test_command():
    main_job, tests = blocks(section("Set up"), "sh")[:2]
    assert main_job.strip().endswith(".venv/bin/xianjice build")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == tests.strip()


def test_the_licence_file_matches_pyproject():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["license"] == {"text": "MIT"}
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_importing_xianjice_loads_no_heavy_library():
    code = ("import sys, xianjice\n"
            "heavy = [m for m in ('networkx', 'rdflib', 'matplotlib', 'jieba', 'xianjice.api') if m in sys.modules]\n"
            "print(heavy)\n"
            "assert callable(xianjice.read_files) and 'xianjice.api' in sys.modules\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
