"""Summarise a py-spy ``--format raw --subprocesses`` profile of one ansible-playbook run.

    profile_summary.py PROFILE.raw [N]

Each raw line is ``frame;frame;...;frame COUNT`` (on-CPU samples; the first frames name
the process chain). Every sample is put in ONE bucket, the first that matches in the
order of BUCKETS (so the catalog load inside a filter inside templating counts as
catalog load), and the buckets are shown as shares of the controller's CPU samples,
split into the playbook's main process and its forked workers.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Source files of this collection, by basename (py-spy prints basenames for them).
OURS = sorted({p.name for p in (REPO / "plugins").rglob("*.py")} - {"__init__.py"})

_OURS_RE = re.compile(r"\((?:%s):\d+\)" % "|".join(re.escape(n) for n in OURS))
_OURS_IMPORT_RE = re.compile(r"<module> \((?:%s):\d+\)" % "|".join(re.escape(n) for n in OURS))

BUCKETS = (
    ("catalog load (YAML parse and schema, or the cache)", lambda s: "load_catalog (catalog.py" in s),
    ("importing voipready plugins (and what they import)", lambda s: bool(_OURS_IMPORT_RE.search(s))),
    ("SSH: netmiko/paramiko (connect, crypto, channel reads)", lambda s: "netmiko/" in s or "paramiko/" in s),
    ("voipready code (filters, intent, driver, engine)", lambda s: bool(_OURS_RE.search(s))),
    ("python imports (ansible, other)", lambda s: "_find_and_load" in s),
    ("ansible templating (jinja2, lazy vars)", lambda s: "_templating/" in s or "jinja2/" in s),
    ("ansible task post_validate / arg specs",
     lambda s: "post_validate" in s or "validate_argument_spec" in s),
    ("forking workers (main process)", lambda s: "popen_fork.py" in s and "_bootstrap" not in s),
    ("ansible other (strategy, results, callbacks)", lambda s: True),
)


def parse(raw: str):
    for line in raw.splitlines():
        stack, _unused, count = line.rstrip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        procs = sum(1 for f in frames if f.startswith("process "))
        yield frames, procs, int(count)


def task_times(log: str, top: int = 8) -> list:
    """The slowest tasks from ansible.posix.profile_tasks' closing list."""
    tail = log.split("PLAY RECAP")[-1]
    found = re.findall(r"^(.+?) -+ (\d+\.\d+)s$", tail, re.M)
    return [(name.strip(), float(sec)) for name, sec in found][:top]


def summarize(raw: str, n: int = 0, wall_s: float = 0.0, cpu_s: float = 0.0, log: str = "") -> str:
    totals = collections.Counter()
    by_role = {"main": collections.Counter(), "workers": collections.Counter()}
    main_depth = None
    rows = list(parse(raw))
    if rows:
        main_depth = min(p for _unused, p, _unused in rows)
    for frames, procs, count in rows:
        text = ";".join(frames)
        role = "main" if procs == main_depth else "workers"
        name = next(b for b, match in BUCKETS if match(text))
        totals[name] += count
        by_role[role][name] += count
    total = sum(totals.values()) or 1
    out = ["py-spy on-CPU samples of one voipready converge (site.yml), N=%d, wall %.1f s, "
           "controller CPU %.1f s (measured without the profiler)" % (n, wall_s, cpu_s), "",
           "%-58s %7s %7s %7s %9s" % ("bucket", "share", "main", "workers", "cpu s/dev")]
    for name, _unused in BUCKETS:
        if not totals[name]:
            continue
        share = totals[name] / total
        per_dev = share * cpu_s / n if n and cpu_s else 0.0
        out.append("%-58s %6.1f%% %6.1f%% %6.1f%% %9.3f" % (
            name, 100 * share, 100 * by_role["main"][name] / total, 100 * by_role["workers"][name] / total,
            per_dev))
    out.append("%-58s %6.1f%% %6.1f%% %6.1f%%" % ("total", 100.0, 100 * sum(by_role["main"].values()) / total,
                                                  100 * sum(by_role["workers"].values()) / total))
    # The hottest leaf functions, for the record.
    leaves = collections.Counter()
    for frames, _unused, count in rows:
        leaves[re.sub(r":\d+\)", ")", frames[-1])] += count
    out += ["", "hottest leaf frames:"]
    for f, c in sorted(leaves.items(), key=lambda kv: (-kv[1], kv[0]))[:12]:
        out.append("  %5.1f%%  %s" % (100 * c / total, f))
    tasks = task_times(log)
    if tasks:
        out += ["", "slowest tasks (ansible.posix.profile_tasks, wall time of the task across all hosts, "
                "under the profiler):"]
        out += ["  %7.2f s  %s" % (sec, name) for name, sec in tasks]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(summarize(Path(sys.argv[1]).read_text(), n=int(sys.argv[2]) if len(sys.argv) > 2 else 0), end="")
