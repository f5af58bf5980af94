"""benchmarks/report.py: which budgets pass, fail or are not measured, and by how much."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import report  # noqa: E402


def run(n, tool, phase, wall, logins=1, rss=300.0, cpu=None, pss=None):
    return {"n": n, "tool": tool, "phase": phase, "wall_s": wall, "cpu_s": wall / 4 if cpu is None else cpu,
            "peak_rss_mb": rss, "peak_pss_mb": rss / 2 if pss is None else pss, "logins_per_device": logins,
            "changed": 0, "drift_detected": None}


SLICED = {"n": 20, "slices": 4, "hosts_compared": 20, "equal": True, "mismatched_hosts": [],
          "same_bytes": {"json": True, "xml": True, "html": True}}


def fleet_runs(ours_nochange=8.0, peer_nochange=30.0, n100=None, logins=1, rss=300.0, cpu=None, pss=None,
               example=(3.0, 2.0)):
    runs = [run(20, "voipready", "converge", 20.0, logins, rss, pss=pss),
            run(20, "voipready", "nochange", ours_nochange, cpu=cpu),
            run(20, "peer", "converge", 40.0, 3), run(20, "peer", "nochange", peer_nochange, 3)]
    if n100 is not None:
        runs += [run(100, "voipready", "converge", n100[0]), run(100, "voipready", "nochange", n100[1])]
    if example:
        runs += [run(12, "voipready", "example_rendered", example[0], 0),
                 run(12, "debug", "example_debug", example[1], 0)]
    return runs


def by_name(budgets):
    return {b["budget"]: b for b in budgets}


def status(budgets, prefix):
    hits = [b for b in budgets if b["budget"].startswith(prefix)]
    assert hits, "no budget named %r" % prefix
    return [b["status"] for b in hits]


def test_all_pass_when_within_limits():
    b = report.evaluate(fleet_runs(n100=(90.0, 38.0)), slicing=[SLICED])
    assert [x["status"] for x in b] == ["pass"] * 8, b
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
    assert status(report.evaluate(fleet_runs(9.0, 30.0)), "no-change") == ["pass"]      # exactly 0.3x
    b = by_name(report.evaluate(fleet_runs(12.0, 30.0)))["no-change wall time at N=20 vs peer"]
    assert b["status"] == "fail"
    assert b["measured"].startswith("0.40x")
    assert "over by 0.10x" in b["miss"] and "3.0 s slower" in b["miss"]


def test_cpu_per_device_budget_at_the_worst_size():
    assert status(report.evaluate(fleet_runs(cpu=10.0)), "controller CPU per device") == ["pass"]  # exactly 0.5 s
    runs = fleet_runs(cpu=4.0, n100=(90.0, 38.0))
    runs[-3]["cpu_s"] = 60.0              # N=100 nochange: 0.6 s per device
    b = by_name(report.evaluate(runs))["controller CPU per device, no-change run (voipready)"]
    assert b["status"] == "fail" and "over by 0.100 s per device at N=100" in b["miss"], b
    assert "0.200 s at N=20" in b["measured"] and "peer" in b["measured"]


def test_nochange_without_peer_is_not_measured_not_pass():
    runs = [r for r in fleet_runs() if r["tool"] != "peer"]
    assert status(report.evaluate(runs), "no-change") == ["not measured"]


def test_memory_budget_is_on_pss_with_the_rss_sum_beside_it():
    name = "controller peak memory, PSS (voipready, forks=20)"
    b = by_name(report.evaluate(fleet_runs(rss=3000.0, pss=1600.0)))[name]
    assert b["status"] == "fail" and b["miss"] == "over by 64 MiB"
    b = by_name(report.evaluate(fleet_runs(rss=3000.0, pss=700.0)))[name]
    assert b["status"] == "pass" and "RSS sum 3000 MiB" in b["measured"]
    # measured at other forks than the budget's: not a pass
    assert status(report.evaluate(fleet_runs(), forks=5), "controller peak") == ["not measured"]


def test_example_rendered_against_the_debug_playbook():
    assert status(report.evaluate(fleet_runs(example=(4.0, 2.0))), "inventories/example") == ["pass"]
    name = "inventories/example rendered vs a one-debug-task playbook"
    b = by_name(report.evaluate(fleet_runs(example=(5.0, 2.0))))[name]
    assert b["status"] == "fail" and b["miss"] == "over by 0.50x"
    assert status(report.evaluate(fleet_runs(example=None)), "inventories/example") == ["not measured"]


def test_sliced_compliance_must_equal_the_unsliced_run():
    name = "sliced compliance merged vs unsliced (ansible-runner)"
    assert by_name(report.evaluate(fleet_runs()))[name]["status"] == "not measured"
    bad = dict(SLICED, equal=False, mismatched_hosts=["vr-bench-fw003"])
    b = by_name(report.evaluate(fleet_runs(), slicing=[SLICED, dict(bad, n=100)]))[name]
    assert b["status"] == "fail" and "vr-bench-fw003" in b["measured"]


def test_scaling_not_measured_without_n100():
    assert status(report.evaluate(fleet_runs()), "wall time N=100") == ["not measured", "not measured"]


def test_scaling_fails_over_5x():
    b = report.evaluate(fleet_runs(n100=(101.0, 40.0)))   # converge 5.05x, nochange 5.0x
    got = by_name(b)
    conv = got["wall time N=100 vs N=20 (voipready converge)"]
    assert conv["status"] == "fail" and conv["miss"] == "over by 0.05x"
    assert got["wall time N=100 vs N=20 (voipready nochange)"]["status"] == "pass"


def test_rounds_are_compared_by_median():
    runs = fleet_runs(6.0, 30.0) + [run(20, "voipready", "nochange", 40.0), run(20, "voipready", "nochange", 7.0)]
    # ours: median of 6, 40, 7 = 7 -> 0.23x: one slow outlier does not fail the budget
    b = by_name(report.evaluate(runs))["no-change wall time at N=20 vs peer"]
    assert b["status"] == "pass" and b["measured"].startswith("0.23x")


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
    assert "| 12 | voipready | example_rendered |" in md1
    assert [r.split("|")[2:4] for r in rows] == [[" voipready ", " converge "], [" peer ", " converge "],
                                                 [" voipready ", " nochange "], [" peer ", " nochange "]]
