"""EMULATED MikroTik RouterOS v7 router (lab test infrastructure; never a real device, never
called one): an RB5009-class router, RouterOS 7.14.3, with a VLAN-filtering bridge.

Built on: emulators.server (asyncssh, password login), emulators.device and
emulators.models.routeros (the menu-path model; the collection's drivers are never used).

Where the behaviour comes from (cited per command family in lab/README.md, "RouterOS"):
- MikroTik RouterOS documentation (help.mikrotik.com): "Command Line Interface" (the prompt
  ``[admin@MikroTik] >``, menus entered by their path and shown in the prompt, ``..``, ``/``,
  the login name options ``+c`` no colours, ``+t`` no terminal detection, ``+e`` dumb
  terminal, ``+<N>w`` width, ``+<N>h`` height, that netmiko's ``mikrotik_routeros`` driver
  sends as ``+ct511w4098h``), "Scripting" (``[ find ... ]``, ``where``, error messages
  ``bad command name``, ``expected end of command``, ``syntax error``, each with ``(line 1
  column N)``; ``input does not match any value of``, ``failure:``, ``no such item``),
  "Configuration Management" (``/export``, ``terse``), "Backup" (``/system backup
  save|load``), "Scheduler";
- captures (data, captures/routeros/SOURCE.md): ``/system resource print`` and ``/ip
  firewall filter print`` (ntc-templates, Apache-2.0), a RouterOS 7 export
  (JustinLex/jlh-h5b mikrotik/config.rsc, AGPL-3.0) for the export layout.
Safe Mode (Ctrl-X) is not emulated: the collection's driver does not use it.
"""

import copy
import datetime
import json
import os
import re

from emulators.device import CloseSession, EmulatedDevice
from emulators.models.routeros import MENUS, Config, RosError, seconds
from emulators.store import now

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURES = os.path.join(os.path.dirname(HERE), "captures", "routeros")
VERSION = "7.14.3"
VERBS = ("add", "set", "remove", "print", "export", "enable", "disable", "find", "get",
         "move", "edit", "comment", "reset")
WORD = re.compile(r'\s*([^\s=\[\]"]+="(?:[^"\\]|\\.)*"|[^\s=\[\]"]+=\[(?:[^\[\]]|\[[^\]]*\])*\]'
                  r'|[^\s=\[\]"]+=[^\s\[\]"]*|\[(?:[^\[\]]|\[[^\]]*\])*\]|"(?:[^"\\]|\\.)*"'
                  r'|[^\s\[\]"]+)')


def unquote(value):
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def split_line(line):
    """(word, column) pairs; RosError ``syntax error`` for an unclosed quote or bracket."""
    out, pos = [], 0
    if line.count("[") != line.count("]"):
        raise RosError("syntax error (line 1 column %d)" % (len(line) + 1))
    if len(re.findall(r'(?<!\\)"', line)) % 2:
        raise RosError("syntax error (line 1 column %d)" % (line.rfind('"') + 1))
    while pos < len(line):
        if not line[pos:].strip():
            break
        match = WORD.match(line, pos)
        if not match:
            raise RosError("syntax error (line 1 column %d)" % (pos + 1))
        out.append((match.group(1), match.start(1) + 1))
        pos = match.end()
    return out


