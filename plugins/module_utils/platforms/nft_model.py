# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A small model of one nftables table, read from ``nft -j`` and written as nft text.

Only the constructs the linux driver renders are understood; anything else inside the
owned table is kept as an opaque ``raw`` term (so it compares unequal and is dropped the
next time the table is replaced). Meaning, not text, is compared: ports and addresses
become merged integer intervals (nft lists ``5060, 5061`` back as ``5060-5061``),
DSCP names become numbers.

Model::

    {"sets": {name: {"type": "ipv4_addr"|"ipv6_addr"|"inet_service",
                     "elements": ((low, high), ...)}},
     "timeouts": {name: {"protocol": "udp", "l3proto": "ip", "policy": ((state, s), ...)}},
     "chains": {name: {"type": "filter", "hook": "forward", "prio": 0,
                       "policy": "accept", "rules": [rule, ...]}}}

A rule is a tuple of terms: ("m", "ip saddr", value), ("verdict", "accept"),
("dscp", "ip", 46), ("ct timeout", name), ("ct helper", name), ("comment", text),
("raw", json). A value is ("@", set) | ("net", version, intervals) |
("port", intervals) | ("flags", names).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import json

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import DSCP_NAMES

NFT_DSCP = dict(DSCP_NAMES, cs0=0, default=0, cs1=8, cs2=16, cs3=24, cs4=32, cs5=40, cs6=48,
                cs7=56, le=1, va=44)
NFT_DSCP_BY_VALUE = dict((v, k) for k, v in NFT_DSCP.items() if k not in ("default",))
NFT_DSCP_BY_VALUE[0] = "cs0"
PRIO_NAMES = {-300: "raw", -150: "mangle", -100: "dstnat", 0: "filter", 50: "security",
              100: "srcnat"}
ADDR_FIELDS = ("saddr", "daddr")
PORT_FIELDS = ("sport", "dport")


def empty_table():
    return {"sets": {}, "timeouts": {}, "chains": {}}


def bad(message, value=None):
    raise VoipReadyError("nft JSON: %s" % message, field="running", value=value)


# -- intervals ------------------------------------------------------------------------
def merge(spans):
    out = []
    for low, high in sorted(spans):
        if out and low <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], high)
        else:
            out.append([low, high])
    return tuple((a, b) for a, b in out)


def net_span(text, version=None):
    net = ipaddress.ip_network(str(text), strict=False)
    if version is not None and net.version != version:
        bad("address %r is not IPv%d" % (text, version), text)
    return (int(net.network_address), int(net.broadcast_address)), net.version


def networks(version, spans):
    """Intervals back to the fewest CIDRs, each host as a bare address."""
    cls = ipaddress.IPv4Address if version == 4 else ipaddress.IPv6Address
    out = []
    for low, high in spans:
        for net in ipaddress.summarize_address_range(cls(low), cls(high)):
            out.append(str(net.network_address) if net.prefixlen == net.max_prefixlen else str(net))
    return out


def port_text(spans):
    items = ["%d" % a if a == b else "%d-%d" % (a, b) for a, b in spans]
    return items[0] if len(items) == 1 else "{ %s }" % ", ".join(items)


# -- JSON -> model ----------------------------------------------------------------------
def _elem_spans(items, version):
    """Set elements / match values -> ((low, high), ...) for addresses (version 4/6) or
    ports (version None)."""
    spans = []
    for item in items:
        if isinstance(item, dict) and "elem" in item:
            item = item["elem"]["val"]
        if isinstance(item, bool):
            bad("unexpected element %r" % (item,), item)
        if isinstance(item, int) and version is None:
            spans.append((item, item))
        elif isinstance(item, str) and version is not None:
            spans.append(net_span(item, version)[0])
        elif isinstance(item, dict) and "prefix" in item and version is not None:
            spans.append(net_span("%s/%s" % (item["prefix"]["addr"], item["prefix"]["len"]),
                                  version)[0])
        elif isinstance(item, dict) and "range" in item:
            low, high = item["range"]
            if version is None:
                if not isinstance(low, int) or not isinstance(high, int):
                    bad("bad port range %r" % (item,), item)
                spans.append((low, high))
            else:
                spans.append((net_span(low, version)[0][0], net_span(high, version)[0][1]))
        elif isinstance(item, dict) and "set" in item:
            spans.extend(_elem_spans(item["set"], version))
        else:
            bad("unexpected element %r" % (item,), item)
    return merge(spans)


