"""Install what the tests need and the Python packages cannot bring: Debian's Chromium.

Run before pytest (the README's test command and ``.ci/run`` do)::

    python tests/prepare.py

Installs Debian's ``chromium`` with ``apt-get`` when ``/usr/bin/chromium`` is
missing: the browser tests drive it with Playwright, and no browser is ever
downloaded by a test tool.  No font is installed: the heatmap draws with the
font pip installs (``pylopdf-fonts-zh-cn``), and no browser test looks at
how Chinese is drawn.  Works as root (CI) or through ``sudo``.  Prints what it
does; exits non-zero when it cannot install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")


def missing_packages() -> list[str]:
    """Return the Debian packages to install (none when everything is there)."""
    return [] if CHROMIUM.exists() else ["chromium"]


def _apt(args: list[str]) -> int:
    prefix = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            print("prepare: not root and no sudo: cannot run apt-get", file=sys.stderr)
            return 1
        prefix = ["sudo", "-n"]
    cmd = [*prefix, "apt-get", *args]
    print("prepare: running", " ".join(cmd), flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(cmd, env=env, check=False).returncode


def main() -> int:
    packages = missing_packages()
    if not packages:
        print(f"prepare: {CHROMIUM} is installed; nothing to do")
        return 0
    if not shutil.which("apt-get"):
        print(f"prepare: missing {', '.join(packages)} and no apt-get here; install them by hand", file=sys.stderr)
        return 1
    print(f"prepare: installing {', '.join(packages)}")
    code = _apt(["install", "-y", *packages])
    if code != 0:
        print("prepare: install failed; refreshing the package lists and trying again", flush=True)
        if _apt(["update"]) != 0 or _apt(["install", "-y", *packages]) != 0:
            print(f"prepare: could not install {', '.join(packages)}", file=sys.stderr)
            return 1
    still = missing_packages()
    if still:
        print(f"prepare: still missing after install: {', '.join(still)}", file=sys.stderr)
        return 1
    version = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, check=False)
    print(f"prepare: done ({version.stdout.strip() or 'chromium installed'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
