"""Run the lab probes (lab/probes/) in lab containers from the host, for tests.

    import sys; sys.path.insert(0, "lab")
    from labprobe import pair, run_probe
    got, sent = pair("vr-provider1", ["udp_tcp.py", "recv", "--ports", "5060"],
                     "vr-phone1", ["udp_tcp.py", "send", "--dst", "203.0.113.10", "--dport", "5060"])
    got.packets   -> list of per-packet dicts; got.summary -> the summary dict

A receiver is started first and the sender only once the receiver printed its
"ready" line, so no packet is sent before anyone listens.
"""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass, field

PROBES = "/opt/voipready/probes"


@dataclass
class Result:
    rc: int
    events: list = field(default_factory=list)
    stderr: str = ""

    @property
    def packets(self) -> list:
        return [e for e in self.events if not ({"ready", "summary", "error", "warning"} & e.keys())]

    @property
    def summary(self) -> dict:
        return next((e["summary"] for e in self.events if "summary" in e), {})

    @property
    def errors(self) -> list:
        return [e for e in self.events if "error" in e]


def _cmd(container: str, args: list[str], stdin: bool = False) -> list[str]:
    return ["podman", "exec", *(["-i"] if stdin else []), container, "python3", f"{PROBES}/{args[0]}",
            *map(str, args[1:])]


def _parse(out: str) -> list:
    return [json.loads(ln) for ln in out.splitlines() if ln.startswith("{")]


def run_probe(container: str, args: list[str], timeout: float = 30) -> Result:
    """Run one probe to completion (probes are bounded; timeout is a safety net)."""
    p = subprocess.run(_cmd(container, args), capture_output=True, text=True, timeout=timeout, check=False)
    return Result(p.returncode, _parse(p.stdout), p.stderr)


class Receiver:
    """A receiving probe, started and waited for its ready line. With ``stop_on_eof`` the
    probe also ends when ``stop()`` closes its standard input (``--stop-on-eof``), so the
    caller can end it a grace period after the last sender finished, however slowly the
    senders started; its ``--timeout`` stays the ceiling."""

    def __init__(self, container: str, args: list[str], ready_timeout: float = 30, stop_on_eof: bool = False):
        if stop_on_eof:
            args = [*args, "--stop-on-eof"]
        self.proc = subprocess.Popen(_cmd(container, args, stdin=stop_on_eof), stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True,
                                     stdin=subprocess.PIPE if stop_on_eof else subprocess.DEVNULL)
        self.first: list = []
        end = time.monotonic() + ready_timeout
        while time.monotonic() < end:
            line = self.proc.stdout.readline()
            if not line:  # exited before it was ready
                break
            ev = json.loads(line) if line.startswith("{") else None
            if ev is not None:
                self.first.append(ev)
                if "ready" in ev:
                    return
        err = self.proc.stderr.read() if self.proc.poll() is not None else ""
        self.proc.kill()
        raise RuntimeError(f"probe {args} in {container} never got ready: {err.strip()}")

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
            self.proc.stdin = None  # communicate() would flush a closed pipe

    def wait(self, timeout: float = 30) -> Result:
        out, err = self.proc.communicate(timeout=timeout)
        return Result(self.proc.returncode, self.first + _parse(out), err)


def pair(recv_container: str, recv_args: list[str], send_container: str, send_args: list[str],
         timeout: float = 30) -> tuple[Result, Result]:
    """Start a receiver, run a sender, return (received, sent)."""
    rx = Receiver(recv_container, recv_args, stop_on_eof=recv_args[0] in EOF_AWARE)
    try:
        tx = run_probe(send_container, send_args, timeout)
    except BaseException:
        rx.proc.kill()
        raise
    time.sleep(GRACE)
    rx.stop()
    return rx.wait(timeout), tx


EOF_AWARE = ("l2.py", "udp_tcp.py")  # receivers that take --stop-on-eof
GRACE = 1.5  # seconds a receiver keeps listening after the last sender finished
