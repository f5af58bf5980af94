# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The platform-neutral intent: what a device must look like, before any vendor syntax.

Data flow: catalog -> **intent** -> platform driver -> transport -> module.

An intent is a dict keyed by feature name. Each feature's value is validated here and
normalized (defaults filled, lists sorted) so that every driver can trust it and the same
input always renders the same bytes. Validation errors name the field path and the value.

Features and the keys they hold:

allowlist  -- name, rules (normalized provider rules), voice_networks, essentials,
              enforce, fqdn_mode, inside_interfaces, outside_interfaces, inside_zone,
              outside_zone
sip_alg    -- enabled (always False in practice: the feature exists to switch it off)
voice_vlan -- voice_vlan{id,name}, data_vlan{id,name}, phone_ports, uplink_ports,
              trust_dscp, subinterfaces[{parent, vlan, address}], enable_mls_qos
qos        -- trust, classes[{name, dscp, matches[{proto, port_min, port_max,
              addresses}]}], interfaces
timeouts   -- udp, udp_stream, sip, tcp_established, keepalive_interval
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import ipaddress
import re

from ansible_collections.voipready.network.plugins.module_utils.errors import invalid
from ansible_collections.voipready.network.plugins.module_utils.netutil import address_key

FEATURES = ("allowlist", "sip_alg", "voice_vlan", "qos", "timeouts")

PLATFORMS = ("linux", "openvswitch", "ios", "asa", "junos", "fortios", "panos", "eos",
             "routeros", "vyos")

# Object names must survive every vendor's naming rules (PAN-OS 63 chars, ASA 64,
# FortiOS 79, RouterOS free text); upper-case letters, digits, '-' and '_' are safe
# everywhere and never need quoting.
NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,30}$")
IFACE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/._:-]{0,63}$")

DSCP_NAMES = {
    "default": 0, "cs1": 8, "af11": 10, "af12": 12, "af13": 14, "cs2": 16, "af21": 18,
    "af22": 20, "af23": 22, "cs3": 24, "af31": 26, "af32": 28, "af33": 30, "cs4": 32,
    "af41": 34, "af42": 36, "af43": 38, "cs5": 40, "ef": 46, "cs6": 48, "cs7": 56,
}
DSCP_BY_VALUE = dict((v, k) for k, v in DSCP_NAMES.items())

ALLOWLIST_DEFAULTS = {
    "name": "VOIPREADY",
    "rules": [],
    "voice_networks": [],
    "essentials": {"dns": [], "ntp": []},
    "enforce": True,
    "fqdn_mode": "auto",
    "inside_interfaces": [],
    "outside_interfaces": [],
    "inside_zone": "trust",
    "outside_zone": "untrust",
}
VOICE_VLAN_DEFAULTS = {
    "voice_vlan": {"id": 110, "name": "VOICE"},
    "data_vlan": {"id": 10, "name": "DATA"},
    "phone_ports": [],
    "uplink_ports": [],
    "trust_dscp": True,
    "subinterfaces": [],
    "enable_mls_qos": False,
}
QOS_DEFAULTS = {"trust": True, "classes": [], "interfaces": []}
TIMEOUT_DEFAULTS = {
    "udp": 60,
    "udp_stream": 600,
    "sip": 600,
    "tcp_established": None,
    "keepalive_interval": 30,
}
TIMEOUT_MAX = 86400

