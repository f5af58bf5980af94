# -*- coding: utf-8 -*-
"""Resource-module results through ansible-playbook (issue 14.5), against an emulated Cisco
IOS router (lab/emulators, a local process on a free loopback port; never a real device):

* without ``--diff``: ``before``, ``after`` and ``commands`` at the top level of the result,
  ``before`` / ``after`` in the structure ``gathered`` returns, no ``diff``;
* check mode predicts ``after`` and changes nothing on the device; the real run's ``after``
  is what ``gathered`` then reads back; a second run has ``before == after`` and no commands;
* with ``--diff``: the text diff of the owned configuration is there too, and printed;
* the same for voipready_device (site.yml's one task per device).
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from emulator_harness import EmulatorProcess, USERS, require  # noqa: E402

require("asyncssh")
PLAYBOOK_BIN = Path(sys.executable).parent / "ansible-playbook"
REPO = HERE.parents[1]
TIMEOUTS = {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30}
PLAY = [{
    "name": "timeouts on the emulated router", "hosts": "rtr", "gather_facts": False,
    "tasks": [
        {"name": "check", "voipready.network.timeouts": {"config": TIMEOUTS}, "check_mode": True},
        {"name": "device check", "voipready.network.voipready_device": {"features": ["timeouts"]}, "check_mode": True},
        {"name": "merged", "voipready.network.timeouts": {"config": TIMEOUTS}},
        {"name": "gathered", "voipready.network.timeouts": {"state": "gathered"}},
        {"name": "again", "voipready.network.timeouts": {"config": TIMEOUTS}},
    ]}]


@pytest.fixture
def router(tmp_path):
    with EmulatorProcess("ios", "vr-ios1") as emu:
        inventory = {"all": {"hosts": {"rtr": {
            "ansible_host": "127.0.0.1", "ansible_port": emu.port, "ansible_user": "admin",
            "ansible_password": USERS["users"][0]["password"], "ansible_become_password": USERS["enable_secret"],
            "voipready_platform": "ios", "voipready_backup_dir": str(tmp_path / "backups"),
            "voipready_udp_timeout": 60, "voipready_udp_stream_timeout": 600, "voipready_sip_timeout": 900,
            "voipready_keepalive_interval": 30}}}}
        (tmp_path / "hosts.yml").write_text(yaml.safe_dump(inventory))
        yield emu, tmp_path


def play(tmp_path, tasks, *args, callback="ansible.posix.json"):
    """The results by task name (json callback), or the output of another callback."""
    (tmp_path / "play.yml").write_text(yaml.safe_dump([dict(PLAY[0], tasks=tasks)], sort_keys=False))
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), ANSIBLE_NOCOLOR="1",
               ANSIBLE_COLLECTIONS_PATH=str(REPO / ".cache" / "collections"),
               ANSIBLE_STDOUT_CALLBACK=callback, HOME=str(tmp_path))
    done = subprocess.run([str(PLAYBOOK_BIN), "-i", str(tmp_path / "hosts.yml"), str(tmp_path / "play.yml"), *args],
                          cwd=str(tmp_path), env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    if callback != "ansible.posix.json":
        return done.stdout
    data = json.loads(done.stdout[re.search(r"^\{$", done.stdout, re.M).start():])   # after voipready_device's line
    return {t["task"]["name"]: t["hosts"]["rtr"] for t in data["plays"][0]["tasks"]}


def test_before_after_commands_at_the_top_level_without_diff(router):
    emu, tmp_path = router
    untouched = emu.running()
    out = play(tmp_path, PLAY[0]["tasks"])
    check, device, merged, gathered, again = (out[n] for n in ("check", "device check", "merged", "gathered", "again"))
    for result in (check, device, merged, again):
        assert "diff" not in result and {"before", "after", "commands"} <= set(result), sorted(result)
    assert check["commands"] and check["changed"] and check["before"] != check["after"]
    assert set(check["before"]) == {"timeouts"}
    assert device["before"] == check["before"] and device["after"] == check["after"]
    assert device["commands"] == check["commands"]
    assert merged["before"] == check["before"] and merged["commands"] == check["commands"]
    assert merged["after"] == check["after"] == gathered["gathered"]      # read back = predicted
    assert again["changed"] is False and again["commands"] == [] and again["before"] == again["after"] == merged["after"]
    assert emu.running() != untouched


def test_diff_is_still_shown_under_diff(router):
    _emu, tmp_path = router
    out = play(tmp_path, PLAY[0]["tasks"][:2], "--diff")
    for name in ("check", "device check"):
        result = out[name]
        assert result["diff"]["before"] != result["diff"]["after"], result.get("diff")
        assert isinstance(result["diff"]["after"], str) and isinstance(result["after"], dict)
    shown = play(tmp_path, PLAY[0]["tasks"][:1], "--diff", callback="default")
    assert "--- before: rtr (running)" in shown and "+++ after: rtr (intended)" in shown, shown[-3000:]
