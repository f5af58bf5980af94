"""Headless Chromium (Debian's `chromium`, bindep profile test) for the report tests:
a screenshot to PNG, the DOM after layout, and a PNG reader (zlib, no imaging library)
to count the colours the page really painted.

``Page`` drives one headless Chromium over the DevTools protocol on a pipe
(``--remote-debugging-pipe``: commands on the browser's fd 3, replies and events on fd 4,
one JSON message per NUL), with the standard library only: open a file, type into the
page and click like a user (Input events, not script), evaluate an expression after
layout, resize the viewport, take a screenshot."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import tempfile
import time
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
                              capture_output=True, text=True, timeout=timeout, check=False)


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
    width, height, depth, colour, _unused, _unused, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format %s" % (header,)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, pos = [], bytearray(stride), 0
    for _index in range(height):
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
    _unused, _unused, rows = read_png(path)
    return Counter(pixel for row in rows for pixel in row)


def hex_rgb(text: str) -> tuple:
    text = text.lstrip("#")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def near(counter: Counter, rgb: tuple, tolerance: int = 3) -> int:
    """Pixels within ``tolerance`` per channel of ``rgb``."""
    return sum(n for pixel, n in counter.items() if all(abs(a - b) <= tolerance for a, b in zip(pixel, rgb)))


class BrowserError(AssertionError):
    """The browser refused a command, or did not answer in time."""


class Page:
    """One headless Chromium with one page, over the DevTools protocol on a pipe.

        with browser.Page(width=1400, height=1000) as page:
            page.open(Path("report.html"))
            page.type("#filter", "unreachable")
            assert page.js("document.querySelectorAll('#hosts > li:not([hidden])').length") == 12
            page.screenshot(Path("shot.png"))
    """

    def __init__(self, width: int = 1400, height: int = 1000, timeout: float = 60.0):
        self.timeout = timeout
        self.size = (width, height)
        self.profile = tempfile.TemporaryDirectory(prefix="vr-chromium-")
        self.log = Path(self.profile.name) / "chromium.log"
        self.events, self.buffer, self.next_id, self.session = [], b"", 0, None
        # the browser's ends of the pipes first go high (never 3 or 4), then dup2'd there
        to_browser, self.writer = os.pipe()
        self.reader, from_browser = os.pipe()
        ends = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_browser, from_browser)]
        os.close(to_browser)
        os.close(from_browser)
        log = os.open(str(self.log), os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
        devnull = os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)
        args = [chromium(), *FLAGS, "--remote-debugging-pipe", "--user-data-dir=%s" % self.profile.name,
                "--window-size=%d,%d" % self.size, "about:blank"]
        try:
            # its own process group: close() can end every process of this browser, and only those
            self.pid = os.posix_spawn(args[0], args, dict(os.environ), setpgroup=0, file_actions=[
                (os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, log, 1), (os.POSIX_SPAWN_DUP2, log, 2),
                (os.POSIX_SPAWN_DUP2, ends[0], 3), (os.POSIX_SPAWN_DUP2, ends[1], 4)])
        finally:
            for fd in ends + [log, devnull]:
                os.close(fd)
        try:
            target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
            self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                     session=False)["sessionId"]
            self.send("Page.enable")
            self.resize(width, height)
        except BaseException:
            self.close()
            raise

    # -- the protocol ---------------------------------------------------------------------
    def _message(self, deadline: float) -> dict:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.reader], [], [], left)[0]:
                raise BrowserError("chromium did not answer within %ss:\n%s" % (self.timeout, self._log_tail()))
            chunk = os.read(self.reader, 1 << 20)
            if not chunk:
                raise BrowserError("chromium closed the pipe:\n%s" % self._log_tail())
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict = None, session: bool = True) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self.writer, data):]
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method: str) -> dict:
        deadline = time.monotonic() + self.timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method and event.get("sessionId") == self.session:
                    return self.events.pop(index)
            reply = self._message(deadline)
            if "method" in reply:
                self.events.append(reply)

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    # -- what a test does -----------------------------------------------------------------
    def open(self, page: Path) -> None:
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        navigated = self.send("Page.navigate", {"url": page.resolve().as_uri()})
        if navigated.get("errorText"):
            raise BrowserError("cannot open %s: %s" % (page, navigated["errorText"]))
        self.wait_event("Page.loadEventFired")

    def js(self, expression: str):
        """The value of a JavaScript expression in the page (JSON-able)."""
        out = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                             "awaitPromise": True})
        if "exceptionDetails" in out:
            raise BrowserError("%s: %s" % (expression, out["exceptionDetails"]))
        return out["result"].get("value")

    def resize(self, width: int, height: int) -> None:
        self.size = (width, height)
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
                                                         "deviceScaleFactor": 1, "mobile": False})

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the first element ``selector`` matches."""
        box = self.js("(function (e) { e.scrollIntoView({block: 'center'}); var r = e.getBoundingClientRect();"
                      " return [r.left + r.width / 2, r.top + r.height / 2]; })(document.querySelector(%s))"
                      % json.dumps(selector))
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1})

    def type(self, selector: str, text: str) -> None:
        """Click into the field, then the text as typed input (input events fire)."""
        self.click(selector)
        self.send("Input.insertText", {"text": text})

    def clear(self, selector: str) -> None:
        """Select the field's text and press Backspace."""
        self.click(selector)
        self.js("document.querySelector(%s).select()" % json.dumps(selector))
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": "Backspace", "code": "Backspace",
                                                 "windowsVirtualKeyCode": 8, "nativeVirtualKeyCode": 8})

    def screenshot(self, png: Path, full_page: bool = False) -> Path:
        params = {"format": "png"}
        if full_page:
            width, height = self.js("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": width, "height": height,
                                                            "scale": 1})
        else:
            self.js("window.scrollTo(0, 0)")
        png.parent.mkdir(parents=True, exist_ok=True)
        png.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))
        return png

    def close(self) -> None:
        if getattr(self, "pid", None):
            try:
                self.send("Browser.close", session=False)
            except (BrowserError, OSError):
                pass
            deadline, exited = time.monotonic() + 10, False
            while not exited and time.monotonic() < deadline:
                exited = os.waitpid(self.pid, os.WNOHANG)[0] != 0
                time.sleep(0 if exited else 0.1)
            try:
                os.killpg(self.pid, signal.SIGKILL)      # what is left of the group started here
            except ProcessLookupError:
                pass
            if not exited:
                os.waitpid(self.pid, 0)
            self.pid = None
        for fd in (self.reader, self.writer):
            try:
                os.close(fd)
            except OSError:
                pass
        self.reader = self.writer = -1
        self.profile.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
