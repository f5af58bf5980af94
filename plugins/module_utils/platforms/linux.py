# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Platform ``linux``: a Linux router/firewall with nftables and conntrack.

What is owned (see docs/platforms/linux.md):

* the table ``inet voipready``, replaced as a whole in one ``nft -f`` transaction
  (declare, delete, declare with full content): a rejected transaction changes nothing;
  chains ``prerouting`` (mangle: ct timeout assignment, feature timeouts), ``forward``
  (filter, policy accept: the allowlist, feature allowlist) and ``postrouting`` (mangle:
  DSCP, feature qos); sets are prefixed ``al_``, ``qos_``, ``tmo_`` by feature;
* rules in ANY table that assign a ct helper of type "sip" (deleted by handle: SIP ALG);
* sysctls ``nf_conntrack_udp_timeout`` / ``_stream`` and the persisted files
  ``/etc/nftables.d/voipready.nft``, ``/etc/sysctl.d/90-voipready.conf`` plus one
  ``include "/etc/nftables.d/voipready*.nft"`` line in ``/etc/nftables.conf``.

``running`` is the text of GATHER: sections ``### voipready:<name>`` with ``nft -j list
ruleset``, the sysctls, the persisted files and an end marker (truncation is detected).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import ipaddress
import json
import os
import re

from ansible_collections.voipready.network.plugins.module_utils.errors import fail
from ansible_collections.voipready.network.plugins.module_utils.netutil import merge_port_ranges
from ansible_collections.voipready.network.plugins.module_utils.plan import choose_rules, essential_services
from ansible_collections.voipready.network.plugins.module_utils.platforms import nft_model as nm
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates import shell
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.shell import (
    MARK, guarded, heredoc, run_step)
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import (
    PlatformDriver, read_once)

FAMILY, TABLE = "inet", "voipready"
CHAIN_ORDER = ("prerouting", "forward", "postrouting")
CHAINS = {
    # mangle (-150), not raw (-300): "ct timeout set" attaches its policy to the new,
    # unconfirmed conntrack entry, which exists only after conntrack (-200) has run; at raw
    # priority the rule matches but the flow keeps the sysctl timeout (seen on kernel 6.x).
    "timeouts": ("prerouting", {"type": "filter", "hook": "prerouting", "prio": -150,
                                "policy": "accept"}),
    "allowlist": ("forward", {"type": "filter", "hook": "forward", "prio": 0,
                              "policy": "accept"}),
    "qos": ("postrouting", {"type": "filter", "hook": "postrouting", "prio": -150,
                            "policy": "accept"}),
}
SET_PREFIX = {"allowlist": "al_", "qos": "qos_", "timeouts": "tmo_"}
TABLE_FEATURES = ("allowlist", "qos", "timeouts")

NFT_FILE = "/etc/nftables.d/voipready.nft"
SYSCTL_FILE = "/etc/sysctl.d/90-voipready.conf"
NFT_CONF = "/etc/nftables.conf"
INCLUDE_LINE = 'include "/etc/nftables.d/voipready*.nft"'
RUN_DIR = "/run/voipready"
SYSCTLS = (("udp", "net.netfilter.nf_conntrack_udp_timeout"),
           ("udp_stream", "net.netfilter.nf_conntrack_udp_timeout_stream"))
#: read from /proc in a fresh network namespace on the lab kernel (6.x): 30 s / 120 s
KERNEL_DEFAULTS = {"udp": 30, "udp_stream": 120}
FILE_HEADER = ("# Managed by voipready.network: replaced as a whole, do not edit.\n"
               "# Loaded at boot by the line %s in %s.\n" % (INCLUDE_LINE, NFT_CONF))
CONTEXT_SECTIONS = ("addr", "route")

GATHER = (
    "echo '%(m)snft'; nft -j list ruleset 2>&1; echo; echo '%(m)ssysctl'; "
    "for k in udp_timeout udp_timeout_stream; do echo \"$k=$(cat "
    "/proc/sys/net/netfilter/nf_conntrack_$k 2>/dev/null)\"; done; "
    "for f in %(nft)s %(sysctl)s; do if [ -f $f ]; then echo \"%(m)sfile:$f\"; cat $f; echo; "
    "else echo \"%(m)sabsent:$f\"; fi; done; echo '%(m)sinclude'; if [ -f %(conf)s ]; then "
    "grep -qxF '%(inc)s' %(conf)s && echo yes || echo no; else echo absent; fi; "
    # the management session as the device sees it, for the lockout guard
    "echo '%(m)ssession'; echo \"$SSH_CONNECTION\"; "
    # interfaces and routes, for the flow model (platforms/flows/linux.py)
    "echo '%(m)saddr'; ip -j addr show 2>/dev/null; echo; echo '%(m)sroute'; "
    "ip -j route show 2>/dev/null; ip -j -6 route show 2>/dev/null; echo; "
    "echo '%(m)send'" % {"m": MARK, "nft": NFT_FILE, "sysctl": SYSCTL_FILE, "conf": NFT_CONF,
                         "inc": INCLUDE_LINE})


