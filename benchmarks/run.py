"""make bench: voipready.network against a plain-Ansible peer on a fleet of N lab firewalls.

Environment:
    BENCH_N        fleet sizes, comma-separated (default 20,100 when the machine has the
                   memory for 100 devices, else 20; max 120)
    BENCH_ROUNDS   rounds per size, the tools alternating which goes first (default 1)
    BENCH_FORKS    ansible forks (default 20: the memory budget is stated at forks=20)
    BENCH_PROFILE  1: after the measured runs at the first size, profile one voipready
                   converge with py-spy (benchmarks/results/profile.txt)

For each size: start N containers (benchmarks/fleet.py), then per tool, from a clean
device: converge (measured), no-change compliance run in check mode (measured), drift
made by hand on three devices and one more check-mode run to see whether the tool
notices it. For ours, on the drifted fleet: the compliance job through ansible-runner
unsliced and as 4 slices in parallel (AWX job slicing, benchmarks/slicing.py), merged and
compared with the unsliced reports; and a rendered run of the N hosts (no device
contacted: the controller's own cost). Once per invocation: inventories/example
rendered against a one-debug-task playbook on the same 12 hosts. Results:
benchmarks/results/latest.{json,md,png}; budgets printed with pass/fail. The fleet is
removed at the end, on failure and on Ctrl-C.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fleet  # noqa: E402
import report  # noqa: E402
import slicing  # noqa: E402

BENCH, REPO, STATE = fleet.BENCH, fleet.REPO, fleet.STATE
RESULTS = BENCH / "results"
VENV_BIN = REPO / ".venv" / "bin"
TOOLS = {
    # tool: (playbook, owned nftables table, extra args of the compliance run)
    report.OURS: (REPO / "site.yml", "inet voipready"),
    report.PEER: (BENCH / "peer" / "site.yml", "inet peer_voice"),
}
DRIFTS = ("allowlist_rule_deleted", "udp_timeout_sysctl_changed", "sip_helper_rule_back")
EXAMPLE = REPO / "inventories" / "example"
EXAMPLE_DEBUG = BENCH / "example_debug.yml"
# Memory a N=100 run needs on top of the machine's own: 100 containers (~25 MiB each with
# sshd and conmon) and the peer's controller (~1.5 GiB at forks=20), with room to spare.
N100_MEMORY_GIB = 6


def log(msg: str) -> None:
    print("bench: %s" % msg, flush=True)


def recap(output: str) -> dict:
    out = {}
    for m in re.finditer(r"^(\S+)\s+:\s+((?:\w+=\d+\s*)+)$", output.split("PLAY RECAP")[-1], re.M):
        out[m.group(1)] = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", m.group(2))}
    return out


class Bench:
    def __init__(self, forks: int):
        self.forks = forks
        self.seq = 0

    def env(self, control_dir: Path, extra: dict | None = None) -> dict:
        env = dict(os.environ, **(extra or {}))
        env.update({"ANSIBLE_CONFIG": str(REPO / "ansible.cfg"),
                    "ANSIBLE_COLLECTIONS_PATH": str(REPO / ".cache" / "collections"),
                    "ANSIBLE_NOCOLOR": "1", "ANSIBLE_FORKS": str(self.forks),
                    "ANSIBLE_SSH_CONTROL_PATH_DIR": str(control_dir),
                    "PATH": "%s:%s" % (VENV_BIN, env.get("PATH", ""))})
        return env

    def playbook(self, tool: str, inventory: Path, names: list, check: bool, label: str,
                 wrap: list | None = None, extra_env: dict | None = None, playbook: Path | None = None,
                 args: list | None = None, hosts: list | None = None) -> dict:
        """One measured ansible-playbook run: wall, CPU and memory of its process tree,
        recap, SSH logins per device (``names``: the fleet's devices; ``hosts``: the
        recap's hosts when they are not devices of the fleet)."""
        self.seq += 1
        tag = "%02d-%s" % (self.seq, label)
        control_dir = STATE / "cp" / ("%02d" % self.seq)   # fresh: no SSH master reused across runs
        control_dir.mkdir(parents=True, exist_ok=True)
        out_json, out_log = STATE / "runs" / (tag + ".json"), STATE / "runs" / (tag + ".log")
        out_json.parent.mkdir(parents=True, exist_ok=True)
        cmd = [str(VENV_BIN / "ansible-playbook"), "-i", str(inventory), str(playbook or TOOLS[tool][0])]
        if check:
            cmd.append("--check")
        cmd += list(args or [])
        before = fleet.login_counts(names)
        with open(out_log, "w") as lf:
            p = subprocess.Popen([sys.executable, str(BENCH / "measure.py"), str(out_json),
                                  "--ssh-control-dir", str(control_dir), "--", *(wrap or []), *cmd],
                                 stdout=lf, stderr=subprocess.STDOUT, cwd=REPO, env=self.env(control_dir, extra_env))
            try:
                p.wait()
            except BaseException:
                # Ctrl-C reaches the whole process group; SIGTERM to run.py reaches only us:
                # stop the measured playbook too before the fleet goes.
                p.terminate()
                p.wait(30)
                raise
        after = fleet.login_counts(names)
        if p.returncode != 0 or not out_json.exists():
            raise RuntimeError("measure.py failed for %s (see %s)" % (tag, out_log))
        m = json.loads(out_json.read_text())
        text = out_log.read_text()
        rc = recap(text)
        bad = {h: c for h, c in rc.items() if c.get("failed") or c.get("unreachable")}
        expected = len(hosts if hosts is not None else names)
        if m["rc"] != 0 or bad or len(rc) != expected:
            raise RuntimeError("%s: ansible-playbook rc=%s, failed/unreachable %s, %d/%d hosts in the "
                               "recap (log: %s)" % (tag, m["rc"], sorted(bad), len(rc), expected, out_log))
        logins = {h: after[h] - before[h] for h in names}
        m.update({"recap": rc, "logins": logins, "log": str(out_log.relative_to(REPO)),
                  "tasks_per_host": max((sum(c.get(k, 0) for k in ("ok", "failed", "skipped"))
                                         for c in rc.values()), default=0)})
        return m


def verify_converged(names: list, table: str) -> list:
    """Devices where the converge did not leave its mark: owned table present, no SIP
    helper rule anywhere, the udp sysctls at 60/600, the lab's NAT table kept."""
    script = ("nft list table %s >/dev/null && nft list table ip lab_nat >/dev/null && "
              "! nft list ruleset | grep -q 'ct helper set' && "
              "[ \"$(cat /proc/sys/net/netfilter/nf_conntrack_udp_timeout)\" = 60 ] && "
              "[ \"$(cat /proc/sys/net/netfilter/nf_conntrack_udp_timeout_stream)\" = 600 ] && echo OK"
              % table)
    got = fleet.parallel(lambda c: fleet.exec_sh(c, script, check=False).strip(), names)
    return [n for n, out in zip(names, got) if out != "OK"]


def make_drift(names: list, table: str) -> dict:
    """By hand on the live devices: {drift kind: device}."""
    dev = dict(zip(DRIFTS, names))
    chain = json.loads(fleet.exec_sh(dev[DRIFTS[0]], "nft -j list chain %s forward" % table))["nftables"]
    victim = next(o["rule"] for o in chain if "rule" in o and "dport" in json.dumps(o["rule"]["expr"])
                  and '"accept"' in json.dumps(o["rule"]["expr"]))
    fleet.exec_sh(dev[DRIFTS[0]], "nft delete rule %s forward handle %d" % (table, victim["handle"]))
    if len(names) > 1:
        fleet.exec_sh(dev[DRIFTS[1]], "sysctl -qw net.netfilter.nf_conntrack_udp_timeout=30")
    if len(names) > 2:
        fleet.exec_sh(dev[DRIFTS[2]], "nft add rule ip customer_alg prerouting udp dport 5060 "
                                      "ct helper set \\\"sip-5060\\\"")
    return dev


def entry(n: int, tool: str, phase: str, rnd: int, m: dict) -> dict:
    logins = list(m["logins"].values()) or [0]
    return {
        "n": n, "tool": tool, "phase": phase, "round": rnd,
        "wall_s": m["wall_s"], "cpu_s": m["cpu_s"], "cpu_per_device_s": round(m["cpu_s"] / n, 3),
        "peak_rss_mb": m["peak_rss_mb"], "peak_pss_mb": m["peak_pss_mb"], "maxrss_single_mb": m["maxrss_single_mb"],
        "logins_per_device": max(logins), "logins_total": sum(logins),
        "changed": sum(c.get("changed", 0) for c in m["recap"].values()),
        "changed_hosts": sum(1 for c in m["recap"].values() if c.get("changed")),
        "tasks_per_host": m["tasks_per_host"],
        "per_device_s": round(m["wall_s"] / n, 3),
        "log": m["log"],
    }


def rendered_run(b: Bench, n: int, names: list, inventory: Path, rnd: int) -> dict:
    """site.yml -e voipready_state=rendered on the fleet's inventory: no device is
    contacted, so this is the controller's own cost of N hosts."""
    out = STATE / ("rendered-n%d" % n)
    log("N=%d voipready: rendered run (no device contacted)" % n)
    m = b.playbook(report.OURS, inventory, [], False, "n%d-voipready-rendered" % n, hosts=names,
                   args=["-e", "voipready_state=rendered", "-e", "voipready_render_dir=%s" % out])
    e = entry(n, report.OURS, "rendered", rnd, m)
    log("  rendered wall %6.1fs  cpu %6.1fs (%.3f s/host)" % (e["wall_s"], e["cpu_s"], e["cpu_per_device_s"]))
    return e


def example_vs_debug(b: Bench, rounds: int = 3) -> list:
    """inventories/example rendered by site.yml against a playbook of one debug task on
    the same 12 hosts (benchmarks/example_debug.yml), alternating which goes first; the
    budget compares the medians. Neither contacts a device."""
    hosts = sorted(recap_hosts_of(EXAMPLE))
    out = []
    for rnd in range(rounds):
        order = ["rendered", "debug"] if rnd % 2 == 0 else ["debug", "rendered"]
        for which in order:
            if which == "rendered":
                m = b.playbook(report.OURS, EXAMPLE, [], False, "example-rendered", hosts=hosts,
                               args=["-e", "voipready_state=rendered",
                                     "-e", "voipready_render_dir=%s" % (STATE / "rendered-example")])
                out.append(entry(len(hosts), report.OURS, "example_rendered", rnd, m))
            else:
                m = b.playbook(report.DEBUG, EXAMPLE, [], False, "example-debug", hosts=hosts,
                               playbook=EXAMPLE_DEBUG)
                out.append(entry(len(hosts), report.DEBUG, "example_debug", rnd, m))
    for phase in ("example_rendered", "example_debug"):
        walls = sorted(e["wall_s"] for e in out if e["phase"] == phase)
        log("inventories/example %-16s wall %s" % (phase, " ".join("%.2fs" % w for w in walls)))
    return out


def recap_hosts_of(inventory: Path) -> list:
    import yaml
    data = yaml.safe_load((inventory / "hosts.yml").read_text())
    return [h for g in data["all"]["children"].values() for h in g["hosts"]]


def measure_slicing(n: int, names: list, inventory: Path, forks: int) -> dict:
    log("N=%d voipready: compliance through ansible-runner, unsliced and as 4 parallel slices" % n)
    work = STATE / ("slicing-n%d" % n)
    shutil.rmtree(work, ignore_errors=True)
    r = dict(slicing.compare(inventory, names, work, slices=4, forks=forks), n=n)
    log("  unsliced %.1fs, 4 slices in parallel %.1fs, merge %.1fs; merged == unsliced: %s (%d hosts, "
        "mismatched %s, bytes %s)" % (
            r["unsliced"]["wall_s"], r["sliced_wall_s"], r["merge"]["wall_s"], r["equal"],
            r["hosts_compared"], r["mismatched_hosts"] or "none", r["same_bytes"]))
    return r


def measure_tool(b: Bench, tool: str, n: int, names: list, inventory: Path, rnd: int, extras: dict) -> list:
    table = TOOLS[tool][1]
    fleet.reset(names)
    log("N=%d %s: converge from clean" % (n, tool))
    conv = b.playbook(tool, inventory, names, False, "n%d-%s-converge" % (n, tool))
    failed = verify_converged(names, table)
    if failed:
        raise RuntimeError("N=%d %s: converge left %d device(s) unconfigured: %s"
                           % (n, tool, len(failed), failed[:5]))
    log("N=%d %s: no-change compliance run (--check)" % (n, tool))
    noch = b.playbook(tool, inventory, names, True, "n%d-%s-nochange" % (n, tool))
    dev = make_drift(names, table)
    log("N=%d %s: drift on %s, check run" % (n, tool, ", ".join(sorted(set(dev.values())))))
    dchk = b.playbook(tool, inventory, names, True, "n%d-%s-driftcheck" % (n, tool))
    seen = {kind: dchk["recap"][host].get("changed", 0) > 0 for kind, host in dev.items()}
    false_alarms = sorted(h for h, c in dchk["recap"].items() if c.get("changed") and h not in dev.values())
    drift = {"devices": dev, "reported": seen, "false_alarms": false_alarms,
             "check_wall_s": dchk["wall_s"], "log": dchk["log"]}
    detected = bool(seen) and all(seen.values())
    out = []
    for phase, m in (("converge", conv), ("nochange", noch)):
        e = entry(n, tool, phase, rnd, m)
        # a property of the tool's compliance run: measured on the run after the drift
        e["drift_detected"] = detected if phase == "nochange" else None
        if phase == "nochange":
            e["drift"] = drift
        out.append(e)
        log("  %-8s wall %6.1fs  cpu %6.1fs (%.2f s/device)  peak rss %6.0f MiB pss %6.0f MiB  logins/device %s  "
            "changed %d  tasks/host %d" % (phase, e["wall_s"], e["cpu_s"], e["cpu_per_device_s"], e["peak_rss_mb"],
                                           e["peak_pss_mb"], e["logins_per_device"], e["changed"], e["tasks_per_host"]))
    log("  drift reported: %s; false alarms: %s" % (seen, false_alarms or "none"))
    if tool == report.OURS and rnd == 0:
        extras.setdefault("slicing", []).append(measure_slicing(n, names, inventory, b.forks))
    return out


def profile(b: Bench, names: list, inventory: Path, runs: list) -> None:
    import profile_summary
    fleet.reset(names)
    raw = STATE / "profile.raw"
    log("profiling one voipready converge at N=%d with py-spy" % len(names))
    m = b.playbook(report.OURS, inventory, names, False, "profile-converge",
                   wrap=[str(VENV_BIN / "py-spy"), "record", "--subprocesses", "--nonblocking", "--rate", "50",
                         "--format", "raw", "--output", str(raw), "--"],
                   extra_env={"ANSIBLE_CALLBACKS_ENABLED": "ansible.posix.profile_tasks"})
    unprofiled = next(r for r in runs if r["tool"] == report.OURS and r["phase"] == "converge"
                      and r["n"] == len(names))
    text = profile_summary.summarize(raw.read_text(), n=len(names), wall_s=unprofiled["wall_s"],
                                     cpu_s=unprofiled["cpu_s"], log=(REPO / m["log"]).read_text())
    (RESULTS / "profile.txt").write_text(text)
    log("profile summary: %s" % (RESULTS / "profile.txt").relative_to(REPO))


def meta(forks: int, sizes: list, rounds: int) -> dict:
    def cmd(*a):
        return subprocess.run(a, capture_output=True, text=True, cwd=REPO, check=False).stdout.strip()
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": cmd("git", "rev-parse", "--short", "HEAD"),
        "host": "%d CPU, %.0f GiB RAM, %s; SHARED machine: other test suites ran at the same time"
                % (os.cpu_count(), os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30,
                   platform.platform()),
        "loadavg_at_start": "%.2f %.2f %.2f" % os.getloadavg(),
        "ansible": cmd(str(VENV_BIN / "ansible"), "--version").splitlines()[0],
        "forks": forks, "sizes": ",".join(map(str, sizes)), "rounds": rounds,
        "nochange_run": "ansible-playbook --check (ours: site.yml, peer: benchmarks/peer/site.yml)",
        "memory": "peak_rss_mb: largest sum of RSS over the ansible-playbook process tree, sampled "
                  "every 0.1 s (upper bound); peak_pss_mb: same with shared pages split",
    }


