"""EMULATED Palo Alto Networks PAN-OS firewall (lab test infrastructure; never a real device,
never called one): a single-vsys PA-VM, PAN-OS 10.2.

Built on: emulators.server (asyncssh; keyboard-interactive authentication as PAN-OS offers
it, the way netmiko's ``paloalto_panos`` driver logs in), emulators.device and
emulators.models.panos (the set-path tree, its schema and its commit validation; the
collection's drivers are never used).

Where the behaviour comes from (cited per command family in lab/README.md, "PAN-OS"):
- PAN-OS CLI Quick Start (Palo Alto Networks): "Change CLI Modes" (``admin@PA-VM>``
  operational, ``configure`` -> ``admin@PA-VM#`` with the ``[edit]`` context line, ``exit``),
  "Customize the CLI" (``set cli pager off``, ``set cli scripting-mode on``, ``set cli
  terminal width``, ``set cli config-output-format default|set|xml|json``), "Modify the
  Configuration" (``set``, ``delete``, ``move``, ``edit``/``up``/``top``, ``show``),
  "Commit Configuration Changes" (the candidate, ``commit``, ``commit description``,
  ``validate full``, ``revert config``, ``show jobs``, ``check pending-changes``,
  ``show config diff|running|candidate``);
- netmiko issue #3033 (commit output of a PA-VM: ``Commit job N is in progress. Use Ctrl+C
  to return to command prompt``, the progress line, ``Commit failed``; a failed commit
  does not reach ``100%``) and PaloAltoNetworks/pan-os-ansible PR #457 (commit messages);
- captures (data, captures/panos/SOURCE.md): ``show system info`` of a PA-VM
  (ntc-templates, Apache-2.0; hostname and addresses substituted), ``set``-format
  configurations (Batfish palo_alto testconfigs, Apache-2.0) for the line layout.
Unconfirmed wording (no public capture found; the emulator's own): the ``... is missing``
validation lines, ``Move failed``, and the refusal of a command word (``Unknown command:``
for the first word, ``Invalid syntax.`` after it).
"""

import hashlib
import os
import re
import weakref

from emulators.device import CloseSession, EmulatedDevice
from emulators.models.panos import CliError, Config, diff, quote, tokens
from emulators.store import now

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURES = os.path.join(os.path.dirname(HERE), "captures", "panos")
VERSION = "10.2.4"
#: store -> (candidate text, its parsed Config), see PanosDevice.candidate
_PARSED = weakref.WeakKeyDictionary()

OP_HELP = ("check", "clear", "configure", "debug", "delete", "exit", "find", "grep", "less",
           "ping", "quit", "request", "schedule", "scp", "set", "show", "ssh", "tail",
           "tcpdump", "test", "traceroute")