#: The inventory variable each intent field comes from when the roles build the intent
#: (roles/*/tasks/main.yml). Users set the variable, not the field: device context
#: errors name both (see field_label).
ROLE_VARIABLES = {
    "allowlist.name": "voipready_allowlist_name",
    "allowlist.rules": "voip_provider",
    "allowlist.voice_networks": "voipready_voice_networks",
    "allowlist.essentials.dns": "voipready_dns_servers",
    "allowlist.essentials.ntp": "voipready_ntp_servers",
    "allowlist.enforce": "voipready_allowlist_enforce",
    "allowlist.fqdn_mode": "voipready_fqdn_mode",
    "allowlist.inside_interfaces": "voipready_inside_interfaces",
    "allowlist.outside_interfaces": "voipready_outside_interfaces",
    "allowlist.inside_zone": "voipready_inside_zone",
    "allowlist.outside_zone": "voipready_outside_zone",
    "sip_alg.enabled": "voipready_sip_alg_enabled",
    "voice_vlan.voice_vlan": "voipready_voice_vlan",
    "voice_vlan.data_vlan": "voipready_data_vlan",
    "voice_vlan.phone_ports": "voipready_phone_ports",
    "voice_vlan.uplink_ports": "voipready_uplink_ports",
    "voice_vlan.trust_dscp": "voipready_trust_dscp",
    "voice_vlan.subinterfaces": "voipready_subinterfaces",
    "voice_vlan.enable_mls_qos": "voipready_enable_mls_qos",
    "qos.trust": "voipready_qos_trust",
    "qos.classes": "voipready_qos_classes",
    "qos.interfaces": "voipready_qos_interfaces",
    "timeouts.udp": "voipready_udp_timeout",
    "timeouts.udp_stream": "voipready_udp_stream_timeout",
    "timeouts.sip": "voipready_sip_timeout",
    "timeouts.tcp_established": "voipready_tcp_established_timeout",
    "timeouts.keepalive_interval": "voipready_keepalive_interval",
}


def role_variable(field):
    """The inventory variable behind an intent field (``voice_vlan.subinterfaces[0].parent``
    -> ``voipready_subinterfaces``), or None."""
    path = re.sub(r"\[\d+\]", "", field or "")
    while path:
        if path in ROLE_VARIABLES:
            return ROLE_VARIABLES[path]
        path = path.rpartition(".")[0]
    return None


def field_label(field):
    """``voice_vlan.phone_ports (inventory variable voipready_phone_ports)``: the module
    field and the variable a role user set."""
    variable = role_variable(field)
    return "%s (inventory variable %s)" % (field, variable) if variable else field


def _check_keys(field, value, allowed):
    if not isinstance(value, dict):
        invalid(field, value, "must be a mapping")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        invalid("%s.%s" % (field, unknown[0]), value[unknown[0]],
                "is not a known option; valid options: %s" % ", ".join(sorted(allowed)))


def _with_defaults(field, value, defaults):
    value = {} if value is None else value
    _check_keys(field, value, defaults)
    merged = copy.deepcopy(defaults)
    merged.update(copy.deepcopy(value))
    return merged


def check_int(field, value, low, high):
    """Return value as int when low <= value <= high; bool and floats are refused."""
    if isinstance(value, bool):
        invalid(field, value, "must be an integer from %d to %d" % (low, high))
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or not low <= value <= high:
        invalid(field, value, "must be an integer from %d to %d" % (low, high))
    return value


def check_dscp(field, value):
    """DSCP as 0-63 or a PHB name (ef, cs3, af41...)."""
    if isinstance(value, str) and value.strip().lower() in DSCP_NAMES:
        return DSCP_NAMES[value.strip().lower()]
    return check_int(field, value, 0, 63)


def check_network(field, value):
    """An IPv4/IPv6 address or CIDR with no host bits set, as a canonical string."""
    try:
        net = ipaddress.ip_network(str(value).strip(), strict=True)
    except ValueError as exc:
        invalid(field, value, "is not a valid IP address or CIDR (%s)" % exc)
    if net.prefixlen == net.max_prefixlen:
        return str(net.network_address)
    return str(net)


def check_interface_address(field, value):
    """An interface address with prefix, e.g. 192.0.2.1/24."""
    try:
        iface = ipaddress.ip_interface(str(value).strip())
    except ValueError as exc:
        invalid(field, value, "is not a valid interface address such as 192.0.2.1/24 (%s)" % exc)
    if "/" not in str(value):
        invalid(field, value, "needs a prefix length, e.g. 192.0.2.1/24")
    return str(iface)


def check_name(field, value):
    if not isinstance(value, str) or not NAME_RE.match(value):
        invalid(field, value, "must start with a letter and hold only letters, digits, '-' and '_' "
                              "(at most 31 characters)")
    return value


