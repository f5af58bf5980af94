# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow-level verification: what a device's WHOLE policy admits for voice.

Compliance of the owned lines says "our configuration is there". This module answers
the question a network team asks: will the provider's traffic get through this device,
and does nothing else from the voice networks get out? Customer rules above ours, a
policy bound to an interface the voice traffic never crosses, a zone pair we are not in:
all of that is in the whole running configuration, and all of it decides.

    running (as gathered) --platforms/flows/<platform>.py--> Policy
    Policy.verdict(Flow) -> Verdict(action permit|deny, rule that decided, dscp)
    catalog rules (intent.allowlist) ----------------------> samples (expected verdicts)
    check(policy, intent) -> the ``flows`` compliance cell

A platform flow model reads interfaces and their addresses, zones, filter/policy
bindings and their direction, first-match order, object groups and whether the device
is stateful, and evaluates one flow the way the device does. Anything it cannot read is
named in the verdict (``notes``) rather than guessed silently.

Plain Python (ipaddress only); importable without Ansible.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import fnmatch
import ipaddress

PERMIT, DENY = "permit", "deny"
#: IANA protocol numbers of the names the models meet
PROTO_NUMBERS = {"icmp": 1, "igmp": 2, "tcp": 6, "udp": 17, "gre": 47, "esp": 50, "ah": 51,
                 "icmpv6": 58, "ipv6-icmp": 58, "sctp": 132, "ospf": 89}
PROTO_NAMES = dict((v, k) for k, v in PROTO_NUMBERS.items() if k != "ipv6-icmp")
#: the client's source port of every sampled flow (an ephemeral port)
EPHEMERAL = 40000
#: source ports a flow to deny moves to on a stateless filter, when from EPHEMERAL it
#: would look like the reply of an admitted flow (replies are admitted by design there)
SOURCE_PORTS = (EPHEMERAL, 1024, 2048, 4096, 5000, 1)
DHCP_BROADCAST = ipaddress.ip_address("255.255.255.255")
#: what the voice networks may reach on the site's DNS and NTP servers. Kept here, apart
#: from plan.ESSENTIALS, on purpose: this is the check of what the drivers push.
ESSENTIAL_PORTS = (("dns", (("udp", 53), ("tcp", 53))), ("ntp", (("udp", 123),)))


def proto_name(value):
    """'udp', 17, '17' -> 'udp'; unknown numbers stay their decimal string."""
    if isinstance(value, int):
        return PROTO_NAMES.get(value, str(value))
    text = str(value).strip().lower()
    if text.isdigit():
        return PROTO_NAMES.get(int(text), text)
    return "icmpv6" if text == "ipv6-icmp" else text


def endpoint(value):
    """An address (ipaddress object) or a DNS name (lower case) for a flow end."""
    if isinstance(value, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        return value
    try:
        return ipaddress.ip_address(str(value).strip())
    except ValueError:
        return str(value).strip().lower().rstrip(".")


def is_name(value):
    return isinstance(value, str)


class Flow(object):
    """One packet's worth of a connection: the first packet, as the device sees it."""

    __slots__ = ("src", "dst", "proto", "dport", "sport", "ingress", "egress", "vlan", "state")

    def __init__(self, src, dst, proto, dport=None, sport=None, ingress=None, egress=None,
                 vlan=None, state="new"):
        self.src, self.dst = endpoint(src), endpoint(dst)
        self.proto = proto_name(proto)
        ported = self.proto in ("tcp", "udp", "sctp")
        self.dport = int(dport) if ported and dport is not None else None
        self.sport = (int(sport) if sport is not None else EPHEMERAL) if ported else None
        self.ingress, self.egress, self.vlan = ingress, egress, vlan
        # "new": a connection's first packet; "established": a reply (what a stateless
        # filter's ``established`` keyword matches)
        self.state = state

    @property
    def version(self):
        for end in (self.src, self.dst):
            if not is_name(end):
                return end.version
        return 4

    def reply(self):
        """The answer of the other side (what a stateless device must admit too)."""
        return Flow(self.dst, self.src, self.proto, self.sport, self.dport, self.egress,
                    self.ingress, self.vlan, state="established")

    def key(self):
        return (str(self.src), str(self.dst), self.proto, self.dport, self.sport,
                self.ingress, self.egress, self.vlan, self.state)

    def __eq__(self, other):
        return isinstance(other, Flow) and self.key() == other.key()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.key())

    def text(self):
        def end(addr, port):
            shown = "[%s]" % addr if not is_name(addr) and addr.version == 6 else str(addr)
            return shown if port is None else "%s:%d" % (shown, port)
        where = []
        if self.vlan is not None:
            where.append("vlan %s" % self.vlan)
        if self.ingress:
            where.append("in %s" % self.ingress)
        if self.egress:
            where.append("out %s" % self.egress)
        return "%s %s -> %s%s" % (self.proto, end(self.src, self.sport), end(self.dst, self.dport),
                                  (" (%s)" % ", ".join(where)) if where else "")

    __repr__ = text


