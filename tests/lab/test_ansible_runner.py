"""playbooks/compliance.yml through ansible-runner, the engine AWX runs jobs with, the
way an AWX job template runs it: project directory, an inventory without secrets, the
Machine credential on the command line (`-u`, `--ask-pass` answered at the prompt by
runner's `passwords`), extra variables. Checks what AWX reads back: status, rc, the
per-host stats, the set_stats artifact, and the reports.

Then drifts vr-fw1 (a SIP helper) and shows the job fails with the drift in the
artifact; converges the lab again with site.yml before it leaves.

Brings the lab up when it is down (and takes it down again afterwards).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import ansible_runner
import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks  # noqa: E402
from checks import FW, REPO, SW, sh  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")
SECRETS = ("ansible_password", "ansible_ssh_pass", "ansible_ssh_private_key_file", "ansible_become_password")


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        converged = checks.site()
        assert converged.returncode == 0, converged.stdout[-3000:]
        yield
        sh(FW, "nft delete table ip scratch_alg 2>/dev/null || true")
        assert checks.site().returncode == 0


def awx_like_inventory(directory: Path) -> tuple[Path, str, str]:
    """The lab inventory as AWX would hold it: hosts and non-secret variables only.

    Returns (inventory dir, user, password): the credential goes on the command line.
    """
    hosts = yaml.safe_load((REPO / "inventories" / "lab" / "hosts.yml").read_text())
    common = hosts["all"]["vars"]
    user = common.pop("ansible_user")
    password = (REPO / "lab" / ".state" / "secrets" / "root_password").read_text().strip()
    for key in SECRETS:
        common.pop(key, None)
    group_vars = yaml.safe_load((REPO / "inventories" / "lab" / "group_vars" / "all.yml").read_text())
    group_vars["voipready_catalog_dirs"] = [str(REPO / "lab" / "catalog")]
    (directory / "group_vars").mkdir(parents=True)
    (directory / "hosts.yml").write_text(yaml.safe_dump(hosts, sort_keys=True))
    (directory / "group_vars" / "all.yml").write_text(yaml.safe_dump(group_vars, sort_keys=True))
    return directory, user, password


def run_job(tmp_path: Path, name: str):
    private = tmp_path / name
    inventory, user, password = awx_like_inventory(private / "inventory")
    reports = private / "reports"
    r = ansible_runner.run(
        private_data_dir=str(private),
        project_dir=str(REPO),
        playbook="playbooks/compliance.yml",
        inventory=str(inventory),
        extravars={"compliance_report_dir": str(reports)},
        cmdline="-u %s --ask-pass" % user,
        passwords={r"SSH password:\s*?$": password},     # what AWX answers
        envvars={"ANSIBLE_CONFIG": str(REPO / "ansible.cfg"),
                 "ANSIBLE_COLLECTIONS_PATH": str(REPO / ".cache" / "collections"),
                 "ANSIBLE_NOCOLOR": "1",
                 "PATH": "%s:%s" % (REPO / ".venv" / "bin", os.environ.get("PATH", ""))},
        quiet=True, timeout=600)
    stdout = r.stdout.read()
    assert password not in stdout, "the SSH password leaked into the job output"
    stats_events = [e for e in r.events if e.get("event") == "playbook_on_stats"]
    assert len(stats_events) == 1, stdout[-3000:]
    artifact = stats_events[0]["event_data"].get("artifact_data") or {}
    return r, stdout, artifact, reports, private / "artifacts" / r.config.ident


def test_compliance_job_through_ansible_runner(lab, tmp_path):
    r, stdout, artifact, reports, artifacts = run_job(tmp_path, "green")
    assert r.status == "successful" and r.rc == 0, stdout[-5000:]
    for host in (FW, SW):
        assert r.stats["ok"].get(host, 0) > 0, r.stats
        assert host not in r.stats["failures"] and host not in r.stats["dark"], r.stats
        assert host not in r.stats["changed"], "check mode must change nothing: %s" % r.stats
    # What AWX keeps of a job: its status, rc, stdout and events in the artifact directory.
    assert (artifacts / "status").read_text() == "successful"
    assert (artifacts / "rc").read_text() == "0"
    assert list((artifacts / "job_events").glob("*.json"))
    # set_stats: the job's artifacts in AWX.
    summary = artifact["voipready_compliance"]
    assert summary["compliant"] is True and summary["drifted"] == [], summary
    assert summary["hosts"] == 2 and summary["counts"]["compliant"] > 0, summary
    report = json.loads((reports / "compliance.json").read_text())
    assert set(report["hosts"]) == {FW, SW}
    assert all(entry["status"] != "unreachable" for entry in report["hosts"].values()), report["hosts"]
    assert (reports / "compliance.xml").read_text().startswith("<?xml")
    assert "<html" in (reports / "compliance.html").read_text().lower()


def test_drift_fails_the_job(lab, tmp_path):
    checks.add_sip_helper()
    try:
        r, stdout, artifact, reports, artifacts = run_job(tmp_path, "drift")
    finally:
        sh(FW, "nft delete table ip scratch_alg 2>/dev/null || true")
    assert r.status == "failed" and r.rc != 0, stdout[-3000:]
    assert (artifacts / "status").read_text() == "failed"
    summary = artifact["voipready_compliance"]
    assert summary["compliant"] is False and any(FW in str(d) for d in summary["drifted"]), summary
    report = json.loads((reports / "compliance.json").read_text())
    assert report["hosts"][FW]["features"]["sip_alg"]["status"] == "drift", report["hosts"][FW]
    assert report["hosts"][SW]["status"] != "unreachable"
