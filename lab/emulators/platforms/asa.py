"""EMULATED Cisco ASA firewall (lab test infrastructure; never a real device, never called one).

An ASAv (ASA Software 9.5(2)204, GigabitEthernet0/0-0/6 and Management0/0, as the
captured ``show version`` of an ASAv in captures/asa/ shows) in single-context routed mode.

Built on: emulators.server (asyncssh), emulators.models.iosstyle (EXEC modes, ``enable``
with the enable password, output filters) with emulators.models.cli's grammar for EXEC
commands (keyword abbreviation), and emulators.models.asa: the ASA configuration model on
hier_config that every configuration line goes through (the collection's drivers are never
used).

Where the behaviour comes from (command families cited in lab/README.md, "ASA"):
- Cisco ASA Series General Operations CLI Configuration Guide 9.x ("Getting Started":
  user EXEC ``>`` and privileged EXEC ``#``, ``enable``, ``login``, ``configure terminal``,
  ``terminal pager``, ``show running-config [all]``, ``write memory``; "Basic Interface
  Configuration": ``nameif``, ``security-level``, ``vlan`` on sub-interfaces);
- Cisco ASA Series Command Reference (A-H, I-R, S, T-Z) for every configuration command
  the model accepts (access-list extended, access-group, object, object-group, timeout,
  policy-map, class, inspect, mtu, route, ssh, http, logging, username);
- Cisco ASA Series Firewall CLI Configuration Guide 9.x ("Connection Settings": timers;
  "Getting Started with Application Layer Protocol Inspection": the default
  ``global_policy``);
- captures (data, captures/asa/SOURCE.md): ``show version`` of an ASAv (ntc-templates,
  Apache-2.0), running configurations of ASA 9.x (ciscoconfparse2, GPL-3.0), the layouts
  of ``show running-config access-group|object network|object-group service``
  (ntc-templates), the ASA's ``ERROR: % Invalid input detected at '^' marker.`` as public
  issue reports quote it.
"""

import os
import re

from emulators.device import CloseSession
from emulators.models.asa import AsaConfig, AsaError
from emulators.models.cli import Command, Grammar
from emulators.models.iosstyle import IosStyleDevice
from emulators.store import now

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURES = os.path.join(os.path.dirname(HERE), "captures", "asa")

#: configuration sub-modes: the block a line enters -> the prompt's suffix
SUBMODES = (
    (r"^interface ", "(config-if)"),
    (r"^object network ", "(config-network-object)"),
    (r"^object service ", "(config-service-object)"),
    (r"^object-group network ", "(config-network-object-group)"),
    (r"^object-group service ", "(config-service-object-group)"),
    (r"^object-group protocol ", "(config-protocol-object-group)"),
    (r"^object-group icmp-type ", "(config-icmp-object-group)"),
    (r"^class-map ", "(config-cmap)"),
    (r"^policy-map ", "(config-pmap)"),
    (r"^class ", "(config-pmap-c)"),
)
INVALID = "ERROR: % Invalid input detected at '^' marker."