def _term(expr):
    """One JSON expression -> a model term (or a raw term)."""
    if not isinstance(expr, dict) or len(expr) != 1:
        bad("expression %r is not a one-key object" % (expr,), expr)
    key, body = list(expr.items())[0]
    if key in ("accept", "drop"):
        return ("verdict", key)
    if key == "ct timeout" and isinstance(body, str):
        return ("ct timeout", body)
    if key == "ct helper" and isinstance(body, str):
        return ("ct helper", body)
    if key == "mangle" and isinstance(body, dict):
        left = body.get("key", {}).get("payload", {})
        if left.get("field") == "dscp" and left.get("protocol") in ("ip", "ip6"):
            value = body.get("value")
            if isinstance(value, str) and value in NFT_DSCP:
                value = NFT_DSCP[value]
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 63:
                return ("dscp", left["protocol"], value)
    if key == "match" and isinstance(body, dict):
        term = _match(body)
        if term is not None:
            return term
    return ("raw", json.dumps(expr, sort_keys=True))


def _match(body):
    op, left, right = body.get("op"), body.get("left"), body.get("right")
    if not isinstance(left, dict):
        return None
    if "ct" in left and left["ct"].get("key") == "state" and op in ("in", "=="):
        names = right if isinstance(right, list) else [right]
        if all(isinstance(n, str) for n in names):
            return ("m", "ct state", ("flags", tuple(sorted(names))))
        return None
    if op != "==" or "payload" not in left:
        return None
    proto, field = left["payload"].get("protocol"), left["payload"].get("field")
    name = "%s %s" % (proto, field)
    if isinstance(right, str) and right.startswith("@"):
        return ("m", name, ("@", right[1:]))
    if proto in ("ip", "ip6") and field in ADDR_FIELDS:
        version = 4 if proto == "ip" else 6
        return ("m", name, ("net", version, _elem_spans([right], version)))
    if proto in ("tcp", "udp") and field in PORT_FIELDS:
        return ("m", name, ("port", _elem_spans([right], None)))
    return None


def table_from_json(objects, family, table):
    """The model of ``family table`` from the list under ``nftables``, or None if absent."""
    model, found = empty_table(), False
    for obj in objects:
        kind, body = _object(obj)
        if kind == "table" and body.get("family") == family and body.get("name") == table:
            found = True
        if body.get("family") != family or body.get("table") != table:
            continue
        name = body.get("name")
        if kind == "set":
            stype = body.get("type")
            version = {"ipv4_addr": 4, "ipv6_addr": 6}.get(stype)
            if version is None and stype != "inet_service":
                model["sets"][name] = {"type": json.dumps(stype, sort_keys=True), "elements": ()}
                continue
            model["sets"][name] = {"type": stype,
                                   "elements": _elem_spans(body.get("elem") or [], version)}
        elif kind == "ct timeout":
            policy = body.get("policy") or {}
            if not isinstance(policy, dict):
                bad("ct timeout policy %r" % (policy,), policy)
            model["timeouts"][name] = {"protocol": body.get("protocol"),
                                       "l3proto": body.get("l3proto"),
                                       "policy": tuple(sorted(policy.items()))}
        elif kind == "chain":
            model["chains"][name] = {"type": body.get("type"), "hook": body.get("hook"),
                                     "prio": body.get("prio"), "policy": body.get("policy"),
                                     "rules": []}
        elif kind == "rule":
            chain = model["chains"].get(body.get("chain"))
            if chain is None:
                bad("rule before its chain %r" % body.get("chain"), body.get("chain"))
            chain["rules"].append(rule_from_json(body))
    return model if found else None


def rule_from_json(body):
    exprs = body.get("expr")
    if not isinstance(exprs, list):
        bad("rule without an expr list", body.get("handle"))
    terms = [_term(e) for e in exprs]
    if body.get("comment") is not None:
        terms.append(("comment", str(body["comment"])))
    return tuple(terms)


def _object(obj):
    if not isinstance(obj, dict) or len(obj) != 1:
        bad("ruleset entry %r is not a one-key object" % (obj,), obj)
    kind, body = list(obj.items())[0]
    if not isinstance(body, dict):
        bad("ruleset entry %r has no object body" % kind, kind)
    return kind, body


