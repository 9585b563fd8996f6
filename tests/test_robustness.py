"""Interrupted and failing writes: every output appears whole or not at all, old outputs survive."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from quizgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "trotsky-stalin.yaml"


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_disk_full_keeps_the_old_file_and_says_so(tmp_path: Path, monkeypatch, capsys) -> None:
    target = tmp_path / "deck.json"
    target.write_text("old content", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("quizgen.atomic.os.fsync", full)
    with pytest.raises(SystemExit) as info:
        main(["export", str(DECK), "--format", "json", "-o", str(target)])
    assert info.value.code == 1
    err = capsys.readouterr().err
    assert err == f"Error: cannot write {target}: disk full\n"
    assert target.read_text(encoding="utf-8") == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.json"]


def test_unwritable_output_folder(tmp_path: Path, capsys) -> None:
    if os.geteuid() == 0:
        # root writes anywhere; a path under a regular file is unwritable for everyone
        folder = tmp_path / "a-file"
        folder.write_text("")
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    with pytest.raises(SystemExit) as info:
        main(["export", str(DECK), "--format", "json", "-o", str(folder / "deck.json")])
    assert info.value.code == 1
    assert capsys.readouterr().err.startswith(f"Error: cannot write {folder / 'deck.json'}: ")


def test_ctrl_c_during_a_build_leaves_previous_outputs_whole(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "decks", tmp_path / "decks")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "quizgen", "build", "--versions", "2", "--questions", "10"]
    first = subprocess.run(cmd + ["--seed", "1"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before = _digest(tmp_path / "out")
    assert any(name.endswith(".apkg") for name in before) and any(name.endswith(".pdf") for name in before)

    # A second build with another seed, interrupted once it has written its first file.
    proc = subprocess.Popen(cmd + ["--seed", "2"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if "wrote" in line or not line:
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 130)
    assert "Traceback" not in err
    if proc.returncode == 130:
        assert "Interrupted" in err
    after = _digest(tmp_path / "out")
    assert set(after) == set(before), "no temp file left behind, no file lost"
    for name in after:
        path = tmp_path / "out" / name
        if name.endswith(".apkg"):
            with zipfile.ZipFile(path) as z:
                assert z.testzip() is None
        if name.endswith(".pdf"):
            data = path.read_bytes()
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
