"""plugin_utils/host_intent.py: a host's inventory variables -> platform, intent, settings.

What the roles did in Jinja (one task per feature), done once per device in Python: the
same intent (the rendered example inventory is byte-identical, see
tests/integration/test_site_one_task.py), the roles' own argument specs for types and
defaults, and errors that name the inventory variable the user set and the module field.
"""

from __future__ import annotations

import os

import pytest
import yaml

from ansible_collections.voipready.network.plugins.module_utils import catalog
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import qos_classes_from_rules
from ansible_collections.voipready.network.plugins.plugin_utils import host_intent

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAB_CATALOG = os.path.join(REPO, "lab", "catalog")
FIREWALL = ["allowlist", "sip_alg", "qos", "timeouts"]
BASE = {"voipready_platform": "linux", "voip_provider": "kore", "voip_region": "us-east",
        "voipready_voice_networks": ["198.51.100.0/25"], "voipready_outside_interfaces": ["outside0"]}


def build(features=None, **variables):
    return host_intent.build(dict(BASE, **variables), FIREWALL if features is None else features)


def error_of(features=None, **variables):
    with pytest.raises(VoipReadyError) as err:
        build(features, **variables)
    return err.value


# -- the intent ---------------------------------------------------------------------------

def test_firewall_intent_from_variables_and_role_defaults():
    platform, intent, settings = build()
    assert platform == "linux" and list(intent) == ["allowlist", "sip_alg", "qos", "timeouts"]
    rules = catalog.provider_rules(catalog.load_catalog(), "kore", region="us-east")
    assert [r["id"] for r in intent["allowlist"]["rules"]] == sorted(r["id"] for r in rules)
    assert intent["allowlist"]["voice_networks"] == ["198.51.100.0/25"]
    assert intent["allowlist"]["name"] == "VOIPREADY" and intent["allowlist"]["inside_zone"] == "trust"
    assert intent["sip_alg"] == {"enabled": False}
    # qos: classes from the provider's DSCP table, marking on the outside interfaces
    assert intent["qos"]["classes"] == qos_classes_from_rules(rules)
    assert [c["dscp"] for c in intent["qos"]["classes"]] == [46, 24]
    assert intent["qos"]["interfaces"] == ["outside0"]
    # the timeouts role's defaults
    assert intent["timeouts"] == {"udp": 60, "udp_stream": 600, "sip": 900, "tcp_established": None,
                                  "keepalive_interval": 30}
    assert settings["voipready_state"] == "merged" and settings["voipready_transport"] == "netmiko"


def test_explicit_qos_classes_and_rules_win_over_the_catalog():
    classes = [{"name": "VOICE-RTP", "dscp": "ef",
                "matches": [{"proto": "udp", "port_min": 6000, "port_max": 7000}]}]
    rule = {"id": "lab.sip", "service": "sip", "proto": "udp", "port_min": 5060, "port_max": 5060,
            "direction": "outbound", "addresses": ["203.0.113.10"]}
    _unused, intent, _unused = build(voipready_qos_classes=classes, voipready_rules=[rule],
                                     voip_region="nowhere")          # never read: both are given
    assert intent["qos"]["classes"][0]["dscp"] == 46
    assert [r["id"] for r in intent["allowlist"]["rules"]] == ["lab.sip"]


def test_a_feature_that_needs_no_catalog_does_not_read_it():
    _unused, intent, _unused = build(["sip_alg", "timeouts"], voip_provider="nosuch")
    assert list(intent) == ["sip_alg", "timeouts"]


def test_extra_catalog_dirs_and_lab_provider():
    _unused, intent, _unused = build(["allowlist"], voip_provider="labvoice", voip_region="lab",
                                     voipready_catalog_dirs=[LAB_CATALOG])
    assert all(r["provider"] == "labvoice" for r in intent["allowlist"]["rules"])


@pytest.mark.parametrize("groups, subinterfaces, features", [
    (["switches"], None, ["voice_vlan", "qos"]),
    (["firewalls"], None, FIREWALL),
    (["routers"], [{"parent": "Gi0/1", "vlan": 110}], ["allowlist", "sip_alg", "voice_vlan", "qos", "timeouts"]),
    (["switches", "routers"], None, ["allowlist", "sip_alg", "voice_vlan", "qos", "timeouts"]),
])
def test_features_by_group(groups, subinterfaces, features):
    assert host_intent.group_features(groups, subinterfaces) == features


def test_a_host_in_no_known_group_needs_features():
    with pytest.raises(VoipReadyError, match="none of the groups switches, firewalls, routers"):
        host_intent.group_features(["ungrouped"])


# -- the platform: voipready_platform, else ansible_network_os ----------------------------

@pytest.mark.parametrize("network_os, platform", sorted(host_intent.NETWORK_OS_PLATFORMS.items()))
def test_platform_from_ansible_network_os(network_os, platform):
    variables = {"ansible_network_os": network_os}
    assert host_intent.platform_of(variables) == platform