def load_ruleset(text):
    """``nft -j list ruleset`` output -> the list of objects."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        bad("`nft -j list ruleset` did not return JSON (%s): %s" % (exc, text.strip()[:200]),
            text.strip()[:80])
    if not isinstance(data, dict) or not isinstance(data.get("nftables"), list):
        bad("no 'nftables' list in the ruleset", str(type(data)))
    for obj in data["nftables"]:
        _object(obj)
    return data["nftables"]


# -- model -> text ------------------------------------------------------------------------
def value_text(value):
    kind = value[0]
    if kind == "@":
        return "@" + value[1]
    if kind == "net":
        items = networks(value[1], value[2])
        return items[0] if len(items) == 1 else "{ %s }" % ", ".join(items)
    if kind == "port":
        return port_text(value[1])
    return ",".join(value[1])


def term_text(term):
    kind = term[0]
    if kind == "m":
        return "%s %s" % (term[1], value_text(term[2]))
    if kind == "verdict":
        return term[1]
    if kind == "dscp":
        return "%s dscp set %s" % (term[1], NFT_DSCP_BY_VALUE.get(term[2], term[2]))
    if kind in ("ct timeout", "ct helper"):
        return '%s set "%s"' % (kind, term[1])
    if kind == "comment":
        return 'comment "%s"' % term[1]
    return "# json %s" % term[1]


def rule_text(rule):
    return " ".join(term_text(t) for t in rule)


def renderable(rule):
    return all(t[0] != "raw" for t in rule)


def _wrap(items, indent, per_line=4):
    lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return (",\n" + " " * indent).join(lines)


def set_text(name, spec):
    lines = ["    set %s {" % name, "        type %s" % spec["type"], "        flags interval"]
    if spec["elements"]:
        if spec["type"] == "inet_service":
            items = ["%d" % a if a == b else "%d-%d" % (a, b) for a, b in spec["elements"]]
        else:
            items = networks(4 if spec["type"] == "ipv4_addr" else 6, spec["elements"])
        lines.append("        elements = { %s }" % _wrap(items, 21))
    lines.append("    }")
    return lines


def timeout_text(name, spec):
    policy = ", ".join("%s : %d" % (k, v) for k, v in spec["policy"])
    return ["    ct timeout %s {" % name, "        protocol %s" % spec["protocol"],
            "        l3proto %s" % spec["l3proto"], "        policy = { %s }" % policy, "    }"]


def chain_text(name, spec):
    prio = PRIO_NAMES.get(spec["prio"], spec["prio"])
    lines = ["    chain %s {" % name,
             "        type %s hook %s priority %s; policy %s;" % (spec["type"], spec["hook"], prio,
                                                                  spec["policy"])]
    lines.extend("        " + rule_text(r) for r in spec["rules"] if renderable(r))
    lines.append("    }")
    return lines


def table_text(family, table, model, chain_order):
    """The table declaration: sets, ct timeouts, then chains in ``chain_order``."""
    blocks = [set_text(n, model["sets"][n]) for n in sorted(model["sets"])
              if model["sets"][n]["type"] in ("ipv4_addr", "ipv6_addr", "inet_service")]
    blocks += [timeout_text(n, model["timeouts"][n]) for n in sorted(model["timeouts"])]
    names = [c for c in chain_order if c in model["chains"]]
    names += sorted(c for c in model["chains"] if c not in chain_order)
    blocks += [chain_text(n, model["chains"][n]) for n in names]
    body = []
    for index, block in enumerate(blocks):
        if index:
            body.append("")
        body.extend(block)
    return "\n".join(["table %s %s {" % (family, table)] + body + ["}"])


# -- model -> JSON (what nft would list; used by simulate) -----------------------------
def _value_json(value):
    kind = value[0]
    if kind == "@":
        return "@" + value[1]
    if kind == "flags":
        return list(value[1])
    items = []
    if kind == "net":
        for text in networks(value[1], value[2]):
            if "/" in text:
                addr, length = text.split("/")
                items.append({"prefix": {"addr": addr, "len": int(length)}})
            else:
                items.append(text)
    else:
        items = [a if a == b else {"range": [a, b]} for a, b in value[1]]
    return items[0] if len(items) == 1 else {"set": items}


def _term_json(term):
    kind = term[0]
    if kind == "m":
        if term[1] == "ct state":
            return {"match": {"op": "in", "left": {"ct": {"key": "state"}},
                              "right": _value_json(term[2])}}
        proto, field = term[1].split(" ")
        return {"match": {"op": "==", "left": {"payload": {"protocol": proto, "field": field}},
                          "right": _value_json(term[2])}}
    if kind == "verdict":
        return {term[1]: None}
    if kind == "dscp":
        return {"mangle": {"key": {"payload": {"protocol": term[1], "field": "dscp"}},
                           "value": NFT_DSCP_BY_VALUE.get(term[2], term[2])}}
    if kind in ("ct timeout", "ct helper"):
        return {kind: term[1]}
    return json.loads(term[1])


def table_json(family, table, model, chain_order, handle=1000):
    out = [{"table": {"family": family, "name": table, "handle": handle}}]
    base = {"family": family, "table": table}
    for name in sorted(model["timeouts"]):
        spec = model["timeouts"][name]
        handle += 1
        out.append({"ct timeout": dict(base, name=name, handle=handle, protocol=spec["protocol"],
                                       l3proto=spec["l3proto"], policy=dict(spec["policy"]))})
    for name in sorted(model["sets"]):
        spec = model["sets"][name]
        handle += 1
        body = dict(base, name=name, type=spec["type"], handle=handle, flags=["interval"])
        if spec["elements"]:
            value = _value_json(("port", spec["elements"]) if spec["type"] == "inet_service"
                                else ("net", 4 if spec["type"] == "ipv4_addr" else 6,
                                      spec["elements"]))
            body["elem"] = value["set"] if isinstance(value, dict) and "set" in value else [value]
        out.append({"set": body})
    names = [c for c in chain_order if c in model["chains"]]
    names += sorted(c for c in model["chains"] if c not in chain_order)
    for name in names:
        spec = model["chains"][name]
        handle += 1
        out.append({"chain": dict(base, name=name, handle=handle, type=spec["type"],
                                  hook=spec["hook"], prio=spec["prio"], policy=spec["policy"])})
    for name in names:
        for rule in model["chains"][name]["rules"]:
            if not renderable(rule):
                continue
            handle += 1
            body = dict(base, chain=name, handle=handle,
                        expr=[_term_json(t) for t in rule if t[0] != "comment"])
            for term in rule:
                if term[0] == "comment":
                    body["comment"] = term[1]
            out.append({"rule": body})
    return out


# -- lockout guard: would this table drop a packet? ---------------------------------------
#: raw statements that can end a packet's life (or hand it elsewhere) in a chain
_MAYBE_DROP = ("reject", "drop", "jump", "goto", "queue")


def _term_matches(term, packet, sets):
    """True / False / None (cannot tell) for one match term against ``packet``."""
    name, value = term[1], term[2]
    if name == "ct state":
        return packet["ct_state"] in value[1]
    layer, _sep, field = name.partition(" ")
    if layer in ("ip", "ip6") and field in ADDR_FIELDS:
        if layer != packet["l3"]:
            return False
        number = int(packet[field])
    elif layer in ("tcp", "udp") and field in PORT_FIELDS:
        if layer != packet["proto"]:
            return False
        number = int(packet[field])
    else:
        return None
    if value[0] == "@":
        spans = (sets.get(value[1]) or {}).get("elements")
        if spans is None:
            return None
    elif value[0] in ("net", "port"):
        spans = value[-1]
    else:
        return None
    return any(low <= number <= high for low, high in spans)


def blocking_rules(table, hooks, packet):
    """Rules of ``table``'s base chains on ``hooks`` that drop (or may drop) ``packet``.

    ``packet``: ``{"l3": "ip"|"ip6", "saddr", "daddr": ipaddress objects, "proto": "tcp",
    "sport", "dport": int, "ct_state": "new"|"established"}``. Conservative: a term the model
    does not understand counts as matching, so an unknown rule that may drop is reported.
    Returns ``[(chain, rule text or "policy drop"), ...]``; empty when the table admits it.
    """
    found = []
    for name in sorted(table["chains"]):
        chain = table["chains"][name]
        if chain.get("hook") not in hooks:
            continue
        accepted = False
        for rule in chain["rules"]:
            certain, verdict = True, None
            for term in rule:
                if term[0] == "m":
                    hit = _term_matches(term, packet, table["sets"])
                    if hit is False:
                        break
                    certain = certain and hit is True
                elif term[0] == "verdict":
                    verdict = term[1]
                elif term[0] == "raw":
                    key = list(json.loads(term[1]).keys())[0]
                    if key == "match":
                        certain = False
                    elif key in _MAYBE_DROP:
                        verdict = "drop"
            else:
                if verdict == "drop":
                    found.append((name, rule_text(rule)))
                    break
                if verdict == "accept" and certain:
                    accepted = True
                    break
        if not accepted and chain.get("policy") == "drop" and not any(f[0] == name for f in found):
            found.append((name, "policy drop"))
    return found
