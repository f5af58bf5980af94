"""Bad input on the lab: every malformed value fails with a message that names the field
and the value, and the device is left exactly as it was.

Each case runs ansible-playbook the way a user does: most through site.yml and the
roles (``-e`` overrides of the inventory variables), some through a module task with a
hand-written ``config``. Around every case the test reads the device's whole state
(vr-fw1: ``nft list ruleset``, the netfilter sysctls and the files the collection
writes; vr-sw1: ``ovs-vsctl show`` and the flow table without counters) and the sshd
log, and asserts:

* the play failed, and its message holds the field and the bad value (both substrings);
* the device state is byte-identical before and after;
* nobody logged in: validation refuses the input before the SSH session opens.

``test_the_harness_sees_a_change`` runs one *valid* change through the same harness and
asserts that the state comparison and the login counter both see it, so the
"byte-identical" and "no login" assertions cannot pass by reading nothing.

Brings the lab up when it is down (and takes it down again afterwards) and converges it
with site.yml first, so the device holds the collection's configuration. Run by hand
under the lab lock:  flock /tmp/voipready-lab.lock .venv/bin/pytest -q tests/lab/test_bad_input.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks  # noqa: E402
from checks import FW, REPO, SW  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")

# A rule in the export format (voipready.network.provider_rules); cases break one key.
RULE = {"id": "lab.sip", "service": "sip", "component": "sbc", "proto": "udp", "port_min": 5060,
        "port_max": 5060, "direction": "outbound", "addresses": ["203.0.113.10"]}
QOS_CLASS = {"name": "VOICE-RTP", "dscp": 46,
             "matches": [{"proto": "udp", "port_min": 6000, "port_max": 65535, "addresses": ["203.0.113.20"]}]}


def rule(**change):
    return [dict(RULE, **change)]


def qos_class(match=None, **change):
    cls = dict(QOS_CLASS, **change)
    if match:
        cls["matches"] = [dict(QOS_CLASS["matches"][0], **match)]
    return [cls]


# (case id, host, how, extra vars or module args, field substring, value substring)
#   how "site": ansible-playbook site.yml --limit HOST -e EXTRA
#   how "<module>": a one-task play running voipready.network.<module> with EXTRA as args
CASES = [
    # providers and regions (the catalog filter in the common role)
    ("provider-unknown", FW, "site", {"voip_provider": "nosuch"}, "provider", "nosuch"),
    ("provider-typo-case", FW, "site", {"voip_provider": "Kore"}, "provider", "Kore"),
    ("region-unknown", FW, "site", {"voip_region": "mars"}, "region", "mars"),
    ("region-of-other-provider", FW, "site", {"voip_provider": "kore", "voip_region": "lab"},
     "region", "lab"),
    ("service-unknown", FW, "site", {"voip_services": ["fax"]}, "service", "fax"),
    # platform names
    ("platform-unknown", FW, "site", {"voipready_platform": "cisco_nosuch"}, "platform", "cisco_nosuch"),
    ("platform-upper-case", FW, "site", {"voipready_platform": "LINUX"}, "platform", "LINUX"),
    ("platform-switch-alias", SW, "site", {"voipready_platform": "ovs"}, "platform", "ovs"),
    # voice VLAN ids (the switch)
    ("vlan-4095", SW, "site", {"voipready_voice_vlan": {"id": 4095, "name": "VOICE"}},
     "voice_vlan.voice_vlan.id", "4095"),
    ("vlan-zero", SW, "site", {"voipready_voice_vlan": {"id": 0, "name": "VOICE"}},
     "voice_vlan.voice_vlan.id", "0"),
    ("vlan-text", SW, "site", {"voipready_voice_vlan": {"id": "voice", "name": "VOICE"}},
     "voice_vlan.voice_vlan.id", "voice"),
    ("vlan-data-5000", SW, "site", {"voipready_data_vlan": {"id": 5000, "name": "DATA"}},
     "voice_vlan.data_vlan.id", "5000"),
    ("vlan-voice-equals-data", SW, "site", {"voipready_voice_vlan": {"id": 10, "name": "VOICE"}},
     "voice_vlan.voice_vlan.id", "10"),
    ("vlan-name-spaces", SW, "site", {"voipready_voice_vlan": {"id": 110, "name": "VOICE LAN"}},
     "voice_vlan.voice_vlan.name", "VOICE LAN"),
    # DSCP values (QoS classes in the qos role)
    ("dscp-64", FW, "site", {"voipready_qos_classes": qos_class(dscp=64)}, "qos.classes[0].dscp", "64"),
    ("dscp-negative", FW, "site", {"voipready_qos_classes": qos_class(dscp=-1)}, "qos.classes[0].dscp", "-1"),
    ("dscp-bad-name", FW, "site", {"voipready_qos_classes": qos_class(dscp="ef2")}, "qos.classes[0].dscp", "ef2"),
    # ports and ranges (QoS matches)
    ("qos-port-65536", FW, "site", {"voipready_qos_classes": qos_class(match={"port_max": 65536})},
     "qos.classes[0].matches[0].port_max", "65536"),
    ("qos-range-reversed", FW, "site",
     {"voipready_qos_classes": qos_class(match={"port_min": 7000, "port_max": 6000})},
     "qos.classes[0].matches[0].port_max", "6000"),
    # timeouts (timeouts role)
    ("timeout-zero", FW, "site", {"voipready_udp_timeout": 0}, "timeouts.udp", "0"),
    ("timeout-text", FW, "site", {"voipready_udp_timeout": "abc"}, "voipready_udp_timeout", "abc"),
    ("timeout-below-keepalive", FW, "site", {"voipready_sip_timeout": 20}, "timeouts.sip", "20"),
    ("timeout-udp-over-stream", FW, "site", {"voipready_udp_timeout": 700}, "timeouts.udp", "700"),
    ("timeout-tcp-too-long", FW, "site", {"voipready_tcp_established_timeout": 100000},
     "timeouts.tcp_established", "100000"),
    ("keepalive-too-long", FW, "site", {"voipready_keepalive_interval": 99999},
     "timeouts.keepalive_interval", "99999"),
    # addresses and CIDRs (allowlist role)
    ("cidr-prefix-33", FW, "site", {"voipready_voice_networks": ["192.0.2.0/33"]},
     "allowlist.voice_networks[0]", "192.0.2.0/33"),
    ("cidr-host-bits", FW, "site", {"voipready_voice_networks": ["192.0.2.1/24"]},
     "allowlist.voice_networks[0]", "192.0.2.1/24"),
    ("cidr-ipv6-129", FW, "site", {"voipready_voice_networks": ["2001:db8::/129"]},
     "allowlist.voice_networks[0]", "2001:db8::/129"),
    ("address-octet-300", FW, "site", {"voipready_dns_servers": ["198.51.100.300"]},
     "allowlist.essentials.dns[0]", "198.51.100.300"),
    ("address-word", FW, "site", {"voipready_ntp_servers": ["ntp-server"]},
     "allowlist.essentials.ntp[0]", "ntp-server"),
    # the modules directly: allowlist rules with bad ports, ranges, protocols, addresses
    ("rule-port-zero", FW, "allowlist", {"config": {"rules": rule(port_min=0)}},
     "allowlist.rules[0].port_min", "0"),
    ("rule-port-text", FW, "allowlist", {"config": {"rules": rule(port_max="sip")}},
     "allowlist.rules[0].port_max", "sip"),
    ("rule-range-reversed", FW, "allowlist", {"config": {"rules": rule(port_min=5061, port_max=5060)}},
     "allowlist.rules[0].port_max", "5060"),
    ("rule-proto", FW, "allowlist", {"config": {"rules": rule(proto="icmp")}},
     "allowlist.rules[0].proto", "icmp"),
    ("rule-address-octet", FW, "allowlist", {"config": {"rules": rule(addresses=["203.0.113.256"])}},
     "allowlist.rules[0].addresses[0]", "203.0.113.256"),
    ("rule-cidr-host-bits", FW, "allowlist", {"config": {"rules": rule(addresses=["203.0.113.10/24"])}},
     "allowlist.rules[0].addresses[0]", "203.0.113.10/24"),
    ("rule-dscp", FW, "allowlist", {"config": {"rules": rule(dscp=99)}}, "allowlist.rules[0].dscp", "99"),
    ("module-vlan-id", SW, "voice_vlan", {"config": {"voice_vlan": {"id": 4097}, "phone_ports": ["phone1"]}},
     "voice_vlan.voice_vlan.id", "4097"),
    ("module-timeout-negative", FW, "timeouts", {"config": {"udp": -5}}, "timeouts.udp", "-5"),
    ("module-platform", FW, "voipready_apply", {"platform": "fortigate", "features": {"sip_alg": {}}},
     "platform", "fortigate"),
]


# -- the device, before and after ------------------------------------------------------
# One `podman exec` per device (each costs most of a second): the nftables ruleset, every
# netfilter sysctl (read from /proc/sys, as `sysctl -a` would show them) and the files the
# collection writes; the OVS database and the flow table. nf_conntrack_count is a live
# counter, not configuration; flow counters are left out with --no-stats and the flows
# sorted (the dump order is not configuration, the priorities are).
STATE_COMMANDS = {
    FW: "nft list ruleset; echo '-- netfilter sysctls'; grep -r . /proc/sys/net/netfilter/ "
        "| grep -v nf_conntrack_count | sort; echo '-- files'; "
        "cat /etc/sysctl.d/90-voipready.conf /etc/nftables.d/voipready.nft 2>&1",
    SW: "ovs-vsctl show; echo '-- flows'; ovs-ofctl --no-stats dump-flows br0 | sort",
}


def device_state() -> dict:
    """The whole state of both lab devices, as text."""
    procs = dict((dev, subprocess.Popen(["podman", "exec", dev, "sh", "-c", cmd], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True))
                 for dev, cmd in STATE_COMMANDS.items())
    state = {}
    for dev, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and out.strip(), "reading %s failed: %s" % (dev, err)
        state[dev] = out
    return state


def logins() -> dict:
    """sshd's 'Accepted ...' lines so far, per device."""
    out = {}
    for dev in (FW, SW):
        p = subprocess.run(["podman", "logs", dev], capture_output=True, text=True, timeout=60, check=False)
        out[dev] = sum("Accepted " in ln for ln in (p.stdout + p.stderr).splitlines())
    return out