def test_every_fqcn_form_listed_in_issue_14():
    for fqcn in ("cisco.ios.ios", "cisco.asa.asa", "arista.eos.eos", "junipernetworks.junos.junos",
                 "fortinet.fortios.fortios", "paloaltonetworks.panos.panos", "community.routeros.routeros",
                 "vyos.vyos.vyos", "openvswitch.openvswitch.openvswitch"):
        short = fqcn.rsplit(".", 1)[-1]
        assert host_intent.platform_of({"ansible_network_os": fqcn}) == short
        assert host_intent.platform_of({"ansible_network_os": short}) == short


def test_voipready_platform_wins_over_ansible_network_os():
    assert host_intent.platform_of({"voipready_platform": "eos", "ansible_network_os": "cisco.ios.ios"}) == "eos"


@pytest.mark.parametrize("variables, words", [
    ({}, ["voipready_platform", "ansible_network_os"]),
    ({"ansible_network_os": "cisco.nxos.nxos"}, ["voipready_platform", "ansible_network_os", "cisco.nxos.nxos"]),
    ({"voipready_platform": "cisco_nosuch"}, ["voipready_platform", "cisco_nosuch", "platform"]),
    ({"voipready_platform": "LINUX"}, ["voipready_platform", "LINUX"]),
])
def test_unknown_or_missing_platform_names_both_variables(variables, words):
    with pytest.raises(VoipReadyError) as err:
        host_intent.platform_of(variables)
    for word in words:
        assert word in str(err.value)
    assert "linux, openvswitch, ios" in str(err.value)


# -- errors name the inventory variable and the module field -------------------------------

@pytest.mark.parametrize("variables, variable, field, value", [
    ({"voipready_voice_networks": ["198.51.100.0/33"]}, "voipready_voice_networks[0]",
     "allowlist.voice_networks[0]", "198.51.100.0/33"),
    ({"voipready_dns_servers": ["198.51.100.300"]}, "voipready_dns_servers[0]", "allowlist.essentials.dns[0]",
     "198.51.100.300"),
    ({"voipready_udp_timeout": 0}, "voipready_udp_timeout", "timeouts.udp", "0"),
    ({"voipready_sip_timeout": 20}, "voipready_sip_timeout", "timeouts.sip", "20"),
    ({"voipready_outside_interfaces": ["bad name"]}, "voipready_outside_interfaces[0]",
     "allowlist.outside_interfaces[0]", "bad name"),
    ({"voipready_qos_classes": [{"name": "VOICE-RTP", "dscp": 64,
                                 "matches": [{"proto": "udp", "port_min": 1, "port_max": 2}]}]},
     "voipready_qos_classes[0].dscp", "qos.classes[0].dscp", "64"),
])
def test_feature_errors_name_variable_and_module_field(variables, variable, field, value):
    err = error_of(**variables)
    text = str(err)
    assert text.startswith(variable), text
    assert field in text and value in text, text
    assert err.field == variable and err.module_field == field


@pytest.mark.parametrize("variables, field, value", [
    ({"voipready_voice_vlan": {"id": 4095, "name": "VOICE"}}, "voice_vlan.voice_vlan.id", "4095"),
    ({"voipready_voice_vlan": {"id": 10, "name": "VOICE"}}, "voice_vlan.voice_vlan.id", "10"),
    ({"voipready_phone_ports": ["Gi1/0/1", "Gi1/0/1"]}, "voice_vlan.phone_ports", "Gi1/0/1"),
])
def test_switch_errors_name_variable_and_module_field(variables, field, value):
    err = error_of(["voice_vlan"], **variables)
    assert str(err).startswith(host_intent.variable_for_field(field)) and field in str(err) and value in str(err)


@pytest.mark.parametrize("variables, variable, value", [
    ({"voip_region": "mars"}, "voip_region", "mars"),
    ({"voip_provider": "nosuch"}, "voip_provider", "nosuch"),
    ({"voip_provider": "kore", "voip_region": "eu", "voip_services": ["fax"]}, "voip_services", "fax"),
    ({"voip_provider": "ivrpowers", "voip_region": None, "voip_profile": "user",
      "voip_inputs": {"rtc_addresses": ["198.51.100.300"]}}, "voip_inputs.rtc_addresses", "198.51.100.300"),
    ({"voip_provider": "ivrpowers", "voip_region": None, "voip_profile": "user"}, "voip_inputs.rtc_addresses", None),
])
def test_catalog_errors_name_the_common_variables(variables, variable, value):
    err = error_of(**variables)
    text = str(err)
    assert text.startswith(variable), text
    assert value is None or value in text
    assert "filter plugin" not in text


@pytest.mark.parametrize("variables, variable, value", [
    ({"voipready_udp_timeout": "abc"}, "voipready_udp_timeout", "abc"),
    ({"voipready_voice_vlan": "110"}, "voipready_voice_vlan", "110"),
    ({"voipready_state": "nosuch"}, "voipready_state", "nosuch"),
    ({"voipready_allowlist_enforce": "maybe"}, "voipready_allowlist_enforce", "maybe"),
])
def test_wrong_types_name_variable_and_value_as_the_role_spec_would(variables, variable, value):
    err = error_of(["allowlist", "timeouts", "voice_vlan"], **variables)
    assert variable in str(err) and value in str(err), str(err)


