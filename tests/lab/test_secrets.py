"""No secret anywhere a -vvvv run wrote.

Runs ansible-playbook with -vvvv against the lab the ways a user does, each with
ANSIBLE_LOG_PATH set and HOME pointed at a fresh directory (so whatever Ansible and the
collection write under ~ -- ~/.ansible/tmp, the device locks, the default backup and
state directories -- lands where the test can read it):

* site.yml --check --diff on a drifted lab, then a real run with --diff that repairs
  the drift (pushes, writes a backup, prints a diff), then one with
  voipready_state=rendered (writes the rendered files);
* a module task with the become password set (the enable secret path);
* error paths: a port where nothing listens, and a wrong password with no key;
* the AWX way, ``ansible_ssh_pass`` in an inventory and the user on the command line.

Then it searches everything those runs wrote -- stdout, stderr, the log file, the
temporary HOME, the backup and render directories, and every file in the checkout that
changed during the runs -- for the lab's root password, the private key's body lines, the
become password and the wrong password. ``test_the_scanner_finds_a_planted_secret``
shows the search does find a secret where one is, and the runs assert that they really
reached the device (a change, a backup, the login error), so an empty run cannot pass.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from secrets import token_hex
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks  # noqa: E402
from checks import FW, REPO, SW, sh  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")

STATE = REPO / "lab" / ".state"
# Made up per run (so no file holds them beforehand), never a real credential.
BECOME = "Become-" + token_hex(12)
WRONG = "Wrong-" + token_hex(12)
# Written by the test or owned by the lab: the only places a secret is allowed.
NOT_SCANNED = (REPO / ".git", REPO / ".venv", REPO / ".cache", STATE, REPO / "inventories" / "lab" / "hosts.yml")


def secrets() -> dict:
    key_lines = [ln.strip() for ln in (STATE / "id_ed25519").read_text().splitlines()
                 if ln.strip() and "PRIVATE KEY" not in ln]
    found = {"root password": (STATE / "secrets" / "root_password").read_text().strip(),
             "become password": BECOME, "wrong password": WRONG}
    for i, line in enumerate(key_lines):
        if len(line) >= 16:
            found["private key line %d" % (i + 1)] = line
    assert len(found["root password"]) >= 12 and len(key_lines) >= 3, "the lab secrets look wrong"
    return found


def scan(texts: dict, roots: list, secret_values: dict) -> list:
    """(where, which secret) for every secret found in ``texts`` or under ``roots``."""
    hits = []
    blobs = dict((name, text.encode() if isinstance(text, str) else text) for name, text in texts.items())
    for root in roots:
        for path in ([root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())):
            if any(path == n or n in path.parents for n in NOT_SCANNED):
                continue
            try:
                blobs[str(path)] = path.read_bytes()
            except OSError:
                continue
    for where, blob in blobs.items():
        for name, value in secret_values.items():
            if value.encode() in blob:
                hits.append((where, name))
    return hits


def changed_since(started: float) -> list:
    """Files in the checkout written since ``started`` (outside NOT_SCANNED)."""
    found = []
    for top, dirs, files in os.walk(REPO):
        dirs[:] = [d for d in dirs if Path(top, d) not in NOT_SCANNED]
        for name in files:
            path = Path(top, name)
            if path not in NOT_SCANNED and path.is_file() and path.stat().st_mtime >= started:
                found.append(path)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Runs:
    """ansible-playbook -vvvv runs sharing one log file, one HOME and one output dir."""

    def __init__(self, base: Path):
        self.home = base / "home"
        self.out = base / "out"
        self.private = base / "private"           # inventories with a password in them: not scanned
        for d in (self.home, self.out, self.private):
            d.mkdir(parents=True)
        self.log = self.out / "ansible.log"
        self.texts = {}
        self.vars = {"voipready_backup_dir": str(self.out / "backups"),
                     "voipready_render_dir": str(self.out / "rendered")}

    def run(self, name: str, args: list, playbook: str = "site.yml", inventory: str = "inventories/lab",
            secret_vars: dict | None = None):
        """Secrets go in a vars file outside the scanned tree, the way vault or a
        credential hands them over: ansible-playbook -vvvv itself prints its command
        line, ``-e key=value`` included."""
        env = dict(os.environ, **checks.ENV_KEYS)
        env.update(HOME=str(self.home), ANSIBLE_LOG_PATH=str(self.log),
                   ANSIBLE_LOCAL_TEMP=str(self.home / ".ansible" / "tmp"),
                   PATH="%s:%s" % (REPO / ".venv" / "bin", env.get("PATH", "")))
        extra = self.out / ("%s.vars.json" % name)
        extra.write_text(json.dumps(self.vars))
        if secret_vars:
            hidden = self.private / ("%s.vars.json" % name)
            hidden.write_text(json.dumps(secret_vars))
            args = ["-e", "@%s" % hidden] + list(args)
        p = subprocess.run([str(REPO / ".venv" / "bin" / "ansible-playbook"), "-vvvv", "-i", inventory, playbook,
                            "-e", "@%s" % extra, *args], capture_output=True, text=True, timeout=600, cwd=REPO, env=env, check=False)
        self.texts[name + ".stdout"] = p.stdout
        self.texts[name + ".stderr"] = p.stderr
        return p

    def module_play(self, name: str, host: str, task: dict) -> str:
        path = self.out / ("%s.yml" % name)
        path.write_text(yaml.safe_dump([{"name": name, "hosts": host, "gather_facts": False, "tasks": [task]}],
                                       sort_keys=False))
        return str(path)


def fail_text(p) -> str:
    """The failed hosts' messages first (-vvvv buries them), then the tail of the run."""
    failures = [ln[:3000] for ln in p.stdout.splitlines() if ln.startswith(("fatal:", "failed:"))]
    return "\n".join(failures) + "\n...\n" + p.stdout[-3000:] + "\n" + p.stderr[-2000:]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Every run, made once; the tests below read what they wrote."""
    for _unused in checks.lab_session():
        base = tmp_path_factory.mktemp("secrets")
        started = time.time() - 1
        r = Runs(base)
        assert checks.site().returncode == 0, "site.yml did not converge the lab"
        # drift, so the check run shows a diff and the real run pushes and backs up
        sh(FW, "sysctl -qw net.netfilter.nf_conntrack_udp_timeout=45", check=True)
        sh(SW, "ovs-vsctl set port phone1 tag=20", check=True)

        check = r.run("check", ["--check", "--diff"])
        assert check.returncode == 0, fail_text(check)
        assert "nf_conntrack_udp_timeout" in check.stdout, "the check run shows no diff"
        real = r.run("real", ["--diff"])
        assert real.returncode == 0, fail_text(real)
        recap = checks.recap(real.stdout)
        assert recap[FW]["changed"] > 0 and recap[SW]["changed"] > 0, recap
        assert "nf_conntrack_udp_timeout = 60" in sh(FW, "sysctl net.netfilter.nf_conntrack_udp_timeout").stdout
        rendered = r.run("rendered", ["-e", "voipready_state=rendered"])
        assert rendered.returncode == 0, fail_text(rendered)

        # the enable/become secret on the module path (netmiko gets it as `secret`)
        play = r.module_play("become", FW, {"name": "SIP ALG with a become password",
                                            "voipready.network.sip_alg": {"config": {"enabled": False}}})
        become = r.run("become", [], playbook=play, secret_vars={"ansible_become_password": BECOME})
        assert become.returncode == 0, fail_text(become)

        # error paths: nothing listening; a wrong password and no key
        play = r.module_play("errors", FW, {"name": "SIP ALG, failing login",
                                            "voipready.network.sip_alg": {"config": {"enabled": False}}})
        refused = r.run("refused", ["-e", "ansible_port=%d" % free_port()], playbook=play)
        assert refused.returncode != 0 and "cannot log in" in refused.stdout, fail_text(refused)
        wrong = r.run("wrong", [], playbook=play,
                      secret_vars={"ansible_password": WRONG, "ansible_ssh_private_key_file": ""})
        assert wrong.returncode != 0 and "uthentication" in wrong.stdout, fail_text(wrong)

        # AWX style: ansible_ssh_pass in the inventory (a credential injector), user from -u
        port = yaml.safe_load((REPO / "inventories" / "lab" / "hosts.yml").read_text())[
            "all"]["children"]["firewalls"]["hosts"][FW]["ansible_port"]
        inventory = r.private / "awx.yml"
        inventory.write_text(yaml.safe_dump({"all": {"hosts": {FW: {
            "ansible_host": "127.0.0.1", "ansible_port": port, "voipready_platform": "linux",
            "ansible_ssh_pass": secrets()["root password"]}}}}))
        awx = r.run("awx", ["-u", "root"], playbook=play, inventory=str(inventory))
        assert awx.returncode == 0, fail_text(awx)

        backups = sorted((r.out / "backups").rglob("*.json"))
        assert backups, "the real run wrote no backup"
        assert (r.out / "rendered" / ("%s.conf" % FW)).is_file(), "no rendered file"
        assert r.log.stat().st_size > 10000, "the log file is nearly empty"
        r.changed_in_checkout = changed_since(started)
        yield r
        checks.site()                          # leave the lab converged


def test_no_secret_anywhere_a_vvvv_run_wrote(runs):
    values = secrets()
    roots = [runs.out, runs.home] + runs.changed_in_checkout
    hits = scan(runs.texts, roots, values)
    files = sorted(str(p) for root in roots for p in ([root] if root.is_file() else root.rglob("*")) if p.is_file())
    print("scanned %d outputs and %d files for %d secrets:" % (len(runs.texts), len(files), len(values)))
    print("  " + "\n  ".join(files))
    assert not hits, "secrets found: %s" % sorted(set(hits))


def test_the_runs_are_verbose_and_reach_the_device(runs):
    """What the scan read is the real thing: -vvvv output, the engine's results, the
    login error text, the backup of a device."""
    real = runs.texts["real.stdout"]
    # site.yml's one task per device (issue 18), whose -vvvv result holds the engine's output
    assert "TASK [Converge the device's voice features (one login)]" in real and "features:" in real \
        and "commands:" in real, "no -vvvv result of site.yml's device task in the output"
    assert "nf_conntrack_udp_timeout" in runs.log.read_text(), "the log file lacks the diff"
    assert "cannot log in" in runs.texts["wrong.stdout"]


def test_the_scanner_finds_a_planted_secret(runs, tmp_path):
    values = secrets()
    planted = tmp_path / "planted.txt"
    planted.write_text("debug: connecting with %s\n" % values["root password"])
    key_line = next(k for k in values if k.startswith("private key"))
    hits = scan({"stdout": "x" + values[key_line] + "y"}, [tmp_path], values)
    assert (str(planted), "root password") in hits and ("stdout", key_line) in hits, hits
