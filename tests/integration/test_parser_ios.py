# -*- coding: utf-8 -*-
"""Independent-parser checks of the IOS configuration this collection renders.

* hier_config (Platform.CISCO_IOS) reads the allowlist's object-groups and ACLs; the test
  expands them itself and compares the flows with the ones derived here from the intent's
  rules, not from the driver: nothing missing, nothing extra, catch-all lines last.
* cisco.ios resource modules (``state: parsed`` through ansible-playbook, offline) read the
  switch ports (ios_l2_interfaces), the ACL bindings (ios_acl_interfaces) and the QoS ACLs
  with their explicit entries (ios_acls). ios_acls cannot read ``permit object-group
  <service-group> ...`` entries (it takes the service group for the source), which is why
  the allowlist goes through hier_config.
* ntc-templates (TextFSM built from real device output) reads the interface stanzas:
  bindings, the QoS service-policy and router sub-interfaces.
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

from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver  # noqa: E402
from intents import intent_for  # noqa: E402

PLAYBOOK = """
- hosts: localhost
  connection: ansible.netcommon.network_cli
  gather_facts: false
  vars:
    ansible_network_os: cisco.ios.ios
  tasks:
    - name: switch ports
      cisco.ios.ios_l2_interfaces:
        running_config: "{{ lookup('file', 'rendered.cfg') }}"
        state: parsed
      register: l2
    - name: ACL bindings
      cisco.ios.ios_acl_interfaces:
        running_config: "{{ lookup('file', 'rendered.cfg') }}"
        state: parsed
      register: bindings
    - name: ACL entries
      cisco.ios.ios_acls:
        running_config: "{{ lookup('file', 'rendered.cfg') }}"
        state: parsed
      register: acls
    - name: keep what the parsers read
      ansible.builtin.copy:
        content: "{{ {'l2': l2.parsed, 'bindings': bindings.parsed, 'acls': acls.parsed} | to_json }}"
        dest: parsed.json
