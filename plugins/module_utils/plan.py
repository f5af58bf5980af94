# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The platform-neutral plan: what every platform decides the same way, decided once.

Data flow: catalog -> intent -> **plan** -> platform driver. intent.py validates each
feature on its own; the plan holds what follows from the validated intent before any
vendor syntax, so that a driver only says how its platform writes the decision:

* :data:`ESSENTIALS`: the services the voice networks may always reach besides the
  provider (DNS over UDP and TCP, NTP), one table for every platform;
* :func:`choose_rules`: for each provider rule, the destinations a platform pushes
  (addresses, exact DNS names as FQDN objects, ``*.domain`` names as wildcard FQDN
  objects) and the ones it leaves out, or why it pushes none (:class:`RuleChoice`), from
  the rule's ``enforceable`` flag, ``allowlist.fqdn_mode`` and what the platform can
  match; the driver words the note;
* :func:`bounded_name`: an object name within a platform's length limit, stable for the
  same input (a long name keeps a hash of the whole).

Placement checks across features, for one platform, before anything is rendered
(:func:`validate`): some mistakes only show when the features meet on a platform:

* an interface named both inside and outside (the inside binding would silently vanish);
* voice networks that live on an interface the allowlist's policies do not bind to (the
  FortiOS policies on ``internal1`` while the voice VLAN is ``internal1.110``: no voice
  flow would ever match them);
* QoS classification where the platform cannot classify voice: an ingress-only
  classifier (Junos firewall filter ``input``, VyOS ``policy route``, EOS ``service-policy
  input``) must sit where voice enters the device, an egress marker (IOS ``service-policy
  output``, FortiOS shaping ``dstintf``) where it leaves.

Each error names the intent field, the inventory variable the roles build it from, the
value and the interface.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import ipaddress
from typing import NamedTuple, Optional, Tuple

from ansible_collections.voipready.network.plugins.module_utils.errors import fail


class Essential(NamedTuple):
    """A service the voice networks may always reach on the site's own servers."""

    service: str    #: the ``allowlist.essentials`` key naming the servers (dns, ntp)
    proto: str      #: tcp or udp
    port: int


#: DNS (UDP, and TCP for long answers) and NTP, in the order every platform writes them.
ESSENTIALS = (Essential("dns", "udp", 53), Essential("dns", "tcp", 53), Essential("ntp", "udp", 123))


def essential_services():
    """ESSENTIALS by service, in order: ``(("dns", (("udp", 53), ("tcp", 53))), ("ntp",
    (("udp", 123),)))``, for platforms that write one policy or term per service."""
    out = []
    for item in ESSENTIALS:
        if not out or out[-1][0] != item.service:
            out.append((item.service, []))
        out[-1][1].append((item.proto, item.port))
    return tuple((service, tuple(ports)) for service, ports in out)


#: fqdn_mode values under which DNS names may be destinations (resolve: the role put the
#: resolved addresses in; skip: names are never used)
NAME_MODES = ("auto", "objects")

#: RuleChoice.skipped: no address and no exact DNS name, only ``*.domain`` names
SKIP_WILDCARDS = "wildcards-only"
#: RuleChoice.skipped: the provider names a port and no destination at all
SKIP_NO_DESTINATION = "no-destination"
#: RuleChoice.skipped: DNS names only, and names are not usable here (the platform matches
#: addresses only, or fqdn_mode is resolve or skip)
SKIP_NAMES = "names-only"


class RuleChoice(NamedTuple):
    """What one provider rule becomes on a platform: the destinations it pushes, the ones
    it leaves out, and, when it pushes none, why (a ``SKIP_*`` value)."""

    rule: dict
    addresses: Tuple[str, ...]          #: addresses and CIDRs pushed
    names: Tuple[str, ...]              #: exact DNS names pushed as FQDN objects
    wildcards: Tuple[str, ...]          #: ``*.domain`` names pushed as wildcard FQDN objects
    left_names: Tuple[str, ...]         #: exact DNS names not pushed
    left_wildcards: Tuple[str, ...]     #: ``*.domain`` names not pushed
    skipped: Optional[str]              #: None when something is pushed, else a SKIP_* value

    @property
    def destinations(self):
        """``(kind, value)`` pairs pushed: ``net`` for addresses, ``fqdn`` for names."""
        return ([("net", a) for a in self.addresses] + [("fqdn", n) for n in self.names]
                + [("fqdn", w) for w in self.wildcards])


