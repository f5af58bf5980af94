"""RouterOS v7 configuration model for the EMULATED MikroTik router (lab test infrastructure,
never a real device; never the collection's drivers).

Built on the standard library. RouterOS holds its configuration as menus (``/ip firewall
filter``): ordered item lists (``add``, ``set``, ``remove``, ``place-before``), fixed lists
whose items exist by themselves (``/ip firewall service-port set sip``, ``/interface
ethernet set [ find default-name=ether1 ]``) and singletons (``/ip firewall connection
tracking set udp-timeout=...``). Menus, properties, defaults and ranges follow the MikroTik
RouterOS documentation (help.mikrotik.com: "Console", "Scripting" (``find``, ``where``),
"Configuration Management" (``/export``, ``terse``, ``verbose``), "Filter", "Mangle",
"Address-lists", "Connection tracking" (v7 defaults udp-timeout 30s, udp-stream-timeout 3m,
tcp-established-timeout 1d), "Service ports", "VLAN", "Bridging and Switching" (bridge VLAN
table), "Neighbor discovery", "Scheduler", "Backup"); the export layout follows public
exports (captures/routeros/SOURCE.md).

Changes apply at once (RouterOS has no candidate); each is a new configuration.
"""

import ipaddress
import re

DURATION = re.compile(r"^(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?(\d+ms)?$")


