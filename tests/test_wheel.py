"""The wheel users install: one top-level package, xianjice, with the seed, the queries and every data file."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def package_folders() -> dict[str, Path]:
    """Every package pyproject installs, with the repository folder it comes from."""
    mapping = SETUPTOOLS["package-dir"]
    out = {}
    for package in SETUPTOOLS["packages"]:
        root = max((p for p in mapping if package == p or package.startswith(p + ".")), key=len)
        out[package] = ROOT / mapping[root] / Path(*package[len(root) + 1 :].split(".") if package != root else ())
    return out


def test_pyproject_installs_every_package_and_only_under_xianjice():
    folders = package_folders()
    assert all(p == "xianjice" or p.startswith("xianjice.") for p in folders)
    assert all((f / "__init__.py").is_file() for f in folders.values())
    listed = {f.resolve() for f in folders.values()}
    for top in {ROOT / d for d in SETUPTOOLS["package-dir"].values()}:
        for init in top.rglob("__init__.py"):
            assert init.parent.resolve() in listed, f"{init.parent} is a package pyproject does not install"


def test_the_wheel(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    wheel = zipfile.ZipFile(next(tmp_path.glob("xianjice-*.whl")))
    names = set(wheel.namelist())
    assert {n.split("/")[0] for n in names if ".dist-info/" not in n} == {"xianjice"}
    expected = set()
    for package, folder in package_folders().items():
        for path in folder.iterdir():
            if path.is_file() and path.suffix != ".pyc":
                expected.add("/".join([*package.split("."), path.name]))
            elif path.is_dir() and path.name == "data":
                expected |= {"/".join([*package.split("."), "data", p.name]) for p in path.iterdir() if p.is_file()}
    assert expected - names == set()
    assert "xianjice/seeds/customs-2009-xianjice-prize-essays.txt" in names
    assert "xianjice/queries/essays-by-tier.rq" in names
    license_files = [n for n in names if n.endswith(".dist-info/METADATA")]
    assert "License: MIT" in wheel.read(license_files[0]).decode("utf-8")
