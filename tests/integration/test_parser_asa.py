# -*- coding: utf-8 -*-
"""Independent-parser check of the ASA allowlist this collection renders, with the
ntc-templates TextFSM parsers (written from real ASA output):

* ``show running-config object network`` -- the FQDN objects,
* ``show object-group network`` and ``show running-config object-group service`` -- the
  groups,
* ``show access-list`` -- the entries (the test prints the rendered ACL the way the ASA
  lists it: a header per ACL, ``line N``, a hit count and a hash per entry),
* ``show running-config access-group`` -- the bindings.

The flows they add up to are compared with flows derived here from the intent's rules,
not from the driver: nothing missing, nothing extra, and the stateful ASA pair (outbound
flows inside with a catch-all last, inbound flows outside with no catch-all).
"""
from __future__ import absolute_import, division, print_function

import ipaddress
import os
import re
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLLECTIONS = os.path.join(REPO, ".cache", "collections")
sys.path.insert(0, os.path.join(REPO, "tests", "unit", "platforms"))
if COLLECTIONS not in sys.path:
    sys.path.insert(0, COLLECTIONS)

from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver  # noqa: E402
from intents import intent_for  # noqa: E402

from ntc_templates.parse import parse_output  # noqa: E402  (installed with netmiko)


def _net(text):
    return "any" if text == "any" else str(ipaddress.ip_network(text))


def _section(text, header):
    out, keep = [], False
    for line in text.splitlines():
        if not line.startswith(" "):
            keep = bool(re.match(header, line))
        if keep:
            out.append(line)
    return "\n".join(out) + "\n"


def _show_access_list(rendered):
    acl = [l for l in rendered.splitlines() if l.startswith("access-list ")]
    out = []
    for name in sorted(set(l.split()[1] for l in acl)):
        lines = [l for l in acl if l.split()[1] == name]
        out.append("access-list %s; %d elements; name hash: 0x1a2b3c4d" % (name, len(lines)))
        for number, line in enumerate(lines, 1):
            out.append("access-list %s line %d %s (hitcnt=0) 0x%08x"
                       % (name, number, line.split(" ", 2)[2], number))
    return "\n".join(out) + "\n"


def expected_flows(intent):
    cfg = intent["allowlist"]
    voice = [_net(n) for n in cfg["voice_networks"]] or ["any"]
    rules = list(cfg["rules"])
    services = {"dns": [("udp", 53), ("tcp", 53)], "ntp": [("udp", 123)]}
    for kind, servers in cfg["essentials"].items():
        for proto, port in services[kind]:
            if servers:
                rules.append({"proto": proto, "port_min": port, "port_max": port,
                              "addresses": servers, "fqdns": [], "direction": "outbound"})
    atoms = set()
    for rule in rules:
        peers = [_net(a) for a in rule["addresses"]] + \
            ["fqdn:" + f for f in rule["fqdns"] if not f.startswith("*.")]
        ports = (rule["port_min"], rule["port_max"])
        for local in voice:
            for peer in peers:
                if rule["direction"] in ("outbound", "both"):
                    atoms.add(("INSIDE", "permit", rule["proto"], local, peer, ports))
                if rule["direction"] in ("inbound", "both"):
                    atoms.add(("OUTSIDE", "permit", rule["proto"], peer, local, ports))
    if cfg["enforce"]:
        for local in voice:
            atoms.add(("INSIDE", "deny", "ip", local, "any", None))
    atoms.add(("INSIDE", "permit", "ip", "any", "any", None))
    return atoms


def parsed_flows(rendered):
    fqdns = dict((r["name"], r["fqdn"]) for r in parse_output(
        platform="cisco_asa", command="show running-config object network",
        data=_section(rendered, r"^object network ")))
    nets = {}
    for row in parse_output(platform="cisco_asa", command="show object-group network",
                            data=_section(rendered, r"^object-group network ")):
        if row["type"] == "host":
            member = _net(row["host"])
        elif row["type"] == "object":
            member = "fqdn:" + fqdns[row["net_object"]]
        else:
            member = _net("%s/%s" % (row["network"], row["netmask"]))
        nets.setdefault(row["name"], []).append(member)
    ports = {}
    for row in parse_output(platform="cisco_asa", command="show running-config object-group service",
                            data=_section(rendered, r"^object-group service ")):
        assert row["dst_operator"] in ("eq", "range") and not row["src_operator"], row
        high = row["dst_port_end"] or row["dst_port_start"]
        ports.setdefault(row["name"], []).append(
            (row["svc_protocol"], (int(row["dst_port_start"]), int(high))))
    atoms, order = [], {}
    for row in parse_output(platform="cisco_asa", command="show access-list",
                            data=_show_access_list(rendered)):
        if not row["line_num"]:
            continue
        side = row["acl_name"].split("-")[1]
        src = nets.get(row["src_object_grp"]) or [_net(row["src_any"] and "any")]
        dst = nets.get(row["dst_object_grp"]) or [_net(row["dst_any"] and "any")]
        services = ports.get(row["svc_object_grp"]) or [(row["protocol"], None)]
        for proto, span in services:
            for s in src:
                for d in dst:
                    atom = (side, row["action"], proto, s, d, span)
                    atoms.append(atom)
                    order.setdefault(side, []).append(atom)
    bindings = sorted((r["access_list"], r["interface"]) for r in parse_output(
        platform="cisco_asa", command="show running-config access-group",
        data=_section(rendered, r"^access-group ")))
    return atoms, order, bindings


@pytest.mark.parametrize("scenario", ("kore-us-east", "cloudoe"))
def test_ntc_templates_read_exactly_the_intended_flows(scenario):
    intent = intent_for("asa", scenario)
    rendered = get_driver("asa").render({"allowlist": intent["allowlist"]})
    atoms, order, bindings = parsed_flows(rendered)
    assert len(atoms) == len(set(atoms)), "duplicate entries"
    want = expected_flows(intent)
    assert set(atoms) - want == set(), "extra flows"
    assert want - set(atoms) == set(), "missing flows"
    assert order["INSIDE"][-1] == ("INSIDE", "permit", "ip", "any", "any", None)
    assert all(a[1] == "permit" and a[2] != "ip" for a in order.get("OUTSIDE", [])), \
        "the outside ACL keeps the ASA's default deny"
    expected_bindings = [("VOIPREADY-INSIDE-1", i) for i in intent["allowlist"]["inside_interfaces"]]
    if "OUTSIDE" in order:
        expected_bindings += [("VOIPREADY-OUTSIDE-1", i) for i in intent["allowlist"]["outside_interfaces"]]
    assert bindings == sorted(expected_bindings)