def choose_rules(allowlist, names=False, wildcards=False, names_beside_addresses=()):
    """One RuleChoice per rule of a validated ``allowlist``, in rule order.

    ``names``: the platform has FQDN objects (ASA, FortiOS, PAN-OS, Junos ``dns-name``,
    VyOS and RouterOS resolved groups); ``wildcards``: it has wildcard FQDN objects
    (FortiOS 6.2.2+). With fqdn_mode auto or objects, a rule's exact names stand in for
    its addresses when it has none; ``names_beside_addresses`` lists the fqdn_modes in
    which they are pushed beside the addresses as well (ASA: auto and objects; FortiOS
    and PAN-OS: objects). A rule that is not ``enforceable`` (intent.py: no address and
    no exact name) pushes only wildcards, where the platform has them."""
    mode = allowlist.get("fqdn_mode", "auto")
    by_name = mode in NAME_MODES
    out = []
    for rule in allowlist.get("rules") or []:
        fqdns = rule.get("fqdns") or []
        exact = tuple(f for f in fqdns if not f.startswith("*."))
        wild = tuple(f for f in fqdns if f.startswith("*."))
        enforceable = rule.get("enforceable", True)
        addresses = tuple(rule.get("addresses") or []) if enforceable else ()
        use_names = names and by_name and enforceable and (
            not addresses or mode in names_beside_addresses)
        pushed_names = exact if use_names else ()
        pushed_wild = wild if wildcards and by_name else ()
        skipped = None
        if not (addresses or pushed_names or pushed_wild):
            if enforceable:
                skipped = SKIP_NAMES
            else:
                skipped = SKIP_WILDCARDS if fqdns else SKIP_NO_DESTINATION
        out.append(RuleChoice(rule, addresses, pushed_names, pushed_wild,
                              exact if not pushed_names else (),
                              wild if not pushed_wild else (), skipped))
    return out


def bounded_name(name, limit, digits):
    """``name`` when it fits in ``limit`` characters, else its first characters, ``-`` and
    ``digits`` hex digits of its SHA-1: two long names that differ late stay apart."""
    if len(name) <= limit:
        return name
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:digits]
    return "%s-%s" % (name[:limit - digits - 1], digest)


#: the inventory variable behind each field these checks name (roles/*/tasks/main.yml)
VARIABLES = {
    "allowlist.inside_interfaces": "voipready_inside_interfaces",
    "allowlist.outside_interfaces": "voipready_outside_interfaces",
    "allowlist.voice_networks": "voipready_voice_networks",
    "voice_vlan.subinterfaces": "voipready_subinterfaces",
    "qos.interfaces": "voipready_qos_interfaces",
}
QOS_WHERE = {
    "ingress": "classifies DSCP on ingress only",
    "egress": "marks DSCP as traffic leaves an interface",
    "both": "classifies on ingress and rewrites DSCP on egress",
}


def qos_interfaces(driver, inside, outside):
    """Where ``qos.interfaces`` should be when the inventory does not say: where voice
    passes, in the direction the platform classifies. Ingress classifiers (and Junos's
    classify-then-rewrite) get the inside interfaces, where the phones' traffic enters,
    and the outside ones, where the provider's does; egress markers the outside ones."""
    inside, outside = list(inside or []), list(outside or [])
    if driver.qos_binding in ("ingress", "both"):
        return inside + [n for n in outside if n not in inside]
    return outside


def label(field):
    variable = VARIABLES.get(field.split("[")[0])
    return "%s (%s)" % (field, variable) if variable else field


