"""voip_readiness without a device: ping parsing, target selection and comparison,
DNS and bandwidth checks, and a whole run with a fake device session.

The lab test (tests/lab/test_readiness_lab.py) measures real pings from vr-fw1.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from ansible_collections.voipready.network.plugins.module_utils import catalog, readiness
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

REPO = Path(__file__).resolve().parents[2]
LAB_CATALOG = str(REPO / "lab" / "catalog")

IPUTILS_PARTIAL = """PING 203.0.113.10 (203.0.113.10) 56(84) bytes of data.
64 bytes from 203.0.113.10: icmp_seq=1 ttl=64 time=0.081 ms
64 bytes from 203.0.113.10: icmp_seq=2 ttl=64 time=0.120 ms
64 bytes from 203.0.113.10: icmp_seq=3 ttl=64 time=0.045 ms
64 bytes from 203.0.113.10: icmp_seq=5 ttl=64 time=0.060 ms

--- 203.0.113.10 ping statistics ---
5 packets transmitted, 4 received, 20% packet loss, time 805ms
rtt min/avg/max/mdev = 0.045/0.076/0.120/0.028 ms
"""

IPUTILS_DEAD = """PING 203.0.113.99 (203.0.113.99) 56(84) bytes of data.
From 203.0.113.1 icmp_seq=1 Destination Host Unreachable
From 203.0.113.1 icmp_seq=2 Destination Host Unreachable

--- 203.0.113.99 ping statistics ---
3 packets transmitted, 0 received, +2 errors, 100% packet loss, time 2041ms
pipe 3
"""

BUSYBOX = """PING 203.0.113.11 (203.0.113.11): 56 data bytes
64 bytes from 203.0.113.11: seq=0 ttl=64 time=10.000 ms
64 bytes from 203.0.113.11: seq=1 ttl=64 time=30.000 ms
64 bytes from 203.0.113.11: seq=2 ttl=64 time=20.000 ms

