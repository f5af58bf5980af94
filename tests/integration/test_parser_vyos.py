# -*- coding: utf-8 -*-
"""Independent parser: vyos.vyos reads our rendered VyOS config back into the intended flows.

``vyos.vyos.vyos_firewall_rules`` (state: parsed) understands the 1.4+ syntax
(``firewall ipv4 name X rule N`` and ``firewall ipv4 forward filter``) and
``vyos.vyos.vyos_firewall_global`` (state: parsed) reads the groups. The flows they
describe -- (action, proto, source, destination, port range) with groups expanded --
must equal exactly the flows the intent asks for.
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "unit", "platforms"))
sys.path.insert(0, os.path.join(ROOT, ".cache", "collections"))

from ansible_collections.voipready.network.plugins.module_utils.plan import ESSENTIALS  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms import vyos  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.vyos_routeros_common import (  # noqa: E402,E501
    DIRECTIONS, host_or_cidr, pushed_rules)
from intents import intent_for  # noqa: E402

PLAYBOOK = """
- hosts: localhost
  gather_facts: false
  vars:
    # the vyos action plugin refuses connection=local; state=parsed never opens the
    # connection (rm_base skips _get_connection for parsed/rendered)
    ansible_connection: ansible.netcommon.network_cli
    ansible_network_os: vyos.vyos.vyos
  tasks:
    - vyos.vyos.vyos_firewall_rules:
        state: parsed
        running_config: "{{ lookup('file', cfg) }}"
      register: rules
    - vyos.vyos.vyos_firewall_global:
        state: parsed
        running_config: "{{ lookup('file', cfg) }}"
      register: fwglobal
    - ansible.builtin.copy:
        dest: "{{ out }}"
        content: "{{ {'rules': rules.parsed, 'global': fwglobal.parsed} | to_json }}"
"""


def run_parsers(tmp_path, config):
    cfg = tmp_path / "vyos.cfg"
    cfg.write_text(config)
    book = tmp_path / "parse.yml"
    book.write_text(PLAYBOOK)
    out = tmp_path / "parsed.json"
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=os.path.join(ROOT, ".cache", "collections"),
               ANSIBLE_LOCALHOST_WARNING="False", ANSIBLE_INVENTORY_UNPARSED_WARNING="False")
    exe = os.path.join(ROOT, ".venv", "bin", "ansible-playbook")
    proc = subprocess.run([exe, "-i", "localhost,", str(book), "-e", "cfg=%s" % cfg, "-e", "out=%s" % out],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(out.read_text())


def groups_of(parsed_global):
    members = {}
    for group in (parsed_global.get("group") or {}).get("network_group") or []:
        members[group["name"]] = frozenset(host_or_cidr(m["address"]) for m in group.get("members") or [])
    return members


def flows_from_parsers(parsed):
    """(action, proto, src, dst, ports) for every accept rule without a state match."""
    groups = groups_of(parsed["global"])
    flows, defaults = set(), {}
    for afi in parsed["rules"]:
        for rule_set in afi["rule_sets"]:
            if rule_set.get("name"):
                defaults[rule_set["name"]] = rule_set.get("default_action")
            for rule in rule_set.get("rules") or []:
                if rule.get("state") or rule.get("action") != "accept":
                    continue
                src = groups[rule["source"]["group"]["network_group"]]
                dst = groups[rule["destination"]["group"]["network_group"]]
                flows.add(("accept", rule["protocol"], src, dst, rule["destination"]["port"]))
    return flows, defaults


def flows_from_intent(intent):
    cfg = intent["allowlist"]
    voice = frozenset(cfg["voice_networks"])
    flows = set()
    for name, proto, port in ESSENTIALS:
        if cfg["essentials"].get(name):
            flows.add(("accept", proto, voice, frozenset(cfg["essentials"][name]), str(port)))
    for rule, members, kind in pushed_rules(cfg)[0]:
        assert kind == "addresses"
        ports = str(rule["port_min"]) if rule["port_min"] == rule["port_max"] else "%d-%d" % (
            rule["port_min"], rule["port_max"])
        for direction in DIRECTIONS[rule["direction"]]:
            src, dst = (voice, frozenset(members)) if direction == "out" else (frozenset(members), voice)
            flows.add(("accept", rule["proto"], src, dst, ports))
    return flows


def test_vyos_firewall_rules_parser_agrees(tmp_path):
    intent = intent_for("vyos", "kore-us-east")
    rendered = vyos.Driver(vyos_version="1.4").render({"allowlist": intent["allowlist"]})
    config = "\n".join(line for line in rendered.splitlines() if line.startswith("set "))
    parsed = run_parsers(tmp_path, config)
    flows, defaults = flows_from_parsers(parsed)
    expected = flows_from_intent(intent)
    assert flows - expected == set(), "flows the intent does not ask for"
    assert expected - flows == set(), "flows the intent asks for but the parser does not see"
    assert set(defaults.values()) == {"drop"}       # enforce: everything else from/to voice drops
