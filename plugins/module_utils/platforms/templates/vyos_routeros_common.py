# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the VyOS and RouterOS drivers share: the flow plan both turn into vendor syntax.

Both platforms hold the allowlist the same way: named objects (firewall groups /
address-lists) for the addresses, two chains of ordered rules (outbound from the voice
networks, inbound to them) whose names carry a short hash of their content, and two
jump rules in the forward hook -- the bindings. A changed ruleset gets a new chain
name: build the new chain, move the jump, delete the old chain (capirca #334).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import ipaddress

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

#: provider rule direction -> the chain directions it appears in
DIRECTIONS = {"outbound": ("out",), "inbound": ("in",), "both": ("out", "in")}


def pushed_rules(allowlist, fqdn_objects=True, wildcard_why=None):
    """(rule, members, kind) for every rule the device enforces, and notes for the rest.

    kind is "addresses" or "fqdns": a rule with addresses pushes them; an FQDN-only rule
    pushes its exact names when the platform has FQDN objects and fqdn_mode allows it
    (plan.choose_rules), else it is skipped with a note.
    """
    pushed, notes = [], []
    for choice in plan.choose_rules(allowlist, names=fqdn_objects):
        rule = choice.rule
        if choice.skipped == plan.SKIP_NAMES:
            notes.append("%s: FQDN-only rule skipped (fqdn_mode=%s)" % (
                rule["id"], allowlist.get("fqdn_mode", "auto")))
        elif choice.skipped:
            notes.append("%s: %s; not pushed" % (rule["id"], (
                "wildcard-only destinations (%s) cannot be enforced%s" % (
                    ", ".join(rule["fqdns"]), ": " + wildcard_why if wildcard_why else "")
                if choice.skipped == plan.SKIP_WILDCARDS
                else "the provider publishes no address or FQDN")))
        elif choice.addresses:
            pushed.append((rule, list(choice.addresses), "addresses"))
        else:
            pushed.append((rule, list(choice.names), "fqdns"))
    return pushed, notes


def chain_hash(lines):
    """Six hex digits naming a chain by its content (same rules -> same name)."""
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:6]


def host_or_cidr(text):
    """'192.0.2.1/32' -> '192.0.2.1'; networks stay CIDRs. A value that is neither (a
    running text cut short) is refused as unreadable, never passed on."""
    try:
        net = ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise VoipReadyError("running configuration: %r is not an address or network" % (text,),
                             field="running", value=text)
    if net.prefixlen == net.max_prefixlen:
        return str(net.network_address)
    return str(net)


def as_cidr(text):
    """'192.0.2.1' -> '192.0.2.1/32' (VyOS network-groups hold prefixes only)."""
    net = ipaddress.ip_network(text, strict=False)
    return "%s/%d" % (net.network_address, net.prefixlen)


def port_text(low, high):
    """5060 or 6000-65535, as both platforms write a port range."""
    return str(low) if low == high else "%d-%d" % (low, high)


def parse_port(text):
    """'5060' / '6000-65535' -> (low, high); None when it is not a plain port or range."""
    parts = str(text).split("-")
    if len(parts) > 2 or not all(p.isdigit() for p in parts):
        return None
    low, high = int(parts[0]), int(parts[-1])
    if not (1 <= low <= high <= 65535):
        return None
    return low, high


def is_address(text):
    try:
        ipaddress.ip_network(text, strict=False)
        return True
    except ValueError:
        return False
