"""Catalog data, schema and provider_rules against the seeds' values."""

import copy
import ipaddress
import json
import os
import random

import pytest
import yaml

from ansible_collections.voipready.network.plugins.module_utils import catalog
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAB_DIR = os.path.join(REPO, "lab", "catalog")
SEEDS_DIR = os.path.join(os.path.dirname(REPO), "shared", "seeds")
CATALOG_FILES = sorted(
    [os.path.join(catalog.CATALOG_DIR, n) for n in os.listdir(catalog.CATALOG_DIR)]
    + [os.path.join(LAB_DIR, n) for n in os.listdir(LAB_DIR)]
)
SEED_OF = {
    "kore": "000_01c20860d658dc01.txt",
    "ivrpowers": "001_c3b9803c0bf7b1f3.txt",
    "cloudoe": "002_c90f0c7ffd9825ca.txt",
    "genesys": "004_a854f291dbfb5bcc.txt",
}

# Typed from seed 000 table by table, independently of catalog/providers/kore.yml.
KORE_SEED = {
    "us-east": {"sip": ["3.224.189.218", "35.174.41.205"], "rtp": ["44.215.230.111", "54.210.75.166"],
                "sbc": ["3.224.189.218", "35.174.41.205"], "webrtc_rtp": ["44.215.230.111", "54.210.75.166"]},
    "us-west": {"sip": ["54.67.69.12", "54.177.21.117"], "rtp": ["54.67.69.12", "54.177.21.117"],
                "sbc": ["54.67.69.12", "54.177.21.117"], "webrtc_rtp": ["54.67.69.12", "54.177.21.117"]},
    "au": {"sip": ["54.153.137.7", "13.237.170.233"], "rtp": ["54.153.137.7", "13.237.170.233"],
           "sbc": ["54.153.137.7", "13.237.170.233"], "webrtc_rtp": ["54.153.137.7", "13.237.170.233"]},
    "in": {"sip": ["20.244.87.83", "20.197.5.84"], "rtp": ["20.244.87.83", "20.197.5.84"],
           "sbc": ["20.244.87.83"], "webrtc_rtp": ["20.244.87.83"]},
    "eu": {"sip": ["18.133.179.73", "13.43.133.73"], "rtp": ["18.133.179.73", "13.43.133.73"],
           "sbc": ["18.133.179.73", "13.43.133.73"], "webrtc_rtp": ["18.133.179.73", "13.43.133.73"]},
    "de": {"sip": ["3.70.125.14", "18.158.223.171"], "rtp": ["3.70.125.14", "18.158.223.171"],
           "sbc": ["3.70.125.14", "18.158.223.171"], "webrtc_rtp": ["3.70.125.14", "18.158.223.171"]},
    "jp": {"sip": ["35.76.183.247", "54.248.11.38"], "rtp": ["35.76.183.247", "54.248.11.38"],
           "sbc": ["35.76.183.247", "54.248.11.38"], "webrtc_rtp": ["35.76.183.247", "54.248.11.38"]},
    "uae": {"sip": ["40.172.158.151", "40.172.133.71"], "rtp": ["3.28.132.111", "3.28.124.143"],
            "sbc": ["40.172.158.151", "40.172.133.71"], "webrtc_rtp": ["40.172.158.151", "40.172.133.71"]},
}
KORE_PORTS = {
    "sip": [("udp", 5060, 5060), ("tcp", 5060, 5060), ("tcp", 5061, 5061)],
    "rtp": [("udp", 6000, 65535)],
    "sbc": [("tcp", 443, 443), ("tcp", 8443, 8443)],
    "webrtc_rtp": [("udp", 6000, 65535)],
}

