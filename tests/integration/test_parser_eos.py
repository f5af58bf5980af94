# -*- coding: utf-8 -*-
"""Independent-parser check: the EOS allowlist this collection renders, read back by
arista.eos.eos_acls (state: parsed) through ansible-playbook, holds exactly the flows the
kore-us-east intent asks for: nothing missing, nothing extra.

The expected flows are derived here from the intent's rules, not from the driver, so a
driver bug cannot hide behind itself. eos_acls' action plugin refuses ``connection:
local``; state ``parsed`` never opens the connection, so the play names
ansible.netcommon.network_cli and runs offline on localhost.
"""
from __future__ import absolute_import, division, print_function

import ipaddress
import json
import os
import shutil
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLLECTIONS = os.path.join(REPO, ".cache", "collections")
sys.path.insert(0, os.path.join(REPO, "tests", "unit", "platforms"))
if COLLECTIONS not in sys.path:
    sys.path.insert(0, COLLECTIONS)

from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver  # noqa: E402
from intents import intent_for  # noqa: E402

PLAYBOOK = """
- hosts: localhost
  connection: ansible.netcommon.network_cli
  gather_facts: false
  vars:
    ansible_network_os: arista.eos.eos
  tasks:
    - name: parse the rendered configuration offline
      arista.eos.eos_acls:
        running_config: "{{ lookup('file', 'rendered.cfg') }}"
        state: parsed
      register: acls
    - name: keep what the parser read
      ansible.builtin.copy:
        content: "{{ acls.parsed | to_json }}"
        dest: parsed.json
"""


def _playbook_binary():
    candidate = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")
    return candidate if os.path.exists(candidate) else shutil.which("ansible-playbook")


def _net(text):
    net = ipaddress.ip_network(text)
    return "any" if text == "any" else str(net)


def expected_flows(intent):
    """(acl side, action, proto, src, sport, dst, dport) the intent asks for."""
    cfg = intent["allowlist"]
    voice = [_net(n) for n in cfg["voice_networks"]] or ["any"]
    flows = set()
    for rule in cfg["rules"]:
        if not rule["enforceable"] or not rule["addresses"]:
            continue  # wildcard or FQDN-only: EOS ACLs cannot carry it
        ports = (rule["port_min"], rule["port_max"])
        for local in voice:
            for peer in (_net(a) for a in rule["addresses"]):
                if rule["direction"] in ("outbound", "both"):
                    flows.add(("INSIDE", "permit", rule["proto"], local, None, peer, ports))
                    flows.add(("OUTSIDE", "permit", rule["proto"], peer, ports, local, None))
                if rule["direction"] in ("inbound", "both"):
                    flows.add(("OUTSIDE", "permit", rule["proto"], peer, None, local, ports))
                    flows.add(("INSIDE", "permit", rule["proto"], local, ports, peer, None))
    services = {"dns": [("udp", 53), ("tcp", 53)], "ntp": [("udp", 123)]}
    for kind, servers in cfg["essentials"].items():
        for proto, port in services[kind]:
            for local in voice:
                for server in (_net(s) for s in servers):
                    flows.add(("INSIDE", "permit", proto, local, None, server, (port, port)))
                    flows.add(("OUTSIDE", "permit", proto, server, (port, port), local, None))
    if cfg["enforce"]:
        for local in voice:
            flows.add(("INSIDE", "deny", "ip", local, None, "any", None))
            flows.add(("OUTSIDE", "deny", "ip", "any", None, local, None))
    for side in ("INSIDE", "OUTSIDE"):
        flows.add((side, "permit", "ip", "any", None, "any", None))  # non-voice traffic passes
    return flows


def _endpoint(end):
    if end.get("any"):
        address = "any"
    elif end.get("host"):
        address = _net(end["host"])
    else:
        address = _net(end["subnet_address"])
    port = end.get("port_protocol") or None
    if port:
        if "eq" in port:
            port = (int(port["eq"]), int(port["eq"]))
        else:
            low, high = port["range"].split()
            port = (int(low), int(high))
    return address, port


def parsed_flows(parsed):
    """(acl side, action, proto, src, sport, dst, dport) as eos_acls read them."""
    flows = []
    for afi in parsed:
        for acl in afi["acls"]:
            side = acl["name"].split("-")[1]
            for ace in acl.get("aces", []):
                if "remark" in ace:
                    continue
                assert "line" not in ace, "eos_acls could not read %r" % ace
                src, sport = _endpoint(ace["source"])
                dst, dport = _endpoint(ace["destination"])
                flows.append((side, ace["grant"], ace["protocol"], src, sport, dst, dport))
    return flows


@pytest.mark.skipif(_playbook_binary() is None, reason="ansible-playbook is not installed")
def test_eos_acls_parser_reads_exactly_the_intended_flows(tmp_path):
    intent = intent_for("eos", "kore-us-east")
    rendered = get_driver("eos").render({"allowlist": intent["allowlist"]})
    (tmp_path / "rendered.cfg").write_text(rendered)
    (tmp_path / "play.yml").write_text(PLAYBOOK)
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS, ANSIBLE_NOCOLOR="1",
               ANSIBLE_HOST_KEY_CHECKING="False")
    proc = subprocess.run([_playbook_binary(), "-i", "localhost,", "play.yml"], cwd=str(tmp_path),
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    flows = parsed_flows(json.loads((tmp_path / "parsed.json").read_text()))
    assert len(flows) == len(set(flows)), "duplicate entries"
    want = expected_flows(intent)
    assert set(flows) - want == set(), "extra flows"
    assert want - set(flows) == set(), "missing flows"
    assert sorted(acl["name"] for afi in json.loads((tmp_path / "parsed.json").read_text())
                  for acl in afi["acls"]) == ["VOIPREADY-INSIDE-G1", "VOIPREADY-OUTSIDE-G1"]