def write_results(runs: list, info: dict, forks: int, extras: dict | None = None) -> list:
    extras = extras or {}
    budgets = report.evaluate(runs, forks, slicing=extras.get("slicing"))
    (RESULTS / "latest.json").write_text(json.dumps(dict({"meta": info, "runs": runs, "budgets": budgets}, **extras),
                                                    indent=1, sort_keys=True) + "\n")
    (RESULTS / "latest.md").write_text(report.markdown(runs, budgets, info, slicing=extras.get("slicing")))
    report.plot(runs, RESULTS / "latest.png")
    return budgets


def merge(paths: list) -> int:
    """run.py --merge A.json B.json ...: one latest.{json,md,png} from separate invocations
    (e.g. N=20 and N=50 run apart); each run keeps the date of its invocation, and the
    budgets are evaluated again over all of them."""
    runs, metas, extras = [], [], {"slicing": []}
    for path in paths:
        d = json.loads(Path(path).read_text())
        metas.append(d["meta"])
        runs += [dict(r, measured_at=d["meta"]["date"], commit=d["meta"]["commit"]) for r in d["runs"]]
        extras["slicing"] += d.get("slicing") or []
    info = dict(metas[0])
    info["merged"] = "; ".join("%s N=%s commit %s load %s..%s" % (
        m["date"], m["sizes"], m["commit"], m["loadavg_at_start"].split()[0], m["loadavg_at_end"].split()[0])
        for m in metas)
    info["sizes"] = ",".join(str(n) for n in sorted({r["n"] for r in runs}))
    budgets = write_results(runs, info, int(info.get("forks", 20)), extras)
    print(report.budgets_text(budgets))
    return 0