WEBEX_MEDIA_SUBNETS = [
    "20.50.235.0/24", "20.53.87.0/24", "20.57.87.0/24", "20.68.154.0/24", "20.76.127.0/24",
    "20.108.99.0/24", "20.120.238.0/23", "23.89.0.0/16", "40.119.234.0/24", "44.234.52.192/26",
    "52.232.210.0/24", "62.109.192.0/18", "64.68.96.0/19", "66.114.160.0/20", "66.163.32.0/19",
    "69.26.160.0/19", "114.29.192.0/19", "150.253.128.0/17", "170.72.0.0/16", "170.133.128.0/18",
    "173.39.224.0/19", "173.243.0.0/20", "207.182.160.0/19", "209.197.192.0/19", "210.4.192.0/20",
    "216.151.128.0/19",
]
IVR_INPUTS = {"rtc_addresses": ["198.51.100.10"], "acd_addresses": ["198.51.100.20", "198.51.100.21"]}
GENESYS_INPUTS = {"webrtc_addresses": ["192.0.2.10"], "stun_turn_addresses": ["192.0.2.20"],
                  "srtp_ports": "49152-65535", "stun_turn_ports": [3478]}


@pytest.fixture(scope="module")
def cat():
    return catalog.load_catalog([LAB_DIR])


def combos(rules):
    return {(a, r["proto"], r["port_min"], r["port_max"]) for r in rules for a in r["addresses"]}


def by_service(rules):
    found = {}
    for rule in rules:
        found.setdefault(rule["service"], []).append(rule)
    return found


def load_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


# --- schema and provenance -------------------------------------------------------

@pytest.mark.parametrize("path", CATALOG_FILES, ids=os.path.basename)
def test_every_catalog_file_validates(path):
    doc = catalog.validate_document(load_yaml(path), path)
    assert doc["catalog_version"] == "2026.11.1"
    assert all(entry["source"]["seed"] == doc["seed"] and entry["source"]["ref"] for entry in doc["entries"])


def test_providers_come_from_their_seeds(cat):
    for provider, seed in SEED_OF.items():
        assert cat["providers"][provider]["seed"] == seed


@pytest.mark.skipif(not os.path.isdir(SEEDS_DIR), reason="shared/seeds not beside the repository")
def test_seed_files_exist():
    for seed in SEED_OF.values():
        assert os.path.isfile(os.path.join(SEEDS_DIR, seed))


def _kore_doc():
    return load_yaml(os.path.join(catalog.CATALOG_DIR, "kore.yml"))


@pytest.mark.parametrize("breakage, expected", [
    (lambda d: d["entries"][0]["addresses"].__setitem__(0, "3.224.189.300"), "3.224.189.300"),
    (lambda d: d["entries"][0]["addresses"].__setitem__(0, "10.0.0.1/24"), "10.0.0.1/24"),
    (lambda d: d["entries"][0]["ports"][0].__setitem__("port_max", 70000), "70000"),
    (lambda d: d["entries"][0]["ports"][0].__setitem__("port_min", 0), "0"),
    (lambda d: d["entries"][0].pop("source"), "source"),
    (lambda d: d["entries"][0]["source"].pop("seed"), "seed"),
    (lambda d: d.pop("seed"), "seed"),
    (lambda d: d["entries"][0].__setitem__("service", "nosuch"), "nosuch"),
    (lambda d: d["entries"][0].__setitem__("region", "mars"), "mars"),
    (lambda d: d["entries"][0]["ports"][0].__setitem__("port_min", 6000), "port_min is above port_max"),
    (lambda d: d["entries"][0]["fqdns"].append("not a host"), "not a host"),
    (lambda d: d.__setitem__("catalog_version", "latest"), "latest"),
])
def test_malformed_entry_fails_validation(breakage, expected):
    doc = _kore_doc()
    breakage(doc)
    with pytest.raises(VoipReadyError) as err:
        catalog.validate_document(doc, "broken.yml")
    assert expected in str(err.value)


def test_duplicate_provider_is_refused(tmp_path):
    (tmp_path / "kore.yml").write_text(json.dumps(_kore_doc()))
    with pytest.raises(VoipReadyError, match="defined in both"):
        catalog.load_catalog([str(tmp_path)])


# --- Kore -------------------------------------------------------------------------

