"""Real voice software through the lab edge (issue 13): the collection's features on vr-fw1
seen by real SIP, RTP and STUN/TURN programs, each with its broken twin.

    vr-phone1 (192.0.2.10, behind vr-fw1's masquerade)      SIPp 3.6, coturn 4.6's turnutils, tshark
    vr-fw1    (inside0 192.0.2.1, outside0 203.0.113.1)    converged by site.yml (the collection)
    vr-provider1 (203.0.113.10/.11 SBC, .20 media, .21 relay)  Kamailio 5.6, coturn 4.6, SIPp echo, tshark

The provider services run only for this module (lab/labvoice.py start_provider/stop_provider:
the lab's probes bind 5060 on vr-provider1 the rest of the time). Every assertion reads what a
real program printed or stored, named in each test's docstring; nothing of ours speaks SIP,
STUN or RTP here. Every feature is removed by hand on the converged vr-fw1 in the same test
and the same exchange is shown to fail, then site.yml converges vr-fw1 again.

Timing (2 vCPU): provider start ~6 s, each converge of vr-fw1 ~15 s, the module ~4 min (245 s, 2026-12-02).
By hand: lab/README.md, "Voice software", and docs/readiness.md.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks  # noqa: E402
from checks import FW, FW_OUTSIDE, PHONE, PHONE_IP, PROVIDER, RTP, SBC, EF, CS3, sh  # noqa: E402

import labvoice as lv  # noqa: E402  (checks put lab/ on sys.path)

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")

MEDIA, RELAY = RTP[0], RTP[1]
CALLER_IP = RELAY              # provider-side caller (SIPp on vr-provider1, port 5070)
CALL_SECONDS = 5
PACKETS = 50 * CALL_SECONDS    # PCMU, 20 ms a packet
# Keep-alives with short lab timeouts: the platform default UDP timeout stands at SHORT s
# for the test (the kernel's is 30/120 s), the phone keeps IDLE s of silence after its
# keep-alive (its keep-alive interval, longer than SHORT), and the configured SIP timeout
# (group_vars voipready_sip_timeout, 900 s: a ct timeout policy) outlasts both.
SHORT, IDLE = 4, 9


def converge():
    p = checks.site("--limit", FW)
    assert p.returncode == 0, "site.yml --limit %s failed:\n%s\n%s" % (FW, p.stdout[-4000:], p.stderr[-2000:])


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        converge()
        lv.start_provider(PROVIDER)
        try:
            yield
        finally:
            lv.stop_provider(PROVIDER)


@pytest.fixture
def reconverge(lab):
    """Whatever a test removed by hand, site.yml puts back afterwards."""
    yield
    sh(FW, "nft delete table ip scratch_alg 2>/dev/null; nft delete table inet vr_block 2>/dev/null; true")
    converge()


def sipp(scenario, *args):
    return lv.sipp(PHONE, SBC[0], scenario, *args, local_ip=PHONE_IP)


def ok(p):
    return p.returncode == 0, (p.stdout[-1500:] + p.stderr[-1500:])


# -- SIP ALG off: Kamailio's registrar sees the phone's own Contact and Via -----------------------
def register_as_seen(user, port):
    """REGISTER by SIPp from the phone's PORT through vr-fw1; Kamailio's `ul.dump` binding
    of USER and the REGISTER line Kamailio's own log wrote for it."""
    reg = sipp("register.xml", "-s", user, "-p", str(port))
    assert reg.returncode == 0, ok(reg)[1]
    aors, raw = lv.ul_dump(PROVIDER)
    line = next((ln for ln in lv.log(PROVIDER, "kamailio.log").splitlines()
                 if "REGISTER sip:%s@labvoice.example" % user in ln), "")
    return (aors.get(user) or [{}])[0], line, raw