def check_interfaces(field, value):
    if not isinstance(value, list):
        invalid(field, value, "must be a list of interface names")
    for index, name in enumerate(value):
        if not isinstance(name, str) or not IFACE_RE.match(name):
            invalid("%s[%d]" % (field, index), name, "is not a valid interface name")
    if len(set(value)) != len(value):
        invalid(field, value, "lists an interface twice")
    return list(value)


def check_port_range(field, proto, port_min, port_max):
    if proto not in ("tcp", "udp"):
        invalid(field + ".proto", proto, "must be 'tcp' or 'udp'")
    low = check_int(field + ".port_min", port_min, 1, 65535)
    high = check_int(field + ".port_max", port_max, 1, 65535)
    if low > high:
        invalid(field + ".port_max", high, "is below port_min=%d" % low)
    return low, high


RULE_KEYS = ("id", "provider", "region", "profile", "service", "component", "proto",
             "port_min", "port_max", "addresses", "fqdns", "wildcard", "enforceable",
             "direction", "dscp", "source")


def validate_rule(field, rule):
    """A normalized provider rule (the export format) as the drivers consume it."""
    if not isinstance(rule, dict):
        invalid(field, rule, "must be a rule mapping as returned by voipready.network.provider_rules")
    for key in ("id", "service", "proto", "port_min", "port_max", "direction"):
        if key not in rule:
            invalid(field + "." + key, None, "is required")
    out = dict(rule)
    if not isinstance(rule["id"], str) or not re.match(r"^[a-z0-9][a-z0-9.-]*$", rule["id"]):
        invalid(field + ".id", rule["id"], "must be lower-case letters, digits, '.' and '-'")
    out["port_min"], out["port_max"] = check_port_range(field, rule["proto"], rule["port_min"],
                                                        rule["port_max"])
    if rule["direction"] not in ("inbound", "outbound", "both"):
        invalid(field + ".direction", rule["direction"], "must be inbound, outbound or both")
    addresses = rule.get("addresses") or []
    out["addresses"] = sorted(set(check_network("%s.addresses[%d]" % (field, i), a)
                                  for i, a in enumerate(addresses)), key=address_key)
    out["fqdns"] = sorted(set(rule.get("fqdns") or []))
    out["wildcard"] = bool(rule.get("wildcard", any(f.startswith("*.") for f in out["fqdns"])))
    out["enforceable"] = bool(rule.get("enforceable", bool(out["addresses"]) or any(
        not f.startswith("*.") for f in out["fqdns"])))
    if rule.get("dscp") is not None:
        out["dscp"] = check_dscp(field + ".dscp", rule["dscp"])
    else:
        out["dscp"] = None
    return out


def validate_allowlist(value, field="allowlist"):
    cfg = _with_defaults(field, value, ALLOWLIST_DEFAULTS)
    check_name(field + ".name", cfg["name"])
    if not isinstance(cfg["rules"], list):
        invalid(field + ".rules", cfg["rules"], "must be a list of rules")
    rules = [validate_rule("%s.rules[%d]" % (field, i), r) for i, r in enumerate(cfg["rules"])]
    ids = [r["id"] for r in rules]
    dupes = sorted(set(i for i in ids if ids.count(i) > 1))
    if dupes:
        invalid(field + ".rules", dupes[0], "names a rule id twice")
    cfg["rules"] = sorted(rules, key=lambda r: r["id"])
    cfg["voice_networks"] = sorted(set(
        check_network("%s.voice_networks[%d]" % (field, i), n)
        for i, n in enumerate(cfg["voice_networks"] or [])), key=address_key)
    essentials = _with_defaults(field + ".essentials", cfg["essentials"], {"dns": [], "ntp": []})
    for key in ("dns", "ntp"):
        essentials[key] = sorted(set(
            check_network("%s.essentials.%s[%d]" % (field, key, i), a)
            for i, a in enumerate(essentials[key] or [])), key=address_key)
    cfg["essentials"] = essentials
    if not isinstance(cfg["enforce"], bool):
        invalid(field + ".enforce", cfg["enforce"], "must be true or false")
    if cfg["fqdn_mode"] not in ("auto", "objects", "resolve", "skip"):
        invalid(field + ".fqdn_mode", cfg["fqdn_mode"], "must be one of auto, objects, resolve, skip")
    for key in ("inside_interfaces", "outside_interfaces"):
        cfg[key] = check_interfaces(field + "." + key, cfg[key] or [])
    for key in ("inside_zone", "outside_zone"):
        check_name(field + "." + key, cfg[key])
    return cfg


