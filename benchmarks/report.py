"""Budgets, Markdown table and plot for benchmarks/results/latest.json.

Pure functions over the list of runs (no devices, no clock), so the budget logic is
unit-tested (tests/unit/test_bench_report.py). A run is a dict with at least ``n``,
``tool`` (``voipready`` | ``peer``), ``phase`` (``converge`` | ``nochange``),
``wall_s``, ``cpu_s``, ``peak_rss_mb``, ``logins_per_device`` (the most logins any one
device logged during the run), ``changed`` and ``drift_detected``.
"""

from __future__ import annotations

import statistics

OURS, PEER, DEBUG = "voipready", "peer", "debug"
PASS, FAIL, NOT_MEASURED = "pass", "fail", "not measured"
DEVICE_PHASES = ("converge", "nochange")

MAX_LOGINS_PER_DEVICE = 1
NOCHANGE_RATIO_N, MAX_NOCHANGE_RATIO = 20, 0.3
MAX_CPU_PER_DEVICE_S = 0.5
MAX_PEAK_MB, BUDGET_FORKS = 1.5 * 1024, 20
# The memory budget is on PSS: ansible forks each worker from the main process, which
# has already imported netmiko, paramiko and the drivers (docs/performance.md), so every
# worker maps those pages too. A sum of RSS counts them once per worker (21 times at
# forks=20) although they are in memory once; PSS splits each shared page between the
# processes that map it. The RSS sum stays in the table beside it.
MEMORY_METRIC = "peak_pss_mb"
SCALE_SMALL_N, SCALE_LARGE_N, MAX_SCALE_RATIO = 20, 100, 5.0
MAX_RENDER_VS_DEBUG = 2.0


def _median(runs: list, key: str, **where) -> float | None:
    vals = [r[key] for r in runs if all(r.get(k) == v for k, v in where.items())]
    return statistics.median(vals) if vals else None


def _budget(name: str, limit: str, status: str, measured: str, miss: str = "") -> dict:
    return {"budget": name, "limit": limit, "status": status, "measured": measured, "miss": miss}


def _ratio_budget(name: str, max_ratio: float, a, b, value_fmt: str, missing: str) -> dict:
    """a / b <= max_ratio, "not measured" when either side is missing."""
    limit = "<= %gx" % max_ratio
    if a is None or b is None or b <= 0:
        return _budget(name, limit, NOT_MEASURED, missing)
    ratio = a / b
    measured = "%.2fx (%s vs %s)" % (ratio, value_fmt % a, value_fmt % b)
    if ratio <= max_ratio:
        return _budget(name, limit, PASS, measured)
    return _budget(name, limit, FAIL, measured, "over by %.2fx" % (ratio - max_ratio))