def voice_interfaces(driver, intent):
    """{voice network: (interface, subinterfaces index)} for voice networks a voice_vlan
    sub-interface of this change carries (its address is in the voice network)."""
    vv = intent.get("voice_vlan") or {}
    cfg = intent.get("allowlist") or {}
    out = {}
    for index, sub in enumerate(vv.get("subinterfaces") or []):
        if not sub.get("address"):
            continue
        net = ipaddress.ip_interface(sub["address"]).network
        for voice in cfg.get("voice_networks") or []:
            if ipaddress.ip_network(voice).overlaps(net):
                out[voice] = (driver.subinterface_name(sub, vv), index)
    return out


def validate(driver, intent):
    """Raise VoipReadyError for the first placement mistake of ``intent`` on ``driver``'s
    platform; returns the intent unchanged."""
    cfg = intent.get("allowlist")
    if not cfg or driver.not_applicable("allowlist", intent):
        return intent
    canon = driver.canonical_interface
    inside = [canon(n) for n in cfg.get("inside_interfaces") or []]
    outside = [canon(n) for n in cfg.get("outside_interfaces") or []]
    both = [n for n in inside if n.lower() in set(o.lower() for o in outside)]
    if both:
        fail("%s and %s both name %r: an interface faces the voice networks or the provider, "
             "not both (the inside binding would be replaced by the outside one); remove it "
             "from one of them" % (label("allowlist.inside_interfaces"),
                                   label("allowlist.outside_interfaces"), both[0]),
             "allowlist.inside_interfaces", both[0])
    located = voice_interfaces(driver, intent)
    for voice in sorted(located):
        name, index = located[voice]
        sub = intent["voice_vlan"]["subinterfaces"][index]
        where = "%s (parent %s, vlan %d, address %s)" % (
            label("voice_vlan.subinterfaces[%d]" % index), sub["parent"], sub["vlan"],
            sub["address"])
        if canon(name) in outside:
            fail("%s %s lives on %s, %s, which %s lists as outside" % (
                label("allowlist.voice_networks"), voice, name, where,
                label("allowlist.outside_interfaces")), "allowlist.outside_interfaces", name)
        if driver.binds_inside and inside and canon(name) not in inside:
            fail("%s %s lives on %s, %s, but %s is %s: the allowlist's policies bind to %s, "
                 "which voice traffic never crosses, so no voice flow would match them; list "
                 "%s in %s" % (
                     label("allowlist.voice_networks"), voice, name, where,
                     label("allowlist.inside_interfaces"), cfg["inside_interfaces"],
                     ", ".join(cfg["inside_interfaces"]), name,
                     VARIABLES["allowlist.inside_interfaces"]),
                 "allowlist.inside_interfaces", cfg["inside_interfaces"])
    _validate_qos(driver, intent, inside, outside, located)
    return intent


def _validate_qos(driver, intent, inside, outside, located):
    qos = intent.get("qos")
    binding = driver.qos_binding
    if not qos or not binding or not qos.get("interfaces") or driver.not_applicable("qos", intent):
        return
    canon = driver.canonical_interface
    listed = [canon(n) for n in qos["interfaces"]]
    enters = sorted(set(inside) | set(canon(n) for n, _i in located.values()))
    what = "%s %s" % (driver.platform, QOS_WHERE[binding])
    if binding in ("ingress", "both") and enters and not set(listed) & set(enters):
        fail("%s is %s: %s, so phone-to-provider voice (RTP, SIP) would never be classified: "
             "it enters the device on %s (%s). List %s in %s (where voice enters; keep the "
             "outside ones for the provider's traffic)" % (
                 label("qos.interfaces"), qos["interfaces"], what, ", ".join(enters),
                 label("allowlist.inside_interfaces"), " and ".join(enters),
                 VARIABLES["qos.interfaces"]), "qos.interfaces", qos["interfaces"])
    if binding in ("egress", "both") and outside and not set(listed) & set(outside):
        fail("%s is %s: %s, so phone-to-provider voice would leave on %s (%s) unmarked; list "
             "%s in %s" % (
                 label("qos.interfaces"), qos["interfaces"], what, ", ".join(outside),
                 label("allowlist.outside_interfaces"), " and ".join(outside),
                 VARIABLES["qos.interfaces"]), "qos.interfaces", qos["interfaces"])