--- 203.0.113.11 ping statistics ---
3 packets transmitted, 3 packets received, 0% packet loss
round-trip min/avg/max = 10.000/20.000/30.000 ms
"""


@pytest.fixture(scope="module")
def cat():
    return catalog.load_catalog([LAB_CATALOG])


def test_parse_iputils_partial_loss():
    m = readiness.parse_ping(IPUTILS_PARTIAL)
    assert (m["sent"], m["received"], m["loss_pct"]) == (5, 4, 20.0)
    assert (m["rtt_min_ms"], m["rtt_avg_ms"], m["rtt_max_ms"]) == (0.045, 0.076, 0.12)
    assert m["rtts_ms"] == [0.081, 0.12, 0.045, 0.06]
    # (|0.120-0.081| + |0.045-0.120| + |0.060-0.045|) / 3 = 0.129 / 3
    assert m["jitter_ms"] == 0.043


def test_parse_busybox_and_total_loss():
    m = readiness.parse_ping(BUSYBOX)
    assert (m["sent"], m["received"], m["loss_pct"], m["rtt_avg_ms"], m["jitter_ms"]) == (3, 3, 0.0, 20.0, 15.0)
    dead = readiness.parse_ping(IPUTILS_DEAD)
    assert (dead["sent"], dead["received"], dead["loss_pct"]) == (3, 0, 100.0)
    assert dead["rtt_avg_ms"] is None and dead["jitter_ms"] is None and dead["rtts_ms"] == []


def test_parse_without_summary_names_the_problem():
    with pytest.raises(VoipReadyError) as err:
        readiness.parse_ping("ping: sbc9.example: Name or service not known\n", "sbc9.example")
    assert "Name or service not known" in str(err.value) and err.value.field == "ping_output"


def test_duplicate_replies_are_not_counted_twice():
    text = IPUTILS_PARTIAL.replace("icmp_seq=2 ttl=64 time=0.120 ms",
                                   "icmp_seq=2 ttl=64 time=0.120 ms\n64 bytes from 203.0.113.10: "
                                   "icmp_seq=2 ttl=64 time=9.000 ms (DUP!)")
    assert readiness.parse_ping(text)["rtts_ms"] == [0.081, 0.12, 0.045, 0.06]


def test_kore_needs_a_target_connection_and_edge_gives_300_ms_and_5_percent(cat):
    kore = catalog.provider_profile(cat, "kore")
    with pytest.raises(VoipReadyError) as err:
        readiness.select_targets(kore)
    assert err.value.field == "target_connections" and "Edge connectivity" in str(err.value)
    with pytest.raises(VoipReadyError) as err:
        readiness.select_targets(kore, ["Edge"])
    assert err.value.value == "Edge"
    chosen, unmeasured = readiness.select_targets(kore, ["Edge connectivity"])
    assert sorted((t["metric"], t["max"]) for t in chosen) == [("packet_loss", 5), ("rtt", 300)]
    assert any(t["metric"] == "one_way_latency" for t in unmeasured)


def test_ivrpowers_targets_need_no_choice(cat):
    chosen, _unused = readiness.select_targets(catalog.provider_profile(cat, "ivrpowers"))
    assert sorted((t["metric"], t["max"]) for t in chosen) == [("jitter", 50), ("packet_loss", 1.5), ("rtt", 300)]


def _targets(cat):
    return readiness.select_targets(catalog.provider_profile(cat, "ivrpowers"))[0]


@pytest.mark.parametrize("metric,value,passed", [
    ("rtt_avg_ms", 299.999, True), ("rtt_avg_ms", 300, False), ("rtt_avg_ms", 301.5, False),
    ("jitter_ms", 49.9, True), ("jitter_ms", 50.0, False),
    ("loss_pct", 1.4, True), ("loss_pct", 1.5, False), ("loss_pct", 20.0, False),
])
def test_comparison_with_targets(cat, metric, value, passed):
    m = readiness.measurement_from_samples([10.0, 12.0, 11.0])
    m[metric] = value
    checks = {c["check"]: c for c in readiness.evaluate("203.0.113.10", m, _targets(cat))}
    name = {"rtt_avg_ms": "rtt", "jitter_ms": "jitter", "loss_pct": "packet_loss"}[metric]
    assert checks[name]["passed"] is passed
    assert checks[name]["value"] == value and checks[name]["unit"] in ("ms", "%")
    others = [c for n, c in checks.items() if n != name]
    assert all(c["passed"] for c in others), others


def test_unreachable_fails_every_check(cat):
    m = readiness.measurement_from_samples([None, None, None])
    checks = readiness.evaluate("203.0.113.99", m, _targets(cat))
    assert [c["check"] for c in checks] == ["reachable", "rtt", "jitter", "packet_loss"]
    assert not any(c["passed"] for c in checks)
    assert checks[1]["reason"].startswith("not measurable")


def test_dns_checks():
    expected = {"a.example": ["203.0.113.10"], "b.example": ["203.0.113.11"], "c.example": ["203.0.113.12"]}
    resolved = {"a.example": ["203.0.113.10"], "b.example": ["198.51.100.7"], "c.example": []}
    checks = {c["target"]: c for c in readiness.dns_checks(expected, resolved)}
    assert checks["a.example"]["passed"]
    assert not checks["b.example"]["passed"] and "none of which the catalog lists" in checks["b.example"]["reason"]
    assert not checks["c.example"]["passed"] and checks["c.example"]["reason"] == "does not resolve"
    loose = {c["target"]: c for c in readiness.dns_checks(expected, resolved, match_catalog=False)}
    assert loose["b.example"]["passed"] and not loose["c.example"]["passed"]


def test_parse_getent():
    text = ("== sbc1.labvoice.example\n203.0.113.10    STREAM sbc1.labvoice.example\n"
            "203.0.113.10    DGRAM  \n203.0.113.10    RAW    \n== nope.example\n!! nope.example\n")
    assert readiness.parse_getent(text) == {"sbc1.labvoice.example": ["203.0.113.10"], "nope.example": []}


def test_bandwidth_check_against_the_link(cat):
    # Kore OPUS: 40 x 128 kbps + 5 % of that for SIP = 5376, + 20 % headroom = 6451.2 kbps
    ok = readiness.bandwidth_check(cat, "kore", 40, 10000)
    assert (ok["value"], ok["limit"], ok["unit"], ok["passed"]) == (6451.2, 10000, "kbps", True)
    short = readiness.bandwidth_check(cat, "kore", 40, 6451)
    assert short["passed"] is False
    low = readiness.bandwidth_check(cat, "kore", 40, 2000, basis="min")   # 40 x 32 + 256, x 1.2
    assert (low["value"], low["passed"]) == (1843.2, True)
    with pytest.raises(VoipReadyError) as err:
        readiness.bandwidth_check(cat, "kore", 40, 0)
    assert err.value.field == "link_kbps"
    with pytest.raises(VoipReadyError) as err:
        readiness.bandwidth_check(cat, "genesys", 40, 10000)
    assert err.value.field == "provider"


class FakeSession:
    """Stands in for the device: canned ping output per address, getent for names."""

    def __init__(self, outputs, names):
        self.outputs, self.names, self.commands = outputs, names, []

    def __call__(self, platform, connection):
        self.platform, self.connection = platform, connection
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.closed = True

    def ping(self, address, count, interval, wait):
        self.commands.append(("ping", address, count))
        return self.outputs[address]

    def resolve(self, names):
        self.commands.append(("resolve", tuple(names)))
        return dict((n, self.names.get(n, [])) for n in names)


def _params(**kw):
    params = dict(provider="labvoice", region="lab", catalog_dirs=[LAB_CATALOG], platform="linux",
                  connection={"host": "127.0.0.1"}, count=5, interval=0.2, probe_timeout=1.0)
    params.update(kw)
    return params


def test_run_from_the_device_with_a_fake_session():
    session = FakeSession({"203.0.113.10": IPUTILS_PARTIAL, "203.0.113.11": BUSYBOX},
                          {"sbc1.labvoice.example": ["203.0.113.10"], "sbc2.labvoice.example": ["203.0.113.11"]})
    result, error = readiness.execute(_params(calls=10, link_kbps=2000, services=["sip"]), session_factory=session)
    assert result["measured_from"] == "device" and result["dns_from"] == "device"
    assert result["addresses"] == ["203.0.113.10", "203.0.113.11"]
    assert session.commands[0] == ("resolve", ("sbc1.labvoice.example", "sbc2.labvoice.example"))
    by = {(c["check"], c["target"]): c for c in result["checks"]}
    assert by[("packet_loss", "203.0.113.10")]["passed"] is False          # 20 % >= 1.5 %
    assert by[("rtt", "203.0.113.10")]["passed"] is True
    assert by[("packet_loss", "203.0.113.11")]["passed"] is True
    assert by[("dns", "sbc1.labvoice.example")]["passed"] is True
    assert by[("bandwidth", "link")]["passed"] is True                    # 10 x 134.4 x 1.2 = 1612.8
    assert result["passed"] is False and error.startswith("readiness targets missed: packet_loss 203.0.113.10")
    assert [c["check"] for c in result["checks"]] == sorted(
        [c["check"] for c in result["checks"]], key=readiness.CHECK_ORDER.index)
    reported, error = readiness.execute(_params(fail_on_miss=False, services=["sip"]), session_factory=session)
    assert error is None and reported["passed"] is False and len(reported["missed"]) == 1


def test_run_from_the_controller_when_the_platform_cannot_ping():
    probes = []

    def prober(address, port, count, interval, timeout):
        probes.append((address, port, count))
        return [5.0, 7.0, 6.0, 5.0, 5.0]

    def resolver(name):
        return {"sbc1.labvoice.example": ["203.0.113.10"]}.get(name, [])

    result, error = readiness.execute(_params(platform="ios"), prober=prober, resolver=resolver)
    assert result["measured_from"] == "controller" and result["probe"] == "tcp"
    # Every service's addresses by default; the lowest TCP port the catalog lists for each
    # (HTTPS on the SBCs), 5060 for the RTP-only servers.
    assert probes == [("203.0.113.10", 443, 5), ("203.0.113.11", 443, 5),
                      ("203.0.113.20", 5060, 5), ("203.0.113.21", 5060, 5)]
    assert result["measurements"]["203.0.113.10"]["jitter_ms"] == 1.0        # (2 + 1 + 1 + 0) / 4
    assert error == "readiness targets missed: dns sbc2.labvoice.example: does not resolve"


def test_bad_input_names_the_field():
    for kw, field in [(dict(measure_from="device", platform="ios"), "measure_from"),
                      (dict(count=0), "count"), (dict(addresses=["sbc1"]), "addresses"),
                      (dict(services=["nope"]), "services"), (dict(calls=3), "link_kbps"),
                      (dict(region="mars"), "region"), (dict(provider="nobody"), "provider")]:
        result, error = readiness.execute(_params(**kw), session_factory=FakeSession({}, {}))
        assert result["field"] == field, (kw, result, error)
        assert error


def test_tcp_probe_on_loopback():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    port = server.getsockname()[1]
    accepted = []
    thread = threading.Thread(target=lambda: [accepted.append(server.accept()[0]) for _index in range(3)])
    thread.start()
    samples = readiness.tcp_probe("127.0.0.1", port, count=3, interval=0.01, timeout=2)
    thread.join(5)
    for conn in accepted:
        conn.close()
    server.close()
    assert len(samples) == 3 and all(s is not None and s >= 0 for s in samples)
    # A closed port answers with RST: still a round trip, so still a reply.
    refused = readiness.tcp_probe("127.0.0.1", port, count=2, interval=0.01, timeout=2)
    assert len(refused) == 2 and all(s is not None for s in refused)
    lost = readiness.measurement_from_samples([1.0, None, 3.0, None])
    assert (lost["loss_pct"], lost["rtt_avg_ms"], lost["jitter_ms"]) == (50.0, 2.0, 2.0)


def test_awx_machine_credential_reaches_the_connection_through_the_play_context():
    """AWX passes -u/--ask-pass/--private-key/--ask-become-pass: no variables, a play context."""
    from ansible.playbook.play_context import PlayContext
    from ansible_collections.voipready.network.plugins.plugin_utils.action_base import play_context_fallback

    pc = PlayContext(passwords={"conn_pass": "s3cret", "become_pass": "en4ble"})
    pc.remote_user, pc.private_key_file = "netops", "/runner/env/ssh_key"
    filled = play_context_fallback({"host": "198.51.100.11"}, pc)
    assert filled == {"host": "198.51.100.11", "username": "netops", "password": "s3cret",
                      "ssh_key_file": "/runner/env/ssh_key", "secret": "en4ble"}
    # Inventory variables (already in the connection) win over the command line.
    assert play_context_fallback({"username": "inv"}, pc)["username"] == "inv"
    assert "password" not in play_context_fallback({}, PlayContext())