def evaluate(runs: list, forks: int = BUDGET_FORKS, slicing: list | None = None) -> list:
    """The budgets of issues 7 and 18, each {budget, limit, status, measured, miss}:
    status is pass, fail or "not measured" (never pass without a measurement); miss says
    by how much a failed budget is over its limit. Several rounds of the same (n, tool,
    phase) are compared by their median."""
    out = []
    ours = [r for r in runs if r["tool"] == OURS and r["phase"] in DEVICE_PHASES]

    # 1. at most one SSH login per device in every run of ours
    name, limit = "SSH logins per device per run (voipready)", "<= %d" % MAX_LOGINS_PER_DEVICE
    if not ours:
        out.append(_budget(name, limit, NOT_MEASURED, "no voipready run"))
    else:
        worst = max(ours, key=lambda r: (r["logins_per_device"], r["n"], r["phase"]))
        got = worst["logins_per_device"]
        where = "worst: %s at N=%d, %s" % (got, worst["n"], worst["phase"])
        if got <= MAX_LOGINS_PER_DEVICE:
            out.append(_budget(name, limit, PASS, where))
        else:
            out.append(_budget(name, limit, FAIL, where, "over by %s login(s) per device"
                               % (got - MAX_LOGINS_PER_DEVICE)))

    # 2. no-change run at N=20: ours <= 0.5 x the peer's wall time
    name = "no-change wall time at N=%d vs peer" % NOCHANGE_RATIO_N
    limit = "<= %.1fx peer" % MAX_NOCHANGE_RATIO
    a = _median(runs, "wall_s", n=NOCHANGE_RATIO_N, tool=OURS, phase="nochange")
    b = _median(runs, "wall_s", n=NOCHANGE_RATIO_N, tool=PEER, phase="nochange")
    if a is None or b is None or b <= 0:
        out.append(_budget(name, limit, NOT_MEASURED, "no no-change pair at N=%d" % NOCHANGE_RATIO_N))
    else:
        ratio = a / b
        measured = "%.2fx (%.1f s vs %.1f s)" % (ratio, a, b)
        if ratio <= MAX_NOCHANGE_RATIO:
            out.append(_budget(name, limit, PASS, measured))
        else:
            out.append(_budget(name, limit, FAIL, measured, "over by %.2fx (%.1f s slower than %.1f s)"
                               % (ratio - MAX_NOCHANGE_RATIO, a - MAX_NOCHANGE_RATIO * b,
                                  MAX_NOCHANGE_RATIO * b)))

    # 3. controller CPU per device on the no-change run (ours), the worst size
    name, limit = "controller CPU per device, no-change run (voipready)", "<= %.2f s" % MAX_CPU_PER_DEVICE_S
    noch = [r for r in ours if r["phase"] == "nochange"]
    if not noch:
        out.append(_budget(name, limit, NOT_MEASURED, "no no-change run"))
    else:
        sizes = sorted({r["n"] for r in noch})
        per = {n: _median(noch, "cpu_s", n=n) / n for n in sizes}
        worst = max(sizes, key=lambda n: per[n])
        measured = ", ".join("%.3f s at N=%d" % (per[n], n) for n in sizes)
        peer = [r for r in runs if r["tool"] == PEER and r["phase"] == "nochange"]
        if peer:
            measured += " (peer: %s)" % ", ".join("%.3f s at N=%d" % (_median(peer, "cpu_s", n=n) / n, n)
                                                  for n in sorted({r["n"] for r in peer}))
        if per[worst] <= MAX_CPU_PER_DEVICE_S:
            out.append(_budget(name, limit, PASS, measured))
        else:
            out.append(_budget(name, limit, FAIL, measured, "over by %.3f s per device at N=%d"
                               % (per[worst] - MAX_CPU_PER_DEVICE_S, worst)))

    # 4. controller peak memory of ours at forks=20 (PSS; RSS sum beside it)
    name = "controller peak memory, PSS (voipready, forks=%d)" % BUDGET_FORKS
    limit = "<= %.0f MiB" % MAX_PEAK_MB
    if forks != BUDGET_FORKS or not ours:
        out.append(_budget(name, limit, NOT_MEASURED, "forks=%d" % forks if ours else "no voipready run"))
    else:
        worst = max(ours, key=lambda r: (r.get(MEMORY_METRIC) or 0, r["n"], r["phase"]))
        got = worst.get(MEMORY_METRIC) or 0
        measured = "%.0f MiB PSS (N=%d, %s; RSS sum %.0f MiB)" % (got, worst["n"], worst["phase"], worst["peak_rss_mb"])
        if got <= MAX_PEAK_MB:
            out.append(_budget(name, limit, PASS, measured))
        else:
            out.append(_budget(name, limit, FAIL, measured, "over by %.0f MiB" % (got - MAX_PEAK_MB)))

    # 5. scaling: wall time at N=100 <= 5x that at N=20, for each phase of ours
    for phase in ("converge", "nochange"):
        small = _median(runs, "wall_s", n=SCALE_SMALL_N, tool=OURS, phase=phase)
        large = _median(runs, "wall_s", n=SCALE_LARGE_N, tool=OURS, phase=phase)
        missing = [str(n) for n, v in ((SCALE_SMALL_N, small), (SCALE_LARGE_N, large)) if v is None]
        out.append(_ratio_budget("wall time N=%d vs N=%d (voipready %s)" % (SCALE_LARGE_N, SCALE_SMALL_N, phase),
                                 MAX_SCALE_RATIO, large, small, "%.1f s", "N=%s not run" % ",".join(missing)))

    # 6. inventories/example rendered vs one debug task on the same hosts (medians)
    out.append(_ratio_budget("inventories/example rendered vs a one-debug-task playbook", MAX_RENDER_VS_DEBUG,
                             _median(runs, "wall_s", tool=OURS, phase="example_rendered"),
                             _median(runs, "wall_s", tool=DEBUG, phase="example_debug"), "%.2f s", "not run"))

    # 7. sliced compliance (AWX job slicing) merged == the unsliced run, host for host
    name, limit = "sliced compliance merged vs unsliced (ansible-runner)", "equal, host for host and byte for byte"
    if not slicing:
        out.append(_budget(name, limit, NOT_MEASURED, "not run"))
    else:
        measured = "; ".join("N=%d, %d slices: %d hosts, %s" % (
            s_["n"], s_["slices"], s_["hosts_compared"], "equal" if s_["equal"] else
            "DIFFERENT (hosts %s, bytes %s)" % (s_["mismatched_hosts"], s_["same_bytes"])) for s_ in slicing)
        if all(s_["equal"] for s_ in slicing):
            out.append(_budget(name, limit, PASS, measured))
        else:
            out.append(_budget(name, limit, FAIL, measured, "the merge differs from the unsliced run"))
    return out


