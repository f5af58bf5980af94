# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Arista EOS: stateless IPv4 ACLs with sequence numbers, phone VLAN on trunk-phone ports,
QoS class-maps / ``policy-map type quality-of-service`` with ``set dscp``.

The allowlist is two plain ``ip access-list`` (no object-groups, so that arista.eos
``eos_acls`` and every EOS release read them): ``<P>-INSIDE-G<n>`` on the inside
interfaces' ingress (voice LAN -> provider, and the replies of inbound flows) and
``<P>-OUTSIDE-G<n>`` on the outside interfaces' ingress. EOS ACLs are stateless, so each
flow is written in both directions. An ACL bound to an interface is never edited in
place: a change builds generation n+1, moves ``ip access-group`` on every interface, then
removes generation n (capirca #334, arista.eos #497/#512).

Everything else (VLANs, phone ports, QoS) is remediated with hier_config restricted to the
owned sections and lines. EOS has no SIP ALG and no NAT session timers on a switch: those
two features report "not applicable" with the reason.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError, unreadable
from ansible_collections.voipready.network.plugins.module_utils.netutil import address_key, port_names
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    DSCP_BY_VALUE, DSCP_NAMES, FEATURES)
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import (
    INTERFACE_FIELDS, PlatformDriver, read_once)

DEFAULT_PREFIX = "VOIPREADY"
INDENT = "   "
SEQ_STEP = 10

# Port names EOS prints in ACL entries instead of numbers ("eq finger www").
PORT_NAMES = port_names(
    "ftp-data", "ftp", "ssh", "telnet", "smtp", "domain", "finger", "www", "http", "ntp",
    "snmp", "bgp", "https", "syslog", "sip")

# Interface lines that hold one value: a new value replaces the old one (hier_config
# idempotent rules, so neither remediation nor future() keeps both).
SINGLE_VALUED_INTERFACE_LINES = (
    r"^ip access-group \S+ in$", r"^ip access-group \S+ out$", r"^switchport mode ",
    r"^switchport trunk native vlan ", r"^switchport phone vlan ", r"^switchport phone trunk ",
    r"^service-policy type qos input ", r"^encapsulation dot1q vlan ", r"^ip address ",
)

# -- templates: the owned configuration, one entry per statement ---------------------------
TEMPLATES = {
    "acl": "ip access-list {name}",
    "remark": "{seq} remark voipready {tag}",
    "alias": "{seq} remark voipready {tag} same-as {alias}",
    "ace": "{seq} {action} {proto} {src}{sport} {dst}{dport}",
    "bind": "ip access-group {name} in",
    "vlan": "vlan {id}",
    "vlan_name": "name {name}",
    "phone": ("switchport trunk native vlan {data}", "switchport phone vlan {voice}",
              "switchport phone trunk tagged", "switchport mode trunk phone"),
    "trust": "qos trust dscp",
    "class_map": "class-map type qos match-any {prefix}-{cls}",
    "class_match": "match ip access-group {prefix}-QOS-{cls}",
    "policy_map": "policy-map type quality-of-service {prefix}-QOS",
    "policy_class": "class {prefix}-{cls}",
    "set_dscp": "set dscp {dscp}",
    "service_policy": "service-policy type qos input {prefix}-QOS",
}

ACE_RE = re.compile(r"^(\d+) (permit|deny) (\S+) (.*)$")
REMARK_RE = re.compile(r"^(\d+) remark voipready (\S+)(?: same-as (\S+))?$")


def _prefix(intent):
    """The owned-name prefix: allowlist.name, VOIPREADY when there is no allowlist."""
    return (intent.get("allowlist") or {}).get("name") or DEFAULT_PREFIX


def _addr(network):
    """Intent network -> EOS ACL address: ``host a.b.c.d`` or ``a.b.c.d/len``."""
    if network == "any":
        return "any"
    net = ipaddress.ip_network(network)
    return "host %s" % net.network_address if net.prefixlen == net.max_prefixlen else str(net)


def _port(low, high):
    return " eq %d" % low if low == high else " range %d %d" % (low, high)


def _dscp_word(value):
    return DSCP_BY_VALUE.get(value, str(value))


def _port_number(token):
    if token in PORT_NAMES:
        return PORT_NAMES[token]
    if not token.isdigit() or not 0 < int(token) < 65536:
        unreadable("eos", "port", token)
    return int(token)