def playbook(how: str, host: str, extra: dict, tmp: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, **checks.ENV_KEYS)
    env["PATH"] = "%s:%s" % (REPO / ".venv" / "bin", env.get("PATH", ""))
    env["ANSIBLE_CALLBACK_RESULT_FORMAT"] = "json"
    bin_ = str(REPO / ".venv" / "bin" / "ansible-playbook")
    if how == "site":
        extra_file = tmp / "extra.json"
        extra_file.write_text(json.dumps(extra))
        cmd = [bin_, "-i", "inventories/lab", "site.yml", "--limit", host, "-e", "@%s" % extra_file]
    else:
        play = [{"name": "Bad input to %s" % how, "hosts": host, "gather_facts": False,
                 "tasks": [{"name": "Run voipready.network.%s" % how, "voipready.network.%s" % how: extra}]}]
        path = tmp / "play.yml"
        path.write_text(yaml.safe_dump(play, sort_keys=False))
        cmd = [bin_, "-i", str(REPO / "inventories" / "lab"), str(path)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=REPO, env=env, check=False)


def failure_message(p: subprocess.CompletedProcess, host: str) -> str:
    """The failed task's own words: its ``msg`` and, for a role's argument
    specification, ``argument_errors`` (not the spec it dumps beside them, which names
    every variable). The runs use the JSON result format so the result parses."""
    marker = "fatal: [%s]: FAILED! => " % host
    for line in p.stdout.splitlines():
        if line.startswith(marker):
            result = json.loads(line[len(marker):])
            return "\n".join([str(result.get("msg", ""))] + [str(e) for e in result.get("argument_errors", [])])
    raise AssertionError("no failed task on %s:\n%s\n%s" % (host, p.stdout[-3000:], p.stderr[-2000:]))


