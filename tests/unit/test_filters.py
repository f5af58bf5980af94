"""The filter plugin: registration, error wrapping, bandwidth."""

import os

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.voipready.network.plugins.filter.voipready import FilterModule
from ansible_collections.voipready.network.plugins.module_utils import bandwidth
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

FILTERS = FilterModule().filters()
LAB_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "lab", "catalog")


def test_filters_are_registered():
    assert set(FILTERS) == {"provider_rules", "provider_profile", "collapse_addresses", "merge_port_ranges",
                            "voice_bandwidth", "rules_json", "rules_csv"}


def test_provider_rules_filter_with_lab_catalog():
    rules = FILTERS["provider_rules"]("labvoice", region="lab", services=["rtp"], catalog_dirs=[LAB_DIR])
    assert [r["addresses"] for r in rules] == [["203.0.113.20", "203.0.113.21"]]


def test_filter_errors_become_ansible_errors():
    with pytest.raises(AnsibleFilterError, match="unknown region 'mars'.*valid regions: au, de"):
        FILTERS["provider_rules"]("kore", region="mars")
    with pytest.raises(AnsibleFilterError, match="10.0.0.999"):
        FILTERS["collapse_addresses"](["10.0.0.999"])


def test_provider_rules_errors_name_the_inventory_variable_when_asked():
    # The common role and export_allowlist.yml ask: the user set voip_region, not region.
    with pytest.raises(AnsibleFilterError, match=r"^voip_region='mars': unknown region 'mars'"):
        FILTERS["provider_rules"]("kore", region="mars", name_variables=True)
    with pytest.raises(AnsibleFilterError, match=r"^voip_provider='nope': "):
        FILTERS["provider_rules"]("nope", name_variables=True)
    with pytest.raises(AnsibleFilterError, match=r"^voip_inputs\.rtc_addresses.*198\.51\.100\.300"):
        FILTERS["provider_rules"]("ivrpowers", profile="agent", name_variables=True,
                                  inputs={"rtc_addresses": ["198.51.100.300"], "acd_addresses": ["198.51.100.20"]})
    with pytest.raises(AnsibleFilterError, match=r"^voip_catalog_dirs='/nonexistent/catalog'"):
        FILTERS["provider_rules"]("kore", region="eu", catalog_dirs=["/nonexistent/catalog"],
                                  name_variables={"catalog_dirs": "voip_catalog_dirs"})
    # Without it, the filter's own argument names (it is public API).
    with pytest.raises(AnsibleFilterError, match=r"^(?!voip_region)"):
        FILTERS["provider_rules"]("kore", region="mars")


def test_merge_and_collapse_filters():
    assert FILTERS["merge_port_ranges"]([5060, 5061, "10000-20000", "19099-20099"]) == \
        [{"port_min": 5060, "port_max": 5061}, {"port_min": 10000, "port_max": 20099}]
    assert FILTERS["collapse_addresses"](["10.0.0.0/25", "10.0.0.128/25"]) == ["10.0.0.0/24"]


def test_provider_profile_filter():
    profile = FILTERS["provider_profile"]("kore")
    assert profile["qos"]["service_dscp"] == {"rtp": 46, "webrtc-rtp": 46, "sip": 24, "sip-tls": 24}
    assert profile["regions"] == ["au", "de", "eu", "in", "jp", "uae", "us-east", "us-west"]


def test_kore_bandwidth_from_catalog():
    result = FILTERS["voice_bandwidth"](10, provider="kore", headroom=0)
    assert (result["voice_kbps_min"], result["voice_kbps_max"]) == (320, 1280)
    assert result["signaling_kbps"] == 64  # 5 % of the high value
    assert (result["total_kbps_min"], result["total_kbps_max"]) == (384, 1344)
    with_headroom = FILTERS["voice_bandwidth"](10, provider="kore")
    assert with_headroom["total_kbps_max"] == pytest.approx(1344 * 1.2)


def test_ivrpowers_bandwidth_and_override():
    assert FILTERS["voice_bandwidth"](4, provider="ivrpowers", headroom=0)["total_kbps_max"] == 160
    assert FILTERS["voice_bandwidth"](4, provider="ivrpowers", media="audio-video", headroom=0.5)["total_kbps_max"] == 480
    assert bandwidth.voice_bandwidth(3, per_call_kbps=[64, 100], headroom=0)["total_kbps_max"] == 300
    assert bandwidth.voice_bandwidth(0, provider="kore")["total_kbps_max"] == 0


@pytest.mark.parametrize("kwargs, field, value", [
    ({"calls": -1, "provider": "kore"}, "calls", "-1"),
    ({"calls": 2.5, "provider": "kore"}, "calls", "2.5"),
    ({"calls": "ten", "provider": "kore"}, "calls", "ten"),
    ({"calls": 5, "provider": "kore", "headroom": -0.1}, "headroom", "-0.1"),
    ({"calls": 5, "provider": "kore", "codec": "g729"}, "codec", "g729"),
    ({"calls": 5, "provider": "cloudoe"}, "provider", "cloudoe"),
    ({"calls": 5, "provider": "nosuch"}, "provider", "nosuch"),
])
def test_bandwidth_bad_input(kwargs, field, value):
    with pytest.raises(VoipReadyError) as err:
        bandwidth.voice_bandwidth(**kwargs)
    assert err.value.field == field and field in str(err.value) and value in str(err.value)


def test_rules_json_and_csv_filters():
    rules = FILTERS["provider_rules"]("kore", region="de", services=["sip-tls"])
    assert FILTERS["rules_json"](rules).endswith("}\n]\n")
    assert FILTERS["rules_csv"](rules).splitlines()[1].startswith("kore-de-sip-tls-tcp-5061,kore,de,,sip-tls,")
