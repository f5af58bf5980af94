"""Address collapsing never widens; port ranges merge only where they overlap or touch."""

import ipaddress

import netaddr
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.voipready.network.plugins.module_utils import netutil
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError


@st.composite
def small_networks(draw, base, min_prefix, max_prefix):
    # A tiny block (4096 addresses) makes adjacency and nesting frequent, so collapsing really happens.
    prefix = draw(st.integers(min_value=min_prefix, max_value=max_prefix))
    offset = draw(st.integers(min_value=0, max_value=2 ** 12 - 1))
    address = ipaddress.ip_address(int(ipaddress.ip_address(base)) + offset)
    return str(ipaddress.ip_network("%s/%d" % (address, prefix), strict=False))


NETWORKS = st.one_of(small_networks("10.20.0.0", 20, 32), small_networks("2001:db8::", 116, 128))


@settings(max_examples=300, deadline=None)
@given(st.lists(NETWORKS, max_size=12))
def test_collapse_keeps_exactly_the_same_set(networks):
    collapsed = netutil.collapse_addresses(networks)
    assert netaddr.IPSet(collapsed) == netaddr.IPSet(networks)  # independent set arithmetic
    assert netutil.same_address_set(collapsed, networks)
    assert len(collapsed) <= len(set(networks))
    assert netutil.collapse_addresses(collapsed) == collapsed


def test_collapse_examples():
    assert netutil.collapse_addresses(["10.0.0.128/25", "10.0.0.0/25", "10.0.1.1"]) == ["10.0.0.0/24", "10.0.1.1"]
    assert netutil.collapse_addresses(["10.0.0.1", "10.0.0.3"]) == ["10.0.0.1", "10.0.0.3"]
    assert netutil.collapse_addresses(["10.0.0.0/24", "10.0.0.7/32", "2001:db8::1"]) == ["10.0.0.0/24", "2001:db8::1"]
    assert netutil.collapse_addresses([]) == []


def test_normalize_sorts_numerically_without_merging():
    assert netutil.normalize_addresses(["54.210.75.166", "44.215.230.111", "10.0.0.0/25", "10.0.0.128/25", "9.9.9.9/32"]) == \
        ["9.9.9.9", "10.0.0.0/25", "10.0.0.128/25", "44.215.230.111", "54.210.75.166"]


@pytest.mark.parametrize("value", ["10.0.0.256", "10.0.0.1/24", "10.0.0.0/33", "host.example", "", None, 17])
def test_bad_address_names_value(value):
    with pytest.raises(VoipReadyError) as err:
        netutil.collapse_addresses([value])
    assert err.value.field == "addresses" and repr(value) in str(err.value)


@st.composite
def port_ranges(draw):
    low = draw(st.integers(min_value=1, max_value=400))
    return (low, draw(st.integers(min_value=low, max_value=min(low + 40, 65535))))


@settings(max_examples=300, deadline=None)
@given(st.lists(port_ranges(), max_size=15))
def test_merge_port_ranges_keeps_exactly_the_same_ports(ranges):
    merged = netutil.merge_port_ranges(ranges)
    covered = {p for low, high in ranges for p in range(low, high + 1)}
    assert {p for low, high in merged for p in range(low, high + 1)} == covered
    # Disjoint, sorted, and not even touching: nothing left to merge.
    assert all(a[1] + 1 < b[0] for a, b in zip(merged, merged[1:]))


def test_merge_port_range_forms():
    assert netutil.merge_port_ranges([5061, "5060", "10000-20000", "19099 \u2026 20099", [6000, 6001],
                                      {"port_min": 20100, "port_max": 20100}, "50,000 \u2013 53,000"]) == \
        [(5060, 5061), (6000, 6001), (10000, 20100), (50000, 53000)]


@pytest.mark.parametrize("value, text", [
    (0, "0"), (65536, "65536"), ("70000", "70000"), ("20000-10000", "20000-10000"), ("80-", "80-"),
    (True, "True"), ("http", "http"), ({"port_min": 5}, "port_min"),
])
def test_bad_port_names_value(value, text):
    with pytest.raises(VoipReadyError) as err:
        netutil.merge_port_ranges([value])
    assert err.value.field == "ports" and text in str(err.value)


def test_list_of_two_ports_is_not_a_range():
    # [3478, 5349] must never become 3478-5349.
    assert netutil.parse_port_ranges([3478, 5349]) == [(3478, 3478), (5349, 5349)]
    assert netutil.parse_port_ranges("6000-65535") == [(6000, 65535)]


def test_fqdn_checks():
    assert netutil.valid_fqdn("savg-sbc1.kore.ai") and netutil.valid_fqdn("*.kore.ai")
    assert not netutil.valid_fqdn("*.*.kore.ai") and not netutil.valid_fqdn("kore") and not netutil.valid_fqdn("a b.com")
    assert netutil.is_wildcard_fqdn("*.twilio.com") and not netutil.is_wildcard_fqdn("twilio.com")


def test_error_message_names_field_and_value():
    err = VoipReadyError("bad thing", field="rtc_addresses", value="1.2.3.999")
    assert "rtc_addresses" in str(err) and "1.2.3.999" in str(err)
    assert (err.field, err.value) == ("rtc_addresses", "1.2.3.999")
    assert str(VoipReadyError("plain")) == "plain"