class PanosDevice(EmulatedDevice):
    """One SSH session on the emulated PA-VM."""

    platform = "panos"
    ssh_server_version = "OpenSSH_8.0"  # PAN-OS 10.x management plane sshd banner
    keyboard_interactive = True
    more_prompt = "lines 1-22 "

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.configuring = False
        self.context = []          # ``edit`` path
        self.format = "default"    # set cli config-output-format
        self.scripting = False
        self.page_length = 22
        self._just_entered = False

    # -- state ---------------------------------------------------------------------------
    @classmethod
    def initial_config(cls, hostname, users):
        with open(os.path.join(HERE, "initial", "panos.cfg"), encoding="utf-8") as handle:
            text = handle.read()
        # PAN-OS keeps an admin's password as a salted hash (phash); never the password
        seed = "".join(sorted(users.accounts))
        phash = "$5$%s$%s" % (hashlib.sha256(seed.encode()).hexdigest()[:8],
                              hashlib.sha256(("lab:" + seed).encode()).hexdigest()[:43])
        return Config.from_text(text.replace("{hostname}", hostname).replace(
            "{phash}", phash)).text()

    def candidate(self):
        text = self.store.get("candidate-config")
        text = text if text is not None else self.running
        # parsed once per text: a pasted configuration re-reads a growing candidate at
        # every line otherwise (the stored text stays the truth, shared by all sessions)
        memo = _PARSED.get(self.store)
        if memo is None or memo[0] is not text:
            memo = _PARSED[self.store] = (text, Config.from_text(text))
        return memo[1]

    def edit(self, change, path):
        """``set``/``delete``/``move`` on the candidate; a refused line changes nothing."""
        candidate = self.candidate()
        _PARSED.pop(self.store, None)  # refused half-way: the tree is re-read from the text
        getattr(candidate, change)(path)
        self.put_candidate(candidate)
        return ""

    def put_candidate(self, config):
        text = config.text()
        self.store.put("candidate-config", text)
        _PARSED[self.store] = (self.store.get("candidate-config"), config)

    def hostname(self):
        match = re.search(r"(?m)^set deviceconfig system hostname (\S+)$", self.running)
        return match.group(1).strip('"') if match else self.default_hostname

    def _jobs(self):
        return self.store.get_json("jobs.json", {"next": 1, "jobs": []})

    def _job(self, kind, result, details):
        jobs = self._jobs()
        number = jobs["next"]
        stamp = now().strftime("%Y/%m/%d %H:%M:%S")
        jobs["jobs"].append({"id": number, "type": kind, "result": result,
                             "user": self.username, "details": details, "time": stamp})
        jobs["next"] = number + 1
        jobs["jobs"] = jobs["jobs"][-50:]
        self.store.put_json("jobs.json", jobs)
        return number

    # -- session -------------------------------------------------------------------------
    def motd(self):
        logins = [e for e in self.store.events("login") if e.get("user") == self.username]
        last = logins[-2] if len(logins) > 1 else None
        text = ""
        if last:
            text = "Last login: %s from %s\n\n" % (last["ts"], last["from"].split()[0])
        return text + "Number of failed attempts since last successful login: 0\n\n\n"

    def prompt(self):
        host = "%s@%s" % (self.username, self.hostname())
        if not self.configuring:
            return host + "> "
        context = "[edit%s]" % ("".join(" " + quote(w) for w in self.context))
        lead = "" if self._just_entered else "\n"
        self._just_entered = False
        return "%s%s\n%s# " % (lead, context, host)

    def in_config_mode(self):
        return self.configuring

    def handle(self, line):
        try:
            words = tokens(line)
        except CliError as exc:
            return exc.text + "\n"
        if not words:
            return ""
        try:
            if self.configuring:
                return self.config_command(words, line)
            return self.op_command(words)
        except CliError as exc:
            return exc.text + "\n"

    # -- operational mode ------------------------------------------------------------------
    def op_command(self, words):
        head, rest = words[0], words[1:]
        if head in ("exit", "quit"):
            raise CloseSession()
        if head == "configure" and not rest:
            if self.privilege < 15:
                raise CliError("Server error : Administrator does not have permission to "
                               "enter configuration mode")
            self.configuring, self.context, self._just_entered = True, [], True
            return "Entering configuration mode\n"
        if head == "set" and rest[:1] == ["cli"]:
            return self.set_cli(rest[1:])
        if head == "show":
            return self.op_show(rest)
        if head == "check" and rest == ["pending-changes"]:
            return ("yes" if self.candidate().text() != self.running else "no") + "\n"
        if head in OP_HELP:
            raise CliError("Invalid syntax.")
        raise CliError("Unknown command: %s" % head)

    def set_cli(self, words):
        if words in (["pager", "off"], ["pager", "on"]):
            self.page_length = 0 if words[1] == "off" else 22
            return ""
        if words in (["scripting-mode", "on"], ["scripting-mode", "off"]):
            self.scripting = words[1] == "on"
            return ""
        if len(words) == 3 and words[:2] == ["terminal", "width"] and words[2].isdigit() \
                and 80 <= int(words[2]) <= 500:
            self.width = int(words[2])
            return ""
        if len(words) == 3 and words[:2] == ["terminal", "height"] and words[2].isdigit():
            return ""
        if len(words) == 2 and words[0] == "config-output-format" and words[1] in (
                "default", "set", "xml", "json"):
            self.format = words[1]
            return ""
        raise CliError("Invalid syntax.")

    def op_show(self, words):
        if words == ["system", "info"]:
            return self.system_info()
        if words == ["clock"]:
            return now().strftime("%a %b %d %H:%M:%S UTC %Y") + "\n"
        if words == ["config", "running"]:
            return self.render(Config.from_text(self.running))
        if words == ["config", "candidate"]:
            return self.render(self.candidate())
        if words == ["config", "diff"]:
            return self.config_diff()
        if words == ["jobs", "all"]:
            return self.show_jobs()
        if len(words) == 3 and words[:2] == ["jobs", "id"] and words[2].isdigit():
            return self.show_jobs(int(words[2]))
        if words == ["admins"]:
            return "Admin          From            Client Session-start     Idle-for\n" \
                "--------------------------------------------------------------------\n" \
                "%-14s %-15s CLI    %s 00:00:00s\n" % (
                    self.username, self.peer[0], now().strftime("%m/%d %H:%M:%S"))
        raise CliError("Invalid syntax.")

    def system_info(self):
        with open(os.path.join(CAPTURES, "ntc_show_system_info.raw"), encoding="utf-8") as h:
            text = h.read()
        mgmt = Config.from_text(self.running).get(["deviceconfig", "system"]) or {}
        values = {"hostname": self.hostname(), "ip-address": mgmt.get("ip-address", "unknown"),
                  "netmask": mgmt.get("netmask", "unknown"),
                  "default-gateway": mgmt.get("default-gateway", "unknown"),
                  "time": now().strftime("%a %b %d %H:%M:%S %Y"), "sw-version": VERSION,
                  "vm-mode": "KVM"}
        out = []
        for line in text.splitlines():
            key = line.split(":", 1)[0]
            if key in values:
                line = "%s: %s" % (key, values[key])
            out.append(line)
        return "\n".join(out).strip("\n") + "\n\n"

    def show_jobs(self, number=None):
        jobs = self._jobs()["jobs"]
        if number is not None:
            jobs = [j for j in jobs if j["id"] == number]
            if not jobs:
                return "Job %d not found\n" % number
        out = ["Enqueued              Dequeued           ID  PositionInQ   Type                "
               "         Status Result Completed",
               "-" * 110]
        for job in reversed(jobs):
            out.append("%s   %s %5d %14s %-28s FIN %-6s %s" % (
                job["time"], job["time"][11:], job["id"], "", job["type"],
                "OK" if job["result"] == "OK" else "FAIL", job["time"][11:]))
            if number is not None:
                out.append("Details:")
                out += ["%s" % d for d in job["details"]]
        return "\n".join(out) + "\n"

    # -- configuration mode ---------------------------------------------------------------
    def config_command(self, words, line):
        head, rest = words[0], words[1:]
        if head in ("exit", "quit") and not rest:
            if self.context:
                self.context = []
                return ""
            self.configuring = False
            return "Exiting configuration mode\n"
        if head == "run" and rest:
            return self.op_command(rest)
        if head == "set":
            return self.edit("set", self.context + rest)
        if head == "delete":
            return self.edit("delete", self.context + rest)
        if head == "move":
            return self.edit("move", self.context + rest)
        if head == "edit" and rest:
            Config.walk(self.context + rest)
            self.context = self.context + rest
            return ""
        if head == "up" and not rest:
            self.context = self.context[:-1]
            return ""
        if head == "top" and not rest:
            self.context = []
            return ""
        if head == "show":
            return self.config_show(rest)
        if head == "commit":
            return self.commit(rest)
        if head == "validate" and rest == ["full"]:
            errors = self.candidate().validate()
            number = self._job("Validate", "FAIL" if errors else "OK", errors)
            self.event("validate", job=number, errors=len(errors))
            return "Validate job enqueued with jobid %d\n%d\n" % (number, number)
        if head == "revert" and rest == ["config"]:
            self.store.delete("candidate-config")
            self.event("revert")
            return ""
        if head in ("check", "load", "save", "rename", "copy", "clone", "override"):
            raise CliError("Invalid syntax.")
        raise CliError("Unknown command: %s" % head)

    def config_show(self, words):
        candidate = self.candidate()
        path = self.context + words
        if words == ["|", "compare"] or words[:1] == ["|"]:
            raise CliError("Invalid syntax.")
        node = candidate.get(path) if path else candidate.tree
        if path:
            Config.walk(path)
        if node is None:
            return ""
        if not isinstance(node, dict):
            sub = Config({})
            sub.tree = _nest(path, node)
            return self.render(sub, path)
        sub = Config(_nest(path, node)) if path else candidate
        return self.render(sub, path)

    def render(self, config, path=()):
        if self.format == "set":
            lines = config.set_lines()
            return "\n".join(lines) + "\n" if lines else ""
        if self.format == "json":
            import json
            return json.dumps(config.tree, indent=2, sort_keys=False) + "\n"
        if self.format == "xml":
            return "\n".join(_xml(config.tree)) + "\n"
        lines = config.brace_lines()
        return "\n".join(lines) + "\n" if lines else ""

    def config_diff(self):
        running, candidate = Config.from_text(self.running), self.candidate()
        if self.format == "set":
            before, after = running.set_lines(), candidate.set_lines()
        else:
            before, after = running.brace_lines(), candidate.brace_lines()
        lines = diff(before, after)
        return "\n".join(lines) + "\n" if lines else ""

    def commit(self, words):
        description = None
        if words[:1] == ["description"] and len(words) >= 2:
            description, words = words[1], words[2:]
        if words not in ([], ["force"]) and words[:1] != ["partial"]:
            raise CliError("Invalid syntax.")
        candidate = self.candidate()
        errors = candidate.validate()
        lead = "\nCommit job %d is in progress. Use Ctrl+C to return to command prompt\n"
        if errors:
            number = self._job("Commit", "FAIL", ["Validation Error:"] + errors)
            self.event("commit_failed", job=number, errors=errors)
            return (lead % number + "..........55%......\nValidation Error:\n"
                    + "".join(" %s\n" % e for e in errors) + "Commit failed\n")
        changed = self.set_running(candidate.text(), reason="commit", description=description)
        self.store.delete("candidate-config")
        number = self._job("Commit", "OK", ["Configuration committed successfully"])
        self.event("commit", job=number, changed=changed, description=description)
        return (lead % number + "..........55%...........75%......98%...........100%\n"
                "Configuration committed successfully\n")


