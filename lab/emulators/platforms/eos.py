"""EMULATED Arista EOS switch (lab test infrastructure; never a real device, never called one).

``eos``: a DCS-7010T-48 (EOS 4.28.9M: Ethernet1-52, Management1), an access switch.

Built on: emulators.server (asyncssh), emulators.models.iosstyle (EXEC / configuration
modes, ``enable``), emulators.models.cli (keyword abbreviation, incomplete / ambiguous /
invalid input) and emulators.models.hier (hier_config's own ``arista_eos`` driver decides
what a line does to the configuration, through ``HConfig.future()``; the collection's drivers
are never used).

Where the behaviour comes from (each family cited in lab/README.md, "EOS"):
- Arista EOS User Manual: "Command-Line Interface" (modes, prompts, abbreviation, ``show``
  in configuration modes, errors ``% Invalid input (at token N: 'WORD')``,
  ``% Incomplete command``, ``% Ambiguous command``, ``% Invalid input (privileged mode
  required)``), "Configuration sessions" (``configure session NAME``, ``commit``,
  ``commit timer hh:mm:ss`` reverts unless confirmed by ``configure session NAME commit``,
  ``abort``, ``show session-config``, ``show configuration sessions``; a commit replaces the
  running configuration with the session's), "Ethernet Ports" / "VLANs" (``switchport``
  modes, ``switchport phone vlan``, ``switchport phone trunk``, ``switchport mode trunk
  phone``, ``vlan``), "ACLs and Route Maps" (``ip access-list``, sequence numbers,
  ``ip access-group``), "Quality of Service" (``qos trust``, ``class-map type qos``,
  ``policy-map type quality-of-service``, ``set dscp``, ``service-policy type qos input``),
  "User Security" (``username ... secret sha512``, ``enable password``, ``aaa authorization
  exec default local``);
- captures (data, in captures/eos/, see SOURCE.md): ``show version`` of a DCS-7010T-48-R
  (ntc-templates, Apache-2.0), ``show running-config`` layout (NAPALM mocked data,
  Apache-2.0), ``show vlan`` (ntc-templates).
"""

import hashlib
import ipaddress
import os
import re
import warnings

from emulators.models.cli import Command, Grammar, ParamError
from emulators.models.hier import HierModel, Platform
from emulators.models.iosstyle import IosStyleDevice
from emulators.store import now

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURES = os.path.join(os.path.dirname(HERE), "captures", "eos")
INDENT = 3

ETHERNETS = ["Ethernet%d" % i for i in range(1, 53)]
VIRTUAL = {"Vlan": (1, 4094), "Port-Channel": (1, 2000), "Loopback": (0, 1000)}
IF_TYPES = ("Ethernet", "Management", "Port-Channel", "Loopback", "Vlan")
SHORT = {"Ethernet": "Et", "Management": "Ma", "Port-Channel": "Po", "Loopback": "Lo",
         "Vlan": "Vl"}

#: port names EOS prints for these numbers (EOS User Manual, ACL port keywords; a subset)
PORT_NAMES = {"ssh": 22, "telnet": 23, "smtp": 25, "domain": 53, "www": 80, "ntp": 123,
              "snmp": 161, "bgp": 179, "https": 443, "syslog": 514}
PORT_BY_NUMBER = {v: k for k, v in PORT_NAMES.items()}
DSCP_NAMES = ("af11", "af12", "af13", "af21", "af22", "af23", "af31", "af32", "af33", "af41",
              "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7", "ef")

IDEMPOTENT = (
    (r"^hostname ",), (r"^dns domain ",), (r"^spanning-tree mode ",),
    (r"^enable password ",), (r"^username (\S+) ",),
    (r"^interface ", r"^switchport mode "), (r"^interface ", r"^switchport access vlan "),
    (r"^interface ", r"^switchport trunk native vlan "),
    (r"^interface ", r"^switchport phone vlan "), (r"^interface ", r"^switchport phone trunk "),
    (r"^interface ", r"^ip address "), (r"^interface ", r"^ip access-group \S+ (in|out)$"),
    (r"^interface ", r"^qos trust "), (r"^interface ", r"^service-policy type qos input "),
    (r"^interface ", r"^description "), (r"^interface ", r"^mtu "),
    (r"^vlan ", r"^name "), (r"^vlan ", r"^state "),
    (r"^policy-map ", r"^class ", r"^set dscp "),
)
#: what EOS does not print: the defaults
DEFAULTS = (r"^switchport mode access$", r"^switchport access vlan 1$",
            r"^switchport trunk native vlan 1$", r"^switchport trunk allowed vlan 1-4094$",
            r"^no shutdown$")