def test_sip_alg_off_kamailio_stores_the_phones_own_contact(reconverge):
    """Evidence: Kamailio 5.6's registrar (`kamcmd ul.dump`) and its log of the REGISTER, sent
    by SIPp 3.6 from vr-phone1. Broken twin: a customer's SIP helper rule (`ct helper set` of
    type sip, the kernel's nf_nat_sip) put back on vr-fw1: the same REGISTER arrives rewritten."""
    binding, line, raw = register_as_seen("alg-off", 5062)
    # untouched: the phone's private Contact and Via; Kamailio remembers the NAT's address
    # as "received" (nat_uac_test: the source differs from the Via)
    assert binding.get("Address") == "sip:alg-off@%s:5062;transport=UDP" % PHONE_IP, raw
    assert binding.get("Received", "").startswith("sip:%s:" % FW_OUTSIDE), raw
    assert re.search(r"from %s:\d+ \(udp\) Via: SIP/2\.0/UDP %s:5062;" % (FW_OUTSIDE, PHONE_IP), line), line

    checks.add_sip_helper("scratch_alg")        # what a customer's ALG rule looks like
    sh(FW, "conntrack -F 2>/dev/null || true")  # a conntrack entry keeps its helper: fresh flows
    binding, line, raw = register_as_seen("alg-on", 5064)
    print("with the helper:", binding, line)
    assert binding.get("Address", "").startswith("sip:alg-on@%s:" % FW_OUTSIDE), raw
    assert PHONE_IP not in binding.get("Address", "") and PHONE_IP not in line, line
    assert binding.get("Received") == "[not set]", raw  # the ALG made it look un-NATed


# -- keep-alives hold the NAT binding ----------------------------------------------------------------
def call_after_keepalive(user, port):
    """REGISTER, one OPTIONS keep-alive, IDLE s of silence, then a call from the provider
    side through Kamailio; True when the INVITE reached the phone (SIPp on each side)."""
    assert sipp("register.xml", "-s", user, "-p", str(port)).returncode == 0
    keepalive = sipp("options.xml", "-s", user, "-p", str(port))
    assert keepalive.returncode == 0, ok(keepalive)[1]
    sent = time.monotonic()
    phone = lv.sipp_server(PHONE, "busy.xml", local_ip=PHONE_IP, port=port, wait=IDLE + 30)
    time.sleep(max(0.0, sent + IDLE - time.monotonic()))
    entry = sh(FW, "conntrack -L -p udp --orig-src %s --orig-port-src %d 2>/dev/null" % (PHONE_IP, port)).stdout
    caller = lv.run(PROVIDER, "sipp", "%s:5060" % SBC[0], "-sf", "%s/sipp/invite.xml" % lv.CONF, "-s", user,
                    "-i", CALLER_IP, "-p", "5070", "-m", "1", "-nostdin", "-timeout", "20s", timeout=40)
    try:
        # a lost INVITE leaves the phone's SIPp waiting (until its own -timeout ends it):
        # once the caller has failed, give the phone 3 s more
        phone_out, _unused = phone.communicate(timeout=IDLE + 40 if caller.returncode == 0 else 3)
    except subprocess.TimeoutExpired:
        phone.kill()
        phone_out, _unused = phone.communicate(timeout=10)
    log = "\n".join(ln for ln in lv.log(PROVIDER, "kamailio.log").splitlines() if "sip:%s@" % user in ln)
    evidence = ["conntrack after %d s idle: %s" % (IDLE, entry.strip() or "no entry"),
                "caller rc %d: %s" % (caller.returncode, (caller.stdout + caller.stderr)[-800:]),
                "phone rc %s: %s" % (phone.returncode, phone_out[-800:]), "kamailio: " + log[-800:]]
    return caller.returncode == 0 and phone.returncode == 0, evidence


