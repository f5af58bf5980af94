"""Headless Chromium (Debian's `chromium`, bindep profile test) for the report tests:
a screenshot to PNG, the DOM after layout, and a PNG reader (zlib, no imaging library)
to count the colours the page really painted."""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from collections import Counter
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio"]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "chromium is not installed: tools/setup.sh test installs it (bindep.txt, profile test)"
    return path


def _run(args: list, timeout: int = 120) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="vr-chromium-") as profile:
        return subprocess.run([chromium(), *FLAGS, "--user-data-dir=%s" % profile, *args],
                              capture_output=True, text=True, timeout=timeout)


def screenshot(page: Path, png: Path, size: tuple = (1400, 1000)) -> Path:
    p = _run(["--screenshot=%s" % png, "--window-size=%d,%d" % size, page.resolve().as_uri()])
    assert png.exists() and png.stat().st_size > 0, "chromium wrote no screenshot:\n%s" % p.stderr[-3000:]
    return png


def dump_dom(page: Path) -> str:
    p = _run(["--dump-dom", page.resolve().as_uri()])
    assert p.returncode == 0 and "<html" in p.stdout, "chromium --dump-dom failed:\n%s" % p.stderr[-3000:]
    return p.stdout


def read_png(path: Path) -> tuple:
    """(width, height, rows): rows of (r, g, b) tuples; 8-bit RGB or RGBA, not interlaced."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "%s is not a PNG" % path
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format %s" % (header,)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        previous = line
    return width, height, rows


def colours(path: Path) -> Counter:
    _, _, rows = read_png(path)
    return Counter(pixel for row in rows for pixel in row)


def hex_rgb(text: str) -> tuple:
    text = text.lstrip("#")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def near(counter: Counter, rgb: tuple, tolerance: int = 3) -> int:
    """Pixels within ``tolerance`` per channel of ``rgb``."""
    return sum(n for pixel, n in counter.items() if all(abs(a - b) <= tolerance for a, b in zip(pixel, rgb)))