KEPT_NEGATIONS = (r"^no aaa root$", r"^no ip routing$", r"^no switchport$",
                  r"^no logging console$", r"^no spanning-tree ")
#: lines that open a section: EOS ends each with "!" even when it is empty
SECTIONS = ("interface ", "vlan ", "ip access-list ", "class-map ", "policy-map ",
            "management ", "router ")
INTERFACE_ORDER = ("description", "shutdown", "mtu", "speed", "switchport access",
                   "switchport trunk native", "switchport trunk allowed", "switchport phone",
                   "switchport mode", "switchport", "no switchport", "channel-group",
                   "ip address", "ip access-group", "qos trust", "service-policy",
                   "spanning-tree")


def _rank(text, order):
    best, length = len(order), -1
    for index, prefix in enumerate(order):
        if (text == prefix or text.startswith(prefix + " ")) and len(prefix) > length:
            best, length = index, len(prefix)
    return best


def sha512_crypt(secret, seed):
    """``$6$salt$hash`` as EOS stores ``secret sha512`` (salt from ``seed``: the same users
    file gives the same configuration)."""
    salt = hashlib.sha256(seed.encode()).hexdigest()[:16]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import crypt  # pylint: disable=deprecated-module
    return crypt.crypt(secret, "$6$" + salt)


def iface_key(name):
    match = re.match(r"^([A-Za-z-]+)(\d+)", name)
    kind = match.group(1) if match else name
    return (IF_TYPES.index(kind) if kind in IF_TYPES else 99,
            [int(n) for n in re.findall(r"\d+", name)])


def iface_type(words, index):
    """Ethernet1-52, Management1, Vlan/Port-Channel/Loopback N; ``et3``, ``Ethernet 3``."""
    word = words[index]
    match = re.match(r"^([A-Za-z-]+)(.*)$", word)
    if not match:
        raise ParamError(0)
    prefix, number, used, offset = match.group(1), match.group(2), 1, 0
    if not number:
        if index + 1 >= len(words):
            raise ParamError(1, incomplete=True)
        number, used, offset = words[index + 1], 2, 1
    kinds = [t for t in IF_TYPES if t.lower().startswith(prefix.lower())]
    if len(kinds) != 1:
        raise ParamError(0)
    name = kinds[0] + number
    if kinds[0] in VIRTUAL:
        lo, hi = VIRTUAL[kinds[0]]
        if not number.isdigit() or not lo <= int(number) <= hi:
            raise ParamError(offset)
    elif name not in ETHERNETS + ["Management1"]:
        raise ParamError(offset)
    return used, name


def vlans_type(words, index):
    for part in words[index].split(","):
        match = re.match(r"^(\d+)(?:-(\d+))?$", part)
        if not match or not 1 <= int(match.group(1)) <= int(match.group(2) or match.group(1)) <= 4094:
            raise ParamError(0)
    return 1, words[index]


def dscp_type(words, index):
    word = words[index].lower()
    if word in DSCP_NAMES or (word.isdigit() and int(word) <= 63):
        return 1, word
    raise ParamError(0)


def prefix_type(words, index):
    """``A.B.C.D/M`` an interface address (``% Prefix length must be less than 32`` is the
    device's own check on Ethernet ports; host routes go on loopbacks)."""
    try:
        iface = ipaddress.IPv4Interface(words[index])
    except ValueError:
        raise ParamError(0)
    if "/" not in words[index]:
        raise ParamError(0)
    return 1, str(iface)


def timer_type(words, index):
    match = re.match(r"^(\d\d):([0-5]\d):([0-5]\d)$", words[index])
    if not match:
        raise ParamError(0)
    return 1, words[index]


