# -*- coding: utf-8 -*-
"""The Open vSwitch flow model (platforms/flows/openvswitch.py) against OVS's own verdicts.

A real ovs-vswitchd (test_ovs_local.py's private run directory and namespace) gets the
driver's voice VLAN and DSCP flows for the lab provider, beside customer flows that drop,
resubmit to another table and re-mark at higher priority. Every sampled flow -- the flows
check's own samples plus seeded random ones (ports, VLANs, protocols) -- is traced with
``ovs-appctl ofproto/trace``; forwarded-or-dropped and the DSCP the datapath sets must be
what the model says, flow by flow. No packet is sent.
"""
from __future__ import absolute_import, division, print_function

import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, ".cache", "collections"))

from ansible_collections.voipready.network.plugins.module_utils import catalog, flows  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.intent import (  # noqa: E402
    qos_classes_from_rules, validate_intent)
from ansible_collections.voipready.network.plugins.module_utils.platforms import openvswitch  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import (  # noqa: E402
    policy_from_running)
# The real OVS fixture and its skip marker, used by pytest by name.
from test_ovs_local import pytestmark, switch  # noqa: E402,F401,F811  pylint: disable=unused-import

OFCTL = "ovs-ofctl -O OpenFlow13"
# Customer flows: a SIP drop above our marking, a resubmit into table 1 (which skips our
# table-0 marking and drops SIP-TLS there), a re-mark to AF41 above ours, a VLAN dropped.
CUSTOMER = (
    "priority=300,udp,dl_vlan=110,tp_dst=5060,actions=drop",
    "priority=250,tcp,nw_dst=203.0.113.11,actions=resubmit(,1)",
    "table=1,priority=10,tcp,tp_dst=5061,actions=drop",
    "table=1,priority=0,actions=NORMAL",
    "priority=260,udp,dl_vlan=110,nw_dst=203.0.113.20,tp_dst=0x1770/0xfff0,"
    "actions=set_field:34->ip_dscp,NORMAL",
    "priority=50,dl_vlan=120,actions=drop",
)


def lab_intent():
    cat = catalog.load_catalog([os.path.join(REPO, "lab", "catalog")])
    rules = catalog.provider_rules(cat, "labvoice", region="lab")
    return validate_intent({
        "voice_vlan": {"voice_vlan": {"id": 110, "name": "VOICE"},
                       "data_vlan": {"id": 10, "name": "DATA"},
                       "phone_ports": ["p1", "p2"], "uplink_ports": ["uplink0"]},
        "qos": {"classes": qos_classes_from_rules(rules), "interfaces": []},
    })


def random_flows(seed, count):
    rng = random.Random(seed)
    ports = [5059, 5060, 5061, 5062, 443, 8443, 5999, 6000, 6015, 6016, 7000, 40000, 65535]
    hosts = ["203.0.113.10", "203.0.113.11", "203.0.113.20", "203.0.113.21", "203.0.113.99"]
    out = []
    for _index in range(count):
        port_in = rng.choice(("p1", "p2", "uplink0", "data9"))
        vlan = rng.choice((110, 110, 10, None, 120))
        proto = rng.choice(("udp", "udp", "tcp", "icmp"))
        port = rng.choice(ports) if rng.random() < 0.8 else rng.randint(1, 65535)
        phone, peer = "192.0.2.%d" % rng.randint(2, 250), rng.choice(hosts)
        if port_in == "uplink0" and rng.random() < 0.7:
            flow = flows.Flow(peer, phone, proto, flows.EPHEMERAL, sport=port, ingress=port_in,
                              vlan=vlan)
        else:
            flow = flows.Flow(phone, peer, proto, port, ingress=port_in, vlan=vlan)
        out.append(flow)
    return out


def trace_spec(flow):
    parts = ["in_port=%s" % flow.ingress]
    if flow.vlan is not None:
        parts.append("dl_vlan=%d" % flow.vlan)
    parts += [flow.proto, "nw_src=%s" % flow.src, "nw_dst=%s" % flow.dst]
    if flow.dport is not None:
        parts += ["%s_src=%d" % (flow.proto, flow.sport), "%s_dst=%d" % (flow.proto, flow.dport)]
    return ",".join(parts)


def ovs_verdicts(shim, batch):
    """{flow key: (forwarded, dscp)} from ofproto/trace's datapath actions."""
    out = {}
    for start in range(0, len(batch), 60):
        chunk = batch[start:start + 60]
        script = "; ".join("echo '### %d'; ovs-appctl ofproto/trace br0 '%s' | grep "
                           "'^Datapath actions'" % (start + i, trace_spec(f))
                           for i, f in enumerate(chunk))
        text = shim.sh(script)
        for block in text.split("### ")[1:]:
            index, _sep, rest = block.partition("\n")
            actions = rest.strip().split("Datapath actions:", 1)[1].strip()
            tokens = re.split(r",(?![^(]*\))", actions)
            forwarded = any(t.strip().isdigit() for t in tokens)
            tos = re.search(r"tos=0x([0-9a-f]+)", actions)
            out[batch[int(index)].key()] = (forwarded, int(tos.group(1), 16) >> 2 if tos else 0)
    return out


def test_flows_model_agrees_with_ofproto_trace(switch, capsys):  # noqa: F811
    driver = openvswitch.Driver()
    intent = lab_intent()
    driver.push(switch, driver.remediate(driver.gather(switch), intent))
    plain = policy_from_running("openvswitch", driver.gather(switch))
    cell = flows.check(plain, intent)
    assert cell["status"] == "compliant", cell
    for flow in CUSTOMER:
        switch.sh("%s add-flow br0 '%s'" % (OFCTL, flow))
    running = driver.gather(switch)
    assert driver.remediate(running, intent) == []     # the owned flows are all compliant
    policy = policy_from_running("openvswitch", running)
    samples = flows.qos_samples(intent, "p1", "uplink0")
    batch, seen = [], set()
    for flow in [s.flow for s in samples] + random_flows(7, 250):
        if flow.key() not in seen:
            seen.add(flow.key())
            batch.append(flow)
    traced = ovs_verdicts(switch, batch)
    disagree, forwarded = [], 0
    for flow in batch:
        verdict = policy.verdict(flow)
        ovs_forwarded, ovs_dscp = traced[flow.key()]
        forwarded += ovs_forwarded
        if verdict.permitted != ovs_forwarded or (ovs_forwarded and (verdict.dscp or 0) != ovs_dscp):
            disagree.append("%s: model %s dscp %s (%s); ofproto/trace %s dscp %s" % (
                flow.text(), verdict.action, verdict.dscp, verdict.rule,
                "forwarded" if ovs_forwarded else "dropped", ovs_dscp))
    assert not disagree, "%d of %d verdicts disagree:\n%s" % (len(disagree), len(batch),
                                                              "\n".join(disagree[:40]))
    assert 0 < forwarded < len(batch)
    # the customer's flows shadow ours: the flows check fails and names them
    shadowed = flows.check(policy, intent)
    assert shadowed["status"] == "drift"
    assert any("tp_dst=5060" in m and "actions=drop" in m for m in shadowed["missing"])
    assert any("set_field:34->ip_dscp" in m for m in shadowed["missing"])
    with capsys.disabled():
        print("\nflows vs ofproto/trace: %d flows traced, %d forwarded, %d dropped, every "
              "verdict agreed (forwarding and DSCP)" % (len(batch), forwarded,
                                                        len(batch) - forwarded))