"""


def _playbook_binary():
    candidate = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")
    return candidate if os.path.exists(candidate) else shutil.which("ansible-playbook")


def _net(text):
    if text == "any":
        return "any"
    return str(ipaddress.ip_network(text))


def _merge(atoms):
    """Atoms (side, action, proto, src, sport, dst, dport) with port ranges per key joined."""
    spans = {}
    for side, action, proto, src, sport, dst, dport in atoms:
        key = (side, action, proto, src, dst, sport is None, dport is None)
        ports = sport or dport
        spans.setdefault(key, set()).update(range(ports[0], ports[1] + 1) if ports else [None])
    return set((k, tuple(sorted(v, key=lambda p: -1 if p is None else p))) for k, v in spans.items())


def expected_flows(intent):
    """What the intent asks of two stateless ACLs, from its rules alone."""
    cfg = intent["allowlist"]
    voice = [_net(n) for n in cfg["voice_networks"]] or ["any"]
    atoms = set()
    rules = [r for r in cfg["rules"] if any(":" not in a for a in r["addresses"])]
    services = {"dns": [("udp", 53), ("tcp", 53)], "ntp": [("udp", 123)]}
    for kind, servers in cfg["essentials"].items():
        for proto, port in services[kind]:
            if servers:
                rules.append({"proto": proto, "port_min": port, "port_max": port,
                              "addresses": servers, "direction": "outbound"})
    for rule in rules:
        ports = (rule["port_min"], rule["port_max"])
        for local in voice:
            for peer in (_net(a) for a in rule["addresses"] if ":" not in a):
                if rule["direction"] in ("outbound", "both"):
                    atoms.add(("INSIDE", "permit", rule["proto"], local, None, peer, ports))
                    atoms.add(("OUTSIDE", "permit", rule["proto"], peer, ports, local, None))
                if rule["direction"] in ("inbound", "both"):
                    atoms.add(("OUTSIDE", "permit", rule["proto"], peer, None, local, ports))
                    atoms.add(("INSIDE", "permit", rule["proto"], local, ports, peer, None))
    if cfg["enforce"]:
        # DHCP: broadcasts, and renewals to the router's address in the voice network
        atoms.add(("INSIDE", "permit", "udp", "any", (68, 68), "255.255.255.255/32", (67, 67)))
        for local in voice:
            atoms.add(("INSIDE", "permit", "udp", local, (68, 68), local, (67, 67)))
            atoms.add(("INSIDE", "deny", "ip", local, None, "any", None))
            atoms.add(("OUTSIDE", "deny", "ip", "any", None, local, None))
    for side in ("INSIDE", "OUTSIDE"):
        atoms.add((side, "permit", "ip", "any", None, "any", None))
    return _merge(atoms)


def _ports(words):
    """(port range or None, rest of words) from ``eq P`` / ``range A B`` at the front."""
    if words[:1] == ["eq"]:
        return (int(words[1]), int(words[1])), words[2:]
    if words[:1] == ["range"]:
        return (int(words[1]), int(words[2])), words[3:]
    return None, words


def _operand(words, groups):
    """(addresses, rest) for ``any`` / ``host A`` / ``object-group N`` / ``A WILDCARD``."""
    if words[0] == "any":
        return ["any"], words[1:]
    if words[0] == "host":
        return [_net(words[1])], words[2:]
    if words[0] == "object-group":
        out = []
        for member in groups[words[1]][1]:
            parts = member.split()
            out.append(_net(parts[1]) if parts[0] == "host" else
                       _net("%s/%s" % (parts[0], parts[1])))
        return out, words[2:]
    mask = str(ipaddress.IPv4Address(int(ipaddress.IPv4Address(words[1])) ^ 0xFFFFFFFF))
    return [_net("%s/%s" % (words[0], mask))], words[2:]


def hier_config_flows(rendered):
    """The allowlist ACLs as hier_config reads them, expanded into atoms."""
    from hier_config import Platform, get_hconfig
    config = get_hconfig(Platform.CISCO_IOS, rendered)
    groups = {}
    for child in config.children:
        words = child.text.split()
        if words[0] == "object-group":
            groups[words[2]] = (words[1], [c.text for c in child.children])
    atoms, order = [], {}
    for child in config.children:
        words = child.text.split()
        if words[:3] != ["ip", "access-list", "extended"] or "-QOS-" in words[3]:
            continue
        side = words[3].split("-")[1]
        order[side] = []
        for ace in child.children:
            parts = ace.text.split()[1:]  # drop the sequence number
            action = parts[0]
            if parts[1] == "object-group":
                entries = []
                for member in groups[parts[2]][1]:
                    m = member.split()
                    if m[1] == "source":
                        sport, _rest = _ports(m[2:])
                        entries.append((m[0], sport, None))
                    else:
                        dport, _rest = _ports(m[1:])
                        entries.append((m[0], None, dport))
                srcs, rest = _operand(parts[3:], groups)
                dsts, rest = _operand(rest, groups)
                assert not rest, ace.text
            else:
                srcs, rest = _operand(parts[2:], groups)
                sport, rest = _ports(rest)
                dsts, rest = _operand(rest, groups)
                dport, rest = _ports(rest)
                assert not rest, ace.text
                entries = [(parts[1], sport, dport)]
            for proto, sport, dport in entries:
                for src in srcs:
                    for dst in dsts:
                        atom = (side, action, proto, src, sport, dst, dport)
                        atoms.append(atom)
                        order[side].append(atom)
    return atoms, order


@pytest.mark.parametrize("scenario", ("kore-us-east", "cloudoe"))
def test_hier_config_reads_exactly_the_intended_flows(scenario):
    intent = intent_for("ios", scenario)
    rendered = get_driver("ios").render({"allowlist": intent["allowlist"]})
    atoms, order = hier_config_flows(rendered)
    assert len(atoms) == len(set(atoms)), "duplicate entries"
    got, want = _merge(atoms), expected_flows(intent)
    assert got - want == set(), "extra flows"
    assert want - got == set(), "missing flows"
    for side in ("INSIDE", "OUTSIDE"):
        assert order[side][-1][1:] == ("permit", "ip", "any", None, "any", None)
        assert order[side][-2][1] == "deny"


def _router_intent():
    intent = intent_for("ios", "kore-us-east")
    intent["voice_vlan"]["subinterfaces"] = [{"parent": "GigabitEthernet0/2", "vlan": 110,
                                              "address": "198.51.100.129/26"}]
    return validate_intent(intent)


@pytest.mark.skipif(_playbook_binary() is None, reason="ansible-playbook is not installed")
def test_cisco_ios_resource_parsers(tmp_path):
    intent = intent_for("ios", "kore-us-east")
    rendered = get_driver("ios").render(intent)
    (tmp_path / "rendered.cfg").write_text(rendered)
    (tmp_path / "play.yml").write_text(PLAYBOOK)
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS, ANSIBLE_NOCOLOR="1",
               ANSIBLE_HOST_KEY_CHECKING="False")
    proc = subprocess.run([_playbook_binary(), "-i", "localhost,", "play.yml"], cwd=str(tmp_path),
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    parsed = json.loads((tmp_path / "parsed.json").read_text())

    ports = dict((p["name"], p) for p in parsed["l2"])
    cfg = intent["voice_vlan"]
    for name in cfg["phone_ports"]:
        assert ports[name]["mode"] == "access"
        assert ports[name]["access"] == {"vlan": cfg["data_vlan"]["id"]}
        assert ports[name]["voice"] == {"vlan": cfg["voice_vlan"]["id"]}
    for name in cfg["uplink_ports"]:
        assert ports[name]["mode"] == "trunk"
        assert sorted(int(v) for v in ports[name]["trunk"]["allowed_vlans"]) == \
            sorted([cfg["data_vlan"]["id"], cfg["voice_vlan"]["id"]])

    bound = dict((b["name"], [(a["name"], a["direction"]) for g in b["access_groups"] for a in g["acls"]])
                 for b in parsed["bindings"])
    for name in intent["allowlist"]["inside_interfaces"]:
        assert bound[name] == [("VOIPREADY-INSIDE-1", "in")]
    for name in intent["allowlist"]["outside_interfaces"]:
        assert bound[name] == [("VOIPREADY-OUTSIDE-1", "in")]

    # QoS ACLs: exactly the intent's class matches, one explicit entry per address.
    acls = dict((a["name"], a.get("aces", [])) for afi in parsed["acls"] for a in afi["acls"])
    for cls in intent["qos"]["classes"]:
        want = set()
        for match in cls["matches"]:
            for address in match["addresses"]:
                want.add((match["proto"], address, match["port_min"], match["port_max"]))
        got = set()
        for ace in acls["VOIPREADY-QOS-" + cls["name"]]:
            port = ace["destination"]["port_protocol"]
            low, high = ((int(port["eq"]), int(port["eq"])) if "eq" in port else
                         (int(port["range"]["start"]), int(port["range"]["end"])))
            assert ace["grant"] == "permit" and ace["source"] == {"any": True}
            got.add((ace["protocol"], ace["destination"]["host"], low, high))
        assert got == want, cls["name"]


def test_ntc_templates_read_the_interface_stanzas():
    from ntc_templates.parse import parse_output
    rendered = get_driver("ios").render(_router_intent())
    stanzas, current = [], None
    for line in rendered.splitlines():
        if line.startswith("interface "):
            current = [line]
            stanzas.append(current)
        elif current is not None and line.startswith(" "):
            current.append(line)
        else:
            current = None
    text = "".join("\n".join(s) + "\n!\n" for s in stanzas if not s[0].startswith("interface GigabitEthernet1/"))
    rows = dict((r["interface"], r) for r in parse_output(
        platform="cisco_ios", command="show running-config interface", data=text))
    assert rows["GigabitEthernet0/0"]["access_group_in"] == "VOIPREADY-OUTSIDE-1"
    assert rows["GigabitEthernet0/0"]["output_policy"] == "VOIPREADY-QOS"
    assert rows["GigabitEthernet0/1"]["access_group_in"] == "VOIPREADY-INSIDE-1"
    sub = rows["GigabitEthernet0/2.110"]
    assert (sub["outer_vlan"], sub["ip_address"], sub["netmask"]) == ("110", "198.51.100.129",
                                                                      "255.255.255.192")
