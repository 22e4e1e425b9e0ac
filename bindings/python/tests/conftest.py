import json
from pathlib import Path

import pytest

VECTORS = Path(__file__).resolve().parents[3] / "tests" / "vectors"
SECRET = "0123456789abcdef0123456789abcdef"
APP_ID = 1234567890


def read_vectors(name):
    return [json.loads(line) for line in (VECTORS / name).read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.fixture
def secret():
    return SECRET
