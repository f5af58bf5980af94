# -*- coding: utf-8 -*-
"""Every module's EXAMPLES block runs as written (issue 14.5).

Each module's EXAMPLES (tasks, or whole plays) becomes a play of one playbook, run on
inventories/example with every device on a closed loopback port (``-e
ansible_host=127.0.0.1 -e ansible_port=9``) inside a network namespace of its own that
has only ``lo`` (``unshare --net``), so no packet can leave: not to the example's
documentation addresses, not to a provider address or resolver (voip_readiness measures
from the controller in one example). Per task and host the outcome must be one of:

* ok -- rendered and parsed states, filters, controller-side modules;
* a login attempt to 127.0.0.1:9 refused -- the task templated, its arguments and intent
  validated, and it got as far as the device (only for tasks that need one);
* a consequence of such a task: it reads what that task registered;
* the failure the example is for (EXPECTED_FAILURES: the report's verdict fails the job).

Anything else -- an undefined variable, a wrong option, a bad intent -- fails the test.
Before anything runs, every variable an example's templates name must be defined by the
example itself, the inventory or Ansible (the static check that would have caught
the allowlist module's ``voipready_allowlist`` and the qos module's ``rules``).
"""

import ast
import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
import yaml
from jinja2 import nodes

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
MODULES = sorted(p.stem for p in (REPO / "plugins" / "modules").glob("*.py") if p.stem != "__init__")
EXAMPLE_INVENTORY = REPO / "inventories" / "example"
PLAYBOOK_BIN = Path(sys.executable).parent / "ansible-playbook"
EXAMPLE_FIREWALLS_AND_ROUTERS = sorted(
    h for g, hosts in yaml.safe_load((EXAMPLE_INVENTORY / "hosts.yml").read_text())["all"]["children"].items()
    if g in ("firewalls", "routers") for h in hosts["hosts"])
CLOSED_PORT = re.compile(r"127\.0\.0\.1:9\b")
# The host a module's task examples run on: a switch for voice_vlan, the Linux firewall
# (the platform that pings from the device) for voip_readiness, an IOS router for the rest.
HOST_FOR = {"voice_vlan": "c9300-hq-acc01", "voip_readiness": "edge-linux-ams01"}
DEFAULT_HOST = "isr-branch-rtr04"
# (module, task name) -> what its deliberate failure says
EXPECTED_FAILURES = {
    ("voipready_compliance_report", "Fail the job on drift"): r"^not compliant: unreachable ",
    ("voipready_compliance_report", "The slices of a sliced run, joined"): r"found 0 slice report\(s\)",
}
DEVICE_FREE_STATES = ("rendered", "parsed")
# Ansible's magic variables and Jinja globals the examples may use.
ANSIBLE_NAMES = {"groups", "hostvars", "inventory_hostname", "group_names", "ansible_play_hosts_all",
                 "ansible_play_hosts", "ansible_limit", "omit", "item", "playbook_dir", "lookup", "query",
                 "q", "range", "dict", "true", "false", "none", "True", "False", "None"}
# options whose value is a bare Jinja expression
EXPRESSION_KEYS = ("when", "that", "var", "failed_when", "changed_when")


