"""Build the Junos schema the emulators use from Juniper's published YANG models (lab tool,
never part of the collection; the emulators only read its output).

    python3 lab/emulators/models/junos/build_schema.py YANG_DIR FAMILY OUT.json.gz

YANG_DIR holds ``<family>-conf-*.yang`` and ``junos-common-*.yang`` of one release from
github.com/Juniper/yang (Apache-2.0), directory
``23.4/23.4R1/native/conf-and-rpcs/<family>/conf-with-extensions/models`` plus ``common/models``.
FAMILY is ``junos-es`` (SRX) or ``junos-ex`` (EX). pyang (PyPI, a maintained YANG compiler)
parses and resolves them (groupings, augments, choices); this tool writes the configuration
tree below ``/configuration`` for the hierarchies in TOPS, one compact JSON node per schema
node:

    {"k": "c"|"l"|"f"|"F",       container, list, leaf, leaf-list
     "c": {name: node},          children in schema order
     "key": [leaf names],        list keys
     "p": 1,                     presence container
     "o": 1,                     oneliner (junos:cli-feature)
     "nk": 1,                    nokeyword leaf (its value is typed without its name), or
                                 a list whose entries are typed without the list keyword
     "man": 1,                   mandatory
     "u": 1,                     ordered-by user (else the device sorts the entries)
     "ch": [choice, case],       the choice/case this node sits in (one case at a time)
     "must": [[expr, message]],  junos:must / junos:must-message (commit constraints)
     "t": type}                  {"b": base, "r": [[lo, hi]], "len": [[lo, hi]],
                                  "pat": [[posix regex, message]], "e": [enum names],
                                  "u": [member types]}
"""

import gzip
import json
import os
import sys

from pyang import context, repository

EXT = "junos-common-ddl-extensions"
#: the hierarchies the emulated SRX / EX hold (everything else is refused as the schema
#: the emulator was built with does not know it; lab/README.md lists them)
TOPS = {
    "junos-es": ["version", "system", "interfaces", "security", "applications", "vlans",
                 "switch-options", "class-of-service", "firewall", "policy-options",
                 "routing-options", "snmp", "protocols", "poe"],
    "junos-ex": ["version", "system", "interfaces", "vlans", "switch-options",
                 "class-of-service", "firewall", "policy-options", "routing-options",
                 "snmp", "protocols", "poe", "ethernet-switching-options"],
}
#: subtrees left out to keep the data small (never configured by the lab or the collection)
SKIP = {"apply-macro", "apply-groups", "apply-groups-except", "traceoptions", "dynamic-profiles", "logical-systems", "tenants",
        "idp", "utm", "ike", "ipsec", "pki", "dynamic-vpn", "group-vpn", "remote-access",
        "ssl", "gprs", "user-identification", "aaa", "dhcp-local-server", "archival",
        "extension-service", "scripts", "bgp", "ospf", "ospf3", "isis", "mpls", "rsvp", "ldp",
        "pim", "msdp", "l2vpn", "vpls", "evpn", "l2circuit", "bfd", "mvpn", "sflow", "esis",
        "router-advertisement", "rip", "ripng", "igmp", "mld", "pcep", "protection-group",
        "vrrp-group", "atm-options", "sonet-options", "t1-options", "e1-options",
        "t3-options", "e3-options", "serial-options", "ppp-options", "isdn-options",
        "dsl-options", "vdsl-options", "shdsl-options", "cellular-options", "lte-options",
        "wireless-options", "fibrechannel-options", "otn-options", "optics-options",
        "ima-group-options", "ima-link-options", "iso", "mpls-options", "ccc", "tcc",
        "inet6", "ethernet-ring", "mvrp", "mrp", "oam", "connectivity-fault-management",
        "link-management", "tunnel", "radius-options", "dot1x", "analyzer",
        "multi-chassis", "uplink-failure-detection", "sla", "ptp", "dhcp-relay", "nat"}


def ext(stmt, name):
    return [s.arg for s in stmt.substmts if isinstance(s.keyword, tuple)
            and s.keyword[1] == name]


def ranges(text):
    out = []
    for part in text.split("|"):
        lo, _sep, hi = part.strip().partition("..")
        out.append([lo.strip(), (hi or lo).strip()])
    return out