def budgets_text(budgets: list) -> str:
    lines = []
    for b in budgets:
        line = "%-13s %s: %s (limit %s)" % ("[%s]" % b["status"].upper(), b["budget"], b["measured"], b["limit"])
        if b["miss"]:
            line += " -- MISSED: " + b["miss"]
        lines.append(line)
    return "\n".join(lines)


def _fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "yes" if v else "**no**"
    if isinstance(v, float):
        return "%.2f" % v if abs(v) < 10 else "%.1f" % v
    return str(v)


def markdown(runs: list, budgets: list, meta: dict, slicing: list | None = None) -> str:
    cols = ("n", "tool", "phase", "wall_s", "cpu_s", "cpu_per_device_s", "peak_rss_mb", "peak_pss_mb",
            "logins_per_device", "tasks_per_host", "changed", "drift_detected")
    rows = sorted(runs, key=lambda r: (r["n"], r["phase"] != "converge", r["phase"], r.get("round", 0),
                                       r["tool"] != OURS))
    out = ["# Benchmark: voipready vs plain-Ansible peer", ""]
    out += ["%s: %s  " % (k, meta[k]) for k in sorted(meta)]
    out += ["", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(_fmt(r.get(c)) for c in cols) + " |")
    out += ["", "drift_detected: after converge, one device had an allowlist rule deleted, one a "
            "conntrack sysctl changed, one a SIP helper rule put back; `yes` when the tool's check-mode "
            "run reported a change on all three (per-kind results in latest.json, `drift`). "
            "`rendered`: site.yml -e voipready_state=rendered on the same N hosts, no device contacted. "
            "`example_rendered` / `example_debug`: inventories/example rendered, and one debug task "
            "on the same 12 hosts (benchmarks/example_debug.yml), alternating.", ""]
    if slicing:
        out += ["## Sliced compliance (AWX job slicing, through ansible-runner)", "",
                "| n | slices | hosts compared | unsliced job | slices in parallel | merge | merged == unsliced |",
                "|---|---|---|---|---|---|---|"]
        for s_ in slicing:
            out.append("| %d | %d | %d | %.1f s | %.1f s | %.1f s | %s |" % (
                s_["n"], s_["slices"], s_["hosts_compared"], s_["unsliced"]["wall_s"], s_["sliced_wall_s"],
                s_["merge"]["wall_s"], "yes (JSON, JUnit, HTML byte-identical)" if s_["equal"] else "**no**"))
        out.append("")
    out += ["## Budgets", "", "| budget | limit | measured | status | missed by |", "|---|---|---|---|---|"]
    for b in budgets:
        cells = (b["budget"], b["limit"], b["measured"], b["status"], b["miss"] or "")
        out.append("| %s | %s | %s | %s | %s |" % cells)
    return "\n".join(out) + "\n"


def plot(runs: list, path) -> None:
    """PNG: median wall time against N, ours and the peer, converge and no-change."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = [r for r in runs if r["phase"] in DEVICE_PHASES and r["tool"] in (OURS, PEER)]
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=100)
    styles = {(OURS, "converge"): ("tab:blue", "-", "o"), (OURS, "nochange"): ("tab:blue", "--", "s"),
              (PEER, "converge"): ("tab:orange", "-", "o"), (PEER, "nochange"): ("tab:orange", "--", "s")}
    for (tool, phase), (color, ls, marker) in sorted(styles.items()):
        ns = sorted({r["n"] for r in runs if r["tool"] == tool and r["phase"] == phase})
        if not ns:
            continue
        ys = [_median(runs, "wall_s", n=n, tool=tool, phase=phase) for n in ns]
        ax.plot(ns, ys, color=color, linestyle=ls, marker=marker, label="%s %s" % (tool, phase))
    all_ns = sorted({r["n"] for r in runs})
    ax.set_xticks(all_ns)
    ax.set_xlim(0, max(all_ns + [20]) * 1.1)
    ax.set_xlabel("devices (N)")
    ax.set_ylabel("wall time (s)")
    ax.set_title("site run wall time vs fleet size (forks=20, 2-core shared host)")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    # A fixed date in the metadata keeps the same numbers -> the same bytes.
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
