# -*- coding: utf-8 -*-
"""Address and port arithmetic for allowlists (plain Python, standard library only).

Nothing here ever widens what is allowed: collapsing only merges networks whose
union is exactly the same set of addresses, and port merging only joins ranges that
overlap or touch.
"""

from __future__ import annotations

import ipaddress
import re

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

PORT_MIN = 1
PORT_MAX = 65535
PROTOCOLS = ("tcp", "udp")

#: Port keywords network operating systems accept and print in place of numbers (names ->
#: number): IOS and ASA know all of these, the others a subset (port_names). One table:
#: a name always means the same number, only the protocol that may use it differs
#: (biff/exec 512, cmd/rsh/syslog 514). netutils' IANA tables lack many (www, http,
#: cmd, h323, non500-isakmp): the vendors' keywords are not IANA's service names.
PORT_NAMES = {
    "aol": 5190, "bgp": 179, "biff": 512, "bootpc": 68, "bootps": 67, "chargen": 19,
    "cifs": 3020, "citrix-ica": 1494, "cmd": 514, "ctiqbe": 2748, "daytime": 13,
    "discard": 9, "dnsix": 195, "domain": 53, "drip": 3949, "echo": 7, "exec": 512,
    "finger": 79, "ftp": 21, "ftp-data": 20, "gopher": 70, "h323": 1720, "hostname": 101,
    "http": 80, "https": 443, "ident": 113, "imap4": 143, "irc": 194, "isakmp": 500,
    "kerberos": 750, "klogin": 543, "kshell": 544, "ldap": 389, "ldaps": 636,
    "login": 513, "lotusnotes": 1352, "lpd": 515, "mobile-ip": 434, "msrpc": 135,
    "nameserver": 42, "netbios-dgm": 138, "netbios-ns": 137, "netbios-ss": 139,
    "netbios-ssn": 139, "nfs": 2049, "nntp": 119, "non500-isakmp": 4500, "ntp": 123,
    "onep-plain": 15001, "onep-tls": 15002, "pcanywhere-data": 5631,
    "pcanywhere-status": 5632, "pim-auto-rp": 496, "pop2": 109, "pop3": 110, "pptp": 1723,
    "radius": 1645, "radius-acct": 1646, "rip": 520, "rsh": 514, "rtsp": 554,
    "secureid-udp": 5510, "sip": 5060, "smtp": 25, "snmp": 161, "snmptrap": 162,
    "sqlnet": 1521, "ssh": 22, "sunrpc": 111, "syslog": 514, "tacacs": 49, "talk": 517,
    "telnet": 23, "tftp": 69, "time": 37, "uucp": 540, "vxlan": 4789, "who": 513,
    "whois": 43, "www": 80, "xdmcp": 177,
}


def port_names(*names):
    """The PORT_NAMES entries a platform prints (``port_names("domain", "sip")``)."""
    return dict((name, PORT_NAMES[name]) for name in names)