def type_spec(tstmt):
    base = tstmt.arg
    spec = {"b": base}
    typedef = getattr(tstmt, "i_typedef", None)
    if typedef is not None:  # a derived type: resolve to its base, keep the restrictions
        spec = type_spec(typedef.search_one("type"))
    for sub in tstmt.substmts:
        if sub.keyword == "range":
            spec["r"] = ranges(sub.arg)
        elif sub.keyword == "length":
            spec["len"] = ranges(sub.arg)
        elif sub.keyword == "enum":
            spec.setdefault("e", []).append(sub.arg)
        elif sub.keyword == "type":
            spec.setdefault("u", []).append(type_spec(sub))
        elif sub.keyword == "pattern":
            spec.setdefault("xpat", []).append(sub.arg)
    pats = ext(tstmt, "posix-pattern")
    msgs = ext(tstmt, "pattern-message")
    if pats:
        spec["pat"] = [[p, msgs[i] if i < len(msgs) else None] for i, p in enumerate(pats)]
    return spec


def node(stmt, choice=None):
    kind = {"container": "c", "list": "l", "leaf": "f", "leaf-list": "F"}[stmt.keyword]
    out = {"k": kind}
    if choice:
        out["ch"] = choice
    musts = ext(stmt, "must")
    messages = ext(stmt, "must-message")
    if musts:
        out["must"] = [[m, messages[i] if i < len(messages) else None]
                       for i, m in enumerate(musts)]
    features = ext(stmt, "cli-feature")
    if "oneliner" in features or "oneliner-plus" in features:
        out["o"] = 1
    if "nokeyword" in features:
        out["nk"] = 1
    if kind == "c" and stmt.search_one("presence") is not None:
        out["p"] = 1
    mandatory = stmt.search_one("mandatory")
    if mandatory is not None and mandatory.arg == "true":
        out["man"] = 1
    if kind == "l":
        out["key"] = stmt.search_one("key").arg.split()
        if stmt.search_one("description") is None:
            # Junos's own DDL objects without help text are the lists typed without their
            # keyword (``interfaces ge-0/0/0``, ``syslog file messages any notice``)
            out["nk"] = 1
    ordered = stmt.search_one("ordered-by")
    if ordered is not None and ordered.arg == "user":
        out["u"] = 1
    if kind in ("f", "F"):
        out["t"] = type_spec(stmt.search_one("type"))
        default = stmt.search_one("default")
        if default is not None:
            out["d"] = default.arg
    if kind in ("c", "l"):
        out["c"] = children(stmt)
    return out


def children(stmt, choice=None):
    out = {}
    for index, child in enumerate(getattr(stmt, "i_children", [])):
        if child.keyword == "choice":
            for case in child.i_children:
                cases = case.i_children if case.keyword == "case" else [case]
                for sub in cases:
                    if sub.keyword == "choice":
                        out.update(children_of_choice(sub, [child.arg, case.arg]))
                    elif sub.arg not in SKIP:
                        out[sub.arg] = node(sub, [child.arg, case.arg])
            continue
        if child.keyword not in ("container", "list", "leaf", "leaf-list") or child.arg in SKIP:
            continue
        out[child.arg] = node(child, choice)
    return out


def children_of_choice(stmt, outer):
    fake = type("S", (), {"i_children": [stmt]})()
    return children(fake, outer)


def main(argv):
    yang_dir, family, out_path = argv
    repo = repository.FileRepository(yang_dir, use_env=False)
    ctx = context.Context(repo)
    modules = []
    for name in sorted(os.listdir(yang_dir)):
        if name.endswith(".yang"):
            with open(os.path.join(yang_dir, name), encoding="utf-8") as handle:
                modules.append(ctx.add_module(name, handle.read()))
    ctx.validate()
    root = next(m for m in modules if m and m.arg == family + "-conf-root")
    config = next(c for c in root.i_children if c.arg == "configuration")
    tree = children(config)
    data = {"family": family, "release": root.search_one("revision").search_one(
        "description").arg, "tree": {k: tree[k] for k in TOPS[family] if k in tree}}
    with gzip.open(out_path, "wt", encoding="utf-8") as handle:
        json.dump(data, handle, separators=(",", ":"))  # schema order is display order


if __name__ == "__main__":
    main(sys.argv[1:])