class RosError(Exception):
    """What the console prints for a refused command (``kind`` and the 1-based column)."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text


def seconds(value):
    if value.isdigit():
        return int(value)
    if re.match(r"^\d+:\d\d:\d\d$", value):
        h, m, s = (int(x) for x in value.split(":"))
        return h * 3600 + m * 60 + s
    total = 0
    for number, unit in re.findall(r"(\d+)(ms|w|d|h|m|s)", value):
        total += int(number) * {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1,
                                "ms": 0}[unit]
    return total


def duration(total):
    """RouterOS prints durations in the largest units: 90 -> 1m30s, 600 -> 10m."""
    out = ""
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if total >= size:
            out += "%d%s" % (total // size, unit)
            total %= size
    return out or "0s"


# -- property types: a function (name, value) -> canonical value, or RosError -----------------
def t_str(name, value):
    return value


def t_name(name, value):
    if not value:
        raise RosError("value of %s must be non-empty" % name)
    return value


def t_yesno(name, value):
    if value not in ("yes", "no"):
        raise RosError("input does not match any value of %s" % name)
    return value


def t_enum(*values):
    def check(name, value):
        if value not in values:
            raise RosError("input does not match any value of %s" % name)
        return value
    return check


def t_int(lo, hi):
    def check(name, value):
        if not re.match(r"^\d+$", value):
            raise RosError("invalid value for argument %s" % name)
        if not lo <= int(value) <= hi:
            raise RosError("value of %s out of range (%d..%d)" % (name, lo, hi))
        return str(int(value))
    return check


def t_duration(name, value):
    if not value or not (DURATION.match(value) or re.match(r"^\d+(:\d\d:\d\d)?$", value)):
        raise RosError("invalid value for argument %s" % name)
    return duration(seconds(value))


def t_address(name, value):
    """An address, prefix or range (address-list, src-address)."""
    try:
        net = ipaddress.ip_network(value, strict=False)
        return str(net.network_address) if net.prefixlen == net.max_prefixlen and "/" in value \
            and value.endswith("/32") else (value if "/" not in value else str(net))
    except ValueError:
        parts = value.split("-")
        if len(parts) == 2:
            try:
                ipaddress.ip_address(parts[0])
                ipaddress.ip_address(parts[1])
                return value
            except ValueError:
                pass
        if re.match(r"^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$", value):  # address-list FQDN
            return value
        raise RosError("invalid value for argument %s" % name)


def t_iface_address(name, value):
    try:
        ipaddress.ip_interface(value)
    except ValueError:
        raise RosError("invalid value for argument %s" % name)
    return value if "/" in value else value + "/32"


def t_ports(name, value):
    for part in value.split(","):
        low, _sep, high = part.partition("-")
        if not low.isdigit() or int(low) > 65535 or (high and (
                not high.isdigit() or int(high) > 65535 or int(high) < int(low))):
            raise RosError("invalid value for argument %s" % name)
    return value


def t_vlan_ids(name, value):
    for part in value.split(","):
        low, _sep, high = part.partition("-")
        if not low.isdigit() or not 1 <= int(low) <= 4094 or (high and (
                not high.isdigit() or not int(low) <= int(high) <= 4094)):
            raise RosError("invalid value for argument %s" % name)
    return value


def t_states(name, value):
    known = ("established", "related", "new", "invalid", "untracked")
    if not value or any(v.lstrip("!") not in known for v in value.split(",")):
        raise RosError("input does not match any value of %s" % name)
    return value


PROTOCOLS = ("tcp", "udp", "icmp", "gre", "ipsec-esp", "ipsec-ah", "ospf", "igmp", "icmpv6",
             "sctp", "udp-lite", "vrrp")
CHAINS = ("input", "forward", "output")
FILTER_ACTIONS = ("accept", "drop", "reject", "jump", "return", "log", "passthrough",
                  "fasttrack-connection", "add-src-to-address-list", "add-dst-to-address-list",
                  "tarpit")
MATCHERS = {
    "protocol": t_enum(*PROTOCOLS), "src-address": t_address, "dst-address": t_address,
    "src-address-list": t_name, "dst-address-list": t_name, "src-port": t_ports,
    "dst-port": t_ports, "in-interface": t_name, "out-interface": t_name,
    "in-interface-list": t_name, "out-interface-list": t_name, "connection-state": t_states,
    "connection-nat-state": t_enum("dstnat", "srcnat", "!dstnat", "!srcnat"),
    "ipsec-policy": t_str, "comment": t_str, "disabled": t_yesno, "log": t_yesno,
    "log-prefix": t_str,
}


class Menu(object):
    """One menu: ``kind`` list | fixed | single; its properties and their types."""

    def __init__(self, path, kind, props, required=(), defaults=None, key=None, fixed=None,
                 derived=None, refs=None, unique=None):
        self.path, self.kind, self.props = path, kind, dict(props)
        self.props.setdefault("comment", t_str)
        self.props.setdefault("disabled", t_yesno)
        self.required = tuple(required)
        self.defaults = dict(defaults or {})
        self.key = key            # the property that names an item (set NAME ...)
        self.fixed = fixed        # fixed items: [(key value, {props})]
        self.derived = derived    # function(item) -> extra properties the export shows
        self.refs = dict(refs or {})      # property -> what it must name
        self.unique = unique      # properties whose values together may exist once


def _network(item):
    if "address" in item:
        return {"network": str(ipaddress.ip_interface(item["address"]).network.network_address)}
    return {}


MENUS = dict((m.path, m) for m in (
    Menu("/interface ethernet", "fixed", {"name": t_name, "mtu": t_int(64, 9000),
                                          "l2mtu": t_int(64, 9000), "default-name": t_str,
                                          "advertise": t_str, "poe-out": t_str},
         key="default-name", fixed=[("ether%d" % i, {"default-name": "ether%d" % i,
                                                     "name": "ether%d" % i})
                                    for i in range(1, 9)]),
    Menu("/interface bridge", "list", {"name": t_name, "vlan-filtering": t_yesno,
                                       "protocol-mode": t_enum("none", "rstp", "stp", "mstp"),
                                       "admin-mac": t_str, "auto-mac": t_yesno,
                                       "frame-types": t_str, "ingress-filtering": t_yesno},
         required=("name",), key="name", unique=("name",)),
    Menu("/interface bridge port", "list", {
        "bridge": t_name, "interface": t_name, "pvid": t_int(1, 4094),
        "frame-types": t_enum("admit-all", "admit-only-untagged-and-priority-tagged",
                              "admit-only-vlan-tagged"), "ingress-filtering": t_yesno,
        "hw": t_yesno}, required=("bridge", "interface"), unique=("interface",),
        refs={"bridge": "bridge", "interface": "interface"}),
    Menu("/interface bridge vlan", "list", {"bridge": t_name, "vlan-ids": t_vlan_ids,
                                            "tagged": t_str, "untagged": t_str},
         required=("bridge", "vlan-ids"), refs={"bridge": "bridge"}),
    Menu("/interface vlan", "list", {"name": t_name, "interface": t_name,
                                     "vlan-id": t_int(1, 4095), "mtu": t_int(64, 9000)},
         required=("interface", "vlan-id"), key="name", unique=("name",),
         refs={"interface": "interface"}),
    Menu("/interface list", "list", {"name": t_name, "include": t_str, "exclude": t_str},
         required=("name",), key="name", unique=("name",)),
    Menu("/interface list member", "list", {"interface": t_name, "list": t_name},
         required=("interface", "list"), refs={"interface": "interface", "list": "list"}),
    Menu("/ip address", "list", {"address": t_iface_address, "interface": t_name,
                                 "network": t_str},
         required=("address", "interface"), derived=_network, refs={"interface": "interface"}),
    Menu("/ip pool", "list", {"name": t_name, "ranges": t_str}, required=("name",), key="name",
         unique=("name",)),
    Menu("/ip dhcp-server", "list", {"name": t_name, "interface": t_name,
                                     "address-pool": t_name, "lease-time": t_duration},
         required=("interface",), key="name", refs={"interface": "interface"}),
    Menu("/ip dhcp-server network", "list", {"address": t_str, "gateway": t_str,
                                             "dns-server": t_str}, required=("address",)),
    Menu("/ip route", "list", {"dst-address": t_str, "gateway": t_str,
                               "distance": t_int(1, 255)}, required=("gateway",)),
    Menu("/ip dns static", "list", {"name": t_name, "address": t_str}),
    Menu("/ip firewall address-list", "list", {"list": t_name, "address": t_address,
                                               "timeout": t_duration},
         required=("list", "address"), unique=("list", "address")),
    Menu("/ip firewall filter", "list", dict(MATCHERS, **{
        "chain": t_name, "action": t_enum(*FILTER_ACTIONS), "jump-target": t_name,
        "reject-with": t_str, "hw-offload": t_yesno}), required=("chain",),
        defaults={"action": "accept"}),
    Menu("/ip firewall nat", "list", dict(MATCHERS, **{
        "chain": t_name, "action": t_enum("accept", "masquerade", "src-nat", "dst-nat",
                                          "netmap", "redirect", "return", "jump"),
        "to-addresses": t_str, "to-ports": t_ports}), required=("chain",),
        defaults={"action": "accept"}),
    Menu("/ip firewall mangle", "list", dict(MATCHERS, **{
        "chain": t_name, "action": t_enum("accept", "change-dscp", "mark-connection",
                                          "mark-packet", "mark-routing", "passthrough",
                                          "return", "jump"),
        "new-dscp": t_int(0, 63), "passthrough": t_yesno, "new-connection-mark": t_name,
        "new-packet-mark": t_name}), required=("chain",), defaults={"action": "accept"}),
    Menu("/ip firewall service-port", "fixed", {"ports": t_ports, "sip-direct-media": t_yesno,
                                                "sip-timeout": t_duration},
         key="name", fixed=[(name, {"name": name, "disabled": "no"}) for name in (
             "ftp", "tftp", "irc", "h323", "sip", "pptp", "rtsp", "udplite", "dccp", "sctp")]),
    Menu("/ip service", "fixed", {"port": t_int(1, 65535), "address": t_str},
         key="name", fixed=[(name, {"name": name, "disabled": "no"}) for name in (
             "telnet", "ftp", "www", "ssh", "www-ssl", "api", "winbox", "api-ssl")]),
    Menu("/ip firewall connection tracking", "single", {
        "enabled": t_enum("auto", "yes", "no"), "udp-timeout": t_duration,
        "udp-stream-timeout": t_duration, "tcp-established-timeout": t_duration,
        "generic-timeout": t_duration, "icmp-timeout": t_duration,
        "tcp-close-timeout": t_duration, "loose-tcp-tracking": t_yesno},
        defaults={"enabled": "auto", "udp-timeout": "30s", "udp-stream-timeout": "3m",
                  "tcp-established-timeout": "1d", "generic-timeout": "10m",
                  "icmp-timeout": "10s", "tcp-close-timeout": "10s",
                  "loose-tcp-tracking": "yes"}),
    Menu("/ip neighbor discovery-settings", "single", {
        "discover-interface-list": t_name, "protocol": t_str,
        "lldp-med-net-policy-vlan": lambda n, v: v if v == "disabled" else t_int(1, 4094)(n, v)},
        defaults={"discover-interface-list": "LAN", "protocol": "cdp,lldp,mndp",
                  "lldp-med-net-policy-vlan": "disabled"}),
    Menu("/ip dns", "single", {"servers": t_str, "allow-remote-requests": t_yesno},
         defaults={"servers": "", "allow-remote-requests": "no"}),
    Menu("/system identity", "single", {"name": t_name}, defaults={"name": "MikroTik"}),
    Menu("/system clock", "single", {"time-zone-name": t_str, "time-zone-autodetect": t_yesno},
         defaults={"time-zone-name": "manual", "time-zone-autodetect": "yes"}),
    Menu("/system ntp client", "single", {"enabled": t_yesno, "servers": t_str},
         defaults={"enabled": "no", "servers": ""}),
    Menu("/system scheduler", "list", {"name": t_name, "start-time": t_str,
                                       "start-date": t_str, "interval": t_duration,
                                       "on-event": t_str, "policy": t_str},
         required=("name",), key="name", unique=("name",)),
))
#: the order /export prints menus in (RouterOS's own order, as the captures show it)
EXPORT_ORDER = ("/interface bridge", "/interface ethernet", "/interface vlan", "/interface list",
                "/ip pool", "/ip dhcp-server", "/interface bridge port",
                "/ip neighbor discovery-settings", "/interface bridge vlan",
                "/interface list member", "/ip address", "/ip dhcp-server network", "/ip dns",
                "/ip dns static", "/ip firewall address-list", "/ip firewall filter",
                "/ip firewall mangle", "/ip firewall nat", "/ip firewall service-port",
                "/ip firewall connection tracking", "/ip route", "/ip service",
                "/system clock", "/system identity", "/system ntp client",
                "/system scheduler")


class Config(object):
    """The configuration: {menu path: [item props]} (lists, fixed) or {props} (single)."""

    def __init__(self, data=None):
        self.data = data if data is not None else {}

    def items(self, path):
        menu = MENUS[path]
        if menu.kind == "single":
            return self.data.setdefault(path, {})
        if menu.kind == "fixed" and path not in self.data:
            self.data[path] = [dict(props) for _key, props in menu.fixed]
        return self.data.setdefault(path, [])

    # -- references -----------------------------------------------------------------------
    def interface_names(self):
        names = [i.get("name") for i in self.items("/interface ethernet")]
        for path in ("/interface bridge", "/interface vlan"):
            names += [i.get("name") for i in self.items(path)]
        return set(n for n in names if n)

    def exists(self, kind, value):
        if kind == "interface":
            return value in self.interface_names()
        if kind == "bridge":
            return value in set(i.get("name") for i in self.items("/interface bridge"))
        if kind == "list":
            return value in set(i.get("name") for i in self.items("/interface list")) | {
                "all", "none", "dynamic", "static"}
        return True

    # -- changes ----------------------------------------------------------------------------
    def check_props(self, menu, props):
        """Canonical values; RosError for a property the menu does not have or a value."""
        out = {}
        for key, value in props:
            if key not in menu.props:
                raise RosError("expected end of command")
            out[key] = menu.props[key](key, value)
        return out

    def add(self, path, props, place_before=None):
        menu = MENUS[path]
        if menu.kind != "list":
            raise RosError("bad command name add")
        item = dict((k, v) for k, v in props.items())
        for key in menu.required:
            if key not in item:
                raise RosError("failure: %s not specified" % key)
        if path == "/ip firewall filter" and item.get("action") == "jump" \
                and "jump-target" not in item:
            raise RosError("failure: jump-target not specified")
        self._check_refs(menu, item)
        items = self.items(path)
        if menu.unique and any(all(i.get(k) == item.get(k) for k in menu.unique) for i in items):
            raise RosError("failure: already have such %s" % (
                "entry" if path == "/ip firewall address-list" else "item"))
        if path == "/interface vlan" and "name" not in item:
            item["name"] = "vlan%s" % item["vlan-id"]
        if place_before is None:
            items.append(item)
        else:
            items.insert(place_before, item)
        return item

    def _check_refs(self, menu, item):
        for key, kind in menu.refs.items():
            if key in item and not self.exists(kind, item[key]):
                raise RosError("input does not match any value of %s" % key)

    def set(self, path, targets, props):
        menu = MENUS[path]
        if menu.kind == "single":
            self.items(path).update(props)
            for key, value in list(self.items(path).items()):
                if menu.defaults.get(key) == value:
                    del self.items(path)[key]
            return
        self._check_refs(menu, props)
        for item in targets:
            if menu.unique and any(k in props for k in menu.unique):
                probe = dict(item, **props)
                if any(other is not item and all(other.get(k) == probe.get(k)
                                                 for k in menu.unique)
                       for other in self.items(path)):
                    raise RosError("failure: already have such item")
            item.update(props)

    def remove(self, path, targets):
        menu = MENUS[path]
        if menu.kind != "list":
            raise RosError("failure: can not remove")
        ids = set(id(t) for t in targets)
        self.data[path] = [i for i in self.items(path) if id(i) not in ids]

    def find(self, path, query):
        """Items matching ``[ find k=v ... ]`` (``where`` optional; ``k~"regex"`` too)."""
        found = []
        for item in self.items(path):
            ok = True
            for key, op, value in query:
                have = item.get(key, "")
                if key == "disabled" and not have:
                    have = "no"
                if op == "=":
                    ok = ok and have == value
                elif op == "!=":
                    ok = ok and have != value
                else:
                    ok = ok and bool(re.search(value, have))
            if ok:
                found.append(item)
        return found

    # -- export ---------------------------------------------------------------------------
    def export_lines(self, terse=True, only=None):
        """``/export [terse]`` body lines (no header), menus in RouterOS's order."""
        out = []
        for path in EXPORT_ORDER:
            if only and not (path == only or path.startswith(only + " ")):
                continue
            menu = MENUS[path]
            lines = []
            if menu.kind == "single":
                props = self.items(path)
                if props:
                    lines.append("set " + _props(props))
            elif menu.kind == "fixed":
                defaults = dict(menu.fixed)
                for item in self.items(path):
                    default = defaults.get(item.get(menu.key), {})
                    changed = dict((k, v) for k, v in item.items() if default.get(k) != v)
                    if not changed:
                        continue
                    target = "[ find default-name=%s ]" % item[menu.key] \
                        if menu.key == "default-name" else item[menu.key]
                    lines.append("set %s %s" % (target, _props(changed)))
            else:
                for item in self.items(path):
                    props = dict(item)
                    if menu.derived:
                        props.update(menu.derived(item))
                    lines.append("add " + _props(props))
            if not lines:
                continue
            if terse:
                out += ["%s %s" % (path, line) for line in lines]
            else:
                out.append(path)
                out += [_wrap(line) for line in lines]
        return out


def quote(value):
    """Quoted only when it needs it, as /export does."""
    if value and re.match(r'^[\w.:,/@+*!-]+$', value):
        return value
    return '"%s"' % value.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$")


def _props(props):
    return " ".join("%s=%s" % (k, quote(v)) for k, v in sorted(props.items()))


def _wrap(line, width=80):
    """The non-terse export breaks lines before ``width`` with ``\\`` and 4 spaces."""
    words, out, current = line.split(" "), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width - 2:
            out.append(current + " \\")
            current = "    " + word
        else:
            current = word if not current else current + " " + word
    out.append(current)
    return "\n".join(out)