def _nest(path, node):
    tree = node
    for word in reversed(list(path)):
        tree = {word: tree}
    return tree


def _xml(tree, depth=0):
    """``set cli config-output-format xml``: entries as ``<entry name="...">``, lists as
    ``<member>``."""
    out, pad = [], "  " * depth
    for key, child in tree.items():
        if isinstance(child, dict):
            out.append("%s<%s>" % (pad, key))
            for name, body in child.items() if key in _ENTRY_TAGS else ():
                out.append('%s  <entry name="%s">' % (pad, name))
                out += _xml(body, depth + 2) if isinstance(body, dict) else []
                out.append("%s  </entry>" % pad)
            if key not in _ENTRY_TAGS:
                out += _xml(child, depth + 1)
            out.append("%s</%s>" % (pad, key))
        elif isinstance(child, list):
            out.append("%s<%s>%s</%s>" % (pad, key, "".join(
                "<member>%s</member>" % m for m in child), key))
        elif child is not None:
            out.append("%s<%s>%s</%s>" % (pad, key, child, key))
    return out


_ENTRY_TAGS = ("users", "ethernet", "units", "interface-management-profile", "virtual-router",
               "static-route", "application", "zone", "tag", "address", "address-group",
               "service", "service-group", "application-group", "rules")

DEVICES = {"panos": PanosDevice}