def doc_block(module, name):
    tree = ast.parse((REPO / "plugins" / "modules" / ("%s.py" % module)).read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return yaml.safe_load(node.value.value)
    raise AssertionError("%s has no %s" % (module, name))


def examples(module):
    return doc_block(module, "EXAMPLES")


def is_plays(items):
    return all("hosts" in item for item in items)


def tasks_of(items):
    return [t for play in items for t in play.get("tasks", [])] if is_plays(items) else items


def module_of(task):
    return next((k for k in task if k.startswith("voipready.network.")), None)


# -- static: every variable is defined -------------------------------------------------

def inventory_variables():
    names = set()
    for path in EXAMPLE_INVENTORY.rglob("*.yml"):
        data = yaml.safe_load(path.read_text()) or {}
        if path.name == "hosts.yml":
            for group in data["all"]["children"].values():
                for hostvars in group["hosts"].values():
                    names.update(hostvars or {})
        else:
            names.update(data)
    return names


def _strings(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)
    elif isinstance(value, str):
        yield "{{ %s }}" % value if key in EXPRESSION_KEYS else value


def names_used(task):
    env = jinja2.Environment()
    used = set()
    for text in _strings({k: v for k, v in task.items() if k not in ("name", "register")}):
        tree = env.parse(text)
        used |= {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"}
        used -= {n.name for n in tree.find_all(nodes.Name) if n.ctx == "store"}
    return used


def names_defined(task):
    out = set(task.get("vars") or {})
    if task.get("register"):
        out.add(task["register"])
    out.update(task.get("ansible.builtin.set_fact") or {})
    return out


@pytest.mark.parametrize("module", MODULES)
def test_every_variable_an_example_uses_is_defined(module):
    items = examples(module)
    assert items, "%s: empty EXAMPLES" % module
    known = ANSIBLE_NAMES | inventory_variables()
    undefined = []
    for play in items if is_plays(items) else [{"tasks": items}]:
        defined = set(play.get("vars") or {})
        for task in play["tasks"]:
            missing = names_used(task) - known - defined
            undefined += ["%s: task %r uses %s" % (module, task.get("name"), ", ".join(sorted(missing)))] if missing else []
            defined |= names_defined(task)
    assert not undefined, "\n".join(undefined)


# -- dynamic: every example runs ----------------------------------------------------------

def playbook_of_examples():
    plays = []
    for module in MODULES:
        items = copy.deepcopy(examples(module))
        if not is_plays(items):
            items = [{"hosts": HOST_FOR.get(module, DEFAULT_HOST), "gather_facts": False, "tasks": items}]
        for index, play in enumerate(items):
            play["name"] = "EXAMPLE %s %d" % (module, index)
            for task in play["tasks"]:
                task["ignore_errors"] = True      # every task runs, whatever the one before did
        plays += items
    return plays


@pytest.fixture(scope="module")
def run_examples(tmp_path_factory):
    work = tmp_path_factory.mktemp("examples")
    (work / "examples.yml").write_text(yaml.safe_dump(playbook_of_examples(), sort_keys=False))
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), ANSIBLE_NOCOLOR="1",
               ANSIBLE_COLLECTIONS_PATH=str(REPO / ".cache" / "collections"),
               ANSIBLE_STDOUT_CALLBACK="ansible.posix.json", ANSIBLE_CALLBACK_RESULT_FORMAT="json")
    # a network namespace with only lo up: nothing the examples send can leave this machine
    cmd = ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "sh",
           str(PLAYBOOK_BIN), "-i", str(EXAMPLE_INVENTORY), "examples.yml",
           "-e", "ansible_host=127.0.0.1", "-e", "ansible_port=9"]
    done = subprocess.run(cmd, cwd=str(work), env=env, capture_output=True, text=True, timeout=900, check=False)
    # the json callback's document, after the lines the actions display (voipready_compliance's)
    start = re.search(r"^\{$", done.stdout, re.M)
    assert start, done.stdout[-3000:] + done.stderr[-3000:]
    return work, json.loads(done.stdout[start.start():])


def outcomes(data):
    """(module, play index, task, host, result) of every task that ran."""
    for play in data["plays"]:
        _example, module, index = play["play"]["name"].split()
        for task in play["tasks"]:
            for host, result in task["hosts"].items():
                yield module, int(index), task["task"]["name"], host, result