@pytest.mark.parametrize("region", sorted(KORE_SEED))
def test_kore_region_admits_exactly_the_seed_combinations(cat, region):
    expected = {(address, proto, low, high)
                for kind, addresses in KORE_SEED[region].items()
                for address in addresses for proto, low, high in KORE_PORTS[kind]}
    rules = catalog.provider_rules(cat, "kore", region=region)
    assert combos(rules) == expected
    assert {r["region"] for r in rules} == {region}
    assert all(r["direction"] == "both" for r in rules if r["addresses"])


def test_kore_fqdns_and_oddities(cat):
    india = by_service(catalog.provider_rules(cat, "kore", region="in"))
    assert india["webrtc-https"][0]["addresses"] == ["20.244.87.83"]
    assert india["webrtc-https"][0]["fqdns"] == ["ind-savg-sbc1.kore.ai", "ind-savg-sbc2.kore.ai"]
    uae = by_service(catalog.provider_rules(cat, "kore", region="uae"))
    assert uae["rtp"][0]["addresses"] != uae["webrtc-rtp"][0]["addresses"]
    west = by_service(catalog.provider_rules(cat, "kore", region="us-west"))
    assert west["rtp"][0]["addresses"] == west["sip"][0]["addresses"]
    east = by_service(catalog.provider_rules(cat, "kore", region="us-east"))
    assert east["sip"][0]["fqdns"] == ["savg-sbc1.kore.ai", "savg-sbc2.kore.ai"]
    assert east["sip"][0]["component"] == "SIP Server-1, SIP Server-2"
    assert east["sip"][0]["source"]["ref"] == "US-East / SIP Server-1; US-East / SIP Server-2"


def test_kore_domains_dscp_and_enforceability(cat):
    rules = catalog.provider_rules(cat, "kore", region="eu")
    domains = [r for r in rules if r["service"] == "cloud-domains"]
    assert sorted((r["proto"], r["port_min"]) for r in domains) == [("tcp", 443), ("tcp", 3478), ("tcp", 5349), ("tcp", 8443)]
    assert all(r["fqdns"] == ["*.kore.ai", "*.twilio.com"] and r["wildcard"] and not r["enforceable"] for r in domains)
    dscp = {r["service"]: r["dscp"] for r in rules}
    assert dscp == {"sip": 24, "sip-tls": 24, "rtp": 46, "webrtc-rtp": 46,
                    "webrtc-https": None, "webrtc-wss": None, "cloud-domains": None}
    assert all(r["enforceable"] and not r["wildcard"] for r in rules if r["service"] != "cloud-domains")


def test_kore_profile_targets_and_bandwidth(cat):
    profile = catalog.provider_profile(cat, "kore")
    assert profile["qos"]["table"][0]["dscp"] == 46 and profile["qos"]["table"][1]["dscp"] == 24
    assert profile["bandwidth"][0]["kbps_min"] == 32 and profile["bandwidth"][0]["kbps_max"] == 128
    targets = {(t["connection"], t["metric"]): t["max"] for t in profile["targets"]}
    assert targets[("Edge connectivity", "rtt")] == 300
    assert targets[("Client connectivity", "packet_loss")] == 10
    assert targets[("Internal phone calls", "one_way_latency")] == 75


def test_services_filter(cat):
    rules = catalog.provider_rules(cat, "kore", region="jp", services=["sip-tls", "rtp"])
    assert sorted(r["id"] for r in rules) == ["kore-jp-rtp-udp-6000-65535", "kore-jp-sip-tls-tcp-5061"]
    assert catalog.provider_rules(cat, "kore", region="jp", services="sip-tls,rtp") == rules


# --- Interactive Powers ------------------------------------------------------------

