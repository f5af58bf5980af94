"""voip_readiness's voice probes (issue 13) without the lab: the SIP OPTIONS script run for
real against SIP responders on 127.0.0.1 of this test's own, coturn's turnutils output as the
programs printed it in the standalone proof (tests/unit/fixtures/labvoice), and a whole run
with a fake probe host.

The lab test (tests/lab/test_voice_lab.py) runs the same probes from vr-phone1 through vr-fw1
against Kamailio and coturn.
"""

from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from ansible_collections.voipready.network.plugins.module_utils import catalog, readiness, voiceprobe
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

REPO = Path(__file__).resolve().parents[2]
LAB_CATALOG = str(REPO / "lab" / "catalog")
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "labvoice"
SBC = ("203.0.113.10", "203.0.113.11")


def fixture(name):
    return (FIXTURES / name).read_text()


def lab_rules():
    return catalog.provider_rules(catalog.load_catalog([LAB_CATALOG]), "labvoice", region="lab")


def answer(request, code="200 OK"):
    """A SIP responder's answer: the request's Via, From, To, Call-ID and CSeq, no body."""
    head = request.decode().split("\r\n\r\n")[0].split("\r\n")
    keep = [h for h in head[1:] if h.split(":")[0].lower() in ("via", "from", "to", "call-id", "cseq")]
    return ("SIP/2.0 %s\r\n%s\r\nServer: unit responder\r\nContent-Length: 0\r\n\r\n" % (code, "\r\n".join(keep))).encode()


@pytest.fixture
def responders():
    """UDP and TCP SIP responders on 127.0.0.1 (ephemeral ports); the UDP one ignores its
    second request (one loss in two)."""
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(1)
    stop = threading.Event()

    def serve_udp():
        udp.settimeout(0.2)
        seen = 0
        while not stop.is_set():
            try:
                data, peer = udp.recvfrom(65535)
            except socket.timeout:
                continue
            seen += 1
            if seen != 2:
                udp.sendto(answer(data), peer)

    def serve_tcp():
        tcp.settimeout(5)
        try:
            conn, _unused = tcp.accept()
        except socket.timeout:
            return
        with conn:
            conn.settimeout(5)
            buf = b""
            while not stop.is_set():
                try:
                    chunk = conn.recv(4096)
                except socket.timeout:
                    return
                if not chunk:
                    return
                buf += chunk
                while b"\r\n\r\n" in buf:
                    request, _sep, buf = buf.partition(b"\r\n\r\n")
                    conn.sendall(answer(request + b"\r\n\r\n", "404 Not Here"))

    threads = [threading.Thread(target=serve_udp, daemon=True), threading.Thread(target=serve_tcp, daemon=True)]
    for t in threads:
        t.start()
    yield udp.getsockname()[1], tcp.getsockname()[1]
    stop.set()
    for t in threads:
        t.join(5)
    udp.close()
    tcp.close()


def test_sip_targets_of_the_lab_provider():
    targets = voiceprobe.sip_targets(lab_rules())
    assert [(a, p, t) for a, p, t, _n in targets] == [
        (a, p, t) for a in SBC for t, p in (("udp", 5060), ("tcp", 5060), ("tls", 5061))]
    assert {n for _a, _p, _t, n in targets} == {"sbc1.labvoice.example"}  # the first FQDN of the rule
    assert readiness.stun_targets(lab_rules()) == [(SBC[0], 3478), (SBC[1], 3478)]


def test_sip_options_script_against_responders_on_loopback(responders):
    udp_port, tcp_port = responders
    command = voiceprobe.sip_options_command([("127.0.0.1", udp_port, "udp", None), ("127.0.0.1", tcp_port, "tcp", None),
                                              ("127.0.0.1", 9, "tcp", None)], count=3, interval=0.05, timeout=0.5)
    out = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=60, check=False)
    found, other = voiceprobe.parse_sip_options(out.stdout)
    assert other == [] and out.returncode == 0, out.stderr
    udp, tcp, closed = found
    assert udp["codes"] == [200, 200] and udp["samples"][1] is None and udp["samples"][0] > 0, udp
    assert udp["server"] == "unit responder" and udp["error"] is None
    assert tcp["codes"] == [404, 404, 404] and None not in tcp["samples"], tcp
    assert closed["error"].startswith("ConnectionRefusedError") and closed["samples"] == [None] * 3, closed


def test_turnutils_output_as_printed():
    stun = voiceprobe.parse_stunclient(fixture("turnutils-stunclient.txt"))
    assert stun == {"reflexive": ("203.0.113.30", 36622), "other": ("203.0.113.11", 3479),
                    "origin": ("203.0.113.10", 3478)}
    cone = voiceprobe.nat_behaviour(fixture("turnutils-natdiscovery-cone.txt"))
    assert (cone["mapping"], cone["filtering"], cone["no_nat"]) == (
        "endpoint-independent", "address-and-port-dependent", False)
    assert cone["filtering_unanswered"] == 2 and cone["mapping_unanswered"] == 0
    symmetric = voiceprobe.nat_behaviour(fixture("turnutils-natdiscovery-symmetric.txt"))
    assert symmetric["mapping"] == "address-and-port-dependent" and symmetric["filtering"] is None
    nonat = voiceprobe.nat_behaviour(fixture("turnutils-natdiscovery-nonat.txt"))
    assert nonat["no_nat"] and nonat["filtering"] == "endpoint-independent"


