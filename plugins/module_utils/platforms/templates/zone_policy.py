# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the two zone/interface firewalls share: the allowlist as named address objects,
address groups, services and ordered policies (FortiOS ``config firewall policy``, PAN-OS
``rulebase security rules``), each policy's comment carrying the rule it came from.

fortios.py and panos.py write this plan in their own syntax; :func:`plan_to_allowlist`
reads it back from either platform's parsed objects.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.netutil import address_key
from ansible_collections.voipready.network.plugins.module_utils.plan import (
    SKIP_NO_DESTINATION, SKIP_WILDCARDS, bounded_name, choose_rules, essential_services)

#: the prefix of every object, group, service and policy the collection owns
MARK = "voipready"


def short_name(name, limit):
    """``name`` when it fits in ``limit`` characters, else a stable truncation + hash."""
    return bounded_name(name, limit, 6)


def address_object(prefix, kind, value):
    """Stable object name for one address: H(ost), N(etwork) or F(QDN)."""
    if kind == "fqdn" and value.startswith("*."):
        return "%s-W-%s" % (prefix, value[2:])      # a wildcard FQDN address (*.domain)
    if kind == "fqdn":
        return "%s-F-%s" % (prefix, value)
    net = ipaddress.ip_network(value)
    if net.prefixlen == net.max_prefixlen:
        return "%s-H-%s" % (prefix, net.network_address)
    return "%s-N-%s_%d" % (prefix, net.network_address, net.prefixlen)


def rule_destinations(choice, fqdn_mode, wildcard_why=None):
    """(kind, value) pairs a rule pushes (a plan.RuleChoice's destinations), and a note
    when it pushes nothing or not all. Where the platform has wildcard FQDN address
    objects (FortiOS 6.2.2+) a rule's ``*.domain`` names are pushed like its exact names;
    else they are skipped and a wildcard-only rule is not pushed at all."""
    rule = choice.rule
    if choice.skipped in (SKIP_WILDCARDS, SKIP_NO_DESTINATION):
        return [], ("rule %s: not enforceable (no address and no exact FQDN, only %s); not "
                    "pushed%s" % (rule["id"], "wildcards" if rule["fqdns"] else "a port",
                                  ": " + wildcard_why if wildcard_why and choice.left_wildcards
                                  else ""))
    if choice.skipped:
        return [], "rule %s: FQDN-only and fqdn_mode=%s; not pushed" % (rule["id"], fqdn_mode)
    dests = choice.destinations
    if choice.wildcards:
        return dests, ("rule %s: wildcard domains %s as wildcard FQDN addresses (FortiOS "
                       "6.2.2+): the FortiGate learns their addresses from the DNS answers it "
                       "forwards, so the phones must resolve through DNS that crosses this "
                       "FortiGate" % (rule["id"], ", ".join(choice.wildcards)))
    if choice.left_wildcards and choice.names:
        return dests, "rule %s: %d wildcard FQDNs (%s...) have no FQDN object; skipped" % (
            rule["id"], len(choice.left_wildcards), choice.left_wildcards[0])
    return dests, None


def service_name(prefix, proto, low, high):
    """One service object per protocol and port range, shared by every rule using it."""
    ports = str(low) if low == high else "%d-%d" % (low, high)
    return "%s-%s-%s" % (prefix, proto.upper(), ports)


def firewall_plan(allowlist, name_limit=63, object_limit=63, wildcards=False, wildcard_why=None):
    """The allowlist as objects and ordered policies, independent of vendor syntax."""
    p = allowlist["name"]
    plan = {"prefix": p, "addresses": {}, "groups": {}, "services": {}, "policies": [],
            "notes": []}

    def group(gname, items):
        members = []
        for kind, value in items:
            obj = short_name(address_object(p, kind, value), object_limit)
            plan["addresses"][obj] = (kind, value)
            members.append(obj)
        plan["groups"][gname] = sorted(set(members))
        return gname

    voice = group("%s-G-VOICE" % p, [("net", n) for n in allowlist["voice_networks"]]) \
        if allowlist["voice_networks"] else None

    def policy(name, comment, src, dst, services, action="accept", outbound=True):
        plan["policies"].append({"name": short_name(name, name_limit), "comment": comment,
                                 "src": src, "dst": dst, "services": services,
                                 "action": action, "outbound": outbound})

    # FQDN address objects on both platforms (Driver.fqdn_objects, names_beside_addresses
    # of fortios and panos): names join a rule's addresses with fqdn_mode=objects and
    # stand in for them with auto
    for choice in choose_rules(allowlist, names=True, wildcards=wildcards,
                               names_beside_addresses=("objects",)):
        rule = choice.rule
        dests, note = rule_destinations(choice, allowlist["fqdn_mode"], wildcard_why)
        if note:
            plan["notes"].append(note)
        if not dests:
            continue
        if any(ipaddress.ip_network(v).version == 6 for k, v in dests if k == "net") \
                and name_limit < 63:
            plan["notes"].append("rule %s: IPv6 addresses need address6 objects; not pushed"
                                 % rule["id"])
            continue
        gname = group(short_name("%s-G-%s" % (p, rule["id"]), object_limit), dests)
        svc = service_name(p, rule["proto"], rule["port_min"], rule["port_max"])
        plan["services"][svc] = (rule["proto"], rule["port_min"], rule["port_max"])
        for direction in ("outbound", "inbound"):
            if rule["direction"] not in (direction, "both"):
                continue
            suffix = "OUT" if direction == "outbound" else "IN"
            comment = "%s rule=%s service=%s dir=%s" % (MARK, rule["id"], rule["service"],
                                                        direction)
            src, dst = (voice, gname) if direction == "outbound" else (gname, voice)
            policy("%s-%s-%s" % (p, rule["id"], suffix), comment, src, dst, [svc],
                   outbound=direction == "outbound")
    for service, ports in essential_services():
        kind, servers = service.upper(), allowlist["essentials"][service]
        if not servers:
            continue
        gname = group("%s-G-%s" % (p, kind), [("net", s) for s in servers])
        svcs = []
        for proto, port in ports:
            svc = service_name(p, proto, port, port)
            plan["services"][svc] = (proto, port, port)
            svcs.append(svc)
        policy("%s-%s" % (p, kind), "%s essentials=%s" % (MARK, kind.lower()), voice, gname,
               sorted(svcs))
    if allowlist["enforce"]:
        if voice:
            policy("%s-ENFORCE" % p, "%s enforce" % MARK, voice, None, None, action="deny")
        else:
            plan["notes"].append("enforce: no voice_networks given; a deny for all inside "
                                 "traffic is never pushed")
    return plan