def test_ivrpowers_agent_profile(cat):
    rules = catalog.provider_rules(cat, "ivrpowers", profile="agent", inputs=IVR_INPUTS)
    got = {(r["service"], r["proto"], r["port_min"], r["port_max"], tuple(r["addresses"])) for r in rules}
    rtc, acd = ("198.51.100.10",), ("198.51.100.20", "198.51.100.21")
    assert got == {
        ("rtc-http", "tcp", 80, 80, rtc), ("rtc-https", "tcp", 443, 443, rtc),
        ("rtc-websocket", "tcp", 8989, 8989, rtc), ("rtc-api", "tcp", 8089, 8089, rtc),
        ("rtc-rtp", "udp", 19099, 20099, rtc),
        ("acd-http", "tcp", 80, 80, acd), ("acd-https", "tcp", 443, 443, acd),
        ("acd-websocket", "tcp", 8089, 8089, acd), ("acd-rtp", "udp", 10000, 20000, acd),
    }
    assert {r["profile"] for r in rules} == {"agent"} and {r["direction"] for r in rules} == {"outbound"}
    assert rules[0]["id"].startswith("ivrpowers-global-agent-")


def test_ivrpowers_user_profile_needs_no_acd(cat):
    rules = catalog.provider_rules(cat, "ivrpowers", profile="user", inputs={"rtc_addresses": ["203.0.113.5"]})
    got = {(r["service"], r["proto"], r["port_min"], r["port_max"]) for r in rules}
    assert got == {("rtc-http", "tcp", 80, 80), ("rtc-https", "tcp", 443, 443), ("rtc-websocket", "tcp", 8989, 8989),
                   ("rtc-api", "tcp", 8089, 8089), ("rtc-rtp", "udp", 19099, 20099)}
    assert all(r["addresses"] == ["203.0.113.5"] for r in rules)


def test_ivrpowers_targets(cat):
    targets = {t["metric"]: t["max"] for t in catalog.provider_profile(cat, "ivrpowers")["targets"]}
    assert targets == {"rtt": 300, "jitter": 50, "packet_loss": 1.5}


# --- Cloudoe ----------------------------------------------------------------------

def test_cloudoe_webex_media_subnets(cat):
    media = [r for r in catalog.provider_rules(cat, "cloudoe") if r["service"] == "webex-media"]
    assert sorted((r["proto"], r["port_min"]) for r in media) == [("tcp", 443), ("tcp", 5004), ("udp", 5004), ("udp", 9000)]
    expected = sorted(WEBEX_MEDIA_SUBNETS, key=ipaddress.ip_network)
    assert all(r["addresses"] == expected for r in media)


def test_cloudoe_sbc_rtp_and_sip(cat):
    rules = by_service(catalog.provider_rules(cat, "cloudoe"))
    (rtp,) = rules["rtp"]
    assert (rtp["proto"], rtp["port_min"], rtp["port_max"]) == ("udp", 40000, 65000)
    assert rtp["fqdns"] == ["osbc-tls.icvoip.net", "sbc-bria.icvoip.net", "sbc-trunk.icvoip.net", "sbc.icvoip.net"]
    alt = {(r["proto"], r["port_min"]): r["fqdns"] for r in rules["sip-alt"]}
    assert alt[("udp", 5080)] == ["osbc-tls.icvoip.net", "sbc.icvoip.net"]
    assert alt[("tcp", 5090)] == ["osbc-tls.icvoip.net", "sbc-trunk.icvoip.net"]
    assert sorted(alt) == [("tcp", 5075), ("tcp", 5080), ("tcp", 5090), ("udp", 5075), ("udp", 5080), ("udp", 5090)]
    assert {r["direction"] for group in rules.values() for r in group} == {"outbound"}


def test_cloudoe_provisioning_and_dns(cat):
    rules = catalog.provider_rules(cat, "cloudoe", services=["provisioning", "unity-client", "dns"],
                                   inputs={"dns_servers": ["192.0.2.53"]})
    https = [r for r in rules if r["service"] == "provisioning" and r["port_min"] == 443][0]
    assert https["addresses"] == ["20.19.96.56", "20.19.96.62"]
    assert {"ztp.polycom.com", "prov.gigaset.net", "rpscloud.yealink.com"} <= set(https["fqdns"])
    unity = [r for r in rules if r["service"] == "unity-client"][0]
    assert unity["addresses"] == ["52.17.201.131", "54.73.202.3", "99.80.25.98"]
    assert all(r["addresses"] == ["192.0.2.53"] for r in rules if r["service"] == "dns")
    no_dns = list(catalog.provider_rules(cat, "cloudoe", services=["dns"]))
    assert all(not r["enforceable"] and not r["addresses"] for r in no_dns)


