"""The flows check's evaluator against vr-fw1's own kernel, on the lab (issue 17).

After site.yml, vr-fw1's whole running configuration is read the way the linux driver
reads it (over `podman exec`, the same commands it sends over SSH) and turned into the
policy the flows check evaluates. Every flow the check samples for the lab provider
that crosses vr-fw1 (inside0 <-> outside0), and seeded random flows beside them, is then
sent as a real first packet: outbound from vr-phone1 (from the sampled voice hosts,
added to its interface for the test), inbound from vr-provider1. What arrives on the far
side is recorded by an nft set there, with its DSCP. Each verdict of the model (permit or
deny, DSCP) must equal what vr-fw1's kernel did. Then the same with a customer table
that shadows some voice flows (priority -10, before ours).

Only the lab's own containers and documentation addresses; everything the test adds to
vr-phone1, vr-provider1 and vr-fw1 is removed at the end.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "integration"))
import checks  # noqa: E402
from checks import FW, PHONE, PROVIDER, sh  # noqa: E402

sys.path.insert(0, str(checks.REPO / ".cache" / "collections"))
from ansible_collections.voipready.network.plugins.module_utils import catalog, flows  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.intent import (  # noqa: E402
    qos_classes_from_rules, validate_intent)
from ansible_collections.voipready.network.plugins.module_utils.platforms import linux  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import (  # noqa: E402
    policy_from_running)
from test_flows_kernel import OBSERVE, SENDER, observed, random_flows  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")

VOICE_NET = "192.0.2.0/24"
INSIDE, OUTSIDE = "inside0", "outside0"
# customer rules vr-fw1 does not owe us: SIP to one SBC dropped, a media port range
# rejected, both before our forward chain (priority -10)
SHADOW = """table inet customer_flows {
    chain early {
        type filter hook forward priority -10; policy accept;
        ip daddr 203.0.113.11 udp dport 5060 drop
        iifname "inside0" udp dport 6000-6999 reject
    }
}
"""


class PodmanShim:
    """send_command into a lab container: the commands the linux driver sends over SSH."""

    def __init__(self, container: str):
        self.container = container

    def send_command(self, command, read_timeout=30):
        p = subprocess.run(["podman", "exec", self.container, "sh", "-c", command],
                           capture_output=True, text=True, timeout=read_timeout, check=False)
        return p.stdout + p.stderr


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        yield


def lab_intent() -> dict:
    """The allowlist the lab inventory asks for (inventories/lab/group_vars/all.yml)."""
    cat = catalog.load_catalog([str(checks.REPO / "lab" / "catalog")])
    rules = catalog.provider_rules(cat, "labvoice", region="lab")
    return validate_intent({
        "allowlist": {"rules": rules, "voice_networks": [VOICE_NET],
                      "essentials": {"dns": [], "ntp": []}, "enforce": True,
                      "inside_interfaces": [INSIDE], "outside_interfaces": [OUTSIDE]},
        "sip_alg": {"enabled": False},
        "qos": {"classes": qos_classes_from_rules(rules), "interfaces": [INSIDE, OUTSIDE]},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
    })


def crossing(policy, batch_flows):
    """The flows that cross vr-fw1 between inside0 and outside0, one per observable key
    (outbound is masqueraded, so its far side sees vr-fw1's address as the source)."""
    out, keys = [], set()
    for flow in batch_flows:
        if flows.is_name(flow.dst) or flows.is_name(flow.src):
            continue
        path = (policy.interface_of(str(flow.src)), policy.route(str(flow.dst)))
        if path not in ((INSIDE, OUTSIDE), (OUTSIDE, INSIDE)):
            continue
        flow.ingress, flow.egress = path
        key = observed_key(flow)
        if key in keys:
            continue
        keys.add(key)
        out.append(flow)
    return out


def observed_key(flow):
    src = None if flow.ingress == INSIDE else str(flow.src)
    return (src, str(flow.dst), flow.proto, flow.dport)


def kernel_verdicts(batch) -> dict:
    """Send each flow's first packet; {observed key: dscp} of what arrived."""
    for container, direction in ((PHONE, INSIDE), (PROVIDER, OUTSIDE)):
        payload = json.dumps([[str(f.src), str(f.dst), f.proto, f.dport, f.sport]
                              for f in batch if f.ingress == direction])
        sh(container, "python3 -c '%s'" % SENDER.replace("'", "'\"'\"'"), check=True, input=payload)
    seen = {}
    for container in (PHONE, PROVIDER):
        for (src, dst, proto, dport), dscp in observed(
                sh(container, "nft -j list table inet vrt_observe", check=True).stdout).items():
            # outbound arrives masqueraded: the provider side keys without the source
            seen[(None if container == PROVIDER else src, dst, proto, dport)] = dscp
        sh(container, "nft flush set inet vrt_observe seen4; nft flush set inet vrt_observe seen_icmp")
    return seen


def compare(intent, seed):
    running = linux.Driver().gather(PodmanShim(FW))
    policy = policy_from_running("linux", running)
    samples, _skipped = flows.allowlist_samples(
        intent["allowlist"], policy, policy.interface_of, policy.route)
    batch = crossing(policy, [s.flow for s in samples] + random_flows(policy, seed, 150))
    for flow in batch:   # each end owns its address: senders bind to it, vr-fw1 ARPs for it
        near, far = (PHONE, PROVIDER) if flow.ingress == INSIDE else (PROVIDER, PHONE)
        own(near, str(flow.src))
        own(far, str(flow.dst))
    seen = kernel_verdicts(batch)
    disagree, delivered = [], 0
    for flow in batch:
        verdict = policy.verdict(flow)
        key = observed_key(flow)
        arrived = key in seen
        delivered += arrived
        model_dscp = verdict.dscp or 0
        if verdict.permitted != arrived or (arrived and flow.proto != "icmp" and model_dscp != seen[key]):
            disagree.append("%s: model %s dscp %s (%s), vr-fw1 %s dscp %s" % (
                flow.text(), verdict.action, model_dscp, verdict.rule,
                "delivered" if arrived else "dropped", seen.get(key)))
    return batch, delivered, disagree, flows.check(policy, intent)


ADDED: list = []       # (container, address) this test added, removed at the end


HAVE: dict = {}        # container -> addresses on its eth0 (read once: one podman exec each)


def own(container: str, address: str) -> None:
    """``address`` on the container's eth0 (as a /32 beside the lab's own), once."""
    if container not in HAVE:
        text = sh(container, "ip -o -4 addr show dev eth0", check=True).stdout
        HAVE[container] = {word.split("/")[0] for word in text.split() if word.count(".") == 3}
    if address not in HAVE[container]:
        sh(container, "ip addr add %s/32 dev eth0" % address, check=True)
        HAVE[container].add(address)
        ADDED.append((container, address))


@pytest.fixture
def observers(lab):
    """The test's additions to the lab: the sampled addresses on vr-phone1 and
    vr-provider1, a route back to the voice network on vr-provider1 (it has none: it
    only answers), an observing nft table on both."""
    site = checks.site()
    assert site.returncode == 0, site.stdout[-4000:]
    routes = sh(PROVIDER, "ip route show 192.0.2.0/24", check=True).stdout.strip()
    try:
        if not routes:
            sh(PROVIDER, "ip route add 192.0.2.0/24 via %s" % checks.FW_OUTSIDE, check=True)
        for container in (PHONE, PROVIDER):
            sh(container, "nft -f -", check=True, input=OBSERVE)
        yield
    finally:
        while ADDED:
            container, address = ADDED.pop()
            sh(container, "ip addr del %s/32 dev eth0" % address)
        HAVE.clear()
        if not routes:
            sh(PROVIDER, "ip route del 192.0.2.0/24 via %s" % checks.FW_OUTSIDE)
        for container in (PHONE, PROVIDER):
            sh(container, "nft delete table inet vrt_observe")
        sh(FW, "nft delete table inet customer_flows 2>/dev/null || true")
        sh(FW, "conntrack -F 2>/dev/null || true")


def test_flows_model_agrees_with_vr_fw1s_kernel(observers, capsys):
    intent = lab_intent()
    totals, cells = [], {}
    for name, extra, seed in (("after site.yml", None, 11), ("+ a shadowing customer table", SHADOW, 12)):
        if extra:
            sh(FW, "nft -f -", check=True, input=extra)
        sh(FW, "conntrack -F 2>/dev/null || true")   # each flow is a first packet
        batch, delivered, disagree, cells[name] = compare(intent, seed)
        assert not disagree, "%s: %d of %d verdicts disagree with vr-fw1:\n%s" % (
            name, len(disagree), len(batch), "\n".join(disagree[:40]))
        # both verdicts occur, and in both directions, or the comparison proves little
        assert 0 < delivered < len(batch), (name, delivered, len(batch))
        assert {f.ingress for f in batch} == {INSIDE, OUTSIDE}, name
        totals.append((name, len(batch), delivered))
    assert cells["after site.yml"]["status"] == "compliant", cells["after site.yml"]
    shadowed = cells["+ a shadowing customer table"]
    assert shadowed["status"] == "drift" and any("customer_flows" in m for m in shadowed["missing"]), shadowed
    with capsys.disabled():
        for name, count, delivered in totals:
            print("\nflows vs vr-fw1's kernel [%s]: %d flows sent, %d delivered, %d dropped, "
                  "every verdict agreed" % (name, count, delivered, count - delivered))