def parse_comment(comment):
    """``voipready rule=X dir=Y`` -> dict, or None when the comment is not ours."""
    words = (comment or "").split()
    if not words or words[0] != MARK:
        return None
    out = {}
    for word in words[1:]:
        key, _sep, value = word.partition("=")
        out[key] = value
    return out


def plan_to_allowlist(prefix, policies, groups, addresses, services, zones=None):
    """Owned policies read back -> the allowlist in the intent's structure."""
    def resolve(gname):
        nets, fqdns = [], []
        for member in groups.get(gname, []):
            kind, value = addresses.get(member, (None, None))
            if kind == "net":
                nets.append(value)
            elif kind == "fqdn":
                fqdns.append(value)
        return nets, fqdns

    rules, voice, ess, enforce = {}, [], {"dns": [], "ntp": []}, False
    inside, outside = set(), set()
    for pol in policies:
        info = parse_comment(pol["comment"])
        if info is None:
            continue
        if "rule" in info:
            outbound = info.get("dir") == "outbound"
            far = pol["dst"] if outbound else pol["src"]
            near = pol["src"] if outbound else pol["dst"]
            nets, fqdns = resolve(far)
            voice = voice or resolve(near)[0]
            proto, low, high = services.get((pol["services"] or [None])[0], ("udp", 0, 0))
            rule = rules.setdefault(info["rule"], {
                "id": info["rule"], "provider": None, "region": None, "profile": None,
                "service": info.get("service") or info["rule"], "component": None,
                "proto": proto, "port_min": low, "port_max": high,
                "addresses": sorted(nets, key=address_key), "fqdns": sorted(fqdns),
                "wildcard": False, "enforceable": True, "direction": info.get("dir"),
                "dscp": None, "source": None})
            if rule["direction"] != info.get("dir"):
                rule["direction"] = "both"
            (inside if outbound else outside).update(pol.get("from", []))
            (outside if outbound else inside).update(pol.get("to", []))
        elif "essentials" in info:
            ess[info["essentials"]] = resolve(pol["dst"])[0]
            voice = voice or resolve(pol["src"])[0]
            inside.update(pol.get("from", []))
            outside.update(pol.get("to", []))
        elif "enforce" in info:
            enforce = True
            voice = voice or resolve(pol["src"])[0]
    out = {"name": prefix, "rules": [rules[k] for k in sorted(rules)],
           "voice_networks": sorted(set(voice), key=address_key), "essentials": ess,
           "enforce": enforce, "fqdn_mode": "objects",
           "inside_interfaces": sorted(inside), "outside_interfaces": sorted(outside),
           "inside_zone": "trust", "outside_zone": "untrust"}
    if zones:
        out["inside_zone"], out["outside_zone"] = zones
        out["inside_interfaces"], out["outside_interfaces"] = [], []
    return out


def order_moves(current, desired):
    """(name, "before"|"after", other) moves that put ``desired`` first, in that order.

    "before" only for the first entry (``other`` = whatever is first now): PAN-OS says
    ``top``, FortiOS ``move X before <first id>``."""
    moves, order = [], list(current)
    for index, name in enumerate(desired):
        if order.index(name) == index:
            continue
        other = order[0] if index == 0 else desired[index - 1]
        order.remove(name)
        order.insert(index, name)
        moves.append((name, "before" if index == 0 else "after", other))
    return moves


# --------------------------------------------------------------------------------------
# FortiOS configuration text: a tree of ``config`` sections, ``edit`` entries and ``set``
# --------------------------------------------------------------------------------------


def readable(method):
    """Turn any slip on malformed device text into a VoipReadyError naming the cause."""
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except VoipReadyError:
            raise
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            raise VoipReadyError("%s: the %s configuration could not be read (%s: %s)" % (
                method.__name__, self.platform, type(exc).__name__, exc),
                field="running", value=str(exc)[:80])
    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper
