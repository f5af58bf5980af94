# -*- coding: utf-8 -*-
"""lab/labctl's voice image (issue 13): its content hash covers every file the build copies,
`build --only` refuses an unknown image before touching podman, and nothing secret is in
lab/images/voice (the entrypoint makes the certificate, key and TURN password at start)."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VOICE = REPO / "lab" / "images" / "voice"


@pytest.fixture(scope="module")
def labctl():
    return runpy.run_path(str(REPO / "lab" / "labctl"))


def test_voice_image_is_built_like_the_others(labctl):
    assert labctl["IMAGES"]["voice"] == "localhost/voipready-voice:1"
    assert labctl["CONTAINERFILES"]["voice"] == "voice"
    text = (VOICE / "Containerfile").read_text()
    assert re.search(r"^ARG BASE\nFROM \$\{BASE\}$", text, re.M)  # the lab base image
    # packages come from apt in the build, not from the shared rootfs (whose hash all images share)
    packages = (REPO / "lab" / "images" / "packages.txt").read_text()
    for pkg in ("kamailio", "coturn", "sip-tester", "baresip", "tshark"):
        assert pkg in text and pkg not in packages


def test_voice_hash_covers_every_copied_file(labctl):
    inputs = {str(p.relative_to(REPO)) for p in labctl["image_inputs"]("voice")}
    copied = re.findall(r"^COPY (\S+) ", (VOICE / "Containerfile").read_text(), re.M)
    for src in copied:
        path = REPO / "lab" / src
        assert path.exists(), src
        files = [path] if path.is_file() else [
            p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        for f in files:
            assert str(f.relative_to(REPO)) in inputs, f
    assert "lab/images/voice/Containerfile" in inputs


def test_build_only_refuses_an_unknown_image_before_podman(labctl, monkeypatch):
    def no_host():
        raise AssertionError("ensure_host must not run for a refused --only")
    monkeypatch.setitem(labctl["build"].__globals__, "ensure_host", no_host)
    with pytest.raises(labctl["LabError"], match=r"unknown image vioce \(known: .*voice"):
        labctl["build"](only=["vioce"])


def test_no_private_key_or_password_in_the_voice_image_sources():
    for path in VOICE.rglob("*"):
        if path.is_file():
            text = path.read_text()
            assert "PRIVATE KEY" not in text, path
            assert not re.search(r"^\s*user=\S+:\S+", text, re.M), path  # coturn static users