def test_mapping_test_iii_unanswered_is_not_taken_for_address_dependent():
    """coturn keeps test II's answer when test III (other address and port) gets none, and
    says "Address Dependent": with a timeout in the section it cannot tell the two apart."""
    text = fixture("turnutils-natdiscovery-symmetric.txt").replace(
        "NAT with Address and Port Dependent Mapping!", "STUN receive timeout..\nNAT with Address Dependent Mapping!")
    found = voiceprobe.nat_behaviour(text)
    assert found["mapping"] == "address-dependent or address-and-port-dependent" and found["mapping_unanswered"] == 1


STUN_OK = "0: : IPv4. Other addr: : 203.0.113.11:3479\n0: : IPv4. UDP reflexive addr: 203.0.113.1:40000\nVOIPREADY_RC=0\n"


class ProbeHost(object):
    """A probe host answering voiceprobe's commands with canned program output."""

    def __init__(self, sip_codes=(200,), stun=STUN_OK, nat="turnutils-natdiscovery-cone.txt"):
        self.sip_codes, self.stun, self.nat, self.commands = sip_codes, stun, nat, []

    def __call__(self, platform, connection):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass

    def command(self, command, read_timeout=60):
        self.commands.append(command.split()[0:2])
        if command.startswith("python3 -"):
            cfg = json.loads(shlex.split(command.splitlines()[0])[2])
            return "\n".join("VOIPREADY_SIP " + json.dumps({
                "address": t["address"], "port": t["port"], "transport": t["transport"],
                "samples": [1.5] * cfg["count"], "codes": list(self.sip_codes) * cfg["count"],
                "server": "fake", "error": None}) for t in cfg["targets"])
        if "turnutils_stunclient" in command:
            return self.stun
        return fixture(self.nat) + "VOIPREADY_RC=0\n"


def _params(**kw):
    params = dict(provider="labvoice", region="lab", catalog_dirs=[LAB_CATALOG], platform="linux",
                  connection={"host": "192.0.2.10"}, count=3, interval=0.2, probe_timeout=1.0,
                  voice_probes=True, quality_probes=False, dns=False)
    params.update(kw)
    return params


def test_voice_run_passes_behind_a_cone_nat():
    host = ProbeHost()
    result, error = readiness.execute(_params(), session_factory=host)
    assert error is None and result["passed"], result["missed"]
    by = {(c["check"], c["target"]): c for c in result["checks"]}
    assert by[("sip_options", "203.0.113.10 tls/5061")]["passed"]
    assert by[("rtt", "203.0.113.11 udp/5060")]["value"] == 1.5
    assert by[("stun", "203.0.113.10 udp/3478")]["value"] == "203.0.113.1:40000"
    assert result["voice"]["nat"]["mapping"] == "endpoint-independent"
    assert "reported only" in by[("nat_filtering", "203.0.113.10 udp/3478")]["reason"]
    assert [c[0] for c in host.commands].count("python3") == 1       # one script run for every SBC


def test_voice_run_fails_with_the_reason():
    result, error = readiness.execute(_params(), session_factory=ProbeHost(nat="turnutils-natdiscovery-symmetric.txt"))
    assert re.search(r"nat_mapping 203\.0\.113\.10 udp/3478: address-and-port-dependent mapping: .*one-way audio", error)
    blocked, error = readiness.execute(_params(), session_factory=ProbeHost(stun="STUN receive timeout..\nVOIPREADY_RC=124\n"))
    assert "stun 203.0.113.10 udp/3478: no STUN answer" in error and "nat_mapping nat: not measured" in error
    not_installed = "sh: turnutils_stunclient: not found\nVOIPREADY_RC=127\n"
    missing, error = readiness.execute(_params(), session_factory=ProbeHost(stun=not_installed))
    assert "turnutils_stunclient is not on the probe host" in error
    busy, error = readiness.execute(_params(), session_factory=ProbeHost(sip_codes=(503,)))
    assert "sip_options 203.0.113.10 udp/5060: answered 503" in error
    strict, error = readiness.execute(_params(nat_filtering="endpoint-independent"), session_factory=ProbeHost())
    assert "nat_filtering 203.0.113.10 udp/3478: address-and-port-dependent filtering, is not" in error


def test_voice_probes_need_a_linux_probe_host():
    with pytest.raises(VoipReadyError) as err:
        readiness.plan(_params(platform="ios"))
    assert err.value.field == "voice_probes" and "probe host" in str(err.value)