# -- ACL entries: text <-> canonical tuple ------------------------------------------------
def _read_address(tokens, entry):
    """Consume one address (any | host A | A/len | A WILDCARD) -> canonical network."""
    if not tokens:
        unreadable("eos", "ACL entry (address missing)", entry)
    tok = tokens.pop(0)
    try:
        if tok == "any":
            return "any"
        if tok == "host":
            return str(ipaddress.ip_address(tokens.pop(0)))
        if "/" in tok:
            net = ipaddress.ip_network(tok, strict=False)
        else:
            wildcard = ipaddress.ip_address(tokens.pop(0))
            net = ipaddress.ip_network("%s/%s" % (tok, wildcard), strict=False)
    except (ValueError, IndexError):
        unreadable("eos", "ACL address", entry)
    return str(net.network_address) if net.prefixlen == net.max_prefixlen else str(net)


def _read_ports(tokens, entry):
    """Consume ``eq P..`` / ``range A B`` -> (low, high) or None."""
    if not tokens or tokens[0] not in ("eq", "range", "gt", "lt", "neq"):
        return None
    op = tokens.pop(0)
    if op == "range":
        if len(tokens) < 2:
            unreadable("eos", "ACL port range", entry)
        low, high = _port_number(tokens.pop(0)), _port_number(tokens.pop(0))
        if low > high:
            unreadable("eos", "ACL port range", entry)
        return low, high
    if op != "eq" or not tokens:
        unreadable("eos", "ACL port operator", entry)
    port = _port_number(tokens.pop(0))
    if tokens and (tokens[0] in PORT_NAMES or tokens[0].isdigit()):
        unreadable("eos", "ACL entry with several ports (not written by voipready)", entry)
    return port, port


def parse_ace(text):
    """'20 permit udp host 1.2.3.4 eq sip any' -> (seq, action, proto, src, sport, dst, dport)."""
    m = ACE_RE.match(text)
    if not m:
        unreadable("eos", "ACL entry", text)
    tokens = m.group(4).split()
    src = _read_address(tokens, text)
    sport = _read_ports(tokens, text)
    dst = _read_address(tokens, text)
    dport = _read_ports(tokens, text)
    if tokens:
        unreadable("eos", "ACL entry (trailing words)", text)
    if m.group(3) not in ("ip", "tcp", "udp"):
        unreadable("eos", "ACL protocol", text)
    return int(m.group(1)), m.group(2), m.group(3), src, sport, dst, dport


def render_ace(seq, action, proto, src, sport, dst, dport):
    """The canonical EOS text of an entry tuple."""
    return TEMPLATES["ace"].format(
        seq=seq, action=action, proto=proto, src=_addr(src),
        sport=_port(*sport) if sport else "", dst=_addr(dst), dport=_port(*dport) if dport else "")


def _hier_driver():
    """hier_config's EOS driver plus idempotent rules for single-valued interface lines."""
    from hier_config.models import IdempotentCommandsRule, MatchRule
    from hier_config.platforms.arista_eos.driver import HConfigDriverAristaEOS
    driver = HConfigDriverAristaEOS()
    for pattern in SINGLE_VALUED_INTERFACE_LINES:
        driver.rules.idempotent_commands.append(IdempotentCommandsRule(match_rules=(
            MatchRule(startswith="interface"), MatchRule(re_search=pattern))))
    return driver


def tree(text):
    """Configuration text -> hier_config tree (EOS driver)."""
    from hier_config import get_hconfig
    if not isinstance(text, str):
        unreadable("eos", "running configuration (not text)", type(text).__name__)
    try:
        return get_hconfig(_hier_driver(), text)
    except Exception as exc:  # hier_config raises plain errors on bad indentation
        raise VoipReadyError("eos: could not read the configuration: %s" % exc,
                             field="running", value=str(exc)[:80])


def sections(text):
    """{top-level line: [child lines (nested ones indented)]} in order."""
    out = {}
    for child in read_once(tree, text).children:
        out[child.text] = [("   " * (c.depth() - 2)) + c.text for c in child.all_children_sorted()]
    return out