def test_cloudoe_guidance(cat):
    topics = {g["topic"] for g in catalog.provider_profile(cat, "cloudoe")["guidance"]}
    assert {"egress", "inbound", "keepalive", "sip-alg"} <= topics


# --- Genesys and lab ---------------------------------------------------------------

def test_genesys_rules_from_inputs(cat):
    rules = catalog.provider_rules(cat, "genesys", inputs=dict(GENESYS_INPUTS, turn_alt_port=443))
    got = {(r["service"], r["proto"], r["port_min"], r["port_max"], tuple(r["addresses"])) for r in rules}
    assert got == {
        ("webrtc-http", "tcp", 80, 80, ("192.0.2.10",)), ("webrtc-https", "tcp", 443, 443, ("192.0.2.10",)),
        ("srtp", "udp", 49152, 65535, ("192.0.2.10",)), ("stun-turn", "udp", 3478, 3478, ("192.0.2.20",)),
        # STUN/TURN over TCP too (issue 17): TURN over TCP crosses a restrictive firewall
        ("stun-turn", "tcp", 3478, 3478, ("192.0.2.20",)),
        ("turn-alt", "tcp", 443, 443, ("192.0.2.20",)),
    }
    assert "turn-alt" not in {r["service"] for r in catalog.provider_rules(cat, "genesys", inputs=GENESYS_INPUTS)}


@pytest.mark.parametrize("protos, expected", [
    (["udp"], {"udp"}), ("tcp", {"tcp"}), (["tcp", "udp"], {"tcp", "udp"}),
])
def test_genesys_stun_turn_transports_can_be_narrowed(cat, protos, expected):
    rules = catalog.provider_rules(cat, "genesys", inputs=dict(GENESYS_INPUTS, stun_turn_protos=protos))
    assert {r["proto"] for r in rules if r["service"] == "stun-turn"} == expected


@pytest.mark.parametrize("protos", [[], ["sctp"], "quic"])
def test_genesys_stun_turn_transports_refuse_nonsense(cat, protos):
    with pytest.raises(VoipReadyError) as err:
        catalog.provider_rules(cat, "genesys", inputs=dict(GENESYS_INPUTS, stun_turn_protos=protos))
    assert err.value.field == "stun_turn_protos"


def test_lab_provider_uses_documentation_addresses_only(cat):
    allowed = [ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")]
    rules = catalog.provider_rules(cat, "labvoice", region="lab")
    for rule in rules:
        for address in rule["addresses"]:
            assert any(ipaddress.ip_network(address).subnet_of(net) for net in allowed), address
    assert combos([r for r in rules if r["service"] in ("sip", "sip-tls")]) == {
        (a, p, lo, hi) for a in ("203.0.113.10", "203.0.113.11") for p, lo, hi in KORE_PORTS["sip"]}


# --- bad input ---------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, field, value, listing", [
    ({"provider": "nosuch"}, "provider", "nosuch", "cloudoe, genesys, ivrpowers, kore"),
    ({"provider": "kore", "region": "mars"}, "region", "mars", "au, de, eu, in, jp, uae, us-east, us-west"),
    ({"provider": "kore"}, "region", "None", "us-east"),
    ({"provider": "cloudoe", "region": "eu"}, "region", "eu", "global"),
    ({"provider": "ivrpowers", "profile": "boss", "inputs": IVR_INPUTS}, "profile", "boss", "agent, user"),
    ({"provider": "ivrpowers", "inputs": IVR_INPUTS}, "profile", "None", "agent, user"),
    ({"provider": "kore", "region": "eu", "profile": "agent"}, "profile", "agent", "none"),
    ({"provider": "kore", "region": "eu", "services": ["sip", "fax"]}, "service", "fax", "sip-tls"),
    ({"provider": "ivrpowers", "profile": "user", "inputs": {"rtc_adresses": ["192.0.2.1"]}}, "inputs", "rtc_adresses", "rtc_addresses"),
])
def test_unknown_choice_lists_valid_ones(cat, kwargs, field, value, listing):
    with pytest.raises(VoipReadyError) as err:
        catalog.provider_rules(cat, **kwargs)
    assert err.value.field == field and str(err.value.value) == value
    assert field in str(err.value) and value in str(err.value) and listing in str(err.value)


