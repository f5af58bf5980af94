"""benchmarks/report.py: which budgets pass, fail or are not measured, and by how much."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import report  # noqa: E402


def run(n, tool, phase, wall, logins=1, rss=300.0):
    return {"n": n, "tool": tool, "phase": phase, "wall_s": wall, "cpu_s": wall / 2,
            "peak_rss_mb": rss, "logins_per_device": logins, "changed": 0, "drift_detected": None}


def fleet_runs(ours_nochange=10.0, peer_nochange=30.0, n100=None, logins=1, rss=300.0):
    runs = [run(20, "voipready", "converge", 20.0, logins, rss), run(20, "voipready", "nochange", ours_nochange),
            run(20, "peer", "converge", 40.0, 3), run(20, "peer", "nochange", peer_nochange, 3)]
    if n100 is not None:
        runs += [run(100, "voipready", "converge", n100[0]), run(100, "voipready", "nochange", n100[1])]
    return runs


def by_name(budgets):
    return {b["budget"]: b for b in budgets}


def status(budgets, prefix):
    hits = [b for b in budgets if b["budget"].startswith(prefix)]
    assert hits, "no budget named %r" % prefix
    return [b["status"] for b in hits]


def test_all_pass_when_within_limits():
    b = report.evaluate(fleet_runs(n100=(90.0, 45.0)))
    assert [x["status"] for x in b] == ["pass"] * 5
    assert all(x["miss"] == "" for x in b)


def test_peer_logins_do_not_count_against_ours():
    # the peer logged 3 logins per device: the budget is ours
    assert status(report.evaluate(fleet_runs()), "SSH logins") == ["pass"]


def test_two_logins_fail_and_say_by_how_much():
    b = by_name(report.evaluate(fleet_runs(logins=2)))["SSH logins per device per run (voipready)"]
    assert b["status"] == "fail"
    assert "over by 1 login" in b["miss"]
    assert "N=20, converge" in b["measured"]


def test_nochange_ratio_boundary_and_miss():
    assert status(report.evaluate(fleet_runs(15.0, 30.0)), "no-change") == ["pass"]      # exactly 0.5x
    b = by_name(report.evaluate(fleet_runs(18.0, 30.0)))["no-change wall time at N=20 vs peer"]
    assert b["status"] == "fail"
    assert b["measured"].startswith("0.60x")
    assert "over by 0.10x" in b["miss"] and "3.0 s slower" in b["miss"]


def test_nochange_without_peer_is_not_measured_not_pass():
    runs = [r for r in fleet_runs() if r["tool"] != "peer"]
    assert status(report.evaluate(runs), "no-change") == ["not measured"]


def test_memory_budget():
    b = by_name(report.evaluate(fleet_runs(rss=1600.0)))["controller peak memory (voipready, forks=20)"]
    assert b["status"] == "fail" and b["miss"] == "over by 64 MiB"
    # measured at other forks than the budget's: not a pass
    assert status(report.evaluate(fleet_runs(), forks=5), "controller peak") == ["not measured"]


def test_scaling_not_measured_without_n100():
    assert status(report.evaluate(fleet_runs()), "wall time N=100") == ["not measured", "not measured"]


def test_scaling_fails_over_5x():
    b = report.evaluate(fleet_runs(n100=(101.0, 50.0)))   # converge 5.05x, nochange 5.0x
    got = by_name(b)
    conv = got["wall time N=100 vs N=20 (voipready converge)"]
    assert conv["status"] == "fail" and conv["miss"] == "over by 0.05x"
    assert got["wall time N=100 vs N=20 (voipready nochange)"]["status"] == "pass"


def test_rounds_are_compared_by_median():
    runs = fleet_runs(10.0, 30.0) + [run(20, "voipready", "nochange", 40.0), run(20, "voipready", "nochange", 11.0)]
    # ours: median of 10, 40, 11 = 11 -> 0.37x: one slow outlier does not fail the budget
    b = by_name(report.evaluate(runs))["no-change wall time at N=20 vs peer"]
    assert b["status"] == "pass" and b["measured"].startswith("0.37x")


@pytest.mark.parametrize("st", ["pass", "fail", "not measured"])
def test_text_names_status_and_miss(st):
    text = report.budgets_text([{"budget": "x", "limit": "<= 1", "status": st, "measured": "2",
                                 "miss": "over by 1" if st == "fail" else ""}])
    assert text.startswith("[%s]" % st.upper())
    assert ("MISSED: over by 1" in text) == (st == "fail")


def test_markdown_is_sorted_and_stable():
    runs = fleet_runs()
    md1 = report.markdown(runs, report.evaluate(runs), {"date": "x"})
    md2 = report.markdown(list(reversed(runs)), report.evaluate(list(reversed(runs))), {"date": "x"})
    assert md1 == md2
    rows = [ln for ln in md1.splitlines() if ln.startswith("| 20 |")]
    assert [r.split("|")[2:4] for r in rows] == [[" voipready ", " converge "], [" peer ", " converge "],
                                                 [" voipready ", " nochange "], [" peer ", " nochange "]]
