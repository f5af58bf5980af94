"""Budgets, Markdown table and plot for benchmarks/results/latest.json.

Pure functions over the list of runs (no devices, no clock), so the budget logic is
unit-tested (tests/unit/test_bench_report.py). A run is a dict with at least ``n``,
``tool`` (``voipready`` | ``peer``), ``phase`` (``converge`` | ``nochange``),
``wall_s``, ``cpu_s``, ``peak_rss_mb``, ``logins_per_device`` (the most logins any one
device logged during the run), ``changed`` and ``drift_detected``.
"""

from __future__ import annotations

import statistics

OURS, PEER = "voipready", "peer"
PASS, FAIL, NOT_MEASURED = "pass", "fail", "not measured"

MAX_LOGINS_PER_DEVICE = 1
NOCHANGE_RATIO_N, MAX_NOCHANGE_RATIO = 20, 0.5
MAX_PEAK_RSS_MB, BUDGET_FORKS = 1.5 * 1024, 20
SCALE_SMALL_N, SCALE_LARGE_N, MAX_SCALE_RATIO = 20, 100, 5.0


def _median(runs: list, key: str, **where) -> float | None:
    vals = [r[key] for r in runs if all(r.get(k) == v for k, v in where.items())]
    return statistics.median(vals) if vals else None


def _budget(name: str, limit: str, status: str, measured: str, miss: str = "") -> dict:
    return {"budget": name, "limit": limit, "status": status, "measured": measured, "miss": miss}


def evaluate(runs: list, forks: int = BUDGET_FORKS) -> list:
    """The four budgets of issue 7, each {budget, limit, status, measured, miss}:
    status is pass, fail or "not measured" (never pass without a measurement); miss says
    by how much a failed budget is over its limit. Several rounds of the same (n, tool,
    phase) are compared by their median."""
    out = []
    ours = [r for r in runs if r["tool"] == OURS]

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

    # 3. controller peak memory of ours at forks=20
    name = "controller peak memory (voipready, forks=%d)" % BUDGET_FORKS
    limit = "<= %.0f MiB" % MAX_PEAK_RSS_MB
    if forks != BUDGET_FORKS or not ours:
        out.append(_budget(name, limit, NOT_MEASURED, "forks=%d" % forks if ours else "no voipready run"))
    else:
        worst = max(ours, key=lambda r: (r["peak_rss_mb"], r["n"], r["phase"]))
        got = worst["peak_rss_mb"]
        measured = "%.0f MiB (N=%d, %s)" % (got, worst["n"], worst["phase"])
        if got <= MAX_PEAK_RSS_MB:
            out.append(_budget(name, limit, PASS, measured))
        else:
            out.append(_budget(name, limit, FAIL, measured, "over by %.0f MiB" % (got - MAX_PEAK_RSS_MB)))

    # 4. scaling: wall time at N=100 <= 5x that at N=20, for each phase of ours
    for phase in ("converge", "nochange"):
        name = "wall time N=%d vs N=%d (voipready %s)" % (SCALE_LARGE_N, SCALE_SMALL_N, phase)
        limit = "<= %.0fx" % MAX_SCALE_RATIO
        small = _median(runs, "wall_s", n=SCALE_SMALL_N, tool=OURS, phase=phase)
        large = _median(runs, "wall_s", n=SCALE_LARGE_N, tool=OURS, phase=phase)
        if small is None or large is None or small <= 0:
            missing = [str(n) for n, v in ((SCALE_SMALL_N, small), (SCALE_LARGE_N, large)) if v is None]
            out.append(_budget(name, limit, NOT_MEASURED, "N=%s not run" % ",".join(missing)))
            continue
        ratio = large / small
        measured = "%.2fx (%.1f s vs %.1f s)" % (ratio, large, small)
        if ratio <= MAX_SCALE_RATIO:
            out.append(_budget(name, limit, PASS, measured))
        else:
            out.append(_budget(name, limit, FAIL, measured, "over by %.2fx" % (ratio - MAX_SCALE_RATIO)))
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


def markdown(runs: list, budgets: list, meta: dict) -> str:
    cols = ("n", "tool", "phase", "wall_s", "cpu_s", "peak_rss_mb", "peak_pss_mb",
            "logins_per_device", "changed", "drift_detected")
    rows = sorted(runs, key=lambda r: (r["n"], r["phase"] != "converge", r["phase"], r.get("round", 0),
                                       r["tool"] != OURS))
    out = ["# Benchmark: voipready vs plain-Ansible peer", ""]
    out += ["%s: %s  " % (k, meta[k]) for k in sorted(meta)]
    out += ["", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(_fmt(r.get(c)) for c in cols) + " |")
    out += ["", "drift_detected: after converge, one device had an allowlist rule deleted, one a "
            "conntrack sysctl changed, one a SIP helper rule put back; `yes` when the tool's check-mode "
            "run reported a change on all three (per-kind results in latest.json, `drift`).", ""]
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