@pytest.mark.parametrize("inputs, field, value", [
    ({"rtc_addresses": ["198.51.100.300"]}, "rtc_addresses", "198.51.100.300"),
    ({"rtc_addresses": ["198.51.100.1/24"]}, "rtc_addresses", "198.51.100.1/24"),
    ({"rtc_addresses": ["198.51.100.0/33"]}, "rtc_addresses", "198.51.100.0/33"),
    ({"rtc_addresses": "rtc.example.com"}, "rtc_addresses", "rtc.example.com"),
    ({"rtc_addresses": []}, "rtc_addresses", "[]"),
])
def test_invalid_address_names_field_and_value(cat, inputs, field, value):
    with pytest.raises(VoipReadyError) as err:
        catalog.provider_rules(cat, "ivrpowers", profile="user", inputs=inputs)
    assert err.value.field == field
    assert field in str(err.value) and value in str(err.value)


@pytest.mark.parametrize("override, field, value", [
    ({"srtp_ports": "70000"}, "srtp_ports", "70000"),
    ({"srtp_ports": "65535-49152"}, "srtp_ports", "65535-49152"),
    ({"srtp_ports": "lots"}, "srtp_ports", "lots"),
    ({"stun_turn_ports": [0]}, "stun_turn_ports", "0"),
    ({"turn_alt_port": 443, "turn_alt_proto": "sctp"}, "turn_alt_proto", "sctp"),
])
def test_invalid_port_or_range_names_field_and_value(cat, override, field, value):
    with pytest.raises(VoipReadyError) as err:
        catalog.provider_rules(cat, "genesys", inputs=dict(GENESYS_INPUTS, **override))
    assert err.value.field == field and field in str(err.value) and value in str(err.value)


@pytest.mark.parametrize("provider, kwargs, missing", [
    ("ivrpowers", {"profile": "agent", "inputs": {"rtc_addresses": ["192.0.2.1"]}}, "acd_addresses"),
    ("ivrpowers", {"profile": "user"}, "rtc_addresses"),
    ("genesys", {"inputs": {"webrtc_addresses": ["192.0.2.1"], "stun_turn_addresses": ["192.0.2.2"], "srtp_ports": 5004}},
     "stun_turn_ports"),
    ("genesys", {}, "webrtc_addresses"),
])
def test_missing_required_input_names_the_variable(cat, provider, kwargs, missing):
    with pytest.raises(VoipReadyError) as err:
        catalog.provider_rules(cat, provider, **kwargs)
    assert err.value.field == missing and missing in str(err.value)


# --- determinism -------------------------------------------------------------------

@pytest.mark.parametrize("provider, kwargs", [
    ("kore", {"region": "us-east"}), ("cloudoe", {}), ("ivrpowers", {"profile": "agent", "inputs": IVR_INPUTS}),
])
def test_same_input_gives_same_bytes(cat, provider, kwargs):
    first = catalog.rules_to_json(catalog.provider_rules(cat, provider, **kwargs))
    again = catalog.rules_to_json(catalog.provider_rules(catalog.load_catalog([LAB_DIR]), provider, **kwargs))
    assert first == again
    assert catalog.rules_to_csv(catalog.provider_rules(cat, provider, **kwargs)) == \
        catalog.rules_to_csv(json.loads(first))


