# -*- coding: utf-8 -*-
"""lab/labvoice.py's parsers on what the real programs printed (captured from the
standalone proof, tests/integration/test_voice_software.py: Kamailio 5.6.3's kamcmd,
tshark 4.0.17, coturn 4.6.1's turnutils, Debian bookworm; the TURN password replaced)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "lab"))
import labvoice as lv  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "labvoice"


def text(name):
    return (FIXTURES / name).read_text()


def test_ul_dump():
    aors = lv.parse_ul_dump(text("kamcmd-ul-dump.txt"))
    assert aors["phone1"][0]["Address"] == "sip:phone1@203.0.113.30:5060;transport=UDP"
    assert aors["phone1"][0]["Received"] == "[not set]"
    assert aors["phone1"][0]["Socket"] == "udp:203.0.113.10:5060"
    assert aors["phone2"][0]["Address"] == "sip:phone2@203.0.113.30:5070;transport=TCP"
    assert aors["phone2"][0]["Socket"] == "tcp:203.0.113.10:5060"


def test_rtp_streams():
    streams = lv.parse_rtp_streams(text("tshark-rtp-streams.txt"))
    out = streams[("203.0.113.30", 16000, "203.0.113.20", 6000)]
    back = streams[("203.0.113.20", 6000, "203.0.113.30", 16000)]
    assert (out["packets"], out["lost"], out["lost_pct"]) == (250, 0, 0.0)
    assert (back["packets"], back["lost"]) == (250, 0)
    assert out["payload"].startswith("g711U") and out["ssrc"] == back["ssrc"]
    assert len(out["jitter_ms"]) == 3 and out["jitter_ms"][0] <= out["jitter_ms"][1] <= out["jitter_ms"][2]
    assert lv.parse_rtp_streams("") == {}


def test_stunclient():
    got = lv.parse_stunclient(text("turnutils-stunclient.txt"))
    assert got["reflexive"] == ("203.0.113.30", 36622)  # the first response's
    assert got["other"] == ("203.0.113.11", 3479) and got["origin"] == ("203.0.113.10", 3478)
    assert lv.parse_stunclient("STUN receive timeout..\n") == {"reflexive": None, "other": None, "origin": None}


def test_uclient():
    got = lv.parse_allocation(text("turnutils-uclient-tcp443.txt"), 0)
    assert got["relays"] and {a for a, _p in got["relays"]} == {"203.0.113.21"}
    assert (got["sent"], got["received"], got["lost"]) == (40, 40, 0)  # the totals, not a progress line
    assert got["rtt_ms"] == 1.525 and got["jitter_ms"] == 3.75


def test_natdiscovery():
    got = lv.parse_natdiscovery(text("turnutils-natdiscovery-nonat.txt"))
    assert "No NAT! (Endpoint Independent Mapping)" in got["mapping"]
    assert got["filtering"][-1] == "NAT with Endpoint Independent Filtering!"


def test_natdiscovery_behind_a_cone_and_a_symmetric_nat():
    cone = lv.parse_natdiscovery(text("turnutils-natdiscovery-cone.txt"))
    assert cone == {"mapping": ["NAT with Endpoint Independent Mapping!"],
                    "filtering": ["NAT with Address and Port Dependent Filtering!"]}
    symmetric = lv.parse_natdiscovery(text("turnutils-natdiscovery-symmetric.txt"))
    assert symmetric == {"mapping": ["NAT with Address and Port Dependent Mapping!"]}