def ace_type(words, index):
    """``{permit|deny} PROTOCOL SOURCE [PORTS] DESTINATION [PORTS] [log]`` (EOS User Manual,
    "ACL rule parameters"): addresses ``any``, ``host A``, ``A/len`` or ``A WILDCARD``."""
    i = index
    out = []

    def need():
        if i >= len(words):
            raise ParamError(i - index, incomplete=True)
        return words[i].lower()

    proto = need()
    choices = [p for p in ("ip", "tcp", "udp", "icmp", "ospf", "pim", "vrrp", "ahp", "igmp")
               if p.startswith(proto)]
    if proto.isdigit() and int(proto) <= 255:
        out.append(proto)
    elif proto in choices or len(choices) == 1:
        proto = proto if proto in choices else choices[0]
        out.append(proto)
    else:
        raise ParamError(0)
    i += 1
    for _side in ("source", "destination"):
        word = need()
        if word == "any":
            out.append("any")
            i += 1
        elif word == "host":
            i += 1
            try:
                out += ["host", str(ipaddress.IPv4Address(need()))]
            except ValueError:
                raise ParamError(i - index)
            i += 1
        elif "/" in word:
            try:
                out.append(str(ipaddress.IPv4Network(word)))
            except ValueError:
                raise ParamError(i - index)
            i += 1
        else:
            try:
                address = ipaddress.IPv4Address(word)
                i += 1
                wildcard = ipaddress.IPv4Address(need())
                network = ipaddress.IPv4Network("%s/%s" % (address, wildcard))
            except ValueError:
                raise ParamError(i - index)
            out.append(str(network) if network.prefixlen < 32 else "host %s" % address)
            i += 1
        if proto in ("tcp", "udp") and i < len(words) and words[i].lower() in (
                "eq", "neq", "lt", "gt", "range"):
            op = words[i].lower()
            i += 1
            count = 2 if op == "range" else 1
            ports = []
            while i < len(words) and (count > 0 or op == "eq"):
                word = words[i].lower()
                if word.isdigit() and 0 <= int(word) <= 65535:
                    ports.append(PORT_BY_NUMBER.get(int(word), word))
                elif word in PORT_NAMES:
                    ports.append(word)
                elif count > 0:
                    raise ParamError(i - index)
                else:
                    break
                i += 1
                count -= 1
            if count > 0:
                raise ParamError(i - index, incomplete=True)
            out += [op] + ports
    while i < len(words):
        word = words[i].lower()
        if word in ("log", "established") or (word == "fragments" and proto == "ip"):
            out.append(word)
            i += 1
        elif word == "dscp" and i + 1 < len(words):
            out += ["dscp", dscp_type(words, i + 1)[1]]
            i += 2
        else:
            raise ParamError(i - index)
    return i - index, " ".join(out)