def names(message: str, word: str) -> bool:
    """``word`` stands in ``message`` as a whole token: "0" is not found in "86400",
    "timeouts.udp" not in "timeouts.udp_stream"."""
    return re.search(r"(?<![\w.-])%s(?!\w|\.\w)" % re.escape(word), message) is not None


@pytest.fixture(scope="module")
def converged_lab():
    for _unused in checks.lab_session():
        p = checks.site()
        assert p.returncode == 0, "site.yml did not converge the lab:\n%s\n%s" % (p.stdout[-4000:], p.stderr[-2000:])
        state = device_state()
        # a device holding the collection's configuration, not an empty one
        assert "table inet voipready" in state[FW], state[FW]
        assert "dl_vlan=110" in state[SW] and "trunks: [10, 110]" in state[SW], state[SW]
        # the state each case starts from; a case's "after" is the next case's "before"
        # (nothing runs between two cases, and a podman exec costs most of a second)
        yield {"converged": state, "now": state}


@pytest.mark.parametrize("case,host,how,extra,field,value", CASES, ids=[c[0] for c in CASES])
def test_bad_input_fails_clearly_and_touches_nothing(converged_lab, tmp_path, case, host, how, extra, field, value):
    before, logins_before = converged_lab["now"], logins()
    p = playbook(how, host, extra, tmp_path)
    after, logins_after = device_state(), logins()
    converged_lab["now"] = after

    assert p.returncode != 0, "%s: the play succeeded on bad input:\n%s" % (case, p.stdout[-3000:])
    report = failure_message(p, host)
    assert names(report, field), "%s: the message does not name the field %r:\n%s" % (case, field, report)
    assert names(report, value), "%s: the message does not name the value %r:\n%s" % (case, value, report)
    assert "Traceback" not in p.stdout + p.stderr, "%s: a traceback:\n%s" % (case, p.stderr[-3000:])
    for key in before:
        assert before[key] == after[key], "%s: %s changed on the device" % (case, key)
    assert logins_after == logins_before, "%s: logged in on bad input: %s -> %s" % (case, logins_before, logins_after)