def test_entry_order_does_not_change_output(cat):
    shuffled = copy.deepcopy(cat)
    random.Random(7).shuffle(shuffled["providers"]["kore"]["entries"])
    for region in KORE_SEED:
        assert catalog.rules_to_json(catalog.provider_rules(shuffled, "kore", region=region)) == \
            catalog.rules_to_json(catalog.provider_rules(cat, "kore", region=region))


def test_rule_ids_unique_and_sorted(cat):
    for region in KORE_SEED:
        rules = catalog.provider_rules(cat, "kore", region=region)
        ids = [r["id"] for r in rules]
        assert len(ids) == len(set(ids))
        assert list(rules[0]) == list(catalog.RULE_FIELDS)
        assert "kore-%s-sip-udp-5060" % region in ids


def test_csv_joins_addresses_with_spaces(cat):
    text = catalog.rules_to_csv(catalog.provider_rules(cat, "kore", region="us-east", services=["sip"]))
    lines = text.splitlines()
    assert lines[0].split(",")[:3] == ["id", "provider", "region"]
    assert "3.224.189.218 35.174.41.205" in text and len(lines) == 3


def test_same_bytes_across_hash_seeds():
    # Set iteration order changes with PYTHONHASHSEED; the export must not.
    import subprocess
    import sys
    code = ("import sys; sys.path.insert(0, %r); "
            "from ansible_collections.voipready.network.plugins.module_utils import catalog as c; "
            "sys.stdout.write(c.rules_to_json(c.provider_rules(c.load_catalog(), 'cloudoe')))"
            % os.path.join(REPO, ".cache", "collections"))
    outputs = {subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONHASHSEED=seed),
                              capture_output=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1


# --- parsed once per content ---------------------------------------------------------

def _copy_lab_catalog(directory):
    directory.mkdir()
    (directory / "labvoice.yml").write_bytes(open(os.path.join(LAB_DIR, "labvoice.yml"), "rb").read())
    return str(directory)


def test_catalog_is_parsed_once_per_content_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(catalog.CACHE_ENV, str(tmp_path / "cache"))
    extra = _copy_lab_catalog(tmp_path / "lab")
    first = catalog.load_catalog([extra])
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("the catalog was parsed again")

    # a fresh worker process: nothing in memory, the same bytes on disk -> no YAML, no schema
    catalog._MEMO.clear()
    monkeypatch.setattr(catalog.yaml, "load", no_parsing)
    monkeypatch.setattr(catalog, "validate_document", no_parsing)
    again = catalog.load_catalog([extra])
    assert again == first and again["digest"] == first["digest"]

    # one byte changed -> another digest -> parsed again (here: refused by the patch)
    path = os.path.join(extra, "labvoice.yml")
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    with pytest.raises(AssertionError, match="parsed again"):
        catalog.load_catalog([extra])


def test_a_corrupt_or_foreign_cache_entry_is_never_used(tmp_path, monkeypatch):
    monkeypatch.setenv(catalog.CACHE_ENV, str(tmp_path / "cache"))
    extra = _copy_lab_catalog(tmp_path / "lab")
    good = catalog.load_catalog([extra])
    entry = tmp_path / "cache" / (good["digest"] + ".json")
    for bad in ("{not json", json.dumps({"digest": "someone else's", "providers": {}, "files": {}})):
        entry.write_text(bad)
        catalog._MEMO.clear()
        assert catalog.load_catalog([extra]) == good      # parsed and validated again
        assert json.loads(entry.read_text())["digest"] == good["digest"]


def test_an_invalid_catalog_is_never_cached(tmp_path, monkeypatch):
    monkeypatch.setenv(catalog.CACHE_ENV, str(tmp_path / "cache"))
    broken = tmp_path / "broken"
    broken.mkdir()
    doc = _kore_doc()
    doc["entries"][0]["addresses"][0] = "3.224.189.300"
    (broken / "kore2.yml").write_text(json.dumps(dict(doc, provider="kore2")))
    for _index in range(2):
        with pytest.raises(VoipReadyError, match="3.224.189.300"):
            catalog.load_catalog([str(broken)])
        catalog._MEMO.clear()
    assert not list((tmp_path / "cache").glob("*.json"))