# -- running text ---------------------------------------------------------------------------
def split_sections(running, needed=("nft", "sysctl", "include")):
    """running -> {section: text} (shell.split_sections with the nftables host's sections)."""
    return shell.split_sections(running, needed)


def parse_state(running):
    """running -> a dict with everything the driver compares; VoipReadyError when the
    text is not what GATHER prints (never another exception)."""
    return guarded("linux", _parse_state, running)


def _parse_state(running):
    sections = split_sections(running)
    objects = nm.load_ruleset(sections["nft"])
    state = {"objects": objects, "table": nm.table_from_json(objects, FAMILY, TABLE),
             "sysctl": {}, "files": {}, "include": sections["include"].strip()}
    for line in sections["sysctl"].splitlines():
        key, _sep, value = line.partition("=")
        short = {"udp_timeout": "udp", "udp_timeout_stream": "udp_stream"}.get(key.strip())
        if short is None:
            continue
        value = value.strip()
        if value and not value.isdigit():
            fail("sysctl %s is not a number" % key, "running", value[:40])
        state["sysctl"][short] = int(value) if value else None
    for path in (NFT_FILE, SYSCTL_FILE):
        if "file:" + path in sections:
            state["files"][path] = sections["file:" + path].rstrip("\n")
        elif "absent:" + path in sections:
            state["files"][path] = None
        else:
            fail("the linux running state does not say whether %s exists" % path, "running", path)
    if state["include"] not in ("yes", "no", "absent"):
        fail("the include section must be yes, no or absent", "running", state["include"][:40])
    state["alg"] = sip_helper_rules(objects)
    # read-only context kept through simulate(): what the flow model needs besides nft
    state["context"] = dict((k, sections[k]) for k in CONTEXT_SECTIONS if k in sections)
    return state


def sip_helper_rules(objects):
    """Rules in any table that assign a ct helper object of type "sip"."""
    helpers = set()
    for obj in objects:
        kind, body = list(obj.items())[0]
        if kind == "ct helper" and body.get("type") == "sip":
            helpers.add((body.get("family"), body.get("table"), body.get("name")))
    found = []
    chains = {}
    for obj in objects:
        kind, body = list(obj.items())[0]
        if kind != "rule":
            continue
        key = (body.get("family"), body.get("table"), body.get("chain"))
        index = chains.get(key, 0)
        chains[key] = index + 1
        names = set()
        for expr in body.get("expr") or []:
            if isinstance(expr, dict) and "ct helper" in expr:
                names.update(_strings(expr["ct helper"]))
        if any((key[0], key[1], n) in helpers for n in names):
            found.append({"family": key[0], "table": key[1], "chain": key[2],
                          "handle": body.get("handle"), "index": index, "rule": body})
    return found


def _strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _name(text):
    return text if re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", text or "") else '"%s"' % text


def alg_rule_text(item):
    rule = nm.rule_from_json(item["rule"])
    return "table %s %s chain %s handle %s: %s" % (
        item["family"], item["table"], item["chain"], item["handle"], nm.rule_text(rule))


# -- intent -> model parts -----------------------------------------------------------------
def _split(addresses):
    fams = {4: [], 6: []}
    for text in addresses:
        span, version = nm.net_span(text)
        fams[version].append(span)
    return dict((v, nm.merge(s)) for v, s in fams.items())


def _set(model, name, version, spans):
    model["sets"][name] = {"type": "ipv4_addr" if version == 4 else "ipv6_addr",
                           "elements": nm.merge(spans)}
    return ("@", name)


def _proto(version):
    return "ip" if version == 4 else "ip6"


def set_base(rule_id):
    base = re.sub(r"-(tcp|udp)-\d+(-\d+)?$", "", rule_id)
    return re.sub(r"[^a-z0-9]+", "_", base).strip("_") or "rule"


def skipped_rules(cfg):
    """Allowlist rules that cannot become nft rules: no addresses (FQDN-only/wildcard)."""
    return [c.rule for c in choose_rules(cfg) if c.skipped]