def test_keepalives_hold_the_nat_binding_for_an_incoming_call(reconverge):
    """Evidence: SIPp 3.6 on both sides (the phone's REGISTER and OPTIONS keep-alive, then its
    486 to the INVITE; the provider-side caller's scenario) and Kamailio 5.6's lookup of the
    binding, through vr-fw1's conntrack. Broken twin: the collection's ct timeout rules
    removed by hand: the binding dies with the platform default and the INVITE is lost."""
    sh(FW, "sysctl -qw net.netfilter.nf_conntrack_udp_timeout=%d net.netfilter.nf_conntrack_udp_timeout_stream=%d"
       % (SHORT, SHORT), check=True)
    reached, evidence = call_after_keepalive("keep1", 5070)
    print("\n".join(evidence))
    assert reached, "\n".join(evidence)
    checks.delete_rules(lambda e: '"ct timeout"' in e)
    reached, evidence = call_after_keepalive("keep2", 5072)
    print("timeouts removed:\n" + "\n".join(evidence))
    assert not reached, "the INVITE still reached the phone without the configured timeout:\n" + "\n".join(evidence)


# -- a call: RTP both ways, loss 0, marked by the edge ---------------------------------------------
def captured_call(port, media_port, name, service="echo", seconds=CALL_SECONDS, to=SBC[0], extra=()):
    """SIPp call.xml from the phone's PORT (RTP from MEDIA_PORT, SECONDS of the tone) through
    vr-fw1 to SERVICE at TO (Kamailio: echo@ goes to the echo); tshark on both sides of the
    edge: the provider's eth0 (as it left vr-fw1) and the phone's eth0."""
    with lv.Capture(PROVIDER, name=name) as far, lv.Capture(PHONE, name=name) as near:
        p = lv.sipp(PHONE, to, "call.xml", "-s", service, "-key", "caller", "caller-%d" % port, "-p", str(port),
                    "-mi", PHONE_IP, "-mp", str(media_port), "-d", str((seconds + 1) * 1000),
                    "-key", "rtp_stream", "%s,%d,0" % (lv.TONE, seconds), *extra, local_ip=PHONE_IP)
    return p, far, near


def call(port, media_port, name):
    """The call to the echo (RTP 6000), CALL_SECONDS long, that must go through."""
    p, far, near = captured_call(port, media_port, name)
    assert p.returncode == 0, ok(p)[1]
    streams, text = far.rtp_streams()
    return streams, text, far.dscp(), near.dscp()


def marks(dscp, src, dst, dport):
    """{dscp: packets} of the flows from SRC to DST:DPORT in a Capture.dscp result."""
    out = {}
    for (s, _sport, d, dp), seen in dscp.items():
        if s == src and d == dst and dp == dport:
            for value, count in seen.items():
                out[value] = out.get(value, 0) + count
    return out


def test_call_rtp_both_ways_loss_0_marked_ef_and_cs3_by_the_edge(reconverge):
    """Evidence: SIPp 3.6 (INVITE, 200, ACK, 5 s of PCMU, BYE) through Kamailio 5.6 to the SIPp
    echo, and tshark 4.0 (`-z rtp,streams`, the IP DS field) on the provider's and the phone's
    eth0. Broken twin: the collection's DSCP rules deleted by hand on vr-fw1: RTP and SIP
    arrive unmarked."""
    streams, text, far, near = call(5066, 16000, "vr-voice-call")
    out = [row for (src, _sp, dst, dport), row in streams.items() if src == FW_OUTSIDE and (dst, dport) == (MEDIA, 6000)]
    back = [row for (src, sport, dst, _dp), row in streams.items() if (src, sport) == (MEDIA, 6000) and dst == FW_OUTSIDE]
    assert len(out) == 1 and len(back) == 1, text
    for row in out + back:
        assert row["packets"] == PACKETS and row["lost"] == 0 and row["lost_pct"] == 0.0, text
        assert row["jitter_ms"][2] < 50, text  # the lab profile's jitter target (ms)
    print(text)
    # the phone sends unmarked; what leaves vr-fw1 for the provider is marked
    assert marks(near, PHONE_IP, MEDIA, 6000) == {0: PACKETS}, near
    assert marks(far, FW_OUTSIDE, MEDIA, 6000) == {EF: PACKETS}, far
    sip = marks(far, FW_OUTSIDE, SBC[0], 5060)
    assert sip and set(sip) == {CS3}, far          # INVITE, ACK, BYE (and retransmissions)
    assert set(marks(near, PHONE_IP, SBC[0], 5060)) == {0}, near

    checks.delete_rules(lambda e: '"dscp"' in e and '"mangle"' in e)
    _unused, text, far, near = call(5068, 16002, "vr-voice-call-unmarked")
    print("qos removed:", far)
    assert marks(far, FW_OUTSIDE, MEDIA, 6000) == {0: PACKETS}, far
    assert set(marks(far, FW_OUTSIDE, SBC[0], 5060)) == {0}, far


