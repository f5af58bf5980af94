# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Placement checks across features, for one platform, before anything is rendered.

Data flow: catalog -> intent -> **plan** -> platform driver. intent.py validates each
feature on its own; some mistakes only show when the features meet on a platform:

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

import ipaddress

from ansible_collections.voipready.network.plugins.module_utils.errors import fail

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
