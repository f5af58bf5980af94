"""Run one command and measure its whole process tree on the controller.

    measure.py OUT.json [--ssh-control-dir DIR] -- COMMAND...

Writes OUT.json: ``wall_s``, ``cpu_s`` (user+system of every process of the tree),
``peak_rss_mb`` (largest sum of VmRSS over the live tree, sampled every 0.1 s: shared
pages count once per process, so this is an upper bound), ``peak_pss_mb`` (same sample,
proportional set size: shared pages split between sharers), ``maxrss_single_mb``
(largest single process, from the kernel's ru_maxrss), ``rc``, ``samples``.

This process makes itself a child subreaper, so processes that leave the tree by
daemonising (ssh ControlMaster connections of the plain-Ansible peer) are re-parented
here, closed (``ssh -O exit`` on every socket in --ssh-control-dir) and reaped: their
CPU time is counted too. Runs as its own process so that the containers' conmon
processes, started by podman elsewhere in the benchmark, are never re-parented to it.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time

PR_SET_CHILD_SUBREAPER = 36


def set_subreaper() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def descendants(root: int) -> list[int]:
    parent = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        # the command name may hold spaces and parentheses: fields follow the last ')'
        parent[int(entry)] = int(stat[stat.rfind(")") + 2:].split()[1])
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = [], [root]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def memory_kb(pid: int) -> tuple[int, int]:
    """(rss, pss) of one process in KiB; (0, 0) when it is gone."""
    rss = pss = 0
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class Sampler(threading.Thread):
    def __init__(self, interval: float = 0.1):
        super().__init__(daemon=True)
        self.interval, self.stop = interval, threading.Event()
        self.peak_rss = self.peak_pss = self.samples = self.peak_procs = 0

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.is_set():
            pids = descendants(me)
            rss = pss = 0
            for pid in pids:
                r, p = memory_kb(pid)
                rss, pss = rss + r, pss + p
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(pids))
            self.samples += 1
            self.stop.wait(self.interval)


def close_ssh_masters(directory: str | None) -> None:
    if not directory or not os.path.isdir(directory):
        return
    for sock in sorted(os.listdir(directory)):
        subprocess.run(["ssh", "-o", "ControlPath=%s" % os.path.join(directory, sock), "-O", "exit", "x"],
                       capture_output=True, timeout=10, check=False)


def reap_all(timeout: float) -> None:
    """Wait for every remaining child (re-parented orphans included), at most TIMEOUT s."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            pid, _unused = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.05)


def main(argv: list[str]) -> int:
    if "--" not in argv or len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    sep = argv.index("--")
    opts, cmd = argv[:sep], argv[sep + 1:]
    out = opts[0]
    control_dir = opts[opts.index("--ssh-control-dir") + 1] if "--ssh-control-dir" in opts else None
    set_subreaper()
    sampler = Sampler()
    sampler.start()
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd)
    # SIGTERM: pass it on to the measured command and let it end (its workers follow it).
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    rc = proc.wait()
    wall = time.monotonic() - t0
    close_ssh_masters(control_dir)
    reap_all(15)
    sampler.stop.set()
    sampler.join()
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "rc": rc, "wall_s": round(wall, 2), "cpu_s": round(ru.ru_utime + ru.ru_stime, 2),
        "cpu_user_s": round(ru.ru_utime, 2), "cpu_sys_s": round(ru.ru_stime, 2),
        "peak_rss_mb": round(sampler.peak_rss / 1024, 1), "peak_pss_mb": round(sampler.peak_pss / 1024, 1),
        "maxrss_single_mb": round(ru.ru_maxrss / 1024, 1), "peak_procs": sampler.peak_procs,
        "samples": sampler.samples,
    }
    with open(out, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