class EosDevice(IosStyleDevice):
    platform = "eos"
    ssh_server_version = "OpenSSH_8.7"
    ios_errors = False
    ENABLE_TRIES = 1
    ENABLE_FAILED = "% Access denied\n"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = None  # configure session NAME being edited

    # -- boot -----------------------------------------------------------------------------
    @classmethod
    def initial_config(cls, hostname, users):
        with open(os.path.join(HERE, "initial", "eos.cfg"), encoding="utf-8") as handle:
            template = handle.read()
        names = []
        for name in sorted(users.accounts):
            account = users.accounts[name]
            role = "network-admin" if account["privilege"] >= 15 else "network-operator"
            names.append("username %s privilege %d role %s secret sha512 %s" % (
                name, account["privilege"], role, sha512_crypt(account["password"], name)))
        enable = ""
        if users.enable_secret is not None:
            enable = "enable password sha512 %s" % sha512_crypt(users.enable_secret, "enable")
        ports = {
            1: ["description desk 2-01", "switchport access vlan 10", "spanning-tree portfast"],
            2: ["description desk 2-02", "switchport access vlan 10", "spanning-tree portfast"],
            3: ["description desk 2-03", "switchport access vlan 10", "spanning-tree portfast"],
            4: ["description desk 2-04", "switchport access vlan 10", "spanning-tree portfast"],
            5: ["description printer 2-P1", "switchport access vlan 20"],
            47: ["description spare", "shutdown"],
            48: ["description uplink to core", "switchport trunk native vlan 99",
                 "switchport trunk allowed vlan 10,20,99", "switchport mode trunk"],
            49: ["description WAN to provider", "no switchport", "ip address 203.0.113.6/30"],
        }
        blocks = []
        for number in range(1, 53):
            lines = ["interface Ethernet%d" % number] + ["   " + c for c in ports.get(number, [])]
            blocks.append("\n".join(lines) + "\n!")
        text = template.replace("{hostname}", hostname).replace("{enable}", enable).replace(
            "{usernames}", "\n".join(names)).replace("{interfaces}", "\n".join(blocks))
        return HierModel(Platform.ARISTA_EOS, text, IDEMPOTENT, INDENT).text()

    @classmethod
    def boot(cls, store, hostname, users):
        super().boot(store, hostname, users)
        cls._resume_timers(store)

    @classmethod
    def _resume_timers(cls, store):
        """A ``commit timer`` still pending when the server stopped: revert now if its time
        is up; otherwise server.py re-arms it for the remaining time at the first login."""
        for name, pending in sorted((store.get_json("pending-commits.json") or {}).items()):
            if pending["deadline"] <= now().timestamp():
                store.put("running-config", pending["before"])
                store.event("rollback", session=name, reason="commit timer expired while stopped")
                cls._forget_pending(store, name)

    @staticmethod
    def _forget_pending(store, name):
        pending = store.get_json("pending-commits.json") or {}
        pending.pop(name, None)
        store.put_json("pending-commits.json", pending)

    def login(self, method):
        super().login(method)
        for name, pending in (self.store.get_json("pending-commits.json") or {}).items():
            if not self.timer_armed("commit:" + name):
                left = max(0.0, pending["deadline"] - now().timestamp())
                self.schedule(left, "commit:" + name, self._expire(name))

    # -- model ----------------------------------------------------------------------------
    def target(self):
        return "session-" + self.session if self.session else "running-config"

    def model(self):
        text = self.store.get(self.target(), "") if self.session else self.running
        return HierModel(Platform.ARISTA_EOS, text, IDEMPOTENT, INDENT,
                         insert_index=self.insert_index)

    def store_model(self, model, line):
        self._normalise(model)
        text = model.text()
        if self.session:
            self.store.put(self.target(), text)
            self.event("session-edit", session=self.session, line=line)
        elif self.set_running(text, line=line):
            self.store.put_json("last-change.json", {"ts": now().isoformat(), "user": self.username})

    @staticmethod
    def _normalise(model):
        """What EOS does not print: defaults, and ``no`` forms that changed nothing
        (``no shutdown`` is printed only where the default is shut: management APIs)."""
        for node in list(model.root.children):
            if node.text.startswith("no ") and not any(re.match(rx, node.text)
                                                       for rx in KEPT_NEGATIONS):
                node.delete()
                continue
            for child in list(node.children):
                text = child.text
                kept = any(re.match(rx, text) for rx in KEPT_NEGATIONS) or (
                    text == "no shutdown" and node.text.startswith("management "))
                if not kept and (any(re.match(rx, text) for rx in DEFAULTS)
                                 or text.startswith("no ")):
                    child.delete()

    @staticmethod
    def insert_index(path, siblings, text):
        if not path:
            if text.startswith("interface "):
                key = iface_key(text.split()[1])
                ifaces = [i for i, s in enumerate(siblings) if s.startswith("interface ")]
                before = [i for i in ifaces if iface_key(siblings[i].split()[1]) < key]
                return before[-1] + 1 if before else (ifaces[0] if ifaces else len(siblings))
            for kind, anchor in ((r"^vlan \d", r"^interface "),
                                 (r"^ip access-list ", r"^(ip routing|ip route|ntp|management)"),
                                 (r"^class-map ", r"^(policy-map|interface) "),
                                 (r"^policy-map ", r"^interface ")):
                if re.match(kind, text):
                    same = [i for i, s in enumerate(siblings) if re.match(kind, s)]
                    if same:
                        return same[-1] + 1
                    return next((i for i, s in enumerate(siblings) if re.match(anchor, s)),
                                len(siblings))
            return next((i for i, s in enumerate(siblings) if s.startswith("management ")),
                        len(siblings))
        if path[0].startswith("ip access-list"):
            seq = int(text.split()[0])
            return next((i for i, s in enumerate(siblings) if int(s.split()[0]) > seq),
                        len(siblings))
        if path[0].startswith("interface "):
            rank = _rank(text, INTERFACE_ORDER)
            return next((i for i, s in enumerate(siblings) if _rank(s, INTERFACE_ORDER) > rank),
                        len(siblings))
        return len(siblings)

    # -- prompts and errors ---------------------------------------------------------------
    def prompt(self):
        if self._enable_tries is not None:
            return self.ENABLE_PROMPT
        host = self.hostname()
        if not self.stack:
            return host + ("#" if self.privilege >= 15 else ">")
        parts = []
        if self.session:
            parts.append("s-" + self.session[:6])
        mode, header = self.stack[-1]
        suffix = self.CONFIG_MODES[mode][1]
        if suffix:
            parts.append(suffix.format(**self._names(header)))
        return "%s(config%s)#" % (host, "".join("-" + p for p in parts))

    @staticmethod
    def _names(header):
        words = (header or "").split()
        names = {"name": words[-1] if words else ""}
        if header and header.startswith("interface "):
            match = re.match(r"^([A-Za-z-]+)(.*)$", words[1])
            names["short"] = SHORT.get(match.group(1), match.group(1)) + match.group(2)
        return names

    def refuse(self, line, error, prompt_len=None):
        if error.kind == "message":
            return error.message.rstrip("\n") + "\n"
        if error.kind == "incomplete":
            return "% Incomplete command\n"
        if error.kind == "ambiguous":
            return "% Ambiguous command\n"
        words = line.split()
        index = error.word or 0
        return "%% Invalid input (at token %d: '%s')\n" % (index, words[min(index, len(words) - 1)])

    def exec_line(self, line, prompt_len=None):
        if self.privilege < 15:
            try:
                self.EXEC_USER.parse(line.split("|")[0])
            except Exception:  # noqa: a command only privileged EXEC has
                try:
                    self.EXEC_PRIV.parse(line.split("|")[0])
                    return "% Invalid input (privileged mode required)\n"
                except Exception:  # noqa: not a command at all
                    pass
        return super().exec_line(line, prompt_len)

    def config_line(self, line):
        if line.split()[0].lower() in ("show", "sh", "sho"):
            return self.exec_line(line)
        return super().config_line(line)

    # -- sessions -------------------------------------------------------------------------
    def enter_config(self, *_args):
        self.session = None
        self.stack = [("config", None)]
        self.config_changed = False
        return ""

    def enter_session(self, words, params, *_args):
        name = params[0][1] if params else "session%d" % (int(now().timestamp()) % 100000)
        if self.store.get("session-" + name) is None:
            self.store.put("session-" + name, self.running)
            self.event("session-open", session=name)
        self.session = name
        self.stack = [("config", None)]
        return ""

    def session_commit(self, words, params, negated, line):
        if self.session is None:
            return "% Invalid input (at token 0: 'commit')\n"
        name = self.session
        timer = params[0][1] if params else None
        before = self.running
        text = self.store.get("session-" + name)
        self.store.delete("session-" + name)
        self.session = None
        self.stack = []
        self.set_running(text, line=line, session=name)
        self.store.put_json("last-change.json", {"ts": now().isoformat(), "user": self.username})
        if timer:
            h, m, s = (int(x) for x in timer.split(":"))
            seconds = h * 3600 + m * 60 + s
            pending = self.store.get_json("pending-commits.json") or {}
            pending[name] = {"before": before, "deadline": now().timestamp() + seconds}
            self.store.put_json("pending-commits.json", pending)
            self.schedule(seconds, "commit:" + name, self._expire(name))
            self.event("commit", session=name, timer=seconds)
        else:
            self.event("commit", session=name)
        return ""

    def _expire(self, name):
        store = self.store

        def expire():
            pending = (store.get_json("pending-commits.json") or {}).get(name)
            if pending is None:
                return
            store.put("running-config", pending["before"])
            store.event("rollback", session=name, reason="commit timer expired")
            EosDevice._forget_pending(store, name)
        return expire

    def session_abort(self, *_args):
        if self.session is None:
            return "% Invalid input (at token 0: 'abort')\n"
        name = self.session
        self.store.delete("session-" + name)
        self.event("session-abort", session=name)
        self.session = None
        self.stack = []
        return ""

    def named_session(self, words, params, negated, line):
        """``configure session NAME commit|abort`` from EXEC: confirm a commit timer, or
        throw the session (and a pending commit) away."""
        name = params[0][1]
        pending = (self.store.get_json("pending-commits.json") or {}).get(name)
        if words[-1] == "commit":
            if pending is not None:
                self.cancel("commit:" + name)
                self._forget_pending(self.store, name)
                self.event("confirm", session=name)
                return ""
            if self.store.get("session-" + name) is not None:
                self.session = name
                return self.session_commit(words, [], negated, line)
            return "%% Cannot commit session %s: session does not exist\n" % name
        if pending is not None:
            self.cancel("commit:" + name)
            self.store.put("running-config", pending["before"])
            self._forget_pending(self.store, name)
            self.event("rollback", session=name, reason="aborted")
        if self.store.get("session-" + name) is not None:
            self.store.delete("session-" + name)
            self.event("session-abort", session=name)
        return ""

    def leave_config(self, *_args):
        self.session = None
        return super().leave_config()

    def exit_mode(self, *_args):
        if len(self.stack) > 1:
            self.stack.pop()
            return ""
        return self.leave_config()

    # -- show -----------------------------------------------------------------------------
    def render(self, text, command="show running-config"):
        model = HierModel(Platform.ARISTA_EOS, text, IDEMPOTENT, INDENT)
        out = ["! Command: %s" % command,
               "! device: %s (DCS-7010T-48, EOS-4.28.9M)" % self.hostname(), "!",
               "! boot system flash:/EOS.swi", "!"]
        previous = None
        for head, children in model.top():
            family = head.split()[0]
            block = bool(children) or head.startswith(SECTIONS)
            if previous is not None and (block or previous[1] or family != previous[0]):
                out.append("!")
            out.append(head)
            for depth, child in children:
                out.append(" " * (INDENT * depth) + child)
            previous = (family, block)
        out += ["!", "end"]
        return "\n".join(out) + "\n"

    def show_running(self, *_args):
        return self.render(self.running)

    def show_startup(self, *_args):
        return self.render(self.startup, "show startup-config")

    def show_session_config(self, words, params, *_args):
        name = params[0][1] if params else self.session
        if not name or self.store.get("session-" + name) is None:
            return "% No configuration session\n" if not name else \
                "%% Session %s does not exist\n" % name
        return self.render(self.store.get("session-" + name), "show session-config")

    def show_sessions(self, *_args):
        names = sorted(n[len("session-"):] for n in os.listdir(self.store.dir)
                       if n.startswith("session-"))
        pending = self.store.get_json("pending-commits.json") or {}
        out = ["Maximum number of completed sessions: 1", "Maximum number of pending sessions: 5",
               "", "  Name             State           User    Terminal",
               "  ---------------- --------------- ------- --------"]
        for name in sorted(set(names) | set(pending)):
            state = "pending-commit-timer" if name in pending else "pending"
            out.append("  %-16s %-15s %-7s %s" % (name[:16], state, "", ""))
        return "\n".join(out) + "\n"

    def show_version(self, *_args):
        with open(os.path.join(CAPTURES, "ntc_dcs7010t_show_version.raw"), encoding="utf-8") as h:
            return h.read().rstrip("\n") + "\n"

    def show_hostname(self, *_args):
        match = re.search(r"(?m)^dns domain (\S+)$", self.running)
        fqdn = self.hostname() + ("." + match.group(1) if match else "")
        return "Hostname: %s\nFQDN:     %s\n" % (self.hostname(), fqdn)

    def show_vlan(self, *_args):
        model = self.model() if not self.session else HierModel(
            Platform.ARISTA_EOS, self.running, IDEMPOTENT, INDENT)
        vlans = {1: "default"}
        members = {}
        for node in model.root.children:
            match = re.match(r"^vlan (\d+)$", node.text)
            if match:
                names = [c.text[5:] for c in node.children if c.text.startswith("name ")]
                vlans[int(match.group(1))] = names[0] if names else "VLAN%04d" % int(match.group(1))
            match = re.match(r"^interface Ethernet(\d+)$", node.text)
            if match:
                children = [c.text for c in node.children]
                if "no switchport" in children or "switchport mode trunk" in children:
                    continue
                vid = next((int(c.split()[-1]) for c in children
                            if c.startswith("switchport access vlan ")), 1)
                members.setdefault(vid, []).append("Et" + match.group(1))
        out = ["VLAN  Name                             Status    Ports",
               "----- -------------------------------- --------- -------------------------------"]
        for vid in sorted(vlans):
            ports = ", ".join(members.get(vid, []))
            out.append(("%-5d %-32s %-9s %s" % (vid, vlans[vid], "active", ports)).rstrip())
        return "\n".join(out) + "\n"

    def show_acls(self, words, params, *_args):
        wanted = params[0][1] if params else None
        out = []
        for node in self.model().root.children:
            match = re.match(r"^ip access-list (?:standard )?(\S+)$", node.text)
            if match and (wanted is None or match.group(1) == wanted):
                out.append("IP Access List %s" % match.group(1))
                out += ["        " + c.text for c in node.children]
        return "\n".join(out) + ("\n" if out else "")

    def show_clock(self, *_args):
        return now().strftime("%a %b %d %H:%M:%S %Y\nTimezone: UTC\nClock source: local\n")

    def show_privilege(self, *_args):
        return "Current privilege level is %d\n" % self.privilege

    def terminal_length(self, _words, params, *_args):
        self.page_length = int(params[0][1])
        return "Pagination disabled.\n" if not self.page_length else ""

    def terminal_width(self, _words, params, *_args):
        self.width = int(params[0][1])
        return "Width set to %d columns.\n" % self.width

    def write_memory(self, *_args):
        self.save_startup(self.running)
        return "Copy completed successfully.\n"

    # -- configuration actions --------------------------------------------------------------
    def enter_interface(self, words, params, negated, line):
        name = params[0][1]
        header = "interface " + name
        if negated:
            if name in ETHERNETS or name == "Management1":
                return "% Removal of physical interfaces is not permitted\n"
            return self.apply((), "no " + header, line)
        if self.model().node((header,)) is None:
            self.apply((), header, line)
        self.stack.append(("if", header))
        return None

    def ip_address(self, words, params, negated, line):
        path = self.section_path()
        if negated:
            return self.apply(path, "no ip address", line)
        address = ipaddress.IPv4Interface(params[0][1])
        name = path[0].split()[1]
        if address.network.prefixlen == 32 and not name.startswith("Loopback"):
            return "% Prefix length must be less than 32\n"
        out = ""
        node = self.model().node(path)
        if name.startswith("Ethernet") and "no switchport" not in [c.text for c in node.children]:
            out = "! IP configuration will be ignored while interface %s is not a routed port.\n" % name
        return (self.apply(path, "ip address %s" % address, line) or "") + out

    def acl_entry(self, words, params, negated, line):
        path = self.section_path()
        model = self.model()
        node = model.node(path)
        entries = {int(c.text.split()[0]): c.text for c in node.children}
        seq = int(words[0]) if words[0].isdigit() else None
        body = " ".join(words[1:] if seq is not None else words)
        if negated:
            victim = entries.get(seq) if seq is not None and not body else next(
                (t for t in entries.values() if t.split(None, 1)[1] == body), None)
            if victim:
                model.remove(path + (victim,))
                self.store_model(model, line)
            return None
        if not body:
            return "% Incomplete command\n"
        if seq is None:
            if any(t.split(None, 1)[1] == body for t in entries.values()):
                return None
            seq = (max(entries) if entries else 0) + 10
        elif seq in entries:
            if entries[seq].split(None, 1)[1] == body:
                return None
            return "% Error: Duplicate sequence number\n"
        if any(t.split(None, 1)[1] == body for t in entries.values()):
            return "% Error: Duplicate rule\n"
        return self.apply(path, "%d %s" % (seq, body), line)

    def policy_class(self, words, params, negated, line):
        name = params[0][1]
        path = self.section_path()
        if not re.search(r"(?m)^class-map type qos match-any %s$" % re.escape(name),
                         self.model().text()) and name != "class-default":
            return "%% Class-map %s does not exist\n" % name
        header = "class " + name
        if negated:
            return self.apply(path, "no " + header, line)
        if self.model().node(path + (header,)) is None:
            self.apply(path, header, line)
        self.stack.append(("pmap-c", header))
        return None