def allowlist_part(cfg):
    model = nm.empty_table()
    voice = _split(cfg["voice_networks"])
    if cfg["enforce"] and not cfg["voice_networks"]:
        fail("allowlist.enforce=true needs voice_networks on linux: with no voice subnet the "
             "final drop would stop every forwarded flow; list the voice subnets or set "
             "enforce: false", "allowlist.voice_networks", [])
    if cfg["fqdn_mode"] == "objects" and skipped_rules(cfg):
        fail("fqdn_mode=objects: nftables has no FQDN objects; use 'auto' (skip and report) "
             "or 'resolve' (addresses resolved on the controller)", "allowlist.fqdn_mode",
             "objects")
    voice_ref = {}
    for version in (4, 6):
        if voice[version]:
            voice_ref[version] = _set(model, "al_voice_v%d" % version, version, voice[version])
    rules = [("m", "ct state", ("flags", ("established", "related"))), ("verdict", "accept"),
             ("comment", "voipready:established")]
    out = [tuple(rules)]

    def scoped(version, side, ref, proto, spans, comment, verdict="accept"):
        """``side`` is where the provider/essential set goes: daddr (outbound) or saddr."""
        other = "saddr" if side == "daddr" else "daddr"
        if cfg["voice_networks"] and version not in voice_ref:
            return
        own = ("m", "%s %s" % (_proto(version), side), ref)
        terms = [own]
        if version in voice_ref:
            mine = ("m", "%s %s" % (_proto(version), other), voice_ref[version])
            terms = [mine, own] if side == "daddr" else [own, mine]
        terms.append(("m", "%s dport" % proto, ("port", spans)))
        out.append(tuple(terms + [("verdict", verdict), ("comment", comment)]))

    for key, services in essential_services():
        fams = _split(cfg["essentials"][key])
        for version in (4, 6):
            if not fams[version]:
                continue
            ref = _set(model, "al_%s_v%d" % (key, version), version, fams[version])
            for proto, port in services:
                scoped(version, "daddr", ref, proto, ((port, port),),
                       "voipready:essentials-%s" % key)
    names = {}
    for choice in choose_rules(cfg):
        if choice.skipped:
            continue
        rule = choice.rule
        key = tuple(rule["addresses"])
        if key not in names:
            base, taken = "al_" + set_base(rule["id"]), set(names.values())
            name, n = base, 2
            while name in taken:
                name, n = "%s_%d" % (base, n), n + 1
            names[key] = name
        fams = _split(rule["addresses"])
        for version in (4, 6):
            if not fams[version]:
                continue
            ref = _set(model, "%s_v%d" % (names[key], version), version, fams[version])
            spans = ((rule["port_min"], rule["port_max"]),)
            comment = "voipready:%s" % rule["id"]
            if rule["direction"] in ("outbound", "both"):
                scoped(version, "daddr", ref, rule["proto"], spans, comment)
            if rule["direction"] in ("inbound", "both"):
                scoped(version, "saddr", ref, rule["proto"], spans, comment)
    if cfg["enforce"]:
        for version in sorted(voice_ref):
            for side in ("saddr", "daddr"):
                out.append((("m", "%s %s" % (_proto(version), side), voice_ref[version]),
                            ("verdict", "drop"), ("comment", "voipready:enforce")))
    model["chains"]["forward"] = dict(CHAINS["allowlist"][1], rules=out)
    return model


def qos_part(cfg, voice):
    """``voice``: {4: spans, 6: spans} of the voice networks (for trust false)."""
    model, out = nm.empty_table(), []
    if not cfg["trust"]:
        for version in (4, 6):
            ref = _set(model, "qos_voice_v%d" % version, version, voice.get(version, ()))
            for side in ("saddr", "daddr"):
                out.append((("m", "%s %s" % (_proto(version), side), ref),
                            ("dscp", _proto(version), 0), ("comment", "voipready:qos-untrusted")))
    # ascending DSCP: when classes overlap, the higher class is applied last and wins
    for cls in sorted(cfg["classes"], key=lambda c: (c["dscp"], c["name"])):
        groups = {}
        for match in cls["matches"]:
            groups.setdefault(tuple(match["addresses"]), {}).setdefault(match["proto"], []).append(
                (match["port_min"], match["port_max"]))
        slug = re.sub(r"[^a-z0-9]+", "_", cls["name"].lower()).strip("_")
        for index, addresses in enumerate(sorted(groups)):
            fams = _split(addresses)
            for version in (4, 6):
                if addresses and not fams[version]:
                    continue
                ref = None
                if addresses:
                    ref = _set(model, "qos_%s_%d_v%d" % (slug, index, version), version,
                               fams[version])
                for proto in sorted(groups[addresses]):
                    spans = tuple(merge_port_ranges(groups[addresses][proto]))
                    for side, port in (("daddr", "dport"), ("saddr", "sport")):
                        terms = [("m", "%s %s" % (_proto(version), side), ref)] if ref else []
                        terms.append(("m", "%s %s" % (proto, port), ("port", spans)))
                        terms.append(("dscp", _proto(version), cls["dscp"]))
                        terms.append(("comment", "voipready:qos-%s" % slug))
                        out.append(tuple(terms))
    model["chains"]["postrouting"] = dict(CHAINS["qos"][1], rules=out)
    return model


TIMEOUT_KINDS = (("rtp", "udp"), ("sip", "udp"), ("siptcp", "tcp"))


