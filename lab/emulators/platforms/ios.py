"""EMULATED Cisco IOS devices (lab test infrastructure; never a real device, never called one).

Two flavours: ``ios`` a router (Cisco IOSv, IOS 15.8(3)M2: GigabitEthernet0/0-0/3) and
``ios_cat`` a legacy Catalyst access switch (WS-C2960G-8TC-L, IOS 15.0(2)SE4:
GigabitEthernet0/1-0/8, VLAN database, ``mls qos``).

Built on: emulators.server (asyncssh), emulators.models.iosstyle (EXEC / configuration
modes), emulators.models.cli (the IOS parser's abbreviation, ``% Invalid input detected at
'^' marker.``, ``% Incomplete command.``, ``% Ambiguous command``) and
emulators.models.hier (hier_config's own ``cisco_ios`` driver decides what a line does to the
running configuration, through ``HConfig.future()``; the collection's drivers are never
used).

Where the behaviour comes from (command families, each cited in lab/README.md, "IOS"):
- Cisco IOS Configuration Fundamentals Command Reference and Configuration Guide (CLI,
  ``terminal length/width``, ``configure terminal``, ``show running-config``, ``write
  memory``, ``enable``/``enable secret``, ``username``, ``banner``, ``hostname``);
- Cisco IOS Security Command Reference (``ip access-list``, ``permit``/``deny`` (IP), the
  port names IOS prints, ``object-group network|service``);
- Cisco IOS IP Addressing Services Command Reference (``ip nat translation ...-timeout``,
  ``ip nat service sip``, ``ip nat inside|outside``);
- Cisco IOS Quality of Service Solutions Command Reference (``class-map``, ``policy-map``,
  ``set dscp``, ``service-policy``);
- Catalyst 2960 Switch Command Reference / Software Configuration Guide 15.0(2)SE
  (``switchport``, ``vlan``, ``vtp mode``, ``mls qos``, ``mls qos trust``, "Configuring QoS":
  with ``mls qos`` every port that does not trust re-marks DSCP to 0);
- captures (data, in captures/ios/, see SOURCE.md there): ``show version`` of an IOSv router
  (ntc-templates, Apache-2.0) and of a WS-C2960G-8TC-L (NAPALM mocked data, Apache-2.0),
  ``show hosts``, ``show vlan``, ``show ip interface brief`` layouts from the same sources.
"""

import hashlib
import ipaddress
import os
import re

from emulators.models.cli import Command, Grammar, ParamError
from emulators.models.hier import HierModel, Platform
from emulators.models.iosstyle import IosStyleDevice
from emulators.store import now

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURES = os.path.join(os.path.dirname(HERE), "captures", "ios")

#: Cisco's base64 alphabet of type 8/9 secrets ("./0-9A-Za-z").
_CISCO64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_STD64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def type9(secret, salt_seed):
    """A Cisco type 9 (scrypt N=16384 r=1 p=1) secret, salt derived from ``salt_seed`` so
    the same users file gives the same running configuration."""
    import base64
    salt = "".join(_CISCO64[b % 64] for b in hashlib.sha256(salt_seed.encode()).digest()[:14])
    digest = hashlib.scrypt(secret.encode(), salt=salt.encode(), n=16384, r=1, p=1, dklen=32)
    text = base64.b64encode(digest).decode().rstrip("=")
    return "$9$%s$%s" % (salt, text.translate(str.maketrans(_STD64, _CISCO64)))


# -- ports: the names IOS accepts and prints (Security Command Reference, permit (IP)) ---
TCP_PORTS = {
    "bgp": 179, "chargen": 19, "cmd": 514, "daytime": 13, "discard": 9, "domain": 53,
    "echo": 7, "exec": 512, "finger": 79, "ftp": 21, "ftp-data": 20, "gopher": 70,
    "hostname": 101, "ident": 113, "irc": 194, "klogin": 543, "kshell": 544, "login": 513,
    "lpd": 515, "nntp": 119, "pim-auto-rp": 496, "pop2": 109, "pop3": 110, "smtp": 25,
    "sunrpc": 111, "tacacs": 49, "talk": 517, "telnet": 23, "time": 37, "uucp": 540,
    "whois": 43, "www": 80,
}
UDP_PORTS = {
    "biff": 512, "bootpc": 68, "bootps": 67, "discard": 9, "dnsix": 195, "domain": 53,
    "echo": 7, "isakmp": 500, "mobile-ip": 434, "nameserver": 42, "netbios-dgm": 138,
    "netbios-ns": 137, "netbios-ss": 139, "non500-isakmp": 4500, "ntp": 123,
    "pim-auto-rp": 496, "rip": 520, "snmp": 161, "snmptrap": 162, "sunrpc": 111,
    "syslog": 514, "tacacs": 49, "talk": 517, "tftp": 69, "time": 37, "who": 513,
    "xdmcp": 177,
}
PORT_NAMES = {"tcp": TCP_PORTS, "udp": UDP_PORTS}
PORT_BY_NUMBER = {proto: {v: k for k, v in sorted(names.items(), reverse=True)}
                  for proto, names in PORT_NAMES.items()}
PROTOCOLS = ("ahp", "eigrp", "esp", "gre", "icmp", "igmp", "ip", "ipinip", "nos", "ospf",
             "pcp", "pim", "tcp", "udp")