def _section(mode):
    def action(dev, words, params, negated, line):
        header = " ".join(words)
        if negated:
            return dev.apply((), "no " + header, line)
        if dev.model().node((header,)) is None:
            dev.apply((), header, line)
        dev.stack.append((mode, header))
        return None
    return action


def _vlan(dev, words, params, negated, line):
    ids = []
    for part in params[0][1].split(","):
        lo, _sep, hi = part.partition("-")
        ids += list(range(int(lo), int(hi or lo) + 1))
    for vid in ids:
        dev.apply((), ("no " if negated else "") + "vlan %d" % vid, line)
    if not negated:
        dev.stack.append(("vlan", "vlan %d" % ids[0]))
    return None


def _grammars():
    C = Command
    D = EosDevice
    types = {"IFACE": iface_type, "VLANS": vlans_type, "DSCP": dscp_type, "PREFIX": prefix_type,
             "ACE": ace_type, "TIMER": timer_type}
    user = [
        C("enable", D.enable), C("exit", D.logout), C("logout", D.logout),
        C("show version", D.show_version), C("show clock", D.show_clock),
        C("show privilege", D.show_privilege), C("show hostname", D.show_hostname),
        C("terminal length <0-32767>", D.terminal_length),
        C("terminal width <10-32767>", D.terminal_width),
    ]
    priv = user + [
        C("disable", D.disable),
        C("configure [terminal]", D.enter_config),
        C("configure session [WORD]", D.enter_session),
        C("configure session WORD {commit|abort}", D.named_session),
        C("show running-config [all]", D.show_running),
        C("show startup-config", D.show_startup),
        C("show session-config [named WORD]", D.show_session_config),
        C("show configuration sessions [detail]", D.show_sessions),
        C("show vlan [brief]", D.show_vlan),
        C("show ip access-lists [WORD]", D.show_acls),
        C("write [memory]", D.write_memory),
        C("copy running-config startup-config", D.write_memory),
    ]
    common = [C("exit", D.exit_mode), C("end", D.leave_config)]
    glob = common + [
        C("hostname WORD", "set"), C("dns domain WORD", "set"),
        C("interface IFACE", D.enter_interface), C("vlan VLANS", _vlan),
        C("ip access-list [standard] WORD", _section("acl")),
        C("class-map type qos match-any WORD", _section("cmap")),
        C("policy-map type quality-of-service WORD", _section("pmap")),
        C("username WORD privilege <0-15> role WORD secret {0|5|sha512} WORD", "set"),
        C("username WORD privilege <0-15> secret {0|5|sha512} WORD", "set"),
        C("enable password [{0|5|sha512}] WORD", "set"),
        C("aaa authorization exec default local", "set"), C("aaa root", "set"),
        C("spanning-tree mode {mstp|rstp|rapid-pvst|none}", "set"),
        C("service routing protocols model {multi-agent|ribd}", "set"),
        C("ip routing", "set"), C("ip route A.B.C.D/M A.B.C.D", "set"),
        C("ntp server A.B.C.D", "set"), C("logging host A.B.C.D", "set"),
        C("ip name-server A.B.C.D", "set"),
        C("management api http-commands", _section("mgmt-api")),
        C("commit", D.session_commit), C("commit timer TIMER", D.session_commit),
        C("abort", D.session_abort),
    ]
    iface = common + [
        C("description LINE", "set"), C("shutdown", "set"), C("mtu <68-9214>", "set"),
        C("switchport", "set"),
        C("switchport mode {access|trunk|dot1q-tunnel}", "set"),
        C("switchport mode trunk phone", "set"),
        C("switchport access vlan <1-4094>", "set"),
        C("switchport trunk native vlan <1-4094>", "set"),
        C("switchport trunk allowed vlan VLANS", "set"),
        C("switchport trunk allowed vlan {all|none}", "set"),
        C("switchport phone vlan <1-4094>", "set"),
        C("switchport phone trunk {tagged|untagged}", "set"),
        C("ip address PREFIX", D.ip_address),
        C("ip access-group WORD {in|out}", "set"),
        C("qos trust {dscp|cos}", "set"),
        C("service-policy type qos input WORD", "set"),
        C("spanning-tree portfast", "set"), C("spanning-tree bpduguard enable", "set"),
        C("channel-group <1-2000> mode {active|passive|on}", "set"),
    ]
    acl = common + [C("[<1-4294967295>] {permit|deny} ACE", D.acl_entry),
                    C("[<1-4294967295>] remark LINE", D.acl_entry),
                    C("<1-4294967295>", D.acl_entry),
                    C("statistics per-entry", "set")]
    session_only = [C("commit", D.session_commit), C("commit timer TIMER", D.session_commit),
                    C("abort", D.session_abort)]

    def g(commands):
        return Grammar(commands + session_only, types)
    modes = {
        "config": (Grammar(glob, types), ""),
        "if": (g(iface), "if-{short}"),
        "vlan": (g(common + [C("name WORD", "set"), C("state {active|suspend}", "set")]),
                 "vlan-{name}"),
        "acl": (g(acl), "acl-{name}"),
        "cmap": (g(common + [C("match ip access-group WORD", "set")]), "cmap-qos-{name}"),
        "pmap": (g(common + [C("class WORD", D.policy_class)]), "pmap-qos-{name}"),
        "pmap-c": (g(common + [C("set dscp DSCP", "set"), C("set traffic-class <0-7>", "set"),
                               C("set cos <0-7>", "set")]), "pmap-c-qos-{name}"),
        "mgmt-api": (g(common + [C("shutdown", "set")]), "mgmt-api-http-cmds"),
    }
    return Grammar(user, types), Grammar(priv, types), modes


EosDevice.EXEC_USER, EosDevice.EXEC_PRIV, EosDevice.CONFIG_MODES = _grammars()
DEVICES = {"eos": EosDevice}