def flows_from_rules(rules):
    """{kind: {"v4": spans, "v6": spans, "ports": spans}} for SIP/RTP provider rules."""
    flows = dict((k, {4: [], 6: [], "ports": []}) for k, _unused in TIMEOUT_KINDS)
    for rule in rules:
        if not rule["addresses"]:
            continue
        service = rule["service"] or ""
        if service.startswith("sip") or rule["dscp"] == 24:
            kind = "sip" if rule["proto"] == "udp" else "siptcp"
        elif ("rtp" in service or "media" in service or rule["dscp"] == 46) and \
                rule["proto"] == "udp":
            kind = "rtp"
        else:
            continue
        fams = _split(rule["addresses"])
        flows[kind][4].extend(fams[4])
        flows[kind][6].extend(fams[6])
        flows[kind]["ports"].append((rule["port_min"], rule["port_max"]))
    return dict((k, dict((f, nm.merge(v)) for f, v in d.items())) for k, d in flows.items())


def flows_from_table(table):
    sets = (table or nm.empty_table())["sets"]
    return dict((k, {4: sets.get("tmo_%s_v4" % k, {}).get("elements", ()),
                     6: sets.get("tmo_%s_v6" % k, {}).get("elements", ()),
                     "ports": sets.get("tmo_%s_ports" % k, {}).get("elements", ())})
                for k, _unused in TIMEOUT_KINDS)


def timeouts_part(cfg, flows):
    model, out = nm.empty_table(), []
    policies = {"rtp": (("replied", cfg["udp_stream"]), ("unreplied", cfg["udp"])),
                "sip": (("replied", cfg["sip"]), ("unreplied", cfg["udp"])),
                "siptcp": (("established", cfg["tcp_established"]),)}
    for kind, proto in TIMEOUT_KINDS:
        if kind == "siptcp" and cfg["tcp_established"] is None:
            continue
        ports = "tmo_%s_ports" % kind
        model["sets"][ports] = {"type": "inet_service", "elements": flows[kind]["ports"]}
        for version in (4, 6):
            name = "%s_v%d" % (kind, version)
            model["timeouts"][name] = {"protocol": proto, "l3proto": _proto(version),
                                       "policy": policies[kind]}
            ref = _set(model, "tmo_" + name, version, flows[kind][version])
            for side, port in (("daddr", "dport"), ("saddr", "sport")):
                out.append((("m", "%s %s" % (_proto(version), side), ref),
                            ("m", "%s %s" % (proto, port), ("@", ports)),
                            ("ct timeout", name), ("comment", "voipready:timeout-%s" % kind)))
    model["chains"]["prerouting"] = dict(CHAINS["timeouts"][1], rules=out)
    return model


def feature_part(table, feature):
    """The items of ``table`` (a model or None) owned by ``feature``."""
    part = nm.empty_table()
    if not table:
        return part
    prefix = SET_PREFIX[feature]
    part["sets"] = dict((n, s) for n, s in table["sets"].items() if n.startswith(prefix))
    if feature == "timeouts":
        part["timeouts"] = dict(table["timeouts"])
    chain = CHAINS[feature][0]
    if chain in table["chains"]:
        part["chains"][chain] = table["chains"][chain]
    return part


def _merge_parts(parts):
    table = nm.empty_table()
    for part in parts:
        for key in ("sets", "timeouts", "chains"):
            table[key].update(part[key])
    return table


def _is_empty(table):
    return not (table["sets"] or table["timeouts"] or table["chains"])


def voice_spans(intent, table):
    if "allowlist" in intent:
        return _split(intent["allowlist"]["voice_networks"])
    sets = (table or nm.empty_table())["sets"]
    return dict((v, sets.get("qos_voice_v%d" % v, sets.get("al_voice_v%d" % v, {}))
                 .get("elements", ())) for v in (4, 6))


def desired_parts(intent, table):
    """{feature: part} for the table features in ``intent`` (merged/replaced)."""
    parts = {}
    if "allowlist" in intent:
        parts["allowlist"] = allowlist_part(intent["allowlist"])
    if "qos" in intent:
        parts["qos"] = qos_part(intent["qos"], voice_spans(intent, table))
    if "timeouts" in intent:
        flows = (flows_from_rules(intent["allowlist"]["rules"]) if "allowlist" in intent
                 else flows_from_table(table))
        parts["timeouts"] = timeouts_part(intent["timeouts"], flows)
    return parts


def file_text(table):
    return FILE_HEADER + "table %s %s\ndelete table %s %s\n%s" % (
        FAMILY, TABLE, FAMILY, TABLE, nm.table_text(FAMILY, TABLE, table, CHAIN_ORDER))


def sysctl_text(values):
    return "# Managed by voipready.network (feature timeouts)\n" + "\n".join(
        "%s = %d" % (key, values[short]) for short, key in SYSCTLS)


# -- commands ----------------------------------------------------------------------------------
def write_file(path, content):
    return heredoc("mkdir -p %s && cat > %s" % (os.path.dirname(path), path), content,
                   "VOIPREADY_FILE")