# -- the allowlist: the same call outside the catalog fails, inside it goes through -----------------
# Outside lab/catalog/labvoice.yml: RTP port 5004 (RTP/AVP's registered port, below the rtp
# entry's UDP 6000-65535) on the media server, and the provider address checks.SCRATCH_ADDR
# (203.0.113.99, added to vr-provider1's eth0 for the test only). Inside: the call test's echo
# on 6000 and Kamailio on 203.0.113.10. Phone SIP ports 5074-5082 and RTP 16004-16012 are
# used once each, so no conntrack entry of an earlier call decides a later one.
OUT_RTP = 5004
OUT_ECHO, OUT_ECHO_SIP = "echo-%d" % OUT_RTP, 5090   # a second SIPp echo, registered at Kamailio
SHORT_CALL = 2                                       # seconds of RTP: 100 packets each way
SHORT_PACKETS = 50 * SHORT_CALL
FAIL_AFTER = "4s"         # SIPp's -recv_timeout for a call that gets no answer (default 15 s)


def remove_enforcement():
    """The broken twin: the allowlist's final drop rules (comment voipready:enforce) deleted by
    hand on vr-fw1; every accept rule stays, so nothing but enforcement is gone. The
    reconverge fixture runs site.yml afterwards, which puts them back."""
    rules = [ln.strip() for ln in sh(FW, "nft list chain inet voipready forward", check=True).stdout.splitlines()
             if "voipready:enforce" in ln]
    checks.delete_rules(lambda e: "voipready:enforce" in e)
    print("removed on %s: %s" % (FW, rules))
    assert rules, "the converged forward chain has no enforce rule"


def wait_listening(container, addr, port, timeout=15.0):
    """Until a UDP socket is bound on ADDR:PORT in CONTAINER (SIPp started in the background
    must answer the first INVITE, not refuse it with an ICMP port unreachable)."""
    deadline = time.monotonic() + timeout
    while "%s:%d" % (addr, port) not in sh(container, "ss -Hlun").stdout.split():
        assert time.monotonic() < deadline, "nothing listens on %s:%d in %s" % (addr, port, container)
        time.sleep(0.2)


def uas_done(uas, timeout=40):
    """SIPp answering in the background: its exit status and output (killed when it is still waiting)."""
    try:
        out, _unused = uas.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        uas.kill()
        out, _unused = uas.communicate(timeout=10)
    return uas.returncode, out[-1500:]


def count(dscp, src, dst, dport):
    return sum(marks(dscp, src, dst, dport).values())


def call_to_rtp_port(port, media_port, name):
    """The call through Kamailio to OUT_ECHO, a SIPp echo whose SDP answer puts the media on
    MEDIA:OUT_RTP: SIPp's result, the packets of the phone's RTP that reached the provider
    and of the echo that came back to the phone (tshark on both eth0s)."""
    echo = lv.sipp_server(PROVIDER, "echo.xml", "-mi", MEDIA, "-mp", str(OUT_RTP), "-rtp_echo",
                          local_ip=MEDIA, port=OUT_ECHO_SIP, wait=30)
    try:
        wait_listening(PROVIDER, MEDIA, OUT_ECHO_SIP)
        p, far, near = captured_call(port, media_port, name, service=OUT_ECHO, seconds=SHORT_CALL)
    finally:
        echo_rc, echo_out = uas_done(echo)
    streams, text = far.rtp_streams(rtp_ports=(OUT_RTP,))
    seen = near.dscp()
    got = {"sipp": p.returncode, "echo": echo_rc,
           "sent": count(seen, PHONE_IP, MEDIA, OUT_RTP),                # left the phone
           "arrived": count(far.dscp(), FW_OUTSIDE, MEDIA, OUT_RTP),     # reached the provider
           "echoed": count(seen, MEDIA, PHONE_IP, media_port),           # came back to the phone
           "streams": [row for (src, sport, dst, dport), row in streams.items()
                       if (dst, dport) == (MEDIA, OUT_RTP) or (src, sport) == (MEDIA, OUT_RTP)]}
    return got, "\n".join(["sipp: " + ok(p)[1], "echo rc %s: %s" % (echo_rc, echo_out), text])