def test_the_harness_sees_a_change(converged_lab, tmp_path):
    """The same state capture and login count, around a valid change: both must see it
    (else the assertions above could pass by reading nothing). The lab is converged
    again afterwards."""
    before, logins_before = device_state(), logins()
    p = playbook("site", FW, {"voipready_udp_timeout": 61}, tmp_path)
    after, logins_after = device_state(), logins()
    try:
        assert p.returncode == 0, p.stdout[-3000:]
        changed = sorted(k for k in before if before[k] != after[k])
        assert changed == [FW], changed
        assert "nf_conntrack_udp_timeout:61" in after[FW]
        assert logins_after[FW] == logins_before[FW] + 1, (logins_before, logins_after)
    finally:
        back = checks.site("--limit", FW)
        assert back.returncode == 0, back.stdout[-3000:]
    converged_lab["now"] = device_state()
    assert converged_lab["now"] == converged_lab["converged"], "the lab did not converge back"


def test_names_matches_whole_tokens_only():
    assert names("timeouts.udp=0 must be an integer from 1 to 86400", "0")
    assert not names("timeouts.udp=5 must be an integer from 1 to 86400", "0")
    assert not names("timeouts.udp_stream=5 is too short", "timeouts.udp")
    assert names("value of platform must be one of: linux, got: ovs", "ovs")
    assert not names("value of platform must be one of: openvswitch", "ovs")


def test_enough_cases_across_the_inputs():
    """The issue asks for at least 30 cases across these kinds of input."""
    assert len(CASES) >= 30 and len({c[0] for c in CASES}) == len(CASES)
    kinds = {c[0].split("-")[0] for c in CASES}
    for kind in ("provider", "region", "platform", "vlan", "dscp", "timeout", "cidr", "address", "rule"):
        assert kind in kinds, kind