def sysctl_command(values):
    return "sysctl -q -w " + " ".join("%s=%d" % (key, values[short]) for short, key in SYSCTLS)


INCLUDE_ADD = "grep -qxF '%s' %s || printf '%%s\\n' '%s' >> %s" % (INCLUDE_LINE, NFT_CONF,
                                                                   INCLUDE_LINE, NFT_CONF)
INCLUDE_DEL = "sed -i '\\#^%s$#d' %s" % (INCLUDE_LINE.replace("*", "\\*"), NFT_CONF)


class Driver(PlatformDriver):
    """nftables + conntrack over a root shell (netmiko ``linux``)."""

    platform = "linux"
    wildcard_why = (
        "nftables matches addresses only, and a wildcard domain has no address list that "
        "could be resolved in advance (any name below it may appear)")
    netmiko_device_type = "linux"
    napalm_driver = None
    gather_commands = (GATHER,)
    comment = "#"
    #: the forward chain matches the voice networks and marking the provider's addresses;
    #: no rule names an interface, so the interface lists are not used here
    interface_fields = ()
    unsupported = {
        "voice_vlan": "a Linux router has no phone ports (the switch, platform openvswitch, "
                      "carries the voice VLAN) and this kernel has no 802.1Q VLAN devices "
                      "(CONFIG_VLAN_8021Q is absent), so no voice sub-interface can be made",
    }

    def __init__(self):
        self._plans = {}
        self._pending = None

    def not_applicable(self, feature, intent):
        if feature == "sip_alg" and intent.get("sip_alg", {}).get("enabled"):
            return ("switching a SIP ALG on is not offered: the collection only removes SIP "
                    "helper assignments (enabled must be false)")
        return self.unsupported.get(feature)

    # -- reading ---------------------------------------------------------------------------
    def parse(self, running):
        state = read_once(parse_state, running)
        table = state["table"]
        out = {"sip_alg": {"enabled": bool(state["alg"]),
                           "helper_rules": [alg_rule_text(i) for i in state["alg"]]}}
        for feature in TABLE_FEATURES:
            part = feature_part(table, feature)
            chain = part["chains"].get(CHAINS[feature][0], {"rules": []})
            out[feature] = {
                "present": bool(part["chains"]),
                "sets": dict((n, nm.networks(4 if s["type"] == "ipv4_addr" else 6, s["elements"])
                              if s["type"] != "inet_service" else nm.port_text(s["elements"])
                              if s["elements"] else [])
                             for n, s in sorted(part["sets"].items())),
                "rules": [nm.rule_text(r) for r in chain["rules"]],
            }
        out["allowlist"]["rule_ids"] = sorted(set(
            t[1][len("voipready:"):] for r in feature_part(table, "allowlist")["chains"].get(
                "forward", {"rules": []})["rules"] for t in r if t[0] == "comment"))
        out["timeouts"].update(dict(state["sysctl"]))
        out["timeouts"]["ct_timeouts"] = dict(
            (n, dict(t["policy"])) for n, t in sorted((table or nm.empty_table())["timeouts"].items()))
        out["timeouts"]["persisted"] = state["files"][SYSCTL_FILE] is not None
        return out

    # -- writing ----------------------------------------------------------------------------
    def render(self, intent):
        table = _merge_parts(desired_parts(intent, None).values())
        lines = []
        if "allowlist" in intent:
            for rule in skipped_rules(intent["allowlist"]):
                wild = all(f.startswith("*.") for f in rule["fqdns"]) and rule["fqdns"]
                lines.append("# skipped %s: no addresses (FQDNs %s); %s" % (
                    rule["id"], ", ".join(rule["fqdns"]) or "none",
                    self.wildcard_why if wild else "nftables has no FQDN objects"))
        if "sip_alg" in intent:
            lines.append("# sip_alg: every rule that assigns a ct helper of type \"sip\", in any "
                         "table, is deleted by handle")
        text = "\n".join(lines + [""]) if lines else ""
        if not _is_empty(table):
            text += file_text(table) + "\n"
        if "timeouts" in intent:
            text += "# %s\n%s\n" % (SYSCTL_FILE, "\n".join(
                "# " + line for line in sysctl_text(intent["timeouts"]).splitlines()))
        return text

    def view(self, running, intent):
        state = read_once(parse_state, running)
        table = state["table"]
        shown = _merge_parts(feature_part(table, f) for f in TABLE_FEATURES if f in intent)
        lines = []
        if not _is_empty(shown):
            lines.append(nm.table_text(FAMILY, TABLE, shown, CHAIN_ORDER))
        if "allowlist" in intent:
            lines.extend("# not enforceable by address, skipped: %s" % r["id"]
                         for r in skipped_rules(intent["allowlist"]))
        if "sip_alg" in intent:
            lines.extend("SIP helper rule: %s" % alg_rule_text(i) for i in state["alg"])
            if not state["alg"]:
                lines.append("SIP helper rules: none (SIP ALG off)")
        if "timeouts" in intent:
            lines.extend("sysctl %s = %s" % (key, state["sysctl"].get(short))
                         for short, key in SYSCTLS)
        if set(intent) & set(TABLE_FEATURES):
            lines.append("%s: %s" % (NFT_FILE, "present" if state["files"][NFT_FILE] else "absent"))
            lines.append("%s include line: %s" % (NFT_CONF, state["include"]))
        if "timeouts" in intent:
            lines.append("%s: %s" % (SYSCTL_FILE, "present" if state["files"][SYSCTL_FILE]
                                     else "absent"))
        return "\n".join(lines) + "\n"

    def remediate(self, running, intent, state="merged"):
        current = read_once(parse_state, running)
        table = current["table"]
        features = [f for f in intent if not self.not_applicable(f, intent)]
        if state == "deleted":
            wanted = dict((f, nm.empty_table()) for f in features if f in TABLE_FEATURES)
        else:
            wanted = desired_parts(dict((f, intent[f]) for f in features), table)
        if "timeouts" in features and "allowlist" not in features and state != "deleted":
            # the provider flows are the allowlist's: keep what the device holds
            wanted["timeouts"] = timeouts_part(intent["timeouts"], flows_from_table(table))
        change = any(wanted[f] != feature_part(table, f) for f in wanted)
        keep = [feature_part(table, f) for f in TABLE_FEATURES if f not in wanted]
        new_table = _merge_parts(keep + list(wanted.values()))
        alg = current["alg"] if "sip_alg" in features and state != "deleted" else []
        commands = []
        nft_cmd = self._transaction(table, new_table if change else None, alg, change)
        if nft_cmd:
            commands.append(nft_cmd)
        if "timeouts" in features:
            values = (KERNEL_DEFAULTS if state == "deleted" else
                      dict((k, intent["timeouts"][k]) for k, _unused in SYSCTLS))
            if any(current["sysctl"].get(k) != values[k] for k, _unused in SYSCTLS):
                commands.append(sysctl_command(values))
            want = None if state == "deleted" else sysctl_text(values)
            if current["files"][SYSCTL_FILE] != want:
                commands.append("rm -f " + SYSCTL_FILE if want is None
                                else write_file(SYSCTL_FILE, want))
        if wanted:
            final = new_table if change else table
            empty = final is None or _is_empty(final)
            want = None if empty else file_text(final)
            if current["files"][NFT_FILE] != want:
                commands.append("rm -f " + NFT_FILE if want is None else write_file(NFT_FILE, want))
            if not empty and current["include"] == "no":
                commands.append(INCLUDE_ADD)
            if empty and current["include"] == "yes":
                commands.append(INCLUDE_DEL)
        return commands

    def _transaction(self, old_table, new_table, alg, change):
        """One ``nft -f`` transaction: the table replaced (or deleted) and ALG rules removed."""
        lines = []
        if change:
            lines += ["table %s %s" % (FAMILY, TABLE), "delete table %s %s" % (FAMILY, TABLE)]
            if not _is_empty(new_table):
                lines.append(nm.table_text(FAMILY, TABLE, new_table, CHAIN_ORDER))
        removed = [i for i in alg if not (change and (i["family"], i["table"]) == (FAMILY, TABLE))]
        for item in removed:
            lines.append("delete rule %s %s %s handle %d" % (
                item["family"], _name(item["table"]), _name(item["chain"]), item["handle"]))
        if not lines:
            return None
        command = heredoc("nft -f -", "\n".join(lines), "VOIPREADY_NFT")
        self._plans[command] = {"table": (new_table if change else "keep"),
                                "alg": [(i["family"], i["table"], i["chain"], i["handle"])
                                        for i in removed]}
        return command

    def rollback(self, before_running, after_running):
        """Deterministic inverse: the before table, the removed SIP helper rules re-inserted
        at their old positions (JSON), the before sysctls and persisted files."""
        before, after = read_once(parse_state, before_running), read_once(parse_state, after_running)
        commands = []
        table = before["table"]
        if table != after["table"]:
            cmd = self._transaction(after["table"], table or nm.empty_table(), [], True)
            commands.append(cmd)
        present = set((i["family"], i["table"], i["chain"], json.dumps(i["rule"].get("expr"),
                                                                       sort_keys=True))
                      for i in after["alg"])
        adds = []
        for item in sorted(before["alg"], key=lambda i: (i["family"], i["table"], i["chain"],
                                                         i["index"])):
            key = (item["family"], item["table"], item["chain"],
                   json.dumps(item["rule"].get("expr"), sort_keys=True))
            if key in present:
                continue
            rule = dict((k, v) for k, v in item["rule"].items() if k != "handle")
            if item["index"] == 0:
                adds.append({"insert": {"rule": dict(rule, index=0)}})
            else:
                adds.append({"add": {"rule": dict(rule, index=item["index"] - 1)}})
        if adds:
            adds_json = json.dumps({"nftables": adds}, sort_keys=True)
            commands.append(heredoc("nft -j -f -", adds_json, "VOIPREADY_JSON"))
        values = dict((k, before["sysctl"].get(k)) for k, _unused in SYSCTLS)
        if all(v is not None for v in values.values()) and values != dict(
                (k, after["sysctl"].get(k)) for k, _unused in SYSCTLS):
            commands.append(sysctl_command(values))
        for path in (NFT_FILE, SYSCTL_FILE):
            if before["files"][path] != after["files"][path]:
                commands.append("rm -f " + path if before["files"][path] is None
                                else write_file(path, before["files"][path]))
        if before["include"] != after["include"]:
            if before["include"] == "yes":
                commands.append(INCLUDE_ADD)
            elif before["include"] == "no":
                commands.append(INCLUDE_DEL)
        return commands

    # -- simulate ----------------------------------------------------------------------------
    def simulate(self, running, commands):
        state = read_once(parse_state, running)
        objects = list(state["objects"])
        sysctl = dict(state["sysctl"])
        files = dict(state["files"])
        include = state["include"]
        for command in commands:
            first, _sep, body = command.partition("\n")
            body = body.rpartition("\n")[0]
            if first.startswith("nft -f -"):
                plan = self._plans.get(command)
                if plan is None:
                    fail("simulate() knows only nft transactions this driver rendered",
                         "commands", first)
                objects = _apply_plan(objects, plan)
            elif first.startswith("nft -j -f -"):
                objects = _apply_json(objects, json.loads(body)["nftables"])
            elif first.startswith("sysctl -q -w "):
                for item in first.split()[3:]:
                    key, _sep, value = item.partition("=")
                    for short, full in SYSCTLS:
                        if full == key:
                            sysctl[short] = int(value)
            elif first.startswith("mkdir -p ") and " && cat > " in first:
                files[first.split(" && cat > ")[1].split(" ")[0]] = body
            elif first.startswith("rm -f "):
                files[first[len("rm -f "):]] = None
            elif command == INCLUDE_ADD and include == "no":
                include = "yes"
            elif command == INCLUDE_DEL and include == "yes":
                include = "no"
            elif command not in (INCLUDE_ADD, INCLUDE_DEL):
                fail("simulate() does not know this command", "commands", first[:60])
        return emit_running(objects, sysctl, files, include, state["context"])

    def redact(self, running):
        """Nothing to redact: the ruleset, two sysctls and the collection's own files hold no
        secrets, and the ruleset is one JSON line that line-based redaction would break."""
        return running

    # -- lockout guard ------------------------------------------------------------------------
    def management_check(self, before_running, after_running):
        """Would the owned table after the change still admit the SSH session this run uses?

        The device reports the session as ``$SSH_CONNECTION`` (client, client port, server,
        server port). That packet, new and established, is run through the owned table's
        base chains on the input path (prerouting, input). Tables the collection does not
        own are not changed by it, so they cannot start blocking the session.
        """
        session = (split_sections(before_running).get("session") or "").split()
        if len(session) != 4:
            return {"status": "not_evaluated",
                    "reason": "the device did not report the SSH session ($SSH_CONNECTION)"}
        try:
            client, server = ipaddress.ip_address(session[0]), ipaddress.ip_address(session[2])
            cport, sport = int(session[1]), int(session[3])
        except ValueError:
            return {"status": "not_evaluated",
                    "reason": "unreadable $SSH_CONNECTION %r" % " ".join(session)}
        table = read_once(parse_state, after_running)["table"] or nm.empty_table()
        where = "%s:%d -> %s:%d/tcp" % (client, cport, server, sport)
        blocked = []
        for ct_state in ("new", "established"):
            packet = {"l3": "ip" if client.version == 4 else "ip6", "saddr": client,
                      "daddr": server, "proto": "tcp", "sport": cport, "dport": sport,
                      "ct_state": ct_state}
            for chain, rule in nm.blocking_rules(table, ("prerouting", "input"), packet):
                item = "%s %s chain %s: %s (%s)" % (FAMILY, TABLE, chain, rule, ct_state)
                if item not in blocked:
                    blocked.append(item)
        if blocked:
            return {"status": "blocked", "session": where, "rules": blocked}
        return {"status": "admitted", "session": where,
                "reason": "no rule of the owned table on the input path drops the session"}

    # -- pushing ------------------------------------------------------------------------------
    def push(self, transport, commands, confirm_timeout=None):
        """Arm the on-device revert (when confirm_timeout; otherwise cancel any stale one),
        then run each step and check its exit status; nft steps are atomic transactions."""
        outputs = []
        if confirm_timeout:
            before = self.gather(transport)
            after = self.simulate(before, commands)
            token, arm = arm_command(self.rollback(before, after), int(confirm_timeout))
            outputs.append(run_step(transport, arm, "arming the revert timer"))
            self._pending = token
        else:
            # an unarmed change (or the engine's rollback) supersedes any pending revert:
            # left armed, that older timer would later undo this change
            transport.send_command(confirm_command(None))
        for command in commands:
            outputs.append(run_step(transport, command, command.split("\n")[0]))
        return "\n".join(outputs)

    def confirm(self, transport):
        """Cancel the armed revert (works from any session: state lives in /run/voipready)."""
        out = transport.send_command(confirm_command(self._pending))
        if "VOIPREADY_CONFIRMED" not in out:
            fail("the change could not be confirmed: the device has no armed revert for this "
                 "change (it may already have reverted by itself)", "confirm",
                 (out or "").strip()[-120:])
        self._pending = None
        return out

    def save(self, transport):
        """Nothing extra: the persisted files are written by the commands themselves."""
        return None