class RouterosDevice(EmulatedDevice):
    """One SSH session on the emulated RouterOS router."""

    platform = "routeros"
    ssh_server_version = "ROSSSH"
    more_prompt = "-- [Q quit|D dump|down]"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options = self.login_options or ""
        self.colour = "c" not in options
        width = re.search(r"(\d+)w", options)
        height = re.search(r"(\d+)h", options)
        self.width = int(width.group(1)) if width else 80
        self.page_length = int(height.group(1)) if height else 24
        self.menu = ""

    @classmethod
    def login_name(cls, username):
        """``admin+ct511w4098h`` -> ("admin", "ct511w4098h")."""
        if username and "+" in username:
            name, _sep, options = username.partition("+")
            return name, options
        return username, ""

    # -- state -----------------------------------------------------------------------------
    @classmethod
    def initial_config(cls, hostname, users):
        with open(os.path.join(HERE, "initial", "routeros.rsc"), encoding="utf-8") as handle:
            text = handle.read().replace("{hostname}", hostname)
        config = Config()
        session = cls.__new__(cls)
        session.menu = ""
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            out = session.apply(config, line)
            if out:
                raise ValueError("initial config line %d refused: %s: %r" % (number, out, line))
        return json.dumps(config.data, indent=1, sort_keys=True) + "\n"

    def config(self):
        return Config(json.loads(self.running))

    def save(self, config, line):
        self.set_running(json.dumps(config.data, indent=1, sort_keys=True) + "\n", line=line)

    def identity(self):
        return self.config().items("/system identity").get("name", "MikroTik")

    # -- session ----------------------------------------------------------------------------
    def motd(self):
        return ("\n\n  MMM      MMM       KKK                          TTTTTTTTTTT      KKK\n"
                "  MikroTik RouterOS %s (c) 1999-2024       https://www.mikrotik.com/\n\n"
                % VERSION)

    def prompt(self):
        user = "%s@%s" % (self.username, self.identity())
        if self.colour:
            user = "\x1b[m\x1b[32m%s\x1b[m" % user
        return "[%s] %s> " % (user, self.menu + ("" if not self.menu else ""))

    def in_config_mode(self):
        return True  # every line may change the configuration at once

    def handle(self, line):
        if not line.strip():
            return ""
        if line.strip() in ("quit", "/quit"):
            raise CloseSession()
        config = self.config()
        before = Config(copy.deepcopy(config.data)).export_lines()
        out = self.apply(config, line)
        if config.export_lines() != before:
            self.save(config, line)
            self.sync_timers(config)
        return out

    # -- one command line --------------------------------------------------------------------
    def apply(self, config, line):
        """Carry out ``line`` on ``config``; the console's answer (errors included)."""
        try:
            words = split_line(line)
        except RosError as exc:
            return exc.text + "\n"
        try:
            return self._apply(config, words, line) or ""
        except RosError as exc:
            return exc.text + "\n"

    def _path(self, words):
        """(menu path, index of the first word after it) from the words of a line."""
        path = self.menu
        first = words[0][0]
        if first.startswith("/"):
            path, words0 = "", first[1:]
            words = [(words0, words[0][1] + 1)] + words[1:] if words0 else words[1:]
            offset = 1 if not words0 else 0
        else:
            offset = 0
        rest = words
        consumed = 0
        for word, column in rest:
            if word == "..":
                path = " ".join(path.split()[:-1])
                path = "/" + path.lstrip("/") if path.strip("/") else ""
                consumed += 1
                continue
            candidate = (path + " " + word) if path else "/" + word
            if any(m == candidate or m.startswith(candidate + " ") for m in MENUS) or \
                    candidate in ("/system", "/ip", "/interface", "/system backup", "/export",
                                  "/system resource", "/ip firewall", "/system reboot"):
                path = candidate
                consumed += 1
                continue
            break
        return path, rest[consumed:], offset

    def _apply(self, config, words, line):
        path, rest, _offset = self._path(words)
        if path == "/export" or (rest and rest[0][0] == "export"):
            args = [w for w, _c in (rest[1:] if rest and rest[0][0] == "export" else rest)]
            return self.export(config, "" if path == "/export" else path, args)
        if path == "/system backup":
            return self.backup(config, rest)
        if path == "/system resource" and [w for w, _c in rest] == ["print"]:
            with open(os.path.join(CAPTURES, "ntc_system_resource_print.raw")) as handle:
                text = handle.read()
            return re.sub(r"(version: )\S+ \(stable\)", r"\g<1>%s (stable)" % VERSION, text)
        if not rest:
            if path in MENUS or path in ("", "/ip", "/interface", "/system", "/ip firewall"):
                self.menu = path
                return ""
            raise RosError("bad command name %s (line 1 column %d)" % (
                words[-1][0], words[-1][1]))
        verb, column = rest[0]
        if path not in MENUS:
            raise RosError("bad command name %s (line 1 column %d)" % (verb, column))
        if verb not in VERBS:
            raise RosError("bad command name %s (line 1 column %d)" % (verb, column))
        menu = MENUS[path]
        args = rest[1:]
        if verb == "add":
            return self.add(config, menu, args)
        if verb in ("set", "enable", "disable"):
            return self.set(config, menu, verb, args)
        if verb == "remove":
            targets = self.targets(config, menu, args, line)
            config.remove(path, targets)
            return ""
        if verb == "print":
            return self.print_menu(config, menu, [w for w, _c in args])
        if verb == "get" and menu.kind == "single" and len(args) == 1:
            return config.items(path).get(args[0][0], menu.defaults.get(args[0][0], "")) + "\n"
        raise RosError("expected end of command (line 1 column %d)" % (
            args[0][1] if args else column))

    def props(self, menu, args, allowed=()):
        pairs, extra = [], {}
        for word, column in args:
            if "=" not in word or word.startswith("["):
                raise RosError("expected end of command (line 1 column %d)" % column)
            key, value = word.split("=", 1)
            if key in allowed:
                extra[key] = (value, column)
                continue
            if key not in menu.props:
                raise RosError("expected end of command (line 1 column %d)" % column)
            pairs.append((key, unquote(value)))
        return Config().check_props(menu, pairs), extra

    def add(self, config, menu, args):
        props, extra = self.props(menu, args, allowed=("place-before",))
        where = None
        if "place-before" in extra:
            value, column = extra["place-before"]
            items = config.items(menu.path)
            if value.isdigit():
                if int(value) >= len(items):
                    raise RosError("no such item")
                where = int(value)
            else:
                found = self._find(config, menu, value)
                if not found:
                    raise RosError("no such item")
                where = items.index(found[0])
        if menu.path == "/system scheduler" and "start-time" in props:
            props["start-time"] = self.eval_time(props["start-time"])
        config.add(menu.path, props, where)
        if menu.path == "/system scheduler":
            self.arm(config, props)
        return ""

    def set(self, config, menu, verb, args):
        if menu.kind == "single":
            props, _extra = self.props(menu, args)
            config.set(menu.path, None, props)
            return ""
        if not args:
            raise RosError("expected end of command (line 1 column 5)")
        target, rest = args[0], args[1:]
        targets = self.targets(config, menu, [target], None)
        props, _extra = self.props(menu, rest)
        if verb != "set":
            props["disabled"] = "yes" if verb == "disable" else "no"
        config.set(menu.path, targets, props)
        return ""

    def targets(self, config, menu, args, line):
        if not args:
            raise RosError("expected end of command")
        found = []
        for word, _column in args:
            if word.startswith("["):
                found += self._find(config, menu, word)
            elif re.match(r"^\d+(,\d+)*$", word):
                items = config.items(menu.path)
                for number in word.split(","):
                    if int(number) >= len(items):
                        raise RosError("no such item")
                    found.append(items[int(number)])
            elif menu.key:
                named = [i for i in config.items(menu.path) if i.get(menu.key) == word
                         or i.get("name") == word]
                if not named:
                    raise RosError("no such item")
                found += named
            else:
                raise RosError("no such item")
        return found

    def _find(self, config, menu, expr):
        inner = expr.strip()[1:-1].strip()
        match = re.match(r"^find(?:\s+where)?\s*(.*)$", inner)
        if not match:
            raise RosError("syntax error (line 1 column 1)")
        query = []
        for word, _c in split_line(match.group(1)) if match.group(1) else []:
            found = re.match(r"^([\w-]+)(!=|=|~)(.*)$", word)
            if not found or found.group(1) not in menu.props and found.group(1) not in (
                    "default-name", "name", "dynamic"):
                raise RosError("expected end of command")
            query.append((found.group(1), found.group(2), unquote(found.group(3))))
        return config.find(menu.path, query)

    def print_menu(self, config, menu, args):
        if menu.kind == "single":
            props = dict(menu.defaults, **config.items(menu.path))
            width = max([len(k) for k in props] or [0]) + 2
            return "".join("%s: %s\n" % (k.rjust(width), v) for k, v in props.items())
        out = ["Flags: X - disabled, I - invalid; D - dynamic "]
        terse = "terse" in args
        for number, item in enumerate(config.items(menu.path)):
            flag = "X" if item.get("disabled") == "yes" else " "
            props = " ".join("%s=%s" % (k, v) for k, v in item.items()
                             if k not in ("comment", "disabled"))
            if terse:
                out.append("%2d %s %s" % (number, flag, props))
                continue
            if item.get("comment"):
                out.append("%2d %s  ;;; %s" % (number, flag, item["comment"]))
                out.append("      %s " % props)
            else:
                out.append("%2d %s  %s " % (number, flag, props))
            out.append("")
        return "\n".join(out) + "\n"

    def export(self, config, only, args):
        for word in args:
            if word not in ("terse", "verbose", "compact", "show-sensitive", "hide-sensitive"):
                raise RosError("expected end of command")
        stamp = now().strftime("%Y-%m-%d %H:%M:%S")
        head = ["# %s by RouterOS %s" % (stamp, VERSION), "# software id = LAB0-EMU4", "#",
                "# model = RB5009UG+S+", "# serial number = HE0LAB000001"]
        return "\n".join(head + config.export_lines("terse" in args, only or None)) + "\n"

    # -- backup and the revert scheduler (the driver's commit-confirm stand-in) --------------
    def backup(self, config, rest):
        words = [w for w, _c in rest]
        args = dict(w.split("=", 1) for w in words[1:] if "=" in w)
        if words[:1] == ["save"] and "name" in args:
            self.store.put("backup-%s.backup" % args["name"], self.running)
            self.event("backup_save", name=args["name"])
            return "Configuration backup saved\n"
        if words[:1] == ["load"] and "name" in args:
            return self.load_backup(args["name"])
        raise RosError("expected end of command")

    def load_backup(self, name):
        name = name[:-len(".backup")] if name.endswith(".backup") else name
        text = self.store.get("backup-%s.backup" % name)
        if text is None:
            raise RosError("failure: no such file")
        self.set_running(text, reason="backup load", backup=name)
        self.event("rollback", reason="backup load", backup=name)
        return "Restore and reboot? [y/N]: \n"

    def eval_time(self, text):
        """``[:totime ([/system clock get time] + 120s)]`` -> the time of day it names."""
        match = re.match(r"^\[:totime \(\[/system clock get time\] \+ (\d+[smh]?)\)\]$", text)
        if match:
            later = now() + datetime.timedelta(seconds=seconds(match.group(1)))
            return later.strftime("%H:%M:%S")
        if re.match(r"^\d\d:\d\d:\d\d$", text) or text == "startup":
            return text
        raise RosError("invalid value for argument start-time")

    def arm(self, config, props):
        """A one-shot scheduler entry runs its on-event at start-time (a device timer)."""
        start = props.get("start-time")
        event = props.get("on-event", "")
        if not re.match(r"^\d\d:\d\d:\d\d$", start or "") or seconds(props.get("interval", "0s")):
            return
        hour, minute, second = (int(x) for x in start.split(":"))
        current = now()
        due = current.replace(hour=hour, minute=minute, second=second, microsecond=0)
        delay = (due - current).total_seconds()
        if delay < 0:
            delay += 86400
        name = props["name"]

        def fire():
            self.event("scheduler", name=name, on_event=event)
            found = re.match(r"^/system backup load name=(\S+)", event)
            if found:
                self.load_backup(found.group(1))

        self.schedule(delay, "scheduler:" + name, fire)

    def sync_timers(self, config):
        """A scheduler entry removed from the configuration no longer runs."""
        names = set(i.get("name") for i in config.items("/system scheduler"))
        for key in [k for (d, k) in list(EmulatedDevice._timers) if d == self.store.dir]:
            if key.startswith("scheduler:") and key[len("scheduler:"):] not in names:
                self.cancel(key)
                self.event("scheduler_removed", name=key[len("scheduler:"):])


DEVICES = {"routeros": RouterosDevice}