DSCP_NAMES = ("af11", "af12", "af13", "af21", "af22", "af23", "af31", "af32", "af33", "af41",
              "af42", "af43", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7", "default", "ef")
DSCP_VALUES = {"default": 0, "ef": 46, "cs1": 8, "cs2": 16, "cs3": 24, "cs4": 32, "cs5": 40,
               "cs6": 48, "cs7": 56, "af11": 10, "af12": 12, "af13": 14, "af21": 18,
               "af22": 20, "af23": 22, "af31": 26, "af32": 28, "af33": 30, "af41": 34,
               "af42": 36, "af43": 38}

#: Lines IOS does not print because they state the default (the command references give
#: each default): removed from the model after every change.
DEFAULT_LINES = (
    (), (r"^ip nat translation udp-timeout 300$", r"^ip nat translation tcp-timeout 86400$",
         r"^ip nat translation timeout 86400$", r"^ip nat translation dns-timeout 60$",
         r"^ip nat translation icmp-timeout 60$", r"^ip nat translation finrst-timeout 60$",
         r"^ip nat translation syn-timeout 60$", r"^ip nat service sip (udp|tcp) port 5060$"),
)
IFACE_DEFAULTS = (r"^switchport access vlan 1$", r"^switchport mode dynamic auto$",
                  r"^switchport trunk native vlan 1$", r"^switchport voice vlan none$",
                  r"^mls qos trust none$")
#: ``no`` forms IOS keeps in the running configuration (the default is on); any other
#: ``no X`` that matched nothing changes nothing and is not kept.
KEPT_NEGATIONS = (
    r"^no ip nat service ", r"^no ip http ", r"^no ip domain[- ]lookup$", r"^no service ",
    r"^no ip address$", r"^no ipv6 cef$", r"^no ip source-route$", r"^no cdp run$",
    r"^no ip redirects$", r"^no ip proxy-arp$", r"^no ip unreachables$", r"^no keepalive$",
    r"^no negotiation auto$", r"^no logging console$", r"^no switchport$",
    r"^no mls qos rewrite ip dscp$", r"^no spanning-tree ", r"^no cdp enable$",
)

#: Single-value commands: a new value replaces the old one (hier_config's driver lists a
#: few; these complete it from the command references).
IDEMPOTENT = (
    (r"^hostname ",), (r"^enable secret ",), (r"^ip domain[- ]name ",),
    (r"^ip nat translation (\S+-timeout) ",), (r"^ip nat translation port-timeout (\S+ \d+) ",),
    (r"^ip nat service sip (udp|tcp) port ",), (r"^(no )?ip nat service sip (udp|tcp) port ",),
    (r"^ip default-gateway ",), (r"^vtp mode ",), (r"^spanning-tree mode ",),
    (r"^username (\S+) ",),
    (r"^interface ", r"^switchport access vlan "), (r"^interface ", r"^switchport voice vlan "),
    (r"^interface ", r"^switchport trunk native vlan "),
    (r"^interface ", r"^switchport trunk encapsulation "),
    (r"^interface ", r"^mls qos trust "), (r"^interface ", r"^encapsulation dot1Q "),
    (r"^interface ", r"^ip access-group \S+ (in|out)$"),
    (r"^interface ", r"^service-policy (input|output) "),
    (r"^interface ", r"^ip nat (inside|outside)$"), (r"^interface ", r"^duplex "),
    (r"^interface ", r"^speed "), (r"^interface ", r"^channel-group "),
    (r"^vlan ", r"^name "),
    (r"^policy-map ", r"^class ", r"^set (ip )?dscp "),
    (r"^line ", r"^transport input "), (r"^line ", r"^exec-timeout "),
)

#: Where IOS prints a new top-level line: after its own kind, else before these.
TOP_ANCHORS = (
    (r"^object-group ", r"^(class-map|policy-map|interface) "),
    (r"^class-map ", r"^(policy-map|interface) "),
    (r"^policy-map ", r"^interface "),
    (r"^vlan \d", r"^interface "),
    (r"^mls qos", r"^(vlan|interface) "),
    (r"^ip access-list ", r"^(logging|snmp-server|control-plane|banner|line) "),
    (r"^(no )?ip nat ", r"^ip route |^ip ssh |^ip access-list |^control-plane|^line "),
    (r"^ip route ", r"^ip ssh |^ip access-list |^control-plane|^line "),
)
#: Order IOS prints interface sub-commands in (observed in the captures).
IFACE_ORDER = (
    "description", "switchport trunk encapsulation", "switchport trunk native",
    "switchport trunk allowed", "switchport access", "switchport mode", "switchport nonegotiate",
    "switchport voice", "switchport port-security", "switchport", "encapsulation",
    "ip vrf", "vrf", "ip address", "no ip address", "ip access-group", "ip helper-address",
    "ip nat", "shutdown", "duplex", "speed", "media-type", "negotiation", "channel-group",
    "mls qos trust", "spanning-tree", "service-policy input", "service-policy output",
)


def _rank(text, order):
    """Index in ``order`` of the longest prefix of ``text`` (unknown lines go last)."""
    best, length = len(order), -1
    for index, prefix in enumerate(order):
        if (text == prefix or text.startswith(prefix + " ")) and len(prefix) > length:
            best, length = index, len(prefix)
    return best


# -- interfaces ----------------------------------------------------------------------------
IF_TYPES = ("GigabitEthernet", "FastEthernet", "TenGigabitEthernet", "Loopback", "Tunnel",
            "Port-channel", "Vlan", "Null")
IF_TYPE_RANK = {t: i for i, t in enumerate(IF_TYPES)}


def iface_sort_key(name):
    match = re.match(r"^([A-Za-z-]+)(.*)$", name)
    kind, rest = (match.group(1), match.group(2)) if match else (name, "")
    numbers = [int(n) for n in re.findall(r"\d+", rest)]
    if "." not in rest:
        numbers.append(-1)
    return (IF_TYPE_RANK.get(kind, 99), numbers)


class Hardware:
    """What a flavour's chassis has."""

    def __init__(self, physical, virtual, subinterfaces, version_file, flavour):
        self.physical = physical          # full names that exist
        self.virtual = virtual            # {type: (lo, hi)} that can be created
        self.subinterfaces = subinterfaces
        self.version_file = version_file
        self.flavour = flavour

    def types(self):
        kinds = {re.match(r"^[A-Za-z-]+", n).group(0) for n in self.physical}
        return sorted(kinds | set(self.virtual), key=lambda t: IF_TYPE_RANK.get(t, 99))


ROUTER = Hardware(["GigabitEthernet0/%d" % i for i in range(4)],
                  {"Loopback": (0, 2147483647), "Tunnel": (0, 2147483647),
                   "Port-channel": (1, 64), "Null": (0, 0)},
                  True, "ntc_iosv_show_version.raw", "router")
CATALYST = Hardware(["GigabitEthernet0/%d" % i for i in range(1, 9)],
                    {"Vlan": (1, 4094), "Port-channel": (1, 6), "Loopback": (0, 2147483647),
                     "Null": (0, 0)},
                    False, "napalm_c2960_show_version.txt", "catalyst")


def iface_type(hardware):
    """The IFACE parameter: ``Gi0/1``, ``gigabitethernet 0/1``, ``GigabitEthernet0/1.110``
    -> the canonical name, when the chassis has (or can create) it."""
    def parse(words, index):
        word = words[index]
        match = re.match(r"^([A-Za-z-]+)(.*)$", word)
        if not match:
            raise ParamError(0)
        prefix, number, used, offset, char = match.group(1), match.group(2), 1, 0, len(
            match.group(1))
        if not number:
            if index + 1 >= len(words):
                raise ParamError(1)
            number, used, offset, char = words[index + 1], 2, 1, 0
        kinds = [t for t in hardware.types() if t.lower().startswith(prefix.lower())]
        exact = [t for t in kinds if t.lower() == prefix.lower()]
        if len(kinds) != 1 and not exact:
            raise ParamError(0)
        kind = exact[0] if exact else kinds[0]
        name = kind + number
        base, _sep, sub = name.partition(".")
        if kind in hardware.virtual:
            lo, hi = hardware.virtual[kind]
            if not number.isdigit() or not lo <= int(number) <= hi:
                raise ParamError(offset, char)
            return used, name
        if base not in hardware.physical:
            bad = _first_bad_char(number, kind, hardware.physical)
            raise ParamError(offset, char + bad)
        if sub:
            if not hardware.subinterfaces or not sub.isdigit() or not 1 <= int(sub) <= 4294967295:
                raise ParamError(offset, char + len(number) - len(sub) - 1)
        return used, name
    return parse


def _first_bad_char(number, kind, physical):
    """Index in ``number`` of the first character no existing interface continues."""
    names = [n[len(kind):] for n in physical if n.startswith(kind)]
    for index in range(len(number) + 1):
        if not any(n.startswith(number[:index + 1]) for n in names):
            return index
    return len(number)


def vlan_list_type(words, index):
    """``10,20-30``: every VLAN 1-4094 (Catalyst 2960 Command Reference, ``vlan``)."""
    word = words[index]
    out = []
    for part in word.split(","):
        match = re.match(r"^(\d+)(?:-(\d+))?$", part)
        if not match:
            raise ParamError(0)
        lo, hi = int(match.group(1)), int(match.group(2) or match.group(1))
        if not 1 <= lo <= hi <= 4094:
            raise ParamError(0)
        out.append(part)
    return 1, ",".join(out)


def dscp_type(words, index):
    word = words[index].lower()
    if word in DSCP_NAMES:
        return 1, word
    if word.isdigit() and 0 <= int(word) <= 63:
        return 1, word
    raise ParamError(0)


def _mask_ok(text):
    try:
        ipaddress.IPv4Address(text)
        return True
    except ValueError:
        return False


class AceParser:
    """``{permit|deny} PROTOCOL SOURCE [PORTS] DESTINATION [PORTS] [OPTIONS]`` of an extended
    ACL (Security Command Reference, ``permit (IP)``/``deny (IP)``); object-groups must
    exist (``object-group`` references)."""

    def __init__(self, groups):
        self.groups = groups  # {"network": set(names), "service": set(names)}

    def __call__(self, words, index):
        self.words, self.i, self.out = words, index, []
        try:
            return self._parse(index)
        except _AceError as exc:
            raise ParamError(exc.at - index, message=exc.message, incomplete=exc.incomplete)

    def _parse(self, index):
        proto = self._proto()
        self._address()
        if proto in ("tcp", "udp"):
            self._ports(proto)
        self._address()
        if proto in ("tcp", "udp"):
            self._ports(proto)
        self._options(proto)
        return self.i - index, " ".join(self.out)

    def _fail(self):
        raise _AceError(self.i)

    def _proto(self):
        word = self._need().lower()
        if word == "object-group":
            self.out.append("object-group")
            self.i += 1
            name = self._need()
            if name not in self.groups["service"]:
                raise _AceError(self.i, "%% Object-group %s is not a service object-group or "
                                        "does not exist" % name)
            self.out.append(name)
            self.i += 1
            return "object-group"
        match = [p for p in PROTOCOLS if p.startswith(word)]
        exact = [p for p in match if p == word]
        if word.isdigit() and 0 <= int(word) <= 255:
            chosen = word
        elif exact or len(match) == 1:
            chosen = (exact or match)[0]
        else:
            self._fail()
        self.out.append(chosen)
        self.i += 1
        return chosen

    def _need(self):
        if self.i >= len(self.words):
            raise _AceError(self.i, incomplete=True)
        return self.words[self.i]

    def _address(self):
        word = self._need().lower()
        if word == "any":
            self.out.append("any")
            self.i += 1
        elif "host".startswith(word) and len(word) >= 2:
            self.i += 1
            address = self._need()
            if not _mask_ok(address):
                self._fail()
            self.out += ["host", address]
            self.i += 1
        elif word == "object-group":
            self.i += 1
            name = self._need()
            if name not in self.groups["network"]:
                raise _AceError(self.i, "%% Object-group %s is not a network object-group or "
                                        "does not exist" % name)
            self.out += ["object-group", name]
            self.i += 1
        elif _mask_ok(word):
            self.i += 1
            wildcard = self._need()
            if not _mask_ok(wildcard):
                self._fail()
            self.out += [word, wildcard]
            self.i += 1
        else:
            self._fail()

    def _port(self, proto):
        word = self._need().lower()
        if word.isdigit() and 0 <= int(word) <= 65535:
            self.i += 1
            return PORT_BY_NUMBER[proto].get(int(word), word)
        names = [n for n in PORT_NAMES[proto] if n.startswith(word)]
        exact = [n for n in names if n == word]
        if exact or len(names) == 1:
            self.i += 1
            return (exact or names)[0]
        self._fail()

    def _ports(self, proto):
        if self.i >= len(self.words):
            return
        word = self.words[self.i].lower()
        if word in ("eq", "neq", "lt", "gt"):
            self.i += 1
            ports = [self._port(proto)]
            while word == "eq" and self.i < len(self.words) and self._is_port(proto):
                ports.append(self._port(proto))
            self.out += [word] + ports
        elif word == "range":
            self.i += 1
            low = self._port(proto)
            high = self._port(proto)
            self.out += ["range", low, high]

    def _is_port(self, proto):
        word = self.words[self.i].lower()
        return (word.isdigit() and int(word) <= 65535) or word in PORT_NAMES[proto]

    def _options(self, proto):
        while self.i < len(self.words):
            word = self.words[self.i].lower()
            if word in ("log", "log-input", "fragments") or (
                    word == "established" and proto == "tcp"):
                self.out.append(word)
                self.i += 1
            elif word in ("dscp", "precedence"):
                self.i += 1
                value = self._need().lower()
                if word == "dscp" and not (value in DSCP_NAMES or (value.isdigit() and int(value) <= 63)):
                    self._fail()
                self.out += [word, value]
                self.i += 1
            else:
                self._fail()


class _AceError(Exception):
    def __init__(self, at, message=None, incomplete=False):
        super().__init__(at)
        self.at = at
        self.message = message
        self.incomplete = incomplete


# -- the device ----------------------------------------------------------------------------
class IosDevice(IosStyleDevice):
    platform = "ios"
    ssh_server_version = "Cisco-1.25"
    hardware = ROUTER
    initial_file = "ios_router.cfg"
    #: classic IOS (15.x) does not print ACL sequence numbers in show running-config
    show_acl_sequences = False

    # -- boot ------------------------------------------------------------------------------
    @classmethod
    def initial_config(cls, hostname, users):
        with open(os.path.join(HERE, "initial", cls.initial_file), encoding="utf-8") as handle:
            template = handle.read()
        lines = []
        enable = ""
        if users is not None:
            for name in sorted(users.accounts):
                account = users.accounts[name]
                lines.append("username %s privilege %d secret 9 %s" % (
                    name, account["privilege"], type9(account["password"], "user:" + name)))
            if users.enable_secret is not None:
                enable = "enable secret 9 %s" % type9(users.enable_secret, "enable")
        text = template.replace("{hostname}", hostname).replace(
            "{usernames}", "\n".join(lines)).replace("{enable}", enable)
        model = HierModel(Platform.CISCO_IOS, text, IDEMPOTENT, insert_index=cls.insert_index)
        cls._number_acls(model)
        return model.text()

    @staticmethod
    def _number_acls(model):
        """Sequence numbers 10, 20, ... on ACL entries loaded without them (as IOS does
        when it reads a configuration)."""
        for node in model.root.children:
            if node.text.startswith("ip access-list "):
                for index, child in enumerate(list(node.children)):
                    if not child.text.split()[0].isdigit():
                        child.text = "%d %s" % (10 * (index + 1), child.text)

    # -- model ----------------------------------------------------------------------------
    def model(self):
        return HierModel(Platform.CISCO_IOS, self.running, IDEMPOTENT,
                         insert_index=self.insert_index)

    def store_model(self, model, line):
        self._normalise(model)
        if self.set_running(model.text(), line=line, mode=self.stack[-1][0] if self.stack else ""):
            self.store.put_json("last-change.json", {"ts": now().isoformat(), "user": self.username})

    @staticmethod
    def _normalise(model):
        """What IOS does not print: default values and ``no`` forms that changed nothing."""
        for node in list(model.root.children):
            text = node.text
            if any(re.match(rx, text) for rx in DEFAULT_LINES[1]) or (
                    text.startswith("no ") and not any(re.match(rx, text) for rx in KEPT_NEGATIONS)):
                node.delete()
                continue
            if text.startswith("interface "):
                for child in list(node.children):
                    if any(re.match(rx, child.text) for rx in IFACE_DEFAULTS) or (
                            child.text.startswith("no ") and not any(
                                re.match(rx, child.text) for rx in KEPT_NEGATIONS)):
                        child.delete()
            elif node.children is not None:
                for child in list(node.children):
                    if child.text.startswith("no "):
                        child.delete()

    @staticmethod
    def insert_index(path, siblings, text):
        if not path:
            if text.startswith("interface "):
                key = iface_sort_key(text.split()[1])
                interfaces = [i for i, s in enumerate(siblings) if s.startswith("interface ")]
                before = [i for i in interfaces if iface_sort_key(siblings[i].split()[1]) < key]
                if before:
                    return before[-1] + 1
                return interfaces[0] if interfaces else len(siblings)
            for kind, before in TOP_ANCHORS:
                if re.match(kind, text):
                    same = [i for i, s in enumerate(siblings) if re.match(kind, s)]
                    if same:
                        return same[-1] + 1
                    for i, s in enumerate(siblings):
                        if re.match(before, s):
                            return i
            ends = [i for i, s in enumerate(siblings) if re.match(r"^(control-plane|banner|line) ", s)
                    or s == "control-plane"]
            return ends[0] if ends else len(siblings)
        if path[0].startswith("ip access-list "):
            seq = int(text.split()[0]) if text.split()[0].isdigit() else 1 << 40
            for i, s in enumerate(siblings):
                if s.split()[0].isdigit() and int(s.split()[0]) > seq:
                    return i
            return len(siblings)
        if len(path) == 1 and path[0].startswith("interface "):
            rank = _rank(text, IFACE_ORDER)
            for i, s in enumerate(siblings):
                if _rank(s, IFACE_ORDER) > rank:
                    return i
            return len(siblings)
        return len(siblings)

    def groups(self):
        found = {"network": set(), "service": set()}
        for match in re.finditer(r"(?m)^object-group (network|service) (\S+)$", self.running):
            found[match.group(1)].add(match.group(2))
        return found

    # -- output ---------------------------------------------------------------------------
    def render(self, text, for_startup=False):
        """``show running-config`` from the model (``!`` separators, ACL layout)."""
        model = HierModel(Platform.CISCO_IOS, text, IDEMPOTENT)
        body = []
        prev_block = True
        for head, children in model.top():
            block = bool(children) or head.startswith("banner ")
            if block and not prev_block:
                body.append("!")
            body.append(head)
            acl = head.startswith("ip access-list ")
            for depth, child in children:
                if acl:
                    words = child.split()
                    if words[0].isdigit() and not self.show_acl_sequences:
                        words = words[1:]
                    if words[0] == "deny":
                        words[0] = "deny  "
                    child = " ".join(words)
                body.append(" " * depth + child)
            if block:
                body.append("!")
            prev_block = block
        if body and body[-1] != "!":
            body.append("!")
        content = "\n".join(body) + "\nend\n"
        change = self.store.get_json("last-change.json")
        head = "!\n"
        if change and not for_startup:
            stamp = change["ts"][11:19]
            when = now().strftime("%a %b %d %Y") if not change else _stamp_date(change["ts"])
            head += "! Last configuration change at %s UTC %s by %s\n!\n" % (
                stamp, when, change["user"])
        content = head + content
        return "Building configuration...\n\nCurrent configuration : %d bytes\n%s" % (
            len(content), content)

    def show_running(self, words, params, *_args):
        text = self.running
        rest = words[1:]
        if rest and rest[0] == "interface":
            name = params[-1][1]
            model = self.model()
            node = model.node(("interface " + name,))
            if node is None:
                return "                               ^\n% Invalid input detected at '^' marker.\n\n"
            block = "interface %s\n%s" % (name, "".join(" %s\n" % c.text for c in node.children))
            body = "!\n%send\n" % block
            return "Building configuration...\n\nCurrent configuration : %d bytes\n%s" % (
                len(body), body)
        return self.render(text)

    def show_startup(self, *_args):
        text = self.startup
        if not text:
            return "startup-config is not present\n"
        rendered = self.render(text, for_startup=True)
        rendered = rendered.split("\n", 3)[3]  # no "Building configuration..." for startup
        return "Using %d out of 262144 bytes\n%s" % (len(rendered), rendered)

    def show_version(self, *_args):
        with open(os.path.join(CAPTURES, self.hardware.version_file), encoding="utf-8") as handle:
            text = handle.read()
        text = re.sub(r"(?m)^\S+ uptime is", self.hostname() + " uptime is", text)
        return text.rstrip("\n") + "\n"

    def show_hosts(self, *_args):
        match = re.search(r"(?m)^ip domain[- ]name (\S+)$", self.running)
        lookup = "static mappings" if re.search(r"(?m)^no ip domain[- ]lookup$", self.running) \
            else "domain service"
        head = "Default domain is %s\n" % match.group(1) if match else \
            "Default domain is not set\n"
        return (head + "Name/address lookup uses %s\n\n"
                "Codes: u - unknown, e - expired, * - OK, ? - revalidate\n"
                "       t - temporary, p - permanent\n\n"
                "Host                      Port  Flags      Age Type   Address(es)\n" % lookup)

    def interfaces(self):
        """(name, node) of every interface: the chassis' and those configured."""
        model = self.model()
        found = {}
        for name in self.hardware.physical:
            found[name] = model.node(("interface " + name,))
        for node in model.root.children:
            if node.text.startswith("interface "):
                found[node.text.split()[1]] = node
        return sorted(found.items(), key=lambda kv: iface_sort_key(kv[0]))

    def show_ip_interface_brief(self, *_args):
        out = ["Interface              IP-Address      OK? Method Status                Protocol"]
        for name, node in self.interfaces():
            children = [c.text for c in node.children] if node is not None else []
            address = next((c.split()[2] for c in children if c.startswith("ip address ")),
                           "unassigned")
            shut = "shutdown" in children
            status = "administratively down" if shut else "up"
            proto = "down" if shut else "up"
            method = "NVRAM" if address != "unassigned" else "unset"
            out.append("%-22s %-15s YES %-6s %-21s %s" % (name, address, method, status, proto))
        return "\n".join(out) + "\n"

    def show_clock(self, *_args):
        return now().strftime("*%H:%M:%S.%f")[:-3] + now().strftime(" UTC %a %b %d %Y\n")

    def show_privilege(self, *_args):
        return "Current privilege level is %d\n" % self.privilege

    def show_users(self, *_args):
        return ("    Line       User       Host(s)              Idle       Location\n"
                "*  2 vty 0     %-10s idle                 00:00:00 %s\n" % (
                    self.username, self.peer[0]))

    def show_access_lists(self, words, params, *_args):
        wanted = params[0][1] if params else None
        out = []
        for node in self.model().root.children:
            match = re.match(r"^ip access-list (standard|extended) (\S+)$", node.text)
            if not match or (wanted and match.group(2) != wanted):
                continue
            kind = "Standard" if match.group(1) == "standard" else "Extended"
            out.append("%s IP access list %s" % (kind, match.group(2)))
            for child in node.children:
                out.append("    " + child.text)
        return "\n".join(out) + ("\n" if out else "")

    def write_memory(self, *_args):
        self.save_startup(self.running)
        return "Building configuration...\n[OK]\n"

    def copy_run_start(self, *_args):
        self.save_startup(self.running)
        return "Destination filename [startup-config]? \nBuilding configuration...\n[OK]\n"

    def configured(self):
        super().configured()
        message = "%%SYS-5-CONFIG_I: Configured from console by %s on vty0 (%s)" % (
            self.username, self.peer[0])
        self.store.event("syslog", message=message)

    def motd(self):
        match = re.search(r"(?ms)^banner motd (\S\S?)\n(.*?)\n\1$", self.running)
        return "\n" + match.group(2) + "\n\n" if match else ""

    # -- configuration actions -------------------------------------------------------------
    def set_hostname(self, words, params, negated, line):
        return self.apply((), "hostname " + (params[0][1] if not negated else "Router"), line)

    def enter_interface(self, words, params, negated, line):
        name = params[0][1]
        header = "interface " + name
        if negated:
            if name in self.hardware.physical:
                return "% Removal of physical interfaces is not permitted\n"
            return self.apply((), "no " + header, line)
        if self.model().node((header,)) is None:
            self.apply((), header, line)
        if "." in name:
            mode = "subif"
        elif name in self.hardware.physical:
            mode = "if"
        else:
            mode = "vlanif" if name.startswith("Vlan") else "virtif"
        self.stack.append((mode, header))
        return None

    def config_line(self, line):
        ACE.groups = self.groups()
        return super().config_line(line)

    def ip_address(self, words, params, negated, line):
        """``ip address A M``: a contiguous mask, no overlap with another interface
        (IOS: ``Bad mask 0x... for address``, ``% N overlaps with IFACE``)."""
        path = self.section_path()
        if negated:
            return self.apply(path, "no " + " ".join(words), line)
        address, mask = params[0][1], params[1][1]
        try:
            network = ipaddress.IPv4Network("%s/%s" % (address, mask), strict=False)
        except ValueError:
            return "Bad mask 0x%08X for address %s\n" % (int(ipaddress.IPv4Address(mask)), address)
        own = path[0].split()[1]
        for name, node in self.interfaces():
            if name == own or node is None:
                continue
            for child in node.children:
                match = re.match(r"^ip address (\S+) (\S+)", child.text)
                if match:
                    other = ipaddress.IPv4Network("%s/%s" % match.groups(), strict=False)
                    if other.overlaps(network):
                        return "%% %s overlaps with %s\n" % (network.network_address, name)
        if "secondary" not in words:
            model = self.model()
            node = model.node(path)
            for child in list(node.children):
                if child.text.startswith("ip address ") and "secondary" not in child.text or \
                        child.text == "no ip address":
                    child.delete()
            model.apply(path, " ".join(words))
            self.store_model(model, line)
            self.config_changed = True
            return None
        return self.apply(path, " ".join(words), line)

    def group_network(self, words, params, negated, line):
        """``A.B.C.D MASK`` in an object-group network: a network and its mask."""
        try:
            ipaddress.IPv4Network("%s/%s" % (params[0][1], params[1][1]))
        except ValueError:
            return "%% Invalid network mask %s for network %s\n" % (params[1][1], params[0][1])
        return self.apply(self.section_path(), ("no " if negated else "") + " ".join(words), line)

    def group_object(self, words, params, negated, line):
        kind = self.stack[-1][0].split("-")[0]
        if not negated and params[0][1] not in self.groups()[kind]:
            return "%% Object-group %s does not exist or is not a %s object-group\n" % (
                params[0][1], kind)
        return self.apply(self.section_path(), ("no " if negated else "") + " ".join(words), line)

    # -- Catalyst --------------------------------------------------------------------------
    def vlans(self):
        found = {1: "default"}
        for node in self.model().root.children:
            match = re.match(r"^vlan (\d+)$", node.text)
            if match:
                vid = int(match.group(1))
                names = [c.text[5:] for c in node.children if c.text.startswith("name ")]
                found[vid] = names[0] if names else "VLAN%04d" % vid
        return found

    def show_vlan(self, words, *_args):
        members = {}
        for name, node in self.interfaces():
            if name not in self.hardware.physical:
                continue
            children = [c.text for c in node.children] if node is not None else []
            if "switchport mode trunk" in children:
                continue
            access = next((int(c.split()[-1]) for c in children
                           if c.startswith("switchport access vlan ")), 1)
            short = name.replace("GigabitEthernet", "Gi")
            members.setdefault(access, []).append(short)
            voice = next((c.split()[-1] for c in children
                          if c.startswith("switchport voice vlan ")), None)
            if voice and voice.isdigit():
                members.setdefault(int(voice), []).append(short)
        out = ["", "VLAN Name                             Status    Ports",
               "---- -------------------------------- --------- -------------------------------"]
        vlans = self.vlans()
        vlans.update({1002: "fddi-default", 1003: "token-ring-default", 1004: "fddinet-default",
                      1005: "trnet-default"})
        for vid in sorted(vlans):
            status = "act/unsup" if 1002 <= vid <= 1005 else "active"
            ports = members.get(vid, [])
            first, rest = ports[:6], ports[6:]
            row = "%-4d %-32s %-9s %s" % (vid, vlans[vid][:32], status, ", ".join(first))
            out.append(row.rstrip())
            while rest:
                out.append(" " * 48 + ", ".join(rest[:6]))
                rest = rest[6:]
        return "\n".join(out) + "\n"

    def show_mls_qos(self, *_args):
        enabled = re.search(r"(?m)^mls qos$", self.running)
        return "QoS is %s\nQoS ip packet dscp rewrite is enabled\n\n" % (
            "enabled" if enabled else "disabled")

    def show_mls_qos_interface(self, words, params, *_args):
        """Trust state per the 2960 Software Configuration Guide: with QoS disabled every
        port passes DSCP unchanged ("trust state: not trusted" is not applied); with ``mls
        qos`` a port without ``mls qos trust`` re-marks DSCP to 0."""
        name = params[0][1]
        node = self.model().node(("interface " + name,))
        children = [c.text for c in node.children] if node is not None else []
        trust = next((c.split()[-1] for c in children if c.startswith("mls qos trust ")
                      and "device" not in c), None)
        enabled = re.search(r"(?m)^mls qos$", self.running)
        state = ("trust " + trust) if trust else "not trusted"
        return ("%s\ntrust state: %s\ntrust mode: %s\ntrust enabled flag: ena\n"
                "COS override: dis\ndefault COS: 0\nDSCP Mutation Map: Default DSCP Mutation Map\n"
                "Trust device: none\nqos mode: port-based\n" % (
                    name, state if enabled else "not trusted", state))

    def enter_acl(self, words, params, negated, line):
        header = "ip access-list %s %s" % (words[2], params[0][1])
        if negated:
            return self.apply((), "no " + header, line)
        if self.model().node((header,)) is None:
            self.apply((), header, line)
        self.stack.append(("ext-nacl" if words[2] == "extended" else "std-nacl", header))
        return None

    def acl_entry(self, words, params, negated, line):
        """An ACE with or without a sequence number; ``no N`` / ``no ACE``."""
        path = self.section_path()
        model = self.model()
        node = model.node(path)
        entries = [c.text for c in node.children]
        seqs = {int(e.split()[0]): e for e in entries if e.split()[0].isdigit()}
        body = words
        seq = None
        if body and body[0].isdigit():
            seq, body = int(body[0]), body[1:]
        text = " ".join(body)
        if negated:
            if seq is not None and not body:
                victim = seqs.get(seq)
            else:
                victim = next((e for e in entries if e.split(None, 1)[-1] == text), None)
            if victim is not None:
                model.remove(path + (victim,))
                self.store_model(model, line)
                self.config_changed = True
            return None
        if seq is None:
            if any(e.split(None, 1)[-1] == text for e in entries):
                return None
            seq = (max(seqs) if seqs else 0) + 10
        elif seq in seqs:
            if seqs[seq].split(None, 1)[-1] == text:
                return None
            return "%% Duplicate sequence number\n"
        return self.apply(path, "%d %s" % (seq, text), line)

    def enter_group(self, words, params, negated, line):
        header = "object-group %s %s" % (words[1], params[0][1])
        if negated:
            return self.apply((), "no " + header, line)
        other = "service" if words[1] == "network" else "network"
        if self.model().node(("object-group %s %s" % (other, params[0][1]),)) is not None:
            return "%% Object-group %s already exists as a different type\n" % params[0][1]
        if self.model().node((header,)) is None:
            self.apply((), header, line)
        self.stack.append(("network-group" if words[1] == "network" else "service-group", header))
        return None

    def enter_class_map(self, words, params, negated, line):
        kind = words[1] if words[1] in ("match-any", "match-all") else None
        name = params[0][1]
        header = "class-map %s %s" % (kind or "match-all", name)
        existing = [n.text for n in self.model().root.children
                    if re.match(r"^class-map (match-any|match-all) %s$" % re.escape(name), n.text)]
        if negated:
            return self.apply((), "no " + (existing[0] if existing else header), line)
        if existing and existing[0] != header:
            if kind is None:
                header = existing[0]
            else:
                return "%% class-map %s already exists with a different match type\n" % name
        if not existing:
            self.apply((), header, line)
        self.stack.append(("cmap", header))
        return None

    def enter_policy_class(self, words, params, negated, line):
        name = params[0][1]
        header = "class " + name
        if name != "class-default" and not re.search(
                r"(?m)^class-map (match-any|match-all) %s$" % re.escape(name), self.running):
            return "class-map %s not configured\n" % name
        path = self.section_path()
        if negated:
            return self.apply(path, "no " + header, line)
        if self.model().node(path + (header,)) is None:
            self.apply(path, header, line)
        self.stack.append(("pmap-c", header))
        return None

    def service_policy(self, words, params, negated, line):
        name = params[0][1]
        if not negated and not re.search(r"(?m)^policy-map %s$" % re.escape(name), self.running):
            return "policy map %s not configured\n" % name
        return self.apply(self.section_path(), ("no " if negated else "") + " ".join(words), line)

    def switchport_vlan(self, words, params, negated, line):
        """``switchport access|voice vlan N`` creates a missing VLAN, as IOS says."""
        out = ""
        vid = params[-1][1] if params else None
        if not negated and vid and vid.isdigit() and not re.search(
                r"(?m)^vlan %s$" % vid, self.running):
            kind = "Access" if words[1] == "access" else "Voice"
            out = "%% %s VLAN does not exist. Creating vlan %s\n" % (kind, vid)
            self.apply((), "vlan " + vid, line)
        self.apply(self.section_path(), ("no " if negated else "") + " ".join(words), line)
        return out

    def enter_vlan(self, words, params, negated, line):
        ids = []
        for part in params[0][1].split(","):
            lo, _sep, hi = part.partition("-")
            ids += list(range(int(lo), int(hi or lo) + 1))
        for vid in ids:
            if vid == 1 or 1002 <= vid <= 1005:
                return "%% Default VLAN %d may not be deleted.\n" % vid if negated else None
        for vid in ids:
            self.apply((), ("no " if negated else "") + "vlan %d" % vid, line)
        if not negated:
            self.stack.append(("vlan", "vlan %d" % ids[0]))
        return None

    def trunk_allowed(self, words, params, negated, line):
        """``switchport trunk allowed vlan [add|remove|except] LIST | all | none``: IOS
        keeps one line with the resulting list (2960 Command Reference)."""
        path = self.section_path()
        model = self.model()
        node = model.node(path)
        current = next((c.text for c in node.children
                        if c.text.startswith("switchport trunk allowed vlan ")), None)
        have = _vlan_set(current.split()[-1]) if current else set(range(1, 4095))
        hows = ("add", "remove", "except", "all", "none")
        how = words[4] if len(words) > 4 and words[4] in hows else None
        value = _vlan_set(words[-1]) if words[-1] not in ("all", "none") else None
        if negated:
            new = set(range(1, 4095))
        elif how == "add":
            new = have | value
        elif how == "remove":
            new = have - value
        elif how == "except":
            new = set(range(1, 4095)) - value
        elif how == "all":
            new = set(range(1, 4095))
        elif how == "none":
            new = set()
        else:
            new = value
        if current:
            model.remove(path + (current,))
        if new != set(range(1, 4095)):
            model.apply(path, "switchport trunk allowed vlan " + (_vlan_text(new) or "none"))
        self.store_model(model, line)
        self.config_changed = True
        return None


def _stamp_date(iso):
    import datetime
    stamp = datetime.datetime.fromisoformat(iso)
    return stamp.strftime("%a %b %d %Y")


def _vlan_set(text):
    out = set()
    if text in ("none", ""):
        return out
    for part in text.split(","):
        lo, _sep, hi = part.partition("-")
        out |= set(range(int(lo), int(hi or lo) + 1))
    return out


def _vlan_text(vids):
    vids = sorted(vids)
    parts, start = [], None
    for index, vid in enumerate(vids):
        if start is None:
            start = vid
        if index + 1 == len(vids) or vids[index + 1] != vid + 1:
            parts.append(str(start) if start == vid else "%d-%d" % (start, vid))
            start = None
    return ",".join(parts)


def service_member_type(words, index):
    """``{tcp|udp|tcp-udp} [source PORTS] [PORTS]`` of an ``object-group service``
    (Security Command Reference, ``object-group service``); a bare port means ``eq``."""
    i = index
    proto = words[i].lower()
    kinds = [p for p in ("tcp", "udp", "tcp-udp") if p.startswith(proto)]
    if proto not in kinds and len(kinds) != 1:
        raise ParamError(0)
    proto = proto if proto in kinds else kinds[0]
    names = TCP_PORTS if proto != "udp" else UDP_PORTS
    by_number = PORT_BY_NUMBER["tcp" if proto != "udp" else "udp"]
    out = [proto]
    i += 1

    def port(at):
        if at >= len(words):
            raise ParamError(at - index, incomplete=True)
        word = words[at].lower()
        if word.isdigit() and int(word) <= 65535:
            return by_number.get(int(word), word)
        match = [n for n in names if n.startswith(word)]
        if word in names or len(match) == 1:
            return word if word in names else match[0]
        raise ParamError(at - index)

    def spec(at):
        word = words[at].lower()
        if word in ("eq", "neq", "lt", "gt"):
            return at + 2, [word, port(at + 1)]
        if word == "range":
            return at + 3, ["range", port(at + 1), port(at + 2)]
        return at + 1, ["eq", port(at)]

    if i < len(words) and words[i].lower() == "source":
        if i + 1 >= len(words):
            raise ParamError(i + 1 - index, incomplete=True)
        i, part = spec(i + 1)
        out += ["source"] + part
    if i < len(words):
        i, part = spec(i)
        out += part
    if i < len(words):
        raise ParamError(i - index)
    return i - index, " ".join(out)


class _GroupAce(AceParser):
    """The ACE parameter; the object-groups it may name are the running configuration's."""

    def __init__(self):
        super().__init__({"network": set(), "service": set()})


ACE = _GroupAce()


def _grammars(dev_cls):
    """EXEC and configuration grammars of a flavour (patterns per command reference)."""
    hw = dev_cls.hardware
    types = {"IFACE": iface_type(hw), "VLANS": vlan_list_type, "DSCP": dscp_type, "ACE": ACE,
             "SVC": service_member_type}
    router = hw.flavour == "router"
    cat = hw.flavour == "catalyst"
    C = Command
    D = IosDevice
    user = [
        C("enable", D.enable), C("disable", D.disable), C("exit", D.logout),
        C("logout", D.logout), C("quit", D.logout),
        C("show version", D.show_version), C("show clock", D.show_clock),
        C("show privilege", D.show_privilege), C("show users", D.show_users),
        C("show hosts", D.show_hosts),
        C("terminal length <0-512>", D.terminal_length),
        C("terminal width <0-512>", D.terminal_width),
    ]
    priv = user + [
        C("configure terminal", D.enter_config),
        C("show running-config [all]", D.show_running),
        C("show running-config interface IFACE", D.show_running),
        C("show startup-config", D.show_startup),
        C("show ip interface brief", D.show_ip_interface_brief),
        C("show access-lists [WORD]", D.show_access_lists),
        C("show ip access-lists [WORD]", D.show_access_lists),
        C("write [memory]", D.write_memory),
        C("copy running-config startup-config", D.copy_run_start),
    ]
    if cat:
        priv += [C("show vlan [brief]", D.show_vlan), C("show mls qos", D.show_mls_qos),
                 C("show mls qos interface IFACE", D.show_mls_qos_interface)]
    sub_common = [C("exit", D.exit_mode), C("end", D.leave_config)]
    glob = [
        C("hostname WORD", D.set_hostname), C("interface IFACE", D.enter_interface),
        C("ip access-list {standard|extended} WORD", D.enter_acl),
        C("ip domain name WORD", "set"), C("ip domain-name WORD", "set"),
        C("ip domain lookup", "set"), C("ip domain-lookup", "set"),
        C("ip name-server A.B.C.D", "set"),
        C("ip http server", "set"), C("ip http secure-server", "set"),
        C("ip ssh version {1|2}", "set"), C("ip source-route", "set"),
        C("logging host A.B.C.D", "set"), C("logging buffered [<4096-2147483647>]", "set"),
        C("logging console", "set"), C("ntp server A.B.C.D", "set"),
        C("username WORD privilege <0-15> {secret|password} [<0-9>] WORD", "set"),
        C("username WORD {secret|password} [<0-9>] WORD", "set"),
        C("enable secret [<0-9>] WORD", "set"), C("enable password WORD", "set"),
        C("service timestamps {debug|log} datetime [msec]", "set"),
        C("service {password-encryption|pad}", "set"),
        C("aaa new-model", "set"), C("aaa authentication login default LINE", "set"),
        C("aaa authorization exec default LINE", "set"), C("aaa session-id common", "set"),
        C("boot-start-marker", "set"), C("boot-end-marker", "set"), C("version WORD", "set"),
        C("redundancy", _enter("red")),
        C("control-plane", _enter("cp")),
        C("line {con|aux} <0-0>", _enter("line")),
        C("line vty <0-15> [<0-15>]", _enter("line")),
        C("banner {motd|login|exec} LINE", "set"),
        C("archive", _enter("archive")),
        C("spanning-tree mode {pvst|rapid-pvst|mst}", "set"),
        C("spanning-tree extend system-id", "set"),
        C("spanning-tree portfast default", "set"),
        C("end", D.leave_config), C("exit", D.exit_mode),
    ]
    # MQC: IOS routers; the 2960 LAN Base has class-map/policy-map for input policies
    # (Catalyst 2960 Software Configuration Guide, "Configuring QoS")
    glob += [
        C("class-map [{match-any|match-all}] WORD", D.enter_class_map),
        C("policy-map WORD", _enter("pmap")),
    ]
    if router:
        glob += [
            C("object-group {network|service} WORD", D.enter_group),
            C("ip nat service sip {udp|tcp} port <1-65535>", "set"),
            C("ip nat translation {udp-timeout|tcp-timeout|timeout|dns-timeout|finrst-timeout|"
              "icmp-timeout|syn-timeout|pptp-timeout} {<0-536870>|never}", "set"),
            C("ip nat translation port-timeout {udp|tcp} <1-65535> {<0-536870>|never}", "set"),
            C("ip nat inside source list WORD interface IFACE [overload]", "set"),
            C("ip route A.B.C.D A.B.C.D A.B.C.D [<1-255>]", "set"),
            C("ip route A.B.C.D A.B.C.D IFACE [A.B.C.D] [<1-255>]", "set"),
            C("ip cef", "set"), C("ipv6 cef", "set"), C("ip forward-protocol nd", "set"),
            C("multilink bundle-name authenticated", "set"),
            C("router ospf <1-65535>", _enter("router")),
        ]
    if cat:
        glob += [
            C("vlan VLANS", D.enter_vlan), C("vtp mode transparent", "set"),
            C("vtp domain WORD", "set"), C("mls qos", "set"),
            C("ip default-gateway A.B.C.D", "set"),
            C("vlan internal allocation policy {ascending|descending}", "set"),
            C("system mtu routing <1280-1998>", "set"),
        ]
    l3 = [
        C("description LINE", "set"), C("ip address A.B.C.D A.B.C.D [secondary]", D.ip_address),
        C("ip helper-address A.B.C.D", "set"), C("shutdown", "set"),
        C("ip proxy-arp", "set"), C("ip redirects", "set"), C("ip unreachables", "set"),
    ]
    if router:
        l3 += [C("ip access-group WORD {in|out}", "set"), C("ip nat {inside|outside}", "set"),
               C("service-policy {input|output} WORD", D.service_policy)]
    else:
        l3 += [C("ip access-group WORD in", "set")]
    phys_router = l3 + [
        C("duplex {auto|full|half}", "set"), C("speed {10|100|1000|auto}", "set"),
        C("media-type rj45", "set"), C("negotiation auto", "set"), C("ip address", "set"),
        C("channel-group <1-64> mode {active|passive|on}", "set"),
    ]
    subif = l3 + [C("encapsulation dot1Q <1-4094> [native]", "set"), C("ip address", "set")]
    switchport = [
        C("description LINE", "set"), C("shutdown", "set"),
        C("switchport mode {access|trunk}", "set"),
        C("switchport mode dynamic {auto|desirable}", "set"),
        C("switchport access vlan <1-4094>", D.switchport_vlan),
        C("switchport voice vlan <1-4094>", D.switchport_vlan),
        C("switchport voice vlan {dot1p|none|untagged}", "set"),
        C("switchport trunk native vlan <1-4094>", "set"),
        C("switchport trunk allowed vlan VLANS", D.trunk_allowed),
        C("switchport trunk allowed vlan {add|remove|except} VLANS", D.trunk_allowed),
        C("switchport trunk allowed vlan {all|none}", D.trunk_allowed),
        C("switchport nonegotiate", "set"), C("switchport port-security", "set"),
        C("switchport port-security maximum <1-132>", "set"),
        C("switchport port-security violation {protect|restrict|shutdown}", "set"),
        C("duplex {auto|full|half}", "set"), C("speed {10|100|1000|auto}", "set"),
        C("spanning-tree portfast [trunk]", "set"),
        C("spanning-tree bpduguard {enable|disable}", "set"),
        C("mls qos trust {cos|dscp|ip-precedence}", "set"),
        C("mls qos trust device cisco-phone", "set"), C("mls qos cos <0-7>", "set"),
        C("channel-group <1-6> mode {active|passive|on|auto|desirable}", "set"),
        C("service-policy input WORD", D.service_policy),
        C("storm-control {broadcast|multicast|unicast} level WORD", "set"),
    ]
    acl_ext = [
        C("[<1-2147483647>] {permit|deny} ACE", D.acl_entry),
        C("[<1-2147483647>] remark LINE", D.acl_entry),
        C("<1-2147483647>", D.acl_entry),
    ]
    acl_std = [
        C("[<1-2147483647>] {permit|deny} any [log]", D.acl_entry),
        C("[<1-2147483647>] {permit|deny} host A.B.C.D [log]", D.acl_entry),
        C("[<1-2147483647>] {permit|deny} A.B.C.D [A.B.C.D] [log]", D.acl_entry),
        C("[<1-2147483647>] remark LINE", D.acl_entry),
        C("<1-2147483647>", D.acl_entry),
    ]
    network_group = [
        C("host A.B.C.D", "set"), C("A.B.C.D A.B.C.D", D.group_network),
        C("range A.B.C.D A.B.C.D", "set"), C("any", "set"),
        C("group-object WORD", D.group_object), C("description LINE", "set"),
    ]
    service_group = [
        C("SVC", "set"), C("icmp [WORD]", "set"), C("{ip|esp|ahp|gre}", "set"),
        C("<0-255>", "set"), C("group-object WORD", D.group_object),
        C("description LINE", "set"),
    ]
    cmap = [
        C("match access-group name WORD", "set"), C("match access-group <1-2799>", "set"),
        C("match dscp DSCP [DSCP] [DSCP] [DSCP]", "set"),
        C("match ip dscp DSCP [DSCP] [DSCP] [DSCP]", "set"),
        C("match any", "set"), C("description LINE", "set"),
    ] + ([C("match protocol WORD", "set")] if router else [])
    pmap = [C("class WORD", D.enter_policy_class), C("description LINE", "set")]
    pmap_c = [
        C("set dscp DSCP", "set"), C("set ip dscp DSCP", "set"),
        C("bandwidth <8-10000000>", "set"), C("bandwidth percent <1-100>", "set"),
        C("bandwidth remaining percent <1-100>", "set"),
        C("priority [<8-10000000>]", "set"), C("priority percent <1-100>", "set"),
        C("shape average <8000-10000000000>", "set"), C("fair-queue", "set"),
        C("service-policy WORD", "set"),
    ]
    pmap_c_cat = [C("set dscp DSCP", "set"), C("set ip dscp DSCP", "set"),
                  C("trust {cos|dscp|ip-precedence}", "set"),
                  C("police <8000-10000000000> <8000-1000000> exceed-action {drop|policed-dscp-transmit}",
                    "set")]
    vlan = [C("name WORD", "set"), C("state {active|suspend}", "set"), C("shutdown", "set")]
    line = [
        C("transport input {ssh|telnet|all|none}", "set"), C("login [local]", "set"),
        C("exec-timeout <0-35791> [<0-2147483>]", "set"), C("logging synchronous", "set"),
        C("access-class WORD in", "set"), C("privilege level <0-15>", "set"),
        C("length <0-512>", "set"),
    ]
    archive = [C("path LINE", "set"), C("maximum <1-14>", "set"), C("write-memory", "set"),
               C("time-period <1-525600>", "set")]
    router_ospf = [
        C("network A.B.C.D A.B.C.D area <0-4294967295>", "set"),
        C("router-id A.B.C.D", "set"), C("passive-interface IFACE", "set"),
        C("redistribute connected [subnets]", "set"),
    ]

    def g(commands):
        return Grammar(commands + sub_common, types)

    modes = {
        "config": (Grammar(glob, types), "(config)"),
        "if": (g(switchport if cat else phys_router), "(config-if)"),
        "vlanif": (g(l3), "(config-if)"),
        "virtif": (g(l3), "(config-if)"),
        "subif": (g(subif), "(config-subif)"),
        "ext-nacl": (g(acl_ext), "(config-ext-nacl)"),
        "std-nacl": (g(acl_std), "(config-std-nacl)"),
        "line": (g(line), "(config-line)"),
        "archive": (g(archive), "(config-archive)"),
        "red": (g([]), "(config-red)"),
        "cp": (g([]), "(config-cp)"),
    }
    modes.update({
        "cmap": (g(cmap), "(config-cmap)"),
        "pmap": (g(pmap), "(config-pmap)"),
        "pmap-c": (g(pmap_c if router else pmap_c_cat), "(config-pmap-c)"),
    })
    if router:
        modes.update({
            "network-group": (g(network_group), "(config-network-group)"),
            "service-group": (g(service_group), "(config-service-group)"),
            "router": (g(router_ospf), "(config-router)"),
        })
    if cat:
        modes["vlan"] = (g(vlan), "(config-vlan)")
    return Grammar(user, types), Grammar(priv, types), modes


def _enter(mode):
    """A configuration line that is a section: applied, then its sub-mode entered."""
    def action(dev, words, params, negated, line):
        header = " ".join(words)
        if negated:
            return dev.apply((), "no " + header, line)
        if dev.model().node((header,)) is None:
            dev.apply((), header, line)
        dev.stack.append((mode, header))
        return None
    return action


class IosCatalyst(IosDevice):
    """The legacy Catalyst access switch flavour (WS-C2960G-8TC-L, IOS 15.0(2)SE4)."""

    platform = "ios_cat"
    hardware = CATALYST
    initial_file = "ios_catalyst.cfg"


for _cls in (IosDevice, IosCatalyst):
    _cls.EXEC_USER, _cls.EXEC_PRIV, _cls.CONFIG_MODES = _grammars(_cls)

DEVICES = {"ios": IosDevice, "ios_cat": IosCatalyst}