def arm_command(rollback_commands, timeout):
    """The step that writes revert.sh and starts a detached timer that runs it unless
    ``armed`` still holds our token when it wakes up."""
    script = "\n".join(["#!/bin/sh", "# voipready revert: restores the state before the change"]
                       + list(rollback_commands) + ["echo reverted"])
    token = hashlib.sha256(script.encode() + os.urandom(8)).hexdigest()[:16]
    timer = ("sleep %d; cd %s && [ \"$(cat armed 2>/dev/null)\" = %s ] && mv armed firing && "
             "{ sh revert.sh > revert.log 2>&1; echo %s > reverted; }" % (timeout, RUN_DIR, token, token))
    command = heredoc("mkdir -p %s && cat > %s/revert.sh" % (RUN_DIR, RUN_DIR), script,
                      "VOIPREADY_REVERT")
    command += ("\necho %s > %s/armed && (setsid sh -c 'echo $$ > %s/revert.pid; %s' "
                "</dev/null >/dev/null 2>&1 &)" % (token, RUN_DIR, RUN_DIR, timer.replace("'", "")))
    return token, command


def confirm_command(token):
    check = ('[ "$(cat armed)" = %s ] && ' % token) if token else ""
    return ("cd %s 2>/dev/null && [ -f armed ] && %smv armed confirmed && "
            "{ kill $(cat revert.pid) 2>/dev/null; rm -f revert.pid; echo VOIPREADY_CONFIRMED; }"
            % (RUN_DIR, check))