class Verdict(object):
    """What the device does with a flow: ``action`` permit|deny, the ``rule`` that decided
    (text naming where it sits), the DSCP it ends up with (``dscp``, None: unchanged) and
    ``notes`` on anything the model could not read on the way."""

    __slots__ = ("action", "rule", "dscp", "notes")

    def __init__(self, action, rule, dscp=None, notes=()):
        self.action, self.rule, self.dscp, self.notes = action, rule, dscp, tuple(notes)

    @property
    def permitted(self):
        return self.action == PERMIT

    @property
    def certain(self):
        return not self.notes

    def __iter__(self):  # verdict(flow) -> (action, rule)
        return iter((self.action, self.rule))

    def __repr__(self):
        return "Verdict(%s, %r%s)" % (self.action, self.rule,
                                      ", dscp=%s" % self.dscp if self.dscp is not None else "")


# -- address and port sets --------------------------------------------------------------
def _span(net):
    return int(net.network_address), int(net.broadcast_address)


def _merge(spans):
    out = []
    for low, high in sorted(spans):
        if out and low <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], high)
        else:
            out.append([low, high])
    return [tuple(s) for s in out]


class Addresses(object):
    """A set of IPv4/IPv6 addresses (merged intervals) and DNS names.

    Names come from FQDN address objects: an exact name matches that name, ``*.x`` matches
    any name below x. ``Addresses.any()`` matches everything, names included. Flows to a
    name are how FQDN objects are checked: the model never resolves anything."""

    __slots__ = ("spans", "names", "everything")

    def __init__(self, items=(), everything=False):
        self.spans = {4: [], 6: []}
        self.names = set()
        self.everything = everything
        for item in items:
            self.add(item)

    @classmethod
    def any(cls):
        return cls(everything=True)

    def add(self, item):
        """An address, CIDR, address/netmask, 'low-high' range, ipaddress object or name."""
        if isinstance(item, Addresses):
            return self.update(item)
        if isinstance(item, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
            self._put(item.version, _span(item))
            return self
        if isinstance(item, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
            self._put(item.version, (int(item), int(item)))
            return self
        text = str(item).strip()
        if "-" in text and not text.startswith("*") and _looks_like_range(text):
            low, high = (ipaddress.ip_address(p.strip()) for p in text.split("-", 1))
            return self.add_range(low, high)
        try:
            net = ipaddress.ip_network(text.replace(" ", "/"), strict=False)
        except ValueError:
            self.names.add(text.lower().rstrip("."))
            return self
        self._put(net.version, _span(net))
        return self

    def add_range(self, low, high):
        low, high = ipaddress.ip_address(low), ipaddress.ip_address(high)
        self._put(low.version, (int(low), int(high)))
        return self

    def _put(self, version, span):
        self.spans[version] = _merge(self.spans[version] + [span])

    def update(self, other):
        if other.everything:
            self.everything = True
        for version in (4, 6):
            self.spans[version] = _merge(self.spans[version] + other.spans[version])
        self.names |= other.names
        return self

    def __contains__(self, value):
        if self.everything:
            return True
        value = endpoint(value)
        if is_name(value):
            return any(value == n or (n.startswith("*.") and fnmatch.fnmatchcase(value, n))
                       for n in self.names)
        number = int(value)
        return any(low <= number <= high for low, high in self.spans[value.version])

    def empty(self):
        return not (self.everything or self.names or self.spans[4] or self.spans[6])

    def text(self):
        if self.everything:
            return "any"
        parts = []
        for version in (4, 6):
            cls = ipaddress.IPv4Address if version == 4 else ipaddress.IPv6Address
            for low, high in self.spans[version]:
                for net in ipaddress.summarize_address_range(cls(low), cls(high)):
                    parts.append(str(net))
        return " ".join(parts + sorted(self.names)) or "none"


def _looks_like_range(text):
    left, _sep, right = text.partition("-")
    try:
        ipaddress.ip_address(left.strip())
        ipaddress.ip_address(right.strip())
    except ValueError:
        return False
    return True


class Ports(object):
    """A set of ports as merged intervals."""

    __slots__ = ("spans",)

    def __init__(self, spans=()):
        self.spans = _merge([(int(a), int(b)) for a, b in spans])

    @classmethod
    def one(cls, port):
        return cls([(port, port)])

    def add(self, low, high=None):
        self.spans = _merge(self.spans + [(int(low), int(low if high is None else high))])
        return self

    def __contains__(self, port):
        return port is not None and any(low <= port <= high for low, high in self.spans)

    def text(self):
        return ",".join(str(a) if a == b else "%d-%d" % (a, b) for a, b in self.spans)


# -- rules --------------------------------------------------------------------------------
class Rule(object):
    """One first-match entry. ``None`` in a field means "any".

    ``protos``: protocol names; ``sports``/``dports``: Ports (they imply a ported protocol);
    ``iif``/``oif``: interface names or fnmatch patterns; ``zones``: (from, to) zone names;
    ``states``: conntrack states the rule needs (a sampled flow is ``new``); ``negate``:
    fields whose match is inverted; ``unknown``: conditions the model could not read (the
    rule is taken to match, and the verdict says so); ``then``: free data for the model
    (a jump target, a DSCP value)."""

    __slots__ = ("action", "label", "src", "dst", "protos", "sports", "dports", "iif", "oif",
                 "states", "negate", "unknown", "then", "vlan")

    def __init__(self, action, label, src=None, dst=None, protos=None, sports=None, dports=None,
                 iif=None, oif=None, states=None, negate=(), unknown=(), then=None, vlan=None):
        self.action, self.label = action, label
        self.src, self.dst = src, dst
        self.protos = set(proto_name(p) for p in protos) if protos is not None else None
        self.sports, self.dports = sports, dports
        self.iif = set(iif) if iif is not None else None
        self.oif = set(oif) if oif is not None else None
        self.states = set(states) if states is not None else None
        self.negate = set(negate)
        self.unknown = list(unknown)
        self.then = then
        self.vlan = vlan

    def _field(self, name, hit):
        return (not hit) if name in self.negate else hit

    def matches(self, flow, state=None):
        """True when ``flow`` (in conntrack ``state``, default the flow's) meets every
        condition."""
        state = state or flow.state
        checks = (
            ("src", self.src is None or flow.src in self.src),
            ("dst", self.dst is None or flow.dst in self.dst),
            ("protos", self.protos is None or flow.proto in self.protos),
            ("sports", self.sports is None or flow.sport in self.sports),
            ("dports", self.dports is None or flow.dport in self.dports),
            ("iif", self.iif is None or _iface_in(flow.ingress, self.iif)),
            ("oif", self.oif is None or _iface_in(flow.egress, self.oif)),
            ("states", self.states is None or state in self.states),
            ("vlan", self.vlan is None or flow.vlan == self.vlan),
        )
        return all(self._field(name, hit) for name, hit in checks)

    def text(self):
        return self.label


def _iface_in(name, patterns):
    return name is not None and any(name == p or fnmatch.fnmatchcase(name, p) for p in patterns)


def first_match(rules, flow, state=None):
    """The first rule of ``rules`` that ``flow`` meets, or None."""
    for rule in rules:
        if rule.matches(flow, state):
            return rule
    return None


# -- the policy of one device -------------------------------------------------------------
class Policy(object):
    """A device's policy as a packet meets it. Models set the class attributes, fill
    ``interfaces`` / ``routes`` and implement ``verdict``.

    ``stateful``: replies of an admitted connection return by state (a stateless ACL
    device must admit the reply packet too). ``fqdn_objects`` / ``wildcard_fqdn``: the
    platform can match exact DNS names / ``*.`` domains, so flows to names are checked.
    ``marks``: the model evaluates DSCP marking (verdict.dscp)."""

    platform = None
    stateful = True
    fqdn_objects = False
    wildcard_fqdn = False
    marks = False
    #: False: the device filters nothing the collection can bind (an L2 switch)
    filters = True

    def __init__(self):
        self.interfaces = {}    # name -> [ip_interface, ...]
        self.routes = []        # [(ip_network, interface)], most specific first
        self.notes = []         # what the model met and could not read

    def add_address(self, interface, address):
        try:
            value = ipaddress.ip_interface(str(address).strip().replace(" ", "/"))
        except ValueError:
            self.notes.append("interface %s: unreadable address %r" % (interface, address))
            return
        self.interfaces.setdefault(interface, [])
        if value not in self.interfaces[interface]:
            self.interfaces[interface].append(value)

    def add_route(self, network, interface):
        try:
            net = ipaddress.ip_network(str(network).strip().replace(" ", "/"), strict=False)
        except ValueError:
            return
        self.routes.append((net, interface))
        self.routes.sort(key=lambda r: -r[0].prefixlen)

    def interface_of(self, address):
        """The interface whose connected network holds ``address`` (longest prefix)."""
        address = endpoint(address)
        if is_name(address):
            return None
        best = None
        for name in sorted(self.interfaces):
            for value in self.interfaces[name]:
                if value.version == address.version and address in value.network and (
                        best is None or value.network.prefixlen > best[0]):
                    best = (value.network.prefixlen, name)
        return best[1] if best else None

    def owned(self):
        """The device's own addresses: a packet from one of them is locally originated, it
        enters no interface, so no flow is sampled from it."""
        return set(value.ip for values in self.interfaces.values() for value in values)

    def route(self, address):
        """The egress interface for ``address``: connected first, then static routes."""
        found = self.interface_of(address)
        if found:
            return found
        address = endpoint(address)
        if is_name(address):
            return None
        for net, interface in self.routes:
            if net.version == address.version and address in net:
                return interface
        return None

    def verdict(self, flow):
        """must implement: the device's verdict for the first packet of ``flow``."""
        raise NotImplementedError

    def lines(self):
        """The ordered policy as text (what the model read), for reports and debugging."""
        return []


# -- what the provider needs: samples from the catalog's rules ------------------------------
class Sample(object):
    """A flow with the verdict the catalog expects (``expect``), why (``why``: the rule id,
    or the reason it must be denied) and, for switches, the DSCP it must carry."""

    __slots__ = ("flow", "expect", "why", "dscp", "reply")

    def __init__(self, flow, expect, why, dscp=None, reply=True):
        self.flow, self.expect, self.why, self.dscp, self.reply = flow, expect, why, dscp, reply


class Allowed(object):
    """The flows the allowlist intent asks for: provider rules, DNS, NTP and DHCP."""

    def __init__(self, cfg):
        self.voice = Addresses(cfg.get("voice_networks") or [])
        self.entries = []   # (label, direction, proto, low, high, Addresses)
        for rule in cfg.get("rules") or []:
            peers = Addresses(list(rule.get("addresses") or []) + list(rule.get("fqdns") or []))
            self.entries.append((rule["id"], rule["direction"], rule["proto"], rule["port_min"],
                                 rule["port_max"], peers))
        essentials = cfg.get("essentials") or {}
        for kind, services in ESSENTIAL_PORTS:
            if essentials.get(kind):
                for proto, port in services:
                    self.entries.append(("essentials-%s" % kind, "outbound", proto, port, port,
                                         Addresses(essentials[kind])))
        # DHCP (client 68 -> server 67): the broadcast and a server inside the voice
        # network (the gateway itself); nothing else.
        dhcp = Addresses([DHCP_BROADCAST]).update(self.voice)
        self.entries.append(("essentials-dhcp", "outbound", "udp", 67, 67, dhcp))

    def allows(self, flow):
        """The label of the entry admitting ``flow``, or None."""
        for label, direction, proto, low, high, peers in self.entries:
            if proto != flow.proto or not low <= (flow.dport or -1) <= high:
                continue
            if label == "essentials-dhcp" and flow.sport != 68:
                continue
            if direction in ("outbound", "both") and flow.src in self.voice and flow.dst in peers:
                return label
            if direction in ("inbound", "both") and flow.dst in self.voice and flow.src in peers:
                return label
        return None


def _hosts(net_text, limit=2, avoid=()):
    """Sample hosts of a network: the middle one and the last usable one, each stepped
    down past the addresses in ``avoid`` (the device's own)."""
    net = ipaddress.ip_network(net_text, strict=False)
    if net.num_addresses <= 2:
        return [net.network_address] if net.num_addresses == 1 else [net.network_address + 1]
    picks = [net.network_address + net.num_addresses // 2, net.broadcast_address - 1]
    out = []
    for pick in picks:
        while pick in avoid and pick > net.network_address + 1:
            pick -= 1
        if pick not in out and pick not in avoid:
            out.append(pick)
    return out[:limit]


def _ports(low, high):
    picks = [low, high, (low + high) // 2]
    return sorted(set(picks))


#: a name under each wildcard domain, as a sampled flow's destination
WILDCARD_SAMPLE = "voipready-sample"


def _outsider(cfg, version, taken):
    """A documentation address no rule, essential or voice network names."""
    bases = (["203.0.113.%d" % n for n in range(200, 250)] +
             ["198.51.100.%d" % n for n in range(200, 250)] +
             ["192.0.2.%d" % n for n in range(200, 250)]) if version == 4 else \
        ["2001:db8:ffff::%x" % n for n in range(200, 250)]
    for text in bases:
        if text not in taken:
            return ipaddress.ip_address(text)
    return None


def allowlist_samples(cfg, policy, voice_iface, outside_iface):
    """(samples, not_checked notes) for an allowlist intent on ``policy``'s platform.

    Every provider rule x direction x sampled peer address (or DNS name) x port (low,
    high, middle) from each voice network must be permitted; with ``enforce``, flows from
    the voice networks (and new ones towards them) that no rule, DNS, NTP or DHCP entry
    asks for must be denied."""
    allowed = Allowed(cfg)
    taken = Addresses()
    for entry in allowed.entries:
        taken.update(entry[5])
    taken.update(allowed.voice)
    samples, skipped = [], []
    fqdn_mode = cfg.get("fqdn_mode", "auto")
    # a voice host is a phone, never the device itself (a router's loopback inside the
    # voice network would be a locally originated source that enters no interface)
    owned = policy.owned()
    voice_hosts = [h for net in cfg.get("voice_networks") or [] for h in _hosts(net, avoid=owned)]

    def ends(direction, voice, peer):
        if direction == "outbound":
            return voice, peer, voice_iface(voice), outside_iface(peer)
        return peer, voice, outside_iface(peer), voice_iface(voice)

    for rule in cfg.get("rules") or []:
        directions = ("outbound", "inbound") if rule["direction"] == "both" else (rule["direction"],)
        peers = []
        for address in rule.get("addresses") or []:
            peers.extend(_hosts(address))
        names = []
        # fqdn_mode auto: a rule's exact names stand in for its addresses when it has none
        # (with addresses, the addresses are what is pushed and checked)
        stand_ins = [n for n in rule.get("fqdns") or [] if not n.startswith("*.")
                     and fqdn_mode == "auto" and rule.get("addresses")]
        for name in rule.get("fqdns") or []:
            wildcard = name.startswith("*.")
            if name in stand_ins or fqdn_mode in ("skip", "resolve") or (
                    not policy.fqdn_objects if not wildcard else not policy.wildcard_fqdn):
                continue
            names.append(WILDCARD_SAMPLE + name[1:] if wildcard else name)
        unmatched = [n for n in rule.get("fqdns") or [] if n not in stand_ins and
                     (WILDCARD_SAMPLE + n[1:] if n.startswith("*.") else n) not in names]
        if unmatched:
            why = ("fqdn_mode=%s" % fqdn_mode if fqdn_mode in ("skip", "resolve") else
                   "%s cannot match %s" % (policy.platform, "wildcard domains" if all(
                       n.startswith("*.") for n in unmatched) else "DNS names"))
            skipped.append("%s: %s not checked (%s)" % (rule["id"], ", ".join(unmatched), why))
        for voice in voice_hosts:
            for peer in peers + names:
                if not is_name(peer) and peer.version != voice.version:
                    continue
                for direction in directions:
                    for port in _ports(rule["port_min"], rule["port_max"]):
                        src, dst, iin, iout = ends(direction, voice, peer)
                        flow = Flow(src, dst, rule["proto"], port, ingress=iin, egress=iout)
                        samples.append(Sample(flow, PERMIT, rule["id"]))
    essentials = cfg.get("essentials") or {}
    for kind, services in ESSENTIAL_PORTS:
        for server in essentials.get(kind) or []:
            for address in _hosts(server, 1):
                for voice in voice_hosts:
                    if voice.version != address.version:
                        continue
                    for proto, port in services:
                        src, dst, iin, iout = ends("outbound", voice, address)
                        samples.append(Sample(Flow(src, dst, proto, port, ingress=iin, egress=iout),
                                              PERMIT, "essentials-%s" % kind))
    if cfg.get("enforce"):
        samples.extend(_denied_samples(cfg, allowed, taken, voice_hosts, ends,
                                       not policy.stateful))
    return samples, skipped


def _denied_samples(cfg, allowed, taken, voice_hosts, ends, stateless):
    """Flows the catalog does not ask for: next to each rule (ports just outside its range,
    the other protocol, an address it does not name) and the usual suspects.

    ``stateless``: a filter without connection state must admit the replies of what it
    admits, so a flow shaped like such a reply (from a port of an admitted flow's far end,
    to its near end) is admitted by design and is not sampled as one to deny."""
    out, seen = [], set()

    def add(flow, why):
        if stateless and flow.dport is not None and allowed.allows(flow.reply()):
            # from a source port no admitted flow answers from (so not reply-shaped)
            for sport in SOURCE_PORTS:
                moved = Flow(flow.src, flow.dst, flow.proto, flow.dport, sport=sport,
                             ingress=flow.ingress, egress=flow.egress)
                if not allowed.allows(moved.reply()):
                    flow = moved
                    break
            else:
                return
        if flow.key() in seen or allowed.allows(flow):
            return
        seen.add(flow.key())
        out.append(Sample(flow, DENY, why))

    for voice in voice_hosts:
        stranger = _outsider(cfg, voice.version, taken)
        for rule in cfg.get("rules") or []:
            peers = [h for a in rule.get("addresses") or [] for h in _hosts(a, 1)
                     if ipaddress.ip_address(h).version == voice.version]
            low, high = rule["port_min"], rule["port_max"]
            other = "tcp" if rule["proto"] == "udp" else "udp"
            for peer in peers[:1]:
                for port in (low - 1, high + 1):
                    if 1 <= port <= 65535:
                        for direction in ("outbound", "inbound"):
                            src, dst, iin, iout = ends(direction, voice, peer)
                            add(Flow(src, dst, rule["proto"], port, ingress=iin, egress=iout),
                                "port %d is outside %s" % (port, rule["id"]))
                src, dst, iin, iout = ends("outbound", voice, peer)
                add(Flow(src, dst, other, low, ingress=iin, egress=iout),
                    "%s is not the protocol of %s" % (other, rule["id"]))
                if rule["direction"] == "outbound":
                    src, dst, iin, iout = ends("inbound", voice, peer)
                    add(Flow(src, dst, rule["proto"], low, ingress=iin, egress=iout),
                        "%s is outbound only" % rule["id"])
            if stranger is not None:
                for direction in ("outbound", "inbound"):
                    src, dst, iin, iout = ends(direction, voice, stranger)
                    add(Flow(src, dst, rule["proto"], low, ingress=iin, egress=iout),
                        "%s is not a destination of %s" % (stranger, rule["id"]))
        if stranger is not None:
            for proto, port, sport, why in (("udp", 53, None, "DNS to an unlisted server"),
                                            ("tcp", 53, None, "DNS to an unlisted server"),
                                            ("udp", 123, None, "NTP to an unlisted server"),
                                            ("udp", 67, 68, "DHCP to a remote address"),
                                            ("tcp", 22, None, "SSH out of the voice network"),
                                            ("tcp", 80, None, "HTTP out of the voice network")):
                src, dst, iin, iout = ends("outbound", voice, stranger)
                add(Flow(src, dst, proto, port, sport=sport, ingress=iin, egress=iout), why)
            src, dst, iin, iout = ends("outbound", voice, stranger)
            add(Flow(src, dst, "icmp", ingress=iin, egress=iout), "ICMP out of the voice network")
    return out


def class_dscp(classes, flow, replies=True):
    """The DSCP of the QoS class whose match covers ``flow`` (by destination address and
    port; with ``replies`` also by source address and port), None when none does."""
    for cls in sorted(classes or [], key=lambda c: -c["dscp"]):
        for match in cls["matches"]:
            if match["proto"] != flow.proto:
                continue
            peers = Addresses(match["addresses"]) if match["addresses"] else Addresses.any()
            if flow.dst in peers and match["port_min"] <= (flow.dport or -1) <= match["port_max"]:
                return cls["dscp"]
            if replies and flow.src in peers and \
                    match["port_min"] <= (flow.sport or -1) <= match["port_max"]:
                return cls["dscp"]
    return None


def qos_samples(intent, phone_port, uplink):
    """For a switch: every class match's flow in the voice VLAN carries the class DSCP, and
    the same flow on a port just outside the class does not."""
    vlan = (intent.get("voice_vlan") or {}).get("voice_vlan", {}).get("id")
    classes = (intent.get("qos") or {}).get("classes") or []
    phone = ipaddress.ip_address("192.0.2.10")
    out = []

    def marked(flow):
        return class_dscp(classes, flow)

    for cls in classes:
        for match in cls["matches"]:
            peers = [h for a in match["addresses"] for h in _hosts(a, 1)] or \
                [ipaddress.ip_address("203.0.113.99")]
            for peer in peers:
                if peer.version != phone.version:
                    continue
                for port in _ports(match["port_min"], match["port_max"]):
                    flow = Flow(phone, peer, match["proto"], port, ingress=phone_port,
                                egress=uplink, vlan=vlan)
                    out.append(Sample(flow, PERMIT, "qos %s" % cls["name"], dscp=cls["dscp"]))
                    back = Flow(peer, phone, match["proto"], EPHEMERAL, sport=port, ingress=uplink,
                                egress=phone_port, vlan=vlan)
                    out.append(Sample(back, PERMIT, "qos %s (reply)" % cls["name"],
                                      dscp=cls["dscp"]))
                for port in (match["port_min"] - 1, match["port_max"] + 1):
                    if 1 <= port <= 65535:
                        flow = Flow(phone, peer, match["proto"], port, ingress=phone_port,
                                    egress=uplink, vlan=vlan)
                        if marked(flow) is None:
                            out.append(Sample(flow, PERMIT, "port %d is outside qos %s"
                                              % (port, cls["name"]), dscp=None))
    return out


# -- the check ------------------------------------------------------------------------------
def _dscp_text(value):
    return "none (unchanged)" if value is None else str(value)


def _judge(policy, sample):
    """(None when the device does what the sample expects, else what it does instead;
    the model's notes)."""
    verdict = policy.verdict(sample.flow)
    notes = list(verdict.notes)
    if verdict.action != sample.expect:
        return ("admitted by %s" if verdict.permitted else "denied by %s") % verdict.rule, notes
    if sample.expect != PERMIT:
        return None, notes
    if not policy.stateful and sample.reply:
        back = policy.verdict(sample.flow.reply())
        notes += list(back.notes)
        if not back.permitted:
            return "denied on the way back: its reply %s is denied by %s" % (
                sample.flow.reply().text(), back.rule), notes
    # a qos sample "port N is outside ..." must stay unmarked (dscp None)
    if policy.marks and (sample.dscp is not None or sample.why.startswith("port ")) and \
            verdict.dscp != sample.dscp:
        return "admitted by %s but leaves with DSCP %s, not %s" % (
            verdict.rule, _dscp_text(verdict.dscp), _dscp_text(sample.dscp)), notes
    return None, notes


def run_samples(policy, samples):
    """Evaluate every sample: (missing, extra, notes). ``missing``: flows the catalog asks
    for that the device does not admit (or marks wrong); ``extra``: flows it admits that
    nothing asks for. Each line names the rule that decided."""
    missing, extra, notes = [], [], []
    for sample in samples:
        wrong, more = _judge(policy, sample)
        for note in more:
            if note not in notes:
                notes.append(note)
        if wrong:
            line = "%s [%s]: %s" % (sample.flow.text(), sample.why, wrong)
            (extra if sample.expect == DENY else missing).append(line)
    return missing, extra, notes


def check(policy, intent, applicable=True, qos_applicable=True):
    """The ``flows`` compliance cell for one device: ``{"status", "reason", "missing",
    "extra", "commands": [], "sampled"}``.

    ``intent``: the validated intent; the allowlist's rules are the catalog's, its voice
    networks, inside/outside interfaces and essentials say where the flows come from.
    ``applicable``: False when the platform does not do the allowlist (a switch): then the
    QoS classes are checked where the model evaluates marking, else nothing is.
    ``qos_applicable``: the platform marks DSCP (with ``qos`` in the intent and a model
    that evaluates marking, outbound provider flows must carry their class's DSCP)."""
    cfg = intent.get("allowlist")
    if cfg and applicable and policy.filters:
        def voice_iface(address):
            return policy.interface_of(address) or _first(cfg.get("inside_interfaces"))

        def outside_iface(address):
            found = policy.route(address)
            if found and found != policy.interface_of(_first_voice(cfg)):
                return found
            return _first(cfg.get("outside_interfaces")) or found

        samples, skipped = allowlist_samples(cfg, policy, voice_iface, outside_iface)
        classes = (intent.get("qos") or {}).get("classes")
        if policy.marks and classes and qos_applicable:
            # where the platform's marking is modelled: the phones' flows towards the
            # provider leave with their class's DSCP (classification where voice enters)
            voice = Addresses(cfg.get("voice_networks") or [])
            for sample in samples:
                if sample.expect == PERMIT and sample.flow.src in voice:
                    sample.dscp = class_dscp(classes, sample.flow, replies=False)
        if not cfg.get("voice_networks"):
            return _cell("not_applicable", "flows are sampled from the voice networks; "
                                           "allowlist.voice_networks is empty", [], [], 0)
    elif intent.get("qos") and policy.marks:
        vv = intent.get("voice_vlan") or {}
        samples = qos_samples(intent, _first(vv.get("phone_ports")), _first(vv.get("uplink_ports")))
        skipped = []
    else:
        return _cell("not_applicable",
                     "the flows check reads what the allowlist admits; %s" % (
                         "this host has no allowlist intent" if not cfg else
                         "%s does not filter voice traffic here" % policy.platform), [], [], 0)
    if not samples:
        return _cell("not_applicable", "no flow to sample: %s" % (
            "the provider's rules carry no DSCP, so this switch marks nothing for it"
            if not cfg or not applicable else "no provider rule has an address or name this "
            "platform can match"), [], [], 0)
    missing, extra, notes = run_samples(policy, samples)
    positives = sum(1 for s in samples if s.expect == PERMIT)
    parts = ["%d flows sampled: %d the provider needs (%d not admitted), %d others from or to "
             "the voice networks (%d admitted)"
             % (len(samples), positives, len(missing), len(samples) - positives, len(extra))]
    if missing or extra:
        parts.append("each line names the rule that decided; a customer rule shadowing ours "
                     "is fixed on the device, not by this collection")
    parts += skipped + ["model: %s" % n for n in notes + policy.notes]
    status = "drift" if missing or extra else "compliant"
    return _cell(status, "; ".join(parts), missing, extra, len(samples))


def _cell(status, reason, missing, extra, sampled):
    return {"status": status, "reason": reason, "missing": missing, "extra": extra,
            "commands": [], "sampled": sampled}


def _first(items):
    items = list(items or [])
    return items[0] if items else None


def _first_voice(cfg):
    nets = cfg.get("voice_networks") or []
    return _hosts(nets[0], 1)[0] if nets else None