def test_allowlist_rtp_port_outside_the_catalog_gets_no_media(reconverge):
    """Evidence: SIPp 3.6 on vr-phone1 (call.xml: INVITE, 200, ACK, 2 s of PCMU, BYE) through
    vr-fw1 and Kamailio 5.6 to a second SIPp echo whose SDP answer puts the media on
    203.0.113.20:5004, outside the catalog's RTP range (6000-65535); tshark 4.0 on the
    provider's and the phone's eth0. Enforced: the signalling goes through (SIPp exits 0,
    the SBC is in the catalog), the RTP does not (the phone sent 100 packets, none reached the
    provider, no echo came back). The inside case is the call test above (the echo on 6000:
    250 packets each way, loss 0). Broken twin: the allowlist's enforce rules deleted by hand
    on vr-fw1: the same call's RTP goes both ways."""
    reg = lv.sipp(PROVIDER, SBC[0], "register.xml", "-s", OUT_ECHO, "-p", str(OUT_ECHO_SIP), local_ip=MEDIA)
    assert reg.returncode == 0, ok(reg)[1]
    got, text = call_to_rtp_port(5074, 16004, "vr-voice-rtp-outside")
    print("enforced:", {k: v for k, v in got.items() if k != "streams"})
    assert got["sipp"] == 0 and got["echo"] == 0, text       # the call itself was set up and ended
    assert got["sent"] == SHORT_PACKETS, text
    assert got["arrived"] == 0 and got["echoed"] == 0 and not got["streams"], text

    remove_enforcement()
    got, text = call_to_rtp_port(5076, 16006, "vr-voice-rtp-outside-open")
    print("enforcement removed:", {k: v for k, v in got.items() if k != "streams"}, "\n" + text)
    assert got["sipp"] == 0 and got["echo"] == 0, text
    assert got["sent"] == got["arrived"] == got["echoed"] == SHORT_PACKETS, text
    rows = got["streams"]          # tshark: the phone's stream to 5004 and the echo's back
    assert len(rows) == 2 and all(r["packets"] == SHORT_PACKETS and r["lost"] == 0 for r in rows), text


def call_to_address(addr, port, media_port, name):
    """call.xml from the phone's PORT straight to ADDR:5060 (echo@ at Kamailio when ADDR is an
    SBC); SIPp's result and the SIP packets that left the phone and reached the provider."""
    p, far, near = captured_call(port, media_port, name, seconds=1, to=addr, extra=("-recv_timeout", FAIL_AFTER))
    return {"sipp": p.returncode, "sent": count(near.dscp(), PHONE_IP, addr, 5060),
            "arrived": count(far.dscp(), FW_OUTSIDE, addr, 5060)}, ok(p)[1]