def _apply_plan(objects, plan):
    gone = set(plan["alg"])
    kept = []
    for obj in objects:
        kind, body = list(obj.items())[0]
        if kind == "rule" and (body.get("family"), body.get("table"), body.get("chain"),
                               body.get("handle")) in gone:
            continue
        if plan["table"] != "keep" and (
                (kind == "table" and (body.get("family"), body.get("name")) == (FAMILY, TABLE))
                or (body.get("family"), body.get("table")) == (FAMILY, TABLE)):
            continue
        kept.append(obj)
    if plan["table"] != "keep" and not _is_empty(plan["table"]):
        kept.extend(nm.table_json(FAMILY, TABLE, plan["table"], CHAIN_ORDER))
    return kept


def _apply_json(objects, adds):
    objects = list(objects)
    handle = max([list(o.values())[0].get("handle") or 0 for o in objects] + [0])
    for cmd in adds:
        verb, body = list(cmd.items())[0]
        rule = dict(body["rule"])
        index = rule.pop("index", None)
        handle += 1
        rule["handle"] = handle
        key = (rule["family"], rule["table"], rule["chain"])
        positions = [i for i, o in enumerate(objects) if "rule" in o and (
            o["rule"]["family"], o["rule"]["table"], o["rule"]["chain"]) == key]
        if index is None or not positions:
            at = (positions[-1] + 1) if positions else len(objects)
        elif verb == "insert":
            at = positions[min(index, len(positions) - 1)]
        else:
            at = positions[min(index, len(positions) - 1)] + 1
        objects.insert(at, {"rule": rule})
    return objects


def emit_running(objects, sysctl, files, include, context=None):
    """Text in the GATHER format (used by simulate and by tests)."""
    out = [MARK + "nft", json.dumps({"nftables": objects}), MARK + "sysctl"]
    out += ["udp_timeout=%s" % ("" if sysctl.get("udp") is None else sysctl["udp"]),
            "udp_timeout_stream=%s" % ("" if sysctl.get("udp_stream") is None
                                       else sysctl["udp_stream"])]
    for path in (NFT_FILE, SYSCTL_FILE):
        if files.get(path) is None:
            out.append(MARK + "absent:" + path)
        else:
            out += [MARK + "file:" + path, files[path]]
    out += [MARK + "include", include]
    for name in CONTEXT_SECTIONS:
        if (context or {}).get(name) is not None:
            out += [MARK + name, context[name]]
    out.append(MARK + "end")
    return "\n".join(out) + "\n"