def validate_sip_alg(value, field="sip_alg"):
    cfg = _with_defaults(field, value, {"enabled": False})
    if not isinstance(cfg["enabled"], bool):
        invalid(field + ".enabled", cfg["enabled"], "must be true or false")
    return cfg


def _vlan(field, value, default_name):
    value = _with_defaults(field, value, {"id": None, "name": default_name})
    value["id"] = check_int(field + ".id", value["id"], 1, 4094)
    check_name(field + ".name", value["name"])
    return value


def validate_voice_vlan(value, field="voice_vlan"):
    cfg = _with_defaults(field, value, VOICE_VLAN_DEFAULTS)
    cfg["voice_vlan"] = _vlan(field + ".voice_vlan", cfg["voice_vlan"], "VOICE")
    cfg["data_vlan"] = _vlan(field + ".data_vlan", cfg["data_vlan"], "DATA")
    if cfg["voice_vlan"]["id"] == cfg["data_vlan"]["id"]:
        invalid(field + ".voice_vlan.id", cfg["voice_vlan"]["id"],
                "must differ from data_vlan.id: separation is the point of a voice VLAN")
    cfg["phone_ports"] = check_interfaces(field + ".phone_ports", cfg["phone_ports"] or [])
    cfg["uplink_ports"] = check_interfaces(field + ".uplink_ports", cfg["uplink_ports"] or [])
    both = sorted(set(cfg["phone_ports"]) & set(cfg["uplink_ports"]))
    if both:
        invalid(field + ".uplink_ports", both[0], "is also listed in phone_ports")
    if not isinstance(cfg["trust_dscp"], bool):
        invalid(field + ".trust_dscp", cfg["trust_dscp"], "must be true or false")
    if not isinstance(cfg["enable_mls_qos"], bool):
        invalid(field + ".enable_mls_qos", cfg["enable_mls_qos"], "must be true or false")
    subs = []
    for i, sub in enumerate(cfg["subinterfaces"] or []):
        f = "%s.subinterfaces[%d]" % (field, i)
        sub = _with_defaults(f, sub, {"parent": None, "vlan": None, "address": None})
        check_interfaces(f + ".parent", [sub["parent"]] if sub["parent"] else [None])
        sub["vlan"] = check_int(f + ".vlan", sub["vlan"], 1, 4094)
        if sub["address"] is not None:
            sub["address"] = check_interface_address(f + ".address", sub["address"])
        subs.append(sub)
    cfg["subinterfaces"] = sorted(subs, key=lambda s: (s["parent"], s["vlan"]))
    return cfg


def validate_qos(value, field="qos"):
    cfg = _with_defaults(field, value, QOS_DEFAULTS)
    if not isinstance(cfg["trust"], bool):
        invalid(field + ".trust", cfg["trust"], "must be true or false")
    classes = []
    for i, cls in enumerate(cfg["classes"] or []):
        f = "%s.classes[%d]" % (field, i)
        cls = _with_defaults(f, cls, {"name": None, "dscp": None, "matches": []})
        check_name(f + ".name", cls["name"])
        cls["dscp"] = check_dscp(f + ".dscp", cls["dscp"])
        matches = []
        for j, match in enumerate(cls["matches"] or []):
            mf = "%s.matches[%d]" % (f, j)
            match = _with_defaults(mf, match, {"proto": None, "port_min": None,
                                               "port_max": None, "addresses": []})
            match["port_min"], match["port_max"] = check_port_range(
                mf, match["proto"], match["port_min"], match["port_max"])
            match["addresses"] = sorted(set(
                check_network("%s.addresses[%d]" % (mf, k), a)
                for k, a in enumerate(match["addresses"] or [])), key=address_key)
            matches.append(match)
        if not matches:
            invalid(f + ".matches", cls["matches"], "must list at least one proto/port match")
        cls["matches"] = sorted(matches, key=lambda m: (m["proto"], m["port_min"], m["port_max"],
                                                        m["addresses"]))
        classes.append(cls)
    names = [c["name"] for c in classes]
    if len(set(names)) != len(names):
        invalid(field + ".classes", names, "names a class twice")
    cfg["classes"] = sorted(classes, key=lambda c: (-c["dscp"], c["name"]))
    cfg["interfaces"] = check_interfaces(field + ".interfaces", cfg["interfaces"] or [])
    return cfg


