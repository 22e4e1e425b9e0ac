"""Building the package from a checkout leaves the source tree alone, so two builds can run at once."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("cargo") is None, reason="building from source needs cargo")
def test_two_builds_at_once_from_one_checkout_both_succeed_and_write_nothing_into_it(tmp_path):
    before = sorted(p.relative_to(SOURCE) for p in SOURCE.rglob("*") if "__pycache__" not in p.parts)
    builds = [
        subprocess.Popen(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / f"wheels{i}"), str(SOURCE)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PIP_NO_INPUT": "1"},
        )
        for i in range(2)
    ]
    for build in builds:
        output = build.communicate(timeout=600)[0].decode(errors="replace")
        assert build.returncode == 0, output
    for i in range(2):
        assert len(list((tmp_path / f"wheels{i}").glob("zego_token-*.whl"))) == 1
    after = sorted(p.relative_to(SOURCE) for p in SOURCE.rglob("*") if "__pycache__" not in p.parts)
    assert after == before