# "10000-20000", "19099 … 20099" (the ivrpowers seed), "50,000 – 53,000" (cloudoe).
_RANGE_RE = re.compile(r"^\s*(\d[\d,]*)\s*(?:-|\u2026|\u2013|\.\.\.?|:)\s*(\d[\d,]*)\s*$")
_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def parse_network(value, field="address"):
    """One IP or CIDR (host bits must be zero) as an ip_network; else VoipReadyError."""
    if isinstance(value, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
        return value
    if isinstance(value, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        return ipaddress.ip_network(value)
    if not isinstance(value, str) or not value.strip():
        raise VoipReadyError("%s: %r is not an IP address or CIDR" % (field, value), field, value)
    text = value.strip()
    try:
        return ipaddress.ip_network(text, strict=True)
    except ValueError as exc:
        if "/" in text and "host bits set" in str(exc):
            # A CIDR with host bits set is ambiguous (host or network?): refuse, never guess.
            raise VoipReadyError("%s: %r is not a valid CIDR (host bits set)" % (field, value), field, value)
        raise VoipReadyError("%s: %r is not a valid IP address or CIDR" % (field, value), field, value)


def network_str(network):
    """A single host prints as a bare address, anything wider as a CIDR."""
    if network.prefixlen == network.max_prefixlen:
        return str(network.network_address)
    return str(network)


def network_sort_key(network):
    """Numeric order: IPv4 before IPv6, then address, then prefix length."""
    return (network.version, int(network.network_address), network.prefixlen)


def address_key(text):
    """network_sort_key of an address or CIDR as text; text that is neither (a running
    configuration's ``any``, an object name) sorts after every address. Host bits are
    ignored: ``192.0.2.1/24`` sorts as the network it names."""
    try:
        return network_sort_key(ipaddress.ip_network(text, strict=False))
    except ValueError:
        return (9, 0, 0)


def normalize_addresses(values, field="addresses"):
    """Validate, deduplicate and sort numerically; never merges or widens anything."""
    if values is None:
        return []
    if isinstance(values, (str, ipaddress.IPv4Network, ipaddress.IPv6Network)):
        values = [values]
    if not isinstance(values, (list, tuple, set)):
        raise VoipReadyError("%s: %r is not a list of IP addresses or CIDRs" % (field, values), field, values)
    networks = {parse_network(item, field) for item in values}
    return [network_str(net) for net in sorted(networks, key=network_sort_key)]


def _intervals(networks):
    """Exact coverage of networks as merged integer intervals per IP version."""
    spans = sorted((net.version, int(net.network_address), int(net.broadcast_address)) for net in networks)
    merged = []
    for version, low, high in spans:
        if merged and merged[-1][0] == version and low <= merged[-1][2] + 1:
            merged[-1][2] = max(merged[-1][2], high)
        else:
            merged.append([version, low, high])
    return [tuple(item) for item in merged]


def same_address_set(left, right):
    """True when both lists of IPs/CIDRs admit exactly the same addresses."""
    return _intervals(parse_network(v) for v in left) == _intervals(parse_network(v) for v in right)


def collapse_addresses(values, field="addresses"):
    """Collapse adjacent or nested networks only when the result is exactly the same set."""
    networks = [parse_network(item, field) for item in (values or [])]
    collapsed = []
    for version in (4, 6):
        same_version = [net for net in networks if net.version == version]
        collapsed.extend(ipaddress.collapse_addresses(same_version))
    if _intervals(collapsed) != _intervals(networks):  # pragma: no cover - guard, never expected
        return normalize_addresses(values, field)
    return [network_str(net) for net in sorted(collapsed, key=network_sort_key)]


def parse_port(value, field="port"):
    """One port number 1-65535 (int or digit string)."""
    if isinstance(value, bool):
        raise VoipReadyError("%s: %r is not a port number (1-65535)" % (field, value), field, value)
    if isinstance(value, int):
        port = value
    elif isinstance(value, str) and value.strip().isdigit():
        port = int(value.strip())
    else:
        raise VoipReadyError("%s: %r is not a port number (1-65535)" % (field, value), field, value)
    if not PORT_MIN <= port <= PORT_MAX:
        raise VoipReadyError("%s: %r is out of the port range 1-65535" % (field, value), field, value)
    return port


def parse_port_range(value, field="ports"):
    """A port or an inclusive range as (port_min, port_max).

    Accepts 5060, "5060", "6000-65535", "19099 … 20099", [6000, 65535] and
    {"port_min": 6000, "port_max": 65535}.
    """
    if isinstance(value, dict) and set(value) >= {"port_min", "port_max"}:
        low, high = value["port_min"], value["port_max"]
    elif isinstance(value, (list, tuple)) and len(value) == 2:
        low, high = value
    elif isinstance(value, str) and _RANGE_RE.match(value):
        low, high = (part.replace(",", "") for part in _RANGE_RE.match(value).groups())
    else:
        port = parse_port(value, field)
        return (port, port)
    low, high = parse_port(low, field), parse_port(high, field)
    if low > high:
        raise VoipReadyError("%s: %r is not a valid port range (start above end)" % (field, value), field, value)
    return (low, high)


def parse_port_ranges(value, field="ports"):
    """One port/range (5060, "6000-65535", {"port_min":..}) or a list of them, as tuples."""
    # A list is always a list of ports or ranges: reading [3478, 5349] as the range
    # 3478-5349 would silently widen the allowlist.
    if isinstance(value, list):
        if not value:
            raise VoipReadyError("%s: %r names no port" % (field, value), field, value)
        return [parse_port_range(item, field) for item in value]
    return [parse_port_range(value, field)]


def merge_port_ranges(ranges, field="ports"):
    """Sorted (port_min, port_max) tuples with overlapping and touching ranges joined."""
    spans = sorted(parse_port_range(item, field) for item in (ranges or []))
    merged = []
    for low, high in spans:
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [tuple(span) for span in merged]


def parse_proto(value, field="proto"):
    if isinstance(value, str) and value.strip().lower() in PROTOCOLS:
        return value.strip().lower()
    raise VoipReadyError("%s: %r is not a protocol (valid: %s)" % (field, value, ", ".join(PROTOCOLS)), field, value)


def is_wildcard_fqdn(name):
    return name.startswith("*.")


def valid_fqdn(name):
    """A host name, optionally with one leading "*." wildcard label."""
    if not isinstance(name, str) or not name or len(name) > 253:
        return False
    labels = name.lower().rstrip(".").split(".")
    if labels[0] == "*":
        labels = labels[1:]
    return len(labels) >= 2 and all(_LABEL_RE.match(label) for label in labels)