def test_every_example_runs_as_far_as_it_can_without_a_device(run_examples):
    _work, data = run_examples
    plays = playbook_of_examples()
    by_name = {(p["name"].split()[1], t.get("name")): t for p in plays for t in p["tasks"]}
    ran = {(p["name"].split()[1], t.get("name")) for p in plays for t in p["tasks"]}
    seen, wrong, connected = set(), [], set()
    failed_registers = {}
    for module, _index, name, host, result in outcomes(data):
        seen.add((module, name))
        task = by_name[(module, name)]
        message = str(result.get("msg", ""))
        if not result.get("failed"):
            continue
        key = (module, name)
        if key in EXPECTED_FAILURES:
            if not re.search(EXPECTED_FAILURES[key], message):
                wrong.append("%s / %s on %s: expected %r, got %s" % (module, name, host, EXPECTED_FAILURES[key], message))
            continue
        args = task.get(module_of(task)) if module_of(task) else None
        state = (args or {}).get("state") if isinstance(args, dict) else None
        if CLOSED_PORT.search(message) and module_of(task) and state not in DEVICE_FREE_STATES:
            connected.add(key)
            if task.get("register"):
                failed_registers.setdefault(module, set()).add(task["register"])
            continue
        if names_used(task) & failed_registers.get(module, set()):
            continue     # it reads what a task that could not reach the device registered
        wrong.append("%s / %s on %s: %s" % (module, name, host, message[:500]))
    assert seen == ran, "examples that did not run: %s" % sorted(ran - seen)
    assert not wrong, "\n".join(wrong)
    # the device tasks did try the device: one per module that has any
    assert {m for m, _n in connected} >= {"allowlist", "qos", "sip_alg", "timeouts", "voice_vlan",
                                          "voip_readiness", "voipready_apply", "voipready_device"}, sorted(connected)


# Keys every task result may carry that Ansible documents (common return values), and the
# json callback's own "action".
COMMON_KEYS = {"changed", "failed", "msg", "skipped", "invocation", "warnings", "deprecations", "exception",
               "action"}


def test_every_key_an_example_returns_is_documented(run_examples):
    """Each top-level key of a module's result is in its RETURN: ok (rendered, parsed, controller
    modules) and failed (the refused login: the error keys) results alike."""
    _work, data = run_examples
    plays = playbook_of_examples()
    by_name = {(p["name"].split()[1], t.get("name")): t for p in plays for t in p["tasks"]}
    documented = {m: set(doc_block(m, "RETURN") or {}) for m in MODULES}
    undocumented = set()
    for module, _index, name, _host, result in outcomes(data):
        task_module = module_of(by_name[(module, name)])
        if not task_module:
            continue
        short = task_module.split(".")[-1]
        if short in documented:
            undocumented |= {(short, key) for key in result
                             if key not in COMMON_KEYS and not key.startswith("_ansible")
                             and key not in documented[short]}
    assert not undocumented, "returned, not in RETURN: %s" % sorted(undocumented)


def _result(data, module, name):
    return next(r for m, _i, n, _h, r in outcomes(data) if (m, n) == (module, name))


def test_rendered_examples_return_lines_and_write_nothing(run_examples):
    work, data = run_examples
    for module, name, first in (
            ("allowlist", "Render for review without connecting (an ASA names its interfaces by nameif)",
             "object-group network"),
            ("qos", "The marking as an IOS router would get it, without connecting", "class-map")):
        result = _result(data, module, name)
        assert not result.get("failed"), result
        lines = result["rendered"]
        assert isinstance(lines, list) and all(isinstance(line, str) and "\n" not in line for line in lines)
        assert any(line.startswith(first) for line in lines), (module, lines[:20])
    assert not (work / "rendered").exists()   # the modules return it; only voipready_device writes files


def test_controller_examples_really_ran(run_examples):
    work, data = run_examples
    ready = _result(data, "voip_readiness", "Interactive Powers from the controller (the platform cannot ping), report only")
    assert not ready.get("failed") and ready["measured_from"] == "controller" and ready["passed"] is False, ready
    assert ready["missed"]        # nothing is reachable from the namespace: every target missed
    name = "Reports of the hosts the device play checked (each registered voipready_compliance)"
    written = _result(data, "voipready_compliance_report", name)
    assert not written.get("failed"), written
    report = json.loads((work / "reports" / "compliance.json").read_text())
    assert sorted(report["hosts"]) == sorted(EXAMPLE_FIREWALLS_AND_ROUTERS)
    assert all(entry["status"] == "unreachable" for entry in report["hosts"].values())