def test_allowlist_provider_address_outside_the_catalog_gets_no_answer(reconverge):
    """Evidence: SIPp 3.6 on vr-phone1, the same call.xml call to two provider addresses: the
    catalog's SBC 203.0.113.10 (Kamailio 5.6, to the echo) answers 200; 203.0.113.99 (added to
    vr-provider1's eth0 for the test, in no catalog entry), where a SIPp echo (echo.xml)
    listens, gets no answer under enforce: SIPp gives up after its receive timeout, tshark
    4.0 on the provider's eth0 saw none of the INVITEs the phone's eth0 saw leave. Broken
    twin: the allowlist's enforce rules deleted by hand on vr-fw1: the same call to
    203.0.113.99 is answered and completes, so the failure was the allowlist, not a missing
    listener."""
    inside, text = call_to_address(SBC[0], 5078, 16008, "vr-voice-addr-inside")
    print("catalog SBC:", inside)
    assert inside["sipp"] == 0 and inside["arrived"] >= 3, text   # INVITE, ACK, BYE
    with checks.with_scratch_address() as addr:
        uas = lv.sipp_server(PROVIDER, "echo.xml", "-mi", addr, "-mp", "6000", "-rtp_echo",
                             local_ip=addr, port=5060, wait=60)
        try:
            wait_listening(PROVIDER, addr, 5060)
            started = time.monotonic()
            outside, text = call_to_address(addr, 5080, 16010, "vr-voice-addr-outside")
            outside["seconds"] = round(time.monotonic() - started, 1)
            print("outside the catalog:", outside)
            assert outside["sipp"] != 0 and outside["sent"] >= 2 and outside["arrived"] == 0, text

            remove_enforcement()
            opened, text = call_to_address(addr, 5082, 16012, "vr-voice-addr-open")
        finally:
            uas_rc, uas_out = uas_done(uas, timeout=30)
    print("enforcement removed:", opened, "\nuas rc %s" % uas_rc)
    assert opened["sipp"] == 0 and opened["arrived"] >= 3, text
    assert uas_rc == 0, uas_out          # the echo on .99 answered exactly this one call


# -- STUN/TURN through the edge ----------------------------------------------------------------------
def stun():
    p = lv.run(PHONE, "timeout", "10", "turnutils_stunclient", "-L", PHONE_IP, SBC[0], timeout=40)
    return lv.parse_stunclient(p.stdout + p.stderr), p.stdout + p.stderr


def turn(*args):
    user, password = lv.turn_credentials(PROVIDER)
    return lv.uclient(PHONE, SBC[0], user, password, *args, local_ip=PHONE_IP, timeout=20)


def relayed(got):
    return got["rc"] == 0 and {a for a, _p in got["relays"]} == {RELAY} and got["sent"] > 0 and got["received"] > 0


def test_stun_and_turn_through_the_edge_and_turn_on_443_with_3478_blocked(reconverge):
    """Evidence: coturn 4.6 on vr-provider1 and its clients on vr-phone1 (turnutils_stunclient:
    the reflexive address is vr-fw1's outside; turnutils_uclient: relay allocations on
    203.0.113.21 and data relayed). Then 3478/5349 rejected on vr-fw1 (a restrictive
    firewall): TURN only on the alternative TCP 443. Broken twin: the collection's
    stun-turn allowlist rules deleted by hand: the STUN binding gets no answer."""
    got, text = stun()
    assert got["reflexive"] and got["reflexive"][0] == FW_OUTSIDE, text
    assert got["origin"] == (SBC[0], 3478) and got["other"] == (SBC[1], 3479), text
    udp = turn("-p", "3478")
    assert relayed(udp), udp
    sh(FW, "nft -f -", check=True, input=(
        "table inet vr_block {\n chain forward {\n  type filter hook forward priority -10; policy accept;\n"
        "  tcp dport { 3478, 5349 } reject with tcp reset\n  udp dport { 3478, 5349 } reject\n }\n}\n"))
    blocked_udp, blocked_tcp, alternative = turn("-p", "3478"), turn("-t", "-p", "3478"), turn("-t", "-p", "443")
    sh(FW, "nft delete table inet vr_block", check=True)
    assert not blocked_udp["relays"] and not blocked_tcp["relays"], (blocked_udp, blocked_tcp)
    assert relayed(alternative), alternative

    checks.delete_rules(lambda e: "stun-turn" in e)
    got, text = stun()
    print("stun-turn rules removed:", text)
    assert not got["reflexive"], text


# -- playbooks/readiness.yml from the phone side ------------------------------------------------------
PROBE = "vr-phone1"     # inventories/lab: group voice_probes, through vr-fw1 as the jump host