def test_sip_alg_on_is_refused_naming_the_variable():
    err = error_of(["sip_alg"], voipready_sip_alg_enabled=True)
    assert str(err).startswith("voipready_sip_alg_enabled=True")


def test_unknown_feature_is_refused():
    with pytest.raises(VoipReadyError, match="'fax' is not a feature"):
        host_intent.check_features(["sip_alg", "fax"])


# -- the roles' specs are the one source of variables, types and defaults ------------------

@pytest.mark.parametrize("role", ["common"] + sorted(set(host_intent.FEATURE_ROLES.values())))
def test_role_defaults_files_agree_with_the_argument_specs(role):
    """defaults/main.yml (what a play that uses the role sees) and argument_specs.yml (what
    voipready_device applies when no role is loaded) give the same defaults."""
    with open(os.path.join(REPO, "roles", role, "defaults", "main.yml"), encoding="utf-8") as handle:
        defaults = yaml.safe_load(handle) or {}
    options = host_intent.role_options(role)
    for name, value in defaults.items():
        if isinstance(value, str) and "{{" in value:
            continue        # a template (voipready_rules): derived in Python too
        assert name in options, "%s: %s has a default but no argument spec" % (role, name)
        assert options[name].get("default") == value, (role, name, value, options[name].get("default"))
    for name, option in options.items():
        if "default" in option:
            assert defaults.get(name) == option["default"], (role, name)


def test_every_variable_the_intent_reads_is_documented():
    documented = set(host_intent.option_spec(list(host_intent.FEATURE_ROLES)))
    for feature, pairs in host_intent.FIELD_VARIABLES.items():
        for _unused, variable in pairs:
            assert variable in documented, variable


def test_qos_interfaces_default_where_the_platform_classifies():
    """plan.qos_interfaces: ingress-only classifiers (junos) get inside then outside."""
    _unused, intent, _unused = build(["qos"], voipready_platform="junos", voipready_inside_interfaces=["ge-0/0/1.0"],
                                     voipready_outside_interfaces=["ge-0/0/0.0"])
    assert intent["qos"]["interfaces"] == ["ge-0/0/1.0", "ge-0/0/0.0"]
    _unused, intent, _unused = build(["qos"], voipready_platform="ios", voipready_inside_interfaces=["Gi0/0/1"],
                                     voipready_outside_interfaces=["Gi0/0/0"])
    assert intent["qos"]["interfaces"] == ["Gi0/0/0"]


# -- import cost paid once, in ansible's main process ---------------------------------------

def _modules_after_importing_the_action(env):
    import subprocess
    import sys
    code = ("import sys; sys.path.insert(0, %r); "
            "from ansible_collections.voipready.network.plugins.plugin_utils import device_action; "
            "print(' '.join(sorted(m for m in ('netmiko', 'paramiko', 'jsonschema', 'jmespath', 'napalm', "
            "'hier_config') if m in sys.modules)))" % os.path.join(REPO, ".cache", "collections"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, **env), check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_the_action_import_loads_the_transport_libraries_and_drivers_once():
    """ansible imports the action class in its main process before forking workers: what
    is imported here is inherited by every worker instead of imported again in each."""
    loaded = _modules_after_importing_the_action({"VOIPREADY_PRELOAD": ""})
    assert loaded == ["hier_config", "jmespath", "jsonschema", "netmiko", "paramiko"], loaded
    assert "napalm" in _modules_after_importing_the_action({"VOIPREADY_PRELOAD": "napalm"})


# -- what the compliance report says the host was judged against ------------------------

def test_judged_against_names_provider_region_and_catalog_version():
    version = catalog.load_catalog()["providers"]["kore"]["catalog_version"]
    assert host_intent.judged_against(BASE) == {
        "provider": "kore", "region": "us-east", "profile": None, "catalog_version": version}
    # the role's default provider when unset; a bad region is still reported as asked
    assert host_intent.judged_against({"voip_region": "nowhere"}) == {
        "provider": "kore", "region": "nowhere", "profile": None, "catalog_version": version}
    # never raises: an unknown provider or explicit rules have no catalog version
    assert host_intent.judged_against({"voip_provider": "nope"})["catalog_version"] is None
    assert host_intent.judged_against(dict(BASE, voipready_rules=[]))["catalog_version"] is None
    assert host_intent.judged_against(dict(BASE, voipready_catalog_dirs=["/nonexistent/catalog"])) is not None
    # a provider from an extra catalog directory
    lab = host_intent.judged_against({"voip_provider": "labvoice", "voipready_catalog_dirs": [LAB_CATALOG]})
    assert lab["provider"] == "labvoice" and lab["catalog_version"] == "2026.11.1"
