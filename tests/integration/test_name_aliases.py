# -*- coding: utf-8 -*-
"""One name per feature (issue 15.6), and the former names still work.

Each feature's module and role are named after its intent key (allowlist, sip_alg,
voice_vlan, qos, timeouts). The modules' former names (voip_allowlist, voip_qos,
nat_timeouts) are redirects in meta/runtime.yml; the role's former name (nat_keepalive)
is a role that imports roles/timeouts, since runtime.yml cannot redirect roles. Proven
here through ansible-doc and ansible-playbook, as a user's playbook would meet them:

* ansible-doc on a former name shows the new module's page, and the alias role's page
  names the role it runs;
* a task under a former FQCN renders exactly what the new FQCN renders, and the
  ``group/voipready.network.voipready`` module defaults reach it;
* a play listing the former role name writes the same rendered configuration as the new
  role, on its own and with voipready_batch through the apply role, and a bad value
  through it fails naming the variable (the new role's validation ran).

Rendered state only: nothing is contacted (the host's port is a closed loopback port).
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1].parent
BIN = Path(sys.executable).parent
# former module name -> the module it is now
MODULE_ALIASES = {"nat_timeouts": "timeouts", "voip_allowlist": "allowlist", "voip_qos": "qos"}
RULES = "{{ 'kore' | voipready.network.provider_rules(region='us-east') }}"
# per module: arguments that render without a device, and a line the render must have
RENDER = {
    "timeouts": ({"platform": "ios", "config": {"udp": 120, "udp_stream": 900, "sip": 900}},
                 "ip nat translation udp-timeout"),
    "allowlist": ({"platform": "asa", "config": {"rules": RULES, "voice_networks": ["192.0.2.0/24"],
                                                 "inside_interfaces": ["inside"], "outside_interfaces": ["outside"]}},
                  "object-group network"),
    "qos": ({"platform": "ios", "config": {"classes": RULES.replace(" }}", " | voipready.network.qos_classes }}"),
                                           "interfaces": ["GigabitEthernet0/0"]}},
            "class-map"),
}


def env(tmp_path):
    return dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), ANSIBLE_NOCOLOR="1",
                ANSIBLE_COLLECTIONS_PATH=str(REPO / ".cache" / "collections"), HOME=str(tmp_path))


def run(tmp_path, *args):
    done = subprocess.run([str(a) for a in args], cwd=str(tmp_path), env=env(tmp_path), capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    return done.stdout


def role_play(name, roles, render_dir, **extra):
    return {"name": name, "hosts": "fw", "gather_facts": False, "roles": roles,
            "vars": dict({"voipready_state": "rendered", "voipready_render_dir": str(render_dir)}, **extra)}


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """One ansible-playbook run of every alias play: (results by play and task name, work dir)."""
    tmp_path = tmp_path_factory.mktemp("aliases")
    (tmp_path / "hosts.yml").write_text(yaml.safe_dump({"all": {"hosts": {
        "fw": {"ansible_host": "127.0.0.1", "ansible_port": 9, "voipready_platform": "linux"},
        "fw_bad": {"ansible_host": "127.0.0.1", "ansible_port": 9, "voipready_platform": "linux",
                   "voipready_udp_timeout": "abc"}}}}))
    tasks = []
    for old, new in sorted(MODULE_ALIASES.items()):
        args = dict(RENDER[new][0], state="rendered")
        tasks += [{"name": new, "voipready.network.%s" % new: args},
                  {"name": old, "voipready.network.%s" % old: args}]
    grouped = [{"name": "nat_timeouts without platform", "voipready.network.nat_timeouts":
                {"config": {"udp": 120, "udp_stream": 900, "sip": 900}, "state": "rendered"}}]
    plays = [
        {"name": "modules", "hosts": "fw", "gather_facts": False, "tasks": tasks},
        {"name": "module defaults", "hosts": "fw", "gather_facts": False, "tasks": grouped,
         "module_defaults": {"group/voipready.network.voipready": {"platform": "ios"}}},
        {"name": "no module defaults", "hosts": "fw", "gather_facts": False, "tasks": grouped},
        role_play("role timeouts", ["voipready.network.timeouts"], tmp_path / "new"),
        role_play("role nat_keepalive", ["voipready.network.nat_keepalive"], tmp_path / "old"),
        role_play("role nat_keepalive batched", ["voipready.network.nat_keepalive", "voipready.network.apply"],
                  tmp_path / "batch", voipready_batch=True),
        dict(role_play("role nat_keepalive, bad value", ["voipready.network.nat_keepalive"], tmp_path / "bad"),
             hosts="fw_bad"),
    ]
    (tmp_path / "play.yml").write_text(yaml.safe_dump(plays, sort_keys=False))
    out = subprocess.run([str(BIN / "ansible-playbook"), "-i", "hosts.yml", "play.yml"], cwd=str(tmp_path),
                         env=dict(env(tmp_path), ANSIBLE_STDOUT_CALLBACK="ansible.posix.json"),
                         capture_output=True, text=True, timeout=300, check=False)
    data = json.loads(out.stdout[re.search(r"^\{$", out.stdout, re.M).start():])
    results = {}
    for play in data["plays"]:
        for task in play["tasks"]:
            for host, result in task["hosts"].items():
                results[(play["play"]["name"], task["task"]["name"], host)] = result
    return results, tmp_path


@pytest.mark.parametrize("old", sorted(MODULE_ALIASES))
def test_a_former_module_name_renders_what_the_new_name_renders(played, old):
    results, _work = played
    new = MODULE_ALIASES[old]
    by_new, by_old = results[("modules", new, "fw")], results[("modules", old, "fw")]
    assert not by_new.get("failed") and not by_old.get("failed"), (by_new.get("msg"), by_old.get("msg"))
    assert any(line.startswith(RENDER[new][1]) for line in by_new["rendered"]), by_new["rendered"]
    assert by_old["rendered"] == by_new["rendered"]


def test_the_action_group_module_defaults_reach_a_former_name(played):
    results, _work = played
    grouped = results[("module defaults", "nat_timeouts without platform", "fw")]["rendered"]
    ungrouped = results[("no module defaults", "nat_timeouts without platform", "fw")]["rendered"]
    assert grouped == results[("modules", "timeouts", "fw")]["rendered"]      # platform ios, from the group
    assert "table inet voipready" in ungrouped and not any("ip nat" in line for line in ungrouped)  # the host's linux


def test_the_former_role_name_runs_the_timeouts_role(played):
    results, work = played
    new = (work / "new" / "fw.conf").read_text()
    assert "ct timeout sip_v4" in new and "nf_conntrack_udp_timeout = 60" in new
    assert (work / "old" / "fw.conf").read_text() == new
    # voipready_batch: the alias leaves the converging to the apply role, which knows it as timeouts
    assert (work / "batch" / "fw.conf").read_text() == new
    ran = {task for play, task, host in results if play == "role nat_keepalive"}
    assert "voipready.network.timeouts : NAT and UDP session timeouts (voipready_device features=timeouts)" in ran


def test_a_bad_value_through_the_former_role_name_names_the_variable(played):
    results, work = played
    failed = [(task, r) for (play, task, _h), r in results.items() if play.endswith("bad value") and r.get("failed")]
    assert len(failed) == 1, failed
    task, result = failed[0]
    assert task.startswith("voipready.network.timeouts : Validating arguments"), task
    assert "voipready_udp_timeout" in result["msg"] and "abc" in result["msg"], result["msg"]
    assert not (work / "bad").exists()


def test_ansible_doc_documents_the_former_names(tmp_path):
    olds = ["voipready.network.%s" % old for old in sorted(MODULE_ALIASES)]
    docs = json.loads(run(tmp_path, BIN / "ansible-doc", "--json", *olds))
    assert sorted(docs) == olds
    for old in sorted(MODULE_ALIASES):
        doc = docs["voipready.network.%s" % old]["doc"]
        assert doc["module"] == MODULE_ALIASES[old] and "config" in doc["options"]
        assert any("voipready.network.%s) is a documented alias" % old in line for line in doc["description"])
    role = json.loads(run(tmp_path, BIN / "ansible-doc", "-t", "role", "--json", "voipready.network.nat_keepalive"))
    main = role["voipready.network.nat_keepalive"]["entry_points"]["main"]
    assert "voipready.network.timeouts" in main["short_description"]