def voice_readiness(report_dir):
    p, report = checks.readiness(report_dir, PROBE)
    by = {(c["check"], c["target"]): c for c in (report or {}).get("checks", [])}
    return p, report, by


def test_readiness_from_the_phone_side_sip_options_stun_and_nat_behaviour(reconverge, tmp_path):
    """Evidence: the collection's SIP OPTIONS probe (python3 on vr-phone1) answered by Kamailio
    5.6; coturn 4.6's turnutils_stunclient and turnutils_natdiscovery (RFC 5780) on vr-phone1
    against coturn on vr-provider1, through vr-fw1. Broken twins: vr-fw1's NAT made symmetric
    (`masquerade fully-random` in the lab's own NAT table) fails nat_mapping; 3478 blocked on
    vr-fw1 fails stun; each with the reason in the play's failure message."""
    p, report, by = voice_readiness(tmp_path / "good")
    assert p.returncode == 0, p.stdout[-5000:] + p.stderr[-2000:]
    voice = report["voice"]
    print(json.dumps(voice, indent=1, sort_keys=True))
    assert report["measured_from"] == "device" and report["addresses"] == []     # no ICMP from here
    targets = {r["target"] for r in voice["sip_options"]}
    assert targets == {"%s %s/%d" % (a, t, port) for a in SBC for t, port in (("udp", 5060), ("tcp", 5060), ("tls", 5061))}
    for record in voice["sip_options"]:
        assert set(record["codes"]) == {200} and record["received"] == 5 and record["loss_pct"] == 0.0, record
        assert 0 < record["rtt_avg_ms"] < 300 and "Kamailio" in record["server"], record
    for stun_server in SBC:
        got = by[("stun", "%s udp/3478" % stun_server)]
        assert got["passed"] and got["value"].startswith(FW_OUTSIDE + ":"), got
    nat = voice["nat"]
    assert (nat["mapping"], nat["filtering"]) == ("endpoint-independent", "address-and-port-dependent"), nat
    assert by[("nat_mapping", nat["server"])]["passed"] and by[("nat_filtering", nat["server"])]["passed"]
    assert "NAT with Endpoint Independent Mapping!" in by[("nat_mapping", nat["server"])]["reason"]

    # vr-fw1's NAT made symmetric: a fresh random port for every destination
    lab_nat = checks._lab_nat_expected()
    sh(FW, "nft delete table ip lab_nat; nft -f -", check=True, input=lab_nat.replace("masquerade", "masquerade fully-random"))
    try:
        p, report, by = voice_readiness(tmp_path / "symmetric")
    finally:
        sh(FW, "nft delete table ip lab_nat; nft -f -", check=True, input=lab_nat)
    print(p.stdout[-3000:])
    assert p.returncode != 0 and report["voice"]["nat"]["mapping"] != "endpoint-independent", report["voice"]
    said = " ".join(p.stdout.split())          # ansible.cfg's YAML callback wraps long messages
    assert re.search(r"readiness targets missed: .*nat_mapping 203\.0\.113\.10 udp/3478: address-(and-port-)?dependent", said), \
        p.stdout[-3000:]
    assert "one-way audio" in said

    # 3478 blocked on the way: no STUN answer
    sh(FW, "nft -f -", check=True, input=(
        "table inet vr_block {\n chain forward {\n  type filter hook forward priority -10; policy accept;\n"
        "  udp dport 3478 drop\n }\n}\n"))
    try:
        p, report, by = voice_readiness(tmp_path / "blocked")
    finally:
        sh(FW, "nft delete table inet vr_block", check=True)
    print(p.stdout[-3000:])
    assert p.returncode != 0 and not by[("stun", "%s udp/3478" % SBC[0])]["passed"], report["voice"]
    assert "stun %s udp/3478: no STUN answer" % SBC[0] in " ".join(p.stdout.split()), p.stdout[-3000:]
    # SIP still answered: the failure names STUN, not the whole path
    assert all(by[("sip_options", t)]["passed"] for t in targets)