def default_sizes() -> str:
    """20,100 when the machine has the memory for 100 devices beside the controller."""
    try:
        with open("/proc/meminfo") as f:
            avail = next(int(line.split()[1]) for line in f if line.startswith("MemAvailable:"))
    except (OSError, StopIteration, ValueError):
        avail = 0
    if avail >= N100_MEMORY_GIB * 2 ** 20:
        return "20,100"
    log("only %.1f GiB available (N=100 wants %d): BENCH_N defaults to 20" % (avail / 2 ** 20, N100_MEMORY_GIB))
    return "20"


def main() -> int:
    if sys.argv[1:2] == ["--merge"]:
        return merge(sys.argv[2:])
    sizes = sorted({int(x) for x in (os.environ.get("BENCH_N") or default_sizes()).split(",") if x.strip()})
    rounds = int(os.environ.get("BENCH_ROUNDS", "1"))
    forks = int(os.environ.get("BENCH_FORKS", "20"))
    want_profile = os.environ.get("BENCH_PROFILE", "0") == "1"
    for n in sizes:
        if not 1 <= n <= fleet.MAX_N:
            log("BENCH_N=%s: each size must be between 1 and %d" % (n, fleet.MAX_N))
            return 2
    signal.signal(signal.SIGTERM, signal.default_int_handler)   # cleanup on kill too
    signal.signal(signal.SIGHUP, signal.default_int_handler)
    RESULTS.mkdir(parents=True, exist_ok=True)
    info = meta(forks, sizes, rounds)
    b, runs, extras = Bench(forks), [], {}
    started = time.monotonic()
    try:
        runs += example_vs_debug(b)
        for n in sizes:
            names = fleet.up(n, log=log)
            inv = {report.OURS: fleet.write_inventory(names, STATE / "inv-ours", fleet.lab_group_vars()),
                   report.PEER: fleet.write_inventory(names, STATE / "inv-peer")}
            for rnd in range(rounds):
                order = [report.OURS, report.PEER] if rnd % 2 == 0 else [report.PEER, report.OURS]
                for tool in order:
                    runs += measure_tool(b, tool, n, names, inv[tool], rnd, extras)
                runs.append(rendered_run(b, n, names, inv[report.OURS], rnd))
            if want_profile and n == sizes[0]:
                profile(b, names, inv[report.OURS], runs)
            fleet.down(log=log)
    except KeyboardInterrupt:
        log("interrupted: removing the fleet")
        return 130
    finally:
        fleet.down(log=log)
    info["loadavg_at_end"] = "%.2f %.2f %.2f" % os.getloadavg()
    info["bench_wall_s"] = round(time.monotonic() - started, 1)
    budgets = write_results(runs, info, forks, extras)
    print(report.markdown(runs, budgets, info, slicing=extras.get("slicing")))
    print("Budgets:")
    print(report.budgets_text(budgets))
    log("results: benchmarks/results/latest.json, latest.md, latest.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