class AsaDevice(IosStyleDevice):
    platform = "asa"
    ssh_server_version = "Cisco-1.25"
    more_prompt = "<--- More --->"
    ENABLE_PROMPT = "Password: "
    ENABLE_FAILED = "Invalid password\n"
    ios_errors = False
    CONFIG_MODES = {"config": (None, "(config)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No 'aaa authorization exec ... auto-enable' in the configuration: every SSH
        # login lands in user EXEC, whatever the account's privilege (Command Reference,
        # aaa authorization exec).
        self.account_privilege = self.privilege
        self.privilege = 1
        self._model = None
        self._model_text = None
        self._login = None  # the 'login' dialogue: None, "user" or ("password", name)
        self.via_login = False
        self.page_length = self._pager_lines()

    # -- boot ------------------------------------------------------------------------------
    @classmethod
    def initial_config(cls, hostname, users):
        with open(os.path.join(HERE, "initial", "asa.cfg"), encoding="utf-8") as handle:
            template = handle.read()
        lines = []
        if users is not None:
            for name in sorted(users.accounts):
                # the ASA prints a local password masked (9.x: '*****' and its hash type)
                lines.append("username %s password ***** pbkdf2 privilege %d"
                             % (name, users.accounts[name]["privilege"]))
        text = template.replace("{hostname}", hostname)
        text = text.replace("{usernames}\n", "".join(ln + "\n" for ln in lines))
        return AsaConfig(text).render()

    # -- the model -------------------------------------------------------------------------
    def model(self):
        if self._model is None or self._model_text != self.running:
            self._model = AsaConfig(self.running)
            self._model_text = self.running
        return self._model

    def _store(self, line):
        text = self._model.render()
        self.set_running(text, line=line)
        self._model_text = self.running
        self.config_changed = True

    def hostname(self):
        match = re.search(r"(?m)^hostname (\S+)$", self.running)
        return match.group(1) if match else self.default_hostname

    def _pager_lines(self):
        match = re.search(r"(?m)^pager lines (\d+)$", self.running)
        return int(match.group(1)) if match else 24

    # -- prompts and lines -------------------------------------------------------------------
    def prompt(self):
        if self._login == "user":
            return "Username: "
        if self._login is not None:
            return "Password: "
        if self._enable_tries is not None:
            return self.ENABLE_PROMPT
        host = self.hostname()
        if self.stack:
            return "%s%s# " % (host, self._suffix())
        return host + ("# " if self.privilege >= 15 else "> ")

    def _suffix(self):
        if len(self.stack) == 1:
            return "(config)"
        last = self.stack[-1][1]
        for pattern, suffix in SUBMODES:
            if re.match(pattern, last):
                return suffix
        return "(config)"

    def handle(self, line):
        if self._login is not None:
            return self._login_answer(line)
        return super().handle(line)

    def refuse(self, line, error, prompt_len=None):
        """The ASA's refusal: the caret under the word, then ``ERROR: % ...``."""
        if error.kind == "incomplete":
            return "ERROR: % Incomplete command\n"
        if error.kind == "ambiguous":
            return "ERROR: %% Ambiguous command:  \"%s\"\n" % line.strip()
        if error.kind == "message":
            return error.message.rstrip("\n") + "\n"
        column = (len(self.prompt()) if prompt_len is None else prompt_len) + (error.column or 0)
        return " " * column + "^\n" + INVALID + "\n"

    def _asa_error(self, line, exc):
        if exc.pos is None:
            return exc.message + "\n"
        return " " * (len(self.prompt()) + exc.pos) + "^\n" + exc.message + "\n"

    def config_line(self, line):
        """A line in configuration mode: the mode commands here, EXEC commands (the ASA
        runs show/write/copy/terminal in configuration mode too), everything else through
        the configuration model."""
        words = line.split()
        first = words[0].lower()
        if first in ("exit", "quit") and len(words) == 1:
            return self.exit_mode()
        if first == "end" and len(words) == 1:
            return self.leave_config()
        if first in ("show", "write", "copy", "terminal", "do") or (
                first == "no" and len(words) > 1 and words[1].lower() == "terminal"):
            return self.exec_line(line[line.lower().index("do") + 2:] if first == "do" else line)
        model = self.model()
        mode = tuple(text for _m, text in self.stack[1:])
        try:
            new = model.configure(mode, line)
        except AsaError as exc:
            return self._asa_error(line, exc)
        self._store(line)
        self.stack = [self.stack[0]] + [("sub", text) for text in new]
        return ""

    # -- EXEC actions -------------------------------------------------------------------------
    def enter_config(self, *_args):
        self.stack = [("config", None)]
        self.config_changed = False
        return ""

    def enable(self, *_args):
        if self.privilege >= 15:
            return ""
        if self.users.enable_secret is None:
            return "ERROR: Enable password is not configured\n"
        self._enable_tries = 0
        self.echo = False
        return ""

    def disable(self, *_args):
        self.privilege = 1
        return ""

    def login_command(self, *_args):
        self._login = "user"
        return ""

    def _login_answer(self, text):
        if self._login == "user":
            self._login = ("password", text.strip())
            self.echo = False
            return ""
        name = self._login[1]
        self._login = None
        self.echo = True
        if self.users.check(name, text):
            self.username = name
            self.privilege = self.users.privilege(name)
            self.via_login = True
            self.event("login_command", privilege=self.privilege)
            return ""
        self.event("login_command_failed", target=name)
        return "Invalid password\n"

    def logout(self, *_args):
        raise CloseSession()

    def terminal_pager(self, _words, params, *_args):
        self.page_length = int(params[-1][1]) if params else 0
        return ""

    def no_terminal_pager(self, *_args):
        self.page_length = 0
        return ""

    def terminal_width(self, _words, params, *_args):
        self.width = int(params[0][1])
        return ""

    def show_running(self, words, params, *_args):
        defaults = "all" in words[2:3]
        filters = " ".join(p[1] for p in params if p[0] == "LINE").split()
        return self.model().render(defaults=defaults, filters=filters or None)

    def show_startup(self, *_args):
        return self.startup or "No Configuration\n"

    def show_version(self, *_args):
        with open(os.path.join(CAPTURES, "ntc_show_version_asav.raw"), encoding="utf-8") as h:
            text = h.read()
        text = re.sub(r"(?m)^asa1 up ", self.hostname() + " up ", text)
        return text.rstrip("\n") + "\n"

    def show_curpriv(self, *_args):
        mode = "P_CONF" if self.stack else ("P_PRIV" if self.privilege >= 15 else "P_UNPR")
        # after 'enable' the ASA names the session by its level, not by the account
        user = "enable_15" if self.privilege >= 15 and not self.via_login else self.username
        return ("Username : %s\nCurrent privilege level : %d\nCurrent Mode/s : %s\n"
                % (user, self.privilege, mode))

    def show_nameif(self, *_args):
        out = ["Interface                Name                     Security"]
        model = self.model()
        for block in model.real_blocks():
            if block.family != "interface":
                continue
            children = [c.text for c in block.node.children]
            name = next((c.split()[1] for c in children if c.startswith("nameif ")), None)
            level = next((c.split()[1] for c in children if c.startswith("security-level ")), "0")
            if name:
                out.append("%-24s %-24s %3s" % (block.text.split()[1], name, level))
        return "\n".join(out) + "\n"

    def show_clock(self, *_args):
        return now().strftime("%H:%M:%S.%f")[:-3] + now().strftime(" UTC %a %b %d %Y\n")

    def write_memory(self, *_args):
        text = self.running
        self.save_startup(text)
        checksum = re.search(r"(?m)^Cryptochecksum:(\w+)$", text)
        digest = checksum.group(1) if checksum else "0" * 32
        return ("Building configuration...\nCryptochecksum: %s \n\n%d bytes copied in 0.140 "
                "secs\n[OK]\n" % (" ".join(digest[i:i + 8] for i in range(0, 32, 8)), len(text)))

    def copy_run_start(self, *_args):
        out = self.write_memory()
        return "\nSource filename [running-config]? \nDestination filename [startup-config]? \n" + \
            out.split("\n", 1)[1]

    def configured(self):
        super().configured()
        message = "%%ASA-5-111008: User '%s' executed the 'configure terminal' command."
        self.store.event("syslog", message=message % self.username)


def _grammars():
    C = Command
    D = AsaDevice
    user = [
        C("enable", D.enable), C("login", D.login_command), C("exit", D.logout),
        C("logout", D.logout), C("quit", D.logout), C("show version", D.show_version),
        C("show curpriv", D.show_curpriv), C("show clock", D.show_clock),
        C("terminal pager [lines] <0-2147483647>", D.terminal_pager),
        C("no terminal pager", D.no_terminal_pager),
    ]
    priv = user + [
        C("disable", D.disable), C("configure terminal", D.enter_config),
        C("show running-config [all] [LINE]", D.show_running),
        C("show startup-config", D.show_startup), C("show nameif", D.show_nameif),
        C("write memory", D.write_memory), C("write", D.write_memory),
        C("copy running-config startup-config", D.copy_run_start),
        C("terminal width <0-511>", D.terminal_width),
    ]
    return Grammar(user), Grammar(priv)


AsaDevice.EXEC_USER, AsaDevice.EXEC_PRIV = _grammars()

DEVICES = {"asa": AsaDevice}