def validate_timeouts(value, field="timeouts"):
    cfg = _with_defaults(field, value, TIMEOUT_DEFAULTS)
    keepalive = check_int(field + ".keepalive_interval", cfg["keepalive_interval"], 1, 3600)
    cfg["keepalive_interval"] = keepalive
    for key in ("udp", "udp_stream", "sip", "tcp_established"):
        if cfg[key] is None and key == "tcp_established":
            continue
        cfg[key] = check_int(field + "." + key, cfg[key], 1, TIMEOUT_MAX)
    # A NAT binding must outlive the gap between two keep-alives, or the mapping the
    # provider's SBC learned is gone when the next INVITE comes in.
    for key in ("udp_stream", "sip"):
        if cfg[key] <= keepalive:
            invalid(field + "." + key, cfg[key],
                    "must be longer than keepalive_interval=%d: the NAT mapping would expire "
                    "between two keep-alives" % keepalive)
    if cfg["udp"] > cfg["udp_stream"]:
        invalid(field + ".udp", cfg["udp"],
                "must not exceed udp_stream=%d (an unreplied flow outliving an assured one "
                "is a misconfiguration)" % cfg["udp_stream"])
    return cfg


VALIDATORS = {
    "allowlist": validate_allowlist,
    "sip_alg": validate_sip_alg,
    "voice_vlan": validate_voice_vlan,
    "qos": validate_qos,
    "timeouts": validate_timeouts,
}


def validate_platform(platform):
    if platform not in PLATFORMS:
        invalid("platform", platform, "is not supported; valid platforms: %s" % ", ".join(PLATFORMS))
    return platform


def validate_intent(features):
    """Validate a {feature: config} mapping; returns a normalized deep copy."""
    if not isinstance(features, dict):
        invalid("features", features, "must be a mapping of feature name to its configuration")
    unknown = sorted(set(features) - set(FEATURES))
    if unknown:
        invalid("features", unknown[0], "is not a feature; valid features: %s" % ", ".join(FEATURES))
    return dict((name, VALIDATORS[name](features[name])) for name in FEATURES if name in features)


def qos_classes_from_rules(rules, rtp_name="VOICE-RTP", sip_name="VOICE-SIP"):
    """Derive DSCP classes from provider rules that carry a DSCP value.

    One class per DSCP value; rules that share a value are merged into that class's
    matches. The class names say what they hold: EF traffic is media, CS3 signalling.
    """
    by_dscp = {}
    for index, rule in enumerate(rules):
        rule = validate_rule("rules[%d]" % index, rule)
        if rule["dscp"] is None:
            continue
        match = {"proto": rule["proto"], "port_min": rule["port_min"],
                 "port_max": rule["port_max"], "addresses": rule["addresses"]}
        bucket = by_dscp.setdefault(rule["dscp"], [])
        if match not in bucket:
            bucket.append(match)
    classes = []
    for dscp, matches in sorted(by_dscp.items(), reverse=True):
        if dscp == 46:
            name = rtp_name
        elif dscp == 24:
            name = sip_name
        else:
            name = "VOICE-DSCP%d" % dscp
        classes.append({"name": name, "dscp": dscp, "matches": matches})
    return validate_qos({"classes": classes})["classes"]