class Driver(PlatformDriver):
    """Arista EOS switch (and routed ports)."""

    platform = "eos"
    netmiko_device_type = "arista_eos"
    napalm_driver = "eos"
    privileged_exec = True
    interface_fields = INTERFACE_FIELDS
    gather_commands = ("show running-config",)
    needs_commit = True
    comment = "!"
    binds_inside = True
    qos_binding = "ingress"      # service-policy type qos input
    wildcard_why = (
        "EOS ACLs match addresses only")
    unsupported = {
        "sip_alg": ("Arista EOS has no SIP ALG or SIP helper: it never rewrites SIP, so "
                    "there is nothing to switch off"),
        "timeouts": ("Arista EOS switches keep no UDP/NAT session state for transit voice "
                     "traffic; NAT translation timers exist only on NAT-capable models and "
                     "are not managed here"),
    }

    # -- render ---------------------------------------------------------------------------
    def render(self, intent):
        """The owned configuration as EOS prints it (``show running-config`` style)."""
        prefix = _prefix(intent)
        out = ["! voipready.network: Arista EOS configuration (%s)" % prefix]
        for feature in FEATURES:
            if feature not in intent:
                continue
            out.append("! %s" % feature)
            if self.not_applicable(feature, intent):
                out.append("! not applicable: %s" % self.not_applicable(feature, intent))
                continue
            notes, blocks = getattr(self, "_blocks_" + feature)(intent, prefix, {})
            out.extend("! " + note for note in notes)
            for head, children in blocks:
                out.append(head)
                out.extend(INDENT + child for child in children)
        return "\n".join(out) + "\n"

    def _pushed_rules(self, cfg):
        """(notes, rules with addresses): EOS ACLs match addresses only, never names."""
        notes, rules = [], []
        for choice in plan.choose_rules(cfg, names=self.fqdn_objects):
            if choice.skipped == plan.SKIP_NAMES:
                notes.append("skipped %s: FQDN-only; EOS ACLs cannot match names (use "
                             "fqdn_mode=resolve to push resolved addresses)" % choice.rule["id"])
            elif choice.skipped:
                notes.append(self.unenforceable_note(choice))
            else:
                rules.append(choice.rule)
        return notes, rules

    def acl_entries(self, cfg):
        """{'INSIDE': [...], 'OUTSIDE': [...]} canonical entry tuples, sequenced by 10."""
        voice = cfg.get("voice_networks") or ["any"]
        inside, outside = [], []

        def add(acl, *entry):
            acl.append(entry)

        owner = {}  # entries already written -> the rule that wrote them (EOS refuses twins)
        for rule in self._pushed_rules(cfg)[1]:
            ports = (rule["port_min"], rule["port_max"])
            mine_in, mine_out = [], []
            for net in voice:
                for peer in rule["addresses"]:
                    if rule["direction"] in ("outbound", "both"):
                        mine_in.append(("permit", rule["proto"], net, None, peer, ports))
                        mine_out.append(("permit", rule["proto"], peer, ports, net, None))
                    if rule["direction"] in ("inbound", "both"):
                        mine_out.append(("permit", rule["proto"], peer, None, net, ports))
                        mine_in.append(("permit", rule["proto"], net, ports, peer, None))
            twins = set(owner.get(e) for e in mine_in + mine_out)
            if len(twins) == 1 and None not in twins:
                # the same flows as an earlier rule: a remark names it, no twin entries
                add(inside, "remark", rule["id"], twins.pop())
                add(outside, "remark", rule["id"], owner[mine_out[0]])
                continue
            add(inside, "remark", rule["id"])
            add(outside, "remark", rule["id"])
            for acl, mine in ((inside, mine_in), (outside, mine_out)):
                for entry in mine:
                    if entry not in owner:
                        owner[entry] = rule["id"]
                        acl.append(entry)
        essentials = cfg.get("essentials") or {}
        for kind, flows in plan.essential_services():
            if not essentials.get(kind):
                continue
            add(inside, "remark", "essentials-" + kind)
            add(outside, "remark", "essentials-" + kind)
            for proto, port in flows:
                for net in voice:
                    for server in essentials[kind]:
                        add(inside, "permit", proto, net, None, server, (port, port))
                        add(outside, "permit", proto, server, (port, port), net, None)
        if cfg.get("enforce") and cfg.get("voice_networks"):
            add(inside, "remark", "enforce")
            add(outside, "remark", "enforce")
            for net in cfg["voice_networks"]:
                add(inside, "deny", "ip", net, None, "any", None)
                add(outside, "deny", "ip", "any", None, net, None)
        for acl in (inside, outside):
            add(acl, "permit", "ip", "any", None, "any", None)
        return {"INSIDE": _sequence(inside), "OUTSIDE": _sequence(outside)}

    def _blocks_allowlist(self, intent, prefix, gens):
        """Two ACLs and their ``ip access-group ... in`` bindings."""
        cfg = intent["allowlist"]
        notes = self._pushed_rules(cfg)[0]
        blocks = []
        if _empty(cfg):
            return notes, blocks
        entries = self.acl_entries(cfg)
        for side in ("INSIDE", "OUTSIDE"):
            name = "%s-%s-G%d" % (prefix, side, gens.get(side, 1))
            blocks.append((TEMPLATES["acl"].format(name=name),
                           [render_entry(e) for e in entries[side]]))
        for side, key in (("INSIDE", "inside_interfaces"), ("OUTSIDE", "outside_interfaces")):
            name = "%s-%s-G%d" % (prefix, side, gens.get(side, 1))
            for iface in cfg.get(key) or []:
                blocks.append(("interface " + iface, [TEMPLATES["bind"].format(name=name)]))
        return notes, blocks

    def _blocks_voice_vlan(self, intent, prefix, _gens):
        """VLANs, phone ports in ``trunk phone`` mode, routed sub-interfaces."""
        cfg = intent["voice_vlan"]
        voice, data = cfg["voice_vlan"], cfg["data_vlan"]
        blocks = []
        if cfg.get("phone_ports") or cfg.get("uplink_ports"):
            for vlan in sorted((data, voice), key=lambda v: v["id"]):
                blocks.append((TEMPLATES["vlan"].format(id=vlan["id"]),
                               [TEMPLATES["vlan_name"].format(name=vlan["name"])]))
        for port in cfg.get("phone_ports") or []:
            lines = [t.format(data=data["id"], voice=voice["id"]) for t in TEMPLATES["phone"]]
            if cfg.get("trust_dscp", True):
                lines.append(TEMPLATES["trust"])
            blocks.append(("interface " + port, lines))
        for sub in cfg.get("subinterfaces") or []:
            lines = ["encapsulation dot1q vlan %d" % sub["vlan"]]
            if sub.get("address"):
                lines.append("ip address " + sub["address"])
            blocks.append(("interface %s.%d" % (sub["parent"], sub["vlan"]), lines))
        notes = (["uplinks %s: trunks without an allowed-VLAN list carry VLAN %d already; "
                  "restricted lists get 'switchport trunk allowed vlan add %d'"
                  % (", ".join(cfg["uplink_ports"]), voice["id"], voice["id"])]
                 if cfg.get("uplink_ports") else [])
        return notes, blocks

    def _blocks_qos(self, intent, prefix, _gens):
        """Match ACL + class-map per class, one policy-map, bound input with DSCP trust."""
        cfg = intent["qos"]
        blocks, policy = [], []
        for cls in cfg.get("classes") or []:
            entries = []
            for match in cls["matches"]:
                ports = (match["port_min"], match["port_max"])
                for peer in match["addresses"] or ["any"]:
                    entries.append(("permit", match["proto"], "any", None, peer, ports))
                    entries.append(("permit", match["proto"], peer, ports, "any", None))
            blocks.append((TEMPLATES["acl"].format(name="%s-QOS-%s" % (prefix, cls["name"])),
                           [render_entry(e) for e in _sequence(entries)]))
            blocks.append((TEMPLATES["class_map"].format(prefix=prefix, cls=cls["name"]),
                           [TEMPLATES["class_match"].format(prefix=prefix, cls=cls["name"])]))
            policy += [TEMPLATES["policy_class"].format(prefix=prefix, cls=cls["name"]),
                       INDENT + TEMPLATES["set_dscp"].format(dscp=_dscp_word(cls["dscp"]))]
        if policy:
            blocks.append((TEMPLATES["policy_map"].format(prefix=prefix), policy))
        for iface in cfg.get("interfaces") or []:
            lines = [TEMPLATES["trust"]] if cfg.get("trust", True) else []
            if policy:
                lines.append(TEMPLATES["service_policy"].format(prefix=prefix))
            if lines:
                blocks.append(("interface " + iface, lines))
        return [], blocks

    # -- parse ----------------------------------------------------------------------------
    def parse(self, running, name=DEFAULT_PREFIX):
        """``show running-config`` -> {feature: state} for the owned configuration."""
        full = self._read(running, name)
        return dict((f, dict((k, v) for k, v in state.items() if not k.startswith("_")))
                    for f, state in full.items())

    def _read(self, running, prefix):
        """parse() plus the ACL generations and bindings remediate needs."""
        secs = sections(running)
        acls = {}
        for head, children in secs.items():
            m = re.match(r"^ip access-list (%s-(?:INSIDE|OUTSIDE|QOS)-\S+)$" % re.escape(prefix),
                         head)
            if m:
                acls[m.group(1)] = [_read_entry(c) for c in children]
        return {"allowlist": self._parse_allowlist(secs, acls, prefix),
                "voice_vlan": self._parse_voice_vlan(secs),
                "qos": self._parse_qos(secs, acls, prefix)}

    def _parse_allowlist(self, secs, acls, prefix):
        """Rules back from the newest INSIDE/OUTSIDE generation, grouped by remark."""
        gens, bound = {}, {"INSIDE": [], "OUTSIDE": []}
        for name in acls:
            m = re.match(r"^%s-(INSIDE|OUTSIDE)-G(\d+)$" % re.escape(prefix), name)
            if m:
                gens.setdefault(m.group(1), []).append(int(m.group(2)))
        for head, children in secs.items():
            for child in children:
                m = re.match(r"^ip access-group %s-(INSIDE|OUTSIDE)-G\d+ in$" % re.escape(prefix),
                             child)
                if m and head.startswith("interface "):
                    bound[m.group(1)].append(head.split(" ", 1)[1])
        current = dict((side, max(g)) for side, g in gens.items())
        rules, voice, essentials, enforce = {}, set(), {"dns": set(), "ntp": set()}, False
        aliases = {}
        for side in ("INSIDE", "OUTSIDE"):
            tag = None
            for entry in acls.get("%s-%s-G%d" % (prefix, side, current.get(side, 0)), []):
                if entry[1] == "remark":
                    tag = entry[2]
                    if entry[3]:
                        aliases[tag] = entry[3]
                    continue
                _seq, action, proto, src, sport, dst, dport = entry
                local, peer = (src, dst) if side == "INSIDE" else (dst, src)
                if tag == "enforce" and action == "deny":
                    enforce = True
                    voice.add(local)
                elif tag and tag.startswith("essentials-") and action == "permit" \
                        and proto in ("tcp", "udp"):
                    if side == "INSIDE":
                        essentials[tag.split("-", 1)[1]].add(peer)
                        voice.add(local)
                elif tag and action == "permit" and proto in ("tcp", "udp"):
                    forward = dport or sport
                    if forward is None:
                        unreadable("eos", "allowlist entry without a port", render_entry(entry))
                    rule = rules.setdefault(tag, {
                        "id": tag, "service": None, "proto": proto, "addresses": set(),
                        "fqdns": [], "direction": set(), "enforceable": True,
                        "port_min": forward[0], "port_max": forward[1]})
                    rule["addresses"].add(peer)
                    voice.add(local)
                    if side == "INSIDE" and dport:
                        rule["direction"].add("outbound")
                    if side == "OUTSIDE" and dport:
                        rule["direction"].add("inbound")
        for tag, twin in aliases.items():
            if twin in rules:
                rules[tag] = dict(rules[twin], id=tag, addresses=set(rules[twin]["addresses"]),
                                  direction=set(rules[twin]["direction"]))
        out_rules = []
        for tag in sorted(rules):
            rule = rules[tag]
            rule["addresses"] = sorted(rule["addresses"], key=address_key)
            rule["direction"] = ("both" if len(rule["direction"]) == 2
                                 else (rule["direction"] or {"outbound"}).pop())
            out_rules.append(rule)
        return {"name": prefix, "rules": out_rules,
                "voice_networks": sorted((v for v in voice if v != "any"), key=address_key),
                "essentials": dict((k, sorted(v, key=address_key)) for k, v in essentials.items()),
                "enforce": enforce, "inside_interfaces": sorted(bound["INSIDE"]),
                "outside_interfaces": sorted(bound["OUTSIDE"]), "_generations": gens}

    def _parse_voice_vlan(self, secs):
        """Phone ports from ``switchport phone vlan``; VLAN names from the vlan sections."""
        names, phones, native, trust, voice_id, subs = {}, [], {}, set(), None, []
        for head, children in secs.items():
            m = re.match(r"^vlan (\d+)$", head)
            if m:
                for child in children:
                    if child.startswith("name "):
                        names[int(m.group(1))] = child[5:]
            if not head.startswith("interface "):
                continue
            iface = head.split(" ", 1)[1]
            for child in children:
                m = re.match(r"^switchport phone vlan (\d+)$", child)
                if m:
                    phones.append(iface)
                    voice_id = voice_id or int(m.group(1))
                m = re.match(r"^switchport trunk native vlan (\d+)$", child)
                if m:
                    native[iface] = int(m.group(1))
                if child == TEMPLATES["trust"]:
                    trust.add(iface)
                m = re.match(r"^encapsulation dot1q vlan (\d+)$", child)
                if m and "." in iface:
                    address = [c[11:] for c in children if c.startswith("ip address ")]
                    subs.append({"parent": iface.rsplit(".", 1)[0], "vlan": int(m.group(1)),
                                 "address": address[0] if address else None})
        out = {"phone_ports": sorted(phones), "uplink_ports": [],
               "trust_dscp": bool(phones) and all(p in trust for p in phones),
               "subinterfaces": subs}
        if voice_id:
            out["voice_vlan"] = {"id": voice_id, "name": names.get(voice_id, "VOICE")}
        data_id = next((native[p] for p in sorted(phones) if p in native), None)
        if data_id:
            out["data_vlan"] = {"id": data_id, "name": names.get(data_id, "DATA")}
        return out

    def _parse_qos(self, secs, acls, prefix):
        """Classes from the policy-map, their matches from the class ACLs."""
        policy = secs.get(TEMPLATES["policy_map"].format(prefix=prefix), [])
        classes, current = [], None
        for line in policy:
            m = re.match(r"^class %s-(\S+)$" % re.escape(prefix), line)
            if m:
                current = m.group(1)
            m = re.match(r"^\s+set dscp (\S+)$", line)
            if m and current:
                value = m.group(1)
                dscp = DSCP_NAMES.get(value, int(value) if value.isdigit() else None)
                if dscp is None or not 0 <= dscp <= 63:
                    unreadable("eos", "set dscp", value)
                matches = {}
                for entry in acls.get("%s-QOS-%s" % (prefix, current), []):
                    if entry[1] == "permit" and entry[6]:
                        key = (entry[2], entry[6][0], entry[6][1])
                        matches.setdefault(key, set())
                        if entry[5] != "any":
                            matches[key].add(entry[5])
                classes.append({"name": current, "dscp": dscp, "matches": [
                    {"proto": k[0], "port_min": k[1], "port_max": k[2],
                     "addresses": sorted(v, key=address_key)} for k, v in sorted(matches.items())]})
        service = TEMPLATES["service_policy"].format(prefix=prefix)
        interfaces = sorted(h.split(" ", 1)[1] for h, c in secs.items()
                            if h.startswith("interface ") and service in c)
        trusted = [i for i in interfaces if TEMPLATES["trust"] in secs["interface " + i]]
        return {"classes": sorted(classes, key=lambda c: (-c["dscp"], c["name"])),
                "interfaces": interfaces, "trust": bool(interfaces) and trusted == interfaces}

    # -- remediate ------------------------------------------------------------------------
    def remediate(self, running, intent, state="merged"):
        """ACL generation swap for the allowlist, hier_config for the rest, in safe order."""
        prefix = _prefix(intent)
        secs = sections(running)
        parsed = self._read(running, prefix)
        scope = [f for f in FEATURES if f in intent and not self.not_applicable(f, intent)]
        subs = (intent.get("voice_vlan") or {}).get("subinterfaces") or []
        self.check_interfaces(
            dict((f, intent[f]) for f in scope),
            (h.split(" ", 1)[1] for h in secs if h.startswith("interface ")), created=("%s.%d" % (sub["parent"], sub["vlan"]) for sub in subs),
            source="its running configuration, 'interface ...' lines")
        commands = []
        if "allowlist" in scope:
            commands += self._remediate_allowlist(secs, parsed, intent, prefix, state)
        owned, target = [], []
        for feature in ("voice_vlan", "qos"):
            if feature not in scope:
                continue
            owned += self._owned_blocks(feature, secs, intent, prefix, parsed, state)
            if state != "deleted":
                blocks = getattr(self, "_blocks_" + feature)(intent, prefix, {})[1]
                target += [b for b in blocks if self._owned_head(feature, b[0], intent, prefix)]
                commands += self._required(feature, secs, intent, blocks, prefix)
        commands += self._hier_remediation(owned, target)
        return commands

    def _remediate_allowlist(self, secs, parsed, intent, prefix, state):
        """Create generation n+1, move every binding, remove generation n."""
        cfg = intent["allowlist"]
        have = parsed["allowlist"]
        gens = have["_generations"]
        create, rebind, remove = [], [], []
        wanted = {} if state == "deleted" or _empty(cfg) else self.acl_entries(cfg)
        for side, key in (("INSIDE", "inside_interfaces"), ("OUTSIDE", "outside_interfaces")):
            old = max(gens.get(side, [0]))
            old_name = "%s-%s-G%d" % (prefix, side, old)
            name = old_name
            if side in wanted:
                current = [render_entry(e) for e in _acl_entries(secs, old_name)]
                if current != [render_entry(e) for e in wanted[side]]:
                    name = "%s-%s-G%d" % (prefix, side, old + 1)
                    create += [TEMPLATES["acl"].format(name=name)] + [
                        INDENT + render_entry(e) for e in wanted[side]]
            ifaces = [] if state == "deleted" else list(cfg.get(key) or [])
            for iface in ifaces:
                self._guard_binding(secs, iface, prefix)
                if TEMPLATES["bind"].format(name=name) not in secs.get("interface " + iface, []):
                    rebind += ["interface " + iface, INDENT + TEMPLATES["bind"].format(name=name)]
            for iface in have[key]:
                if iface not in ifaces and (state != "merged" or side not in wanted):
                    rebind += ["interface " + iface, INDENT + "no ip access-group %s in" % (
                        _bound_acl(secs, iface, prefix))]
            keep = name if side in wanted else None
            remove += ["no " + TEMPLATES["acl"].format(name="%s-%s-G%d" % (prefix, side, g))
                       for g in sorted(gens.get(side, [])) if "%s-%s-G%d" % (prefix, side, g) != keep]
        return create + rebind + remove

    @staticmethod
    def _guard_binding(secs, iface, prefix):
        """Never replace an ACL someone else bound: EOS takes one per direction."""
        for line in secs.get("interface " + iface, []):
            m = re.match(r"^ip access-group (\S+) in$", line)
            if m and not m.group(1).startswith(prefix + "-"):
                raise VoipReadyError(
                    "eos: interface %s already filters inbound traffic with ACL %s that "
                    "voipready does not own; merge the allowlist into it by hand or choose "
                    "another interface" % (iface, m.group(1)),
                    field="allowlist.inside_interfaces", value=iface)

    def _owned_head(self, feature, head, intent, prefix):
        """True for a whole section this collection owns (interfaces are owned line by line)."""
        if feature == "qos":
            return head.startswith(("ip access-list %s-QOS-" % prefix,
                                    "class-map type qos match-any %s-" % prefix,
                                    TEMPLATES["policy_map"].format(prefix=prefix), "interface "))
        voice = intent["voice_vlan"]["voice_vlan"]["id"]
        return head == "vlan %d" % voice or head.startswith("interface ")

    def _owned_lines(self, feature, head, intent, parsed, state):
        """Interface lines owned by ``feature`` on interface ``head``."""
        iface = head.split(" ", 1)[1]
        if feature == "qos":
            names = set(intent["qos"].get("interfaces") or []) | set(parsed["qos"]["interfaces"])
            return ((TEMPLATES["trust"], TEMPLATES["service_policy"].format(
                prefix=_prefix(intent))) if iface in names else ())
        cfg = intent["voice_vlan"]
        phones = set(cfg.get("phone_ports") or [])
        if state != "merged":
            phones |= set(parsed["voice_vlan"]["phone_ports"])
        subs = set("%s.%d" % (s["parent"], s["vlan"]) for s in cfg.get("subinterfaces") or [])
        if iface in subs:
            return ("encapsulation dot1q vlan ", "ip address ")
        return (("switchport trunk native vlan ", "switchport phone ", "switchport mode trunk phone",
                 TEMPLATES["trust"]) if iface in phones else ())

    def _owned_blocks(self, feature, secs, intent, prefix, parsed, state):
        blocks = []
        for head, children in secs.items():
            if not self._owned_head(feature, head, intent, prefix):
                continue
            if head.startswith("interface "):
                owned = self._owned_lines(feature, head, intent, parsed, state)
                children = [c for c in children if owned and c.startswith(owned)]
            if children or not head.startswith("interface "):
                blocks.append((head, children))
        return blocks

    def _required(self, feature, secs, intent, blocks, prefix):
        """Configuration the feature needs but does not own (data VLAN): added, never removed."""
        out = []
        for head, children in blocks:
            if self._owned_head(feature, head, intent, prefix) or head in secs:
                continue
            out += [head] + [INDENT + c for c in children]
        return out

    def _hier_remediation(self, owned, target):
        """hier_config remediation of the owned sections; section removals last."""
        from hier_config import WorkflowRemediation
        heads = set(head for head, _children in target)
        target = target + [(head, []) for head, _children in owned
                           if head.startswith("interface ") and head not in heads]
        have = tree(_text(_merge_blocks(owned)))
        want = tree(_text(_merge_blocks(target)))
        remediation = WorkflowRemediation(have, want).remediation_config
        changes, removals = [], []
        for child in remediation.children:
            if child.text.startswith("no "):
                removals.append(child.text)
                continue
            changes.append(child.text)
            for sub in child.all_children_sorted():
                text = re.sub(r"^no (\d+) .*$", r"no \1", sub.text)
                changes.append(INDENT * (sub.depth() - 1) + text)
        order = ("no policy-map", "no class-map", "no ip access-list", "no vlan")
        removals.sort(key=lambda c: (next((i for i, p in enumerate(order) if c.startswith(p)),
                                          len(order)), c))
        return changes + removals

    # -- simulate -------------------------------------------------------------------------
    def simulate(self, running, commands):
        """The running text after ``commands`` (hier_config future with EOS rules)."""
        config = read_once(tree, running)  # future() builds new trees, this one stays as read
        blocks, current = [], None
        for cmd in commands:
            if not cmd.startswith(" "):
                current = cmd
                blocks.append([cmd])
                continue
            m = re.match(r"^\s+no (\d+)$", cmd)
            if m and current.startswith("ip access-list "):
                acl = config.get_child(equals=current)
                entry = acl and acl.get_child(startswith=m.group(1) + " ")
                if entry is None:
                    raise VoipReadyError("eos: cannot simulate %r in %s" % (cmd, current),
                                         field="commands", value=cmd)
                cmd = INDENT + "no " + entry.text
            blocks[-1].append(cmd)
        for block in blocks:  # one block at a time: a section may be entered twice
            config = config.future(tree("\n".join(block)))
        return "\n".join(INDENT * (c.depth() - 1) + c.text
                         for c in config.all_children_sorted()) + "\n"

    def view(self, running, intent):
        """The owned part of ``running``, rendered from what parse() read back."""
        parsed = self.parse(running, name=_prefix(intent))
        shown = {}
        for feature in intent:
            if feature == "voice_vlan":
                shown[feature] = dict(intent[feature], **parsed[feature])
            elif feature in parsed:
                shown[feature] = dict(parsed[feature], name=_prefix(intent)) \
                    if feature == "allowlist" else parsed[feature]
        return self.render(shown)

    def rollback(self, before_running, after_running):
        """Commands from ``after`` back to ``before`` (owned parts only)."""
        before = self.parse(before_running)
        before["voice_vlan"] = dict({"voice_vlan": {"id": 110, "name": "VOICE"},
                                     "data_vlan": {"id": 10, "name": "DATA"}}, **before["voice_vlan"])
        return self.remediate(after_running, before, state="replaced")

    # -- transport ------------------------------------------------------------------------
    def push(self, transport, commands, confirm_timeout=None):
        """A named configure session committed with ``commit timer`` (auto-revert)."""
        if getattr(transport, "kind", "") == "napalm":
            transport.load_merge("\n".join(commands))
            return transport.commit(confirm_timeout)
        import hashlib
        self._session = "voipready-" + hashlib.sha256(
            "\n".join(commands).encode()).hexdigest()[:8]
        lines = list(commands)
        if confirm_timeout:
            seconds = int(confirm_timeout)
            hms = (seconds // 3600, seconds % 3600 // 60, seconds % 60)
            lines.append("commit timer %02d:%02d:%02d" % hms)
        else:
            lines.append("commit")
        output = transport.session.send_config_set(
            lines, config_mode_command="configure session " + self._session, cmd_verify=False,
            read_timeout=120)
        if re.search(r"^% ", output, re.M):
            transport.session.send_command("configure session %s abort" % self._session)
            raise VoipReadyError("eos rejected a command: %s" % output.strip()[-300:],
                                 field="commands", value=len(commands))
        return output

    def confirm(self, transport):
        """``configure session NAME commit`` confirms a session committed with a timer."""
        if getattr(transport, "kind", "") == "napalm":
            return transport.confirm()
        session = getattr(self, "_session", None)
        if session:
            return transport.session.send_command("configure session %s commit" % session)
        return None

    def save(self, transport):
        """``write memory`` (NAPALM's commit already copies to startup-config)."""
        if getattr(transport, "kind", "") == "napalm":
            return None
        return transport.send_command("write memory")


# -- helpers --------------------------------------------------------------------------------
def _empty(cfg):
    """An allowlist with nothing to permit, deny or bind is the absence of one."""
    return not (cfg.get("rules") or cfg.get("enforce") or cfg.get("inside_interfaces")
                or cfg.get("outside_interfaces") or any((cfg.get("essentials") or {}).values()))


def _sequence(entries):
    """Number entries 10, 20, ... (remarks included): explicit sequences, stable diffs."""
    return [(SEQ_STEP * (i + 1),) + tuple(e) for i, e in enumerate(entries)]


def render_entry(entry):
    """Canonical text of a numbered remark or ACE tuple."""
    if entry[1] == "remark" and len(entry) > 3 and entry[3]:
        return TEMPLATES["alias"].format(seq=entry[0], tag=entry[2], alias=entry[3])
    if entry[1] == "remark":
        return TEMPLATES["remark"].format(seq=entry[0], tag=entry[2])
    return render_ace(*entry)


def _read_entry(text):
    m = REMARK_RE.match(text)
    if m:
        return int(m.group(1)), "remark", m.group(2), m.group(3)
    if re.match(r"^\d+ remark ", text):
        return int(text.split()[0]), "remark", None, None
    return parse_ace(text)


def _acl_entries(secs, name):
    return [_read_entry(c) for c in secs.get(TEMPLATES["acl"].format(name=name), [])]


def _bound_acl(secs, iface, prefix):
    for line in secs.get("interface " + iface, []):
        m = re.match(r"^ip access-group (%s-\S+) in$" % re.escape(prefix), line)
        if m:
            return m.group(1)
    return None


def _merge_blocks(blocks):
    """Blocks with the same head (an interface used by two features) merged, order kept."""
    merged = {}
    for head, children in blocks:
        merged.setdefault(head, [])
        merged[head] += [c for c in children if c not in merged[head]]
    return list(merged.items())


def _text(blocks):
    return "\n".join("\n".join([head] + [INDENT + c for c in children]) for head, children in blocks)
