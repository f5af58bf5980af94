"""The bench fleet's compliance run as AWX job slicing does it, through ansible-runner.

AWX slices a job template into N jobs, each on every Nth host of the inventory, run in
parallel (here: ``--limit`` with every 4th host, plus localhost where the report play
runs), each writing its own reports; ``playbooks/compliance_merge.yml`` then joins them.
This runs the unsliced compliance job and the sliced one on the same fleet, in the same
state, with the same ``compliance_generated_at``, and compares the merged reports with
the unsliced ones host for host and byte for byte.

AWX runs each slice on its own execution node with the template's forks; here the slices
share one controller, so each gets forks/slices: the machine runs as many device
sessions at once as the unsliced job (4 x 20 SSH logins at once on 2 cores time out,
which would compare the load, not the merge).

    slicing.compare(inventory, hosts, workdir, slices=4) -> dict
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
VENV_BIN = REPO / ".venv" / "bin"
STAMP = "2026-01-01T00:00:00Z"
EXTS = ("json", "xml", "html")


def _env(forks: int | None = None) -> dict:
    env = {"ANSIBLE_CONFIG": str(REPO / "ansible.cfg"),
           "ANSIBLE_COLLECTIONS_PATH": str(REPO / ".cache" / "collections"),
           "ANSIBLE_NOCOLOR": "1", "PATH": "%s:%s" % (VENV_BIN, os.environ.get("PATH", ""))}
    if forks:
        env["ANSIBLE_FORKS"] = str(forks)
    return env


def job(private: Path, playbook: str, inventory: Path | None, extravars: dict, limit: str | None = None,
        forks: int | None = None) -> dict:
    """One AWX-style job: ansible-runner with the project directory, as AWX runs it."""
    import ansible_runner
    private.mkdir(parents=True, exist_ok=True)
    kwargs = {}
    if inventory is not None:
        kwargs["inventory"] = str(inventory)
    if limit:
        kwargs["limit"] = limit
    t0 = time.monotonic()
    r = ansible_runner.run(private_data_dir=str(private), project_dir=str(REPO), playbook=playbook,
                           extravars=extravars, envvars=_env(forks), quiet=True, timeout=1800, **kwargs)
    stats = next((e["event_data"] for e in r.events if e.get("event") == "playbook_on_stats"), {})
    return {"status": r.status, "rc": r.rc, "wall_s": round(time.monotonic() - t0, 2),
            "artifact": stats.get("artifact_data") or {}}


def compare(inventory: Path, hosts: list, workdir: Path, slices: int = 4, forks: int = 20) -> dict:
    """Unsliced job (``forks``), then ``slices`` jobs in parallel on every Nth host
    (``forks // slices`` each), then the merge."""
    hosts = sorted(hosts)
    whole, sliced = workdir / "unsliced" / "reports", workdir / "sliced" / "reports"
    common = {"compliance_generated_at": STAMP}
    unsliced = job(workdir / "unsliced", "playbooks/compliance.yml", inventory,
                   dict(common, compliance_report_dir=str(whole)), forks=forks)
    parts, threads = [None] * slices, []

    def one(k: int) -> None:
        mine = hosts[k::slices]     # AWX: every Nth host of the inventory, the k-th first
        parts[k] = job(workdir / ("slice%d" % k), "playbooks/compliance.yml", inventory,
                       dict(common, compliance_report_dir=str(sliced), compliance_slice="s%d" % k),
                       limit=",".join(mine + ["localhost"]), forks=max(1, forks // slices))
        parts[k]["hosts"] = mine

    t0 = time.monotonic()
    for k in range(slices):
        threads.append(threading.Thread(target=one, args=(k,)))
        threads[-1].start()
    for t in threads:
        t.join()
    sliced_wall = round(time.monotonic() - t0, 2)
    merge = job(workdir / "merge", "playbooks/compliance_merge.yml", None,
                dict(common, compliance_report_dir=str(sliced), compliance_slice_count=slices))
    a = json.loads((whole / "compliance.json").read_text())
    b = json.loads((sliced / "compliance.json").read_text())
    mismatched = sorted(h for h in set(a["hosts"]) | set(b["hosts"]) if a["hosts"].get(h) != b["hosts"].get(h))
    same_bytes = {ext: (whole / ("compliance." + ext)).read_bytes() == (sliced / ("compliance." + ext)).read_bytes()
                  for ext in EXTS}
    # every slice published its own artifact key; none of them voipready_compliance
    keys = [sorted(p["artifact"]) for p in parts]
    artifacts_apart = all(k == ["voipready_compliance_slice_s%d" % i] for i, k in enumerate(keys))
    return {
        "slices": slices, "forks": forks, "forks_per_slice": max(1, forks // slices), "hosts": len(hosts),
        "hosts_compared": len(set(a["hosts"]) | set(b["hosts"])),
        # a host unreachable in one run and not in the other: the device session, not the merge
        "unreachable_in_one_only": sorted(h for h in mismatched if "unreachable" in (
            a["hosts"].get(h, {}).get("status"), b["hosts"].get(h, {}).get("status"))),
        "mismatched_hosts": mismatched, "same_bytes": same_bytes, "artifacts_apart": artifacts_apart,
        "artifact_keys": keys, "summary_equal": a["summary"] == b["summary"],
        "merged_artifact_equal": merge["artifact"].get("voipready_compliance", {}).get("counts")
        == unsliced["artifact"].get("voipready_compliance", {}).get("counts"),
        "equal": not mismatched and all(same_bytes.values()) and a["summary"] == b["summary"] and artifacts_apart,
        "unsliced": {k: unsliced[k] for k in ("status", "rc", "wall_s")},
        "slice_jobs": [{k: p[k] for k in ("status", "rc", "wall_s")} | {"hosts": len(p["hosts"])} for p in parts],
        "sliced_wall_s": sliced_wall,
        "merge": {k: merge[k] for k in ("status", "rc", "wall_s")},
        "counts": a["summary"]["counts"],
    }
