"""EMULATED Fortinet FortiGate (lab test infrastructure; never a real device, never called one).

A FortiGate-60E-POE on FortiOS v7.4.1 build2463 (as the captured ``get system status`` in
captures/fortios/ shows), one VDOM (root), NAT mode; interfaces wan1, wan2, dmz,
internal1-7 and the VLAN ``internal1.20``.

Built on: emulators.server (asyncssh; the key exchange offers the methods FortiOS 7.4 lists
for ``set ssh-kex-algo``, which include those netmiko's ``fortinet`` driver limits paramiko
to) and emulators.models.fortios: the FortiOS configuration model (tables, fields,
datasources; an entry's changes merged at ``next``/``end`` by hier_config's FortiOS driver).
The collection's drivers are never used.

Where the behaviour comes from (command families cited in lab/README.md, "FortiOS"):
- FortiOS 7.4 Administration Guide, "Using the CLI": prompts ``HOST #`` and
  ``HOST (table) #``, ``config``/``edit``/``set``/``unset``/``next``/``end``/``abort``,
  ``show`` / ``show full-configuration``, ``get``, ``| grep``, paging with ``--More--``
  while ``config system console`` / ``set output more`` (the default);
- FortiOS 7.4 CLI Reference for each table the model knows (system global, settings,
  console, session-helper, session-ttl, interface; firewall address, addrgrp, service
  custom/group, policy, shaping-policy, schedule; voip profile);
- captures (data, captures/fortios/SOURCE.md): ``get system status`` of a FortiGate-60E-POE
  7.4.1 and ``get system interface`` (ntc-templates, Apache-2.0), a running configuration
  layout (hier_config test fixtures, MIT).
"""

import os
import re
import warnings

from emulators.device import CloseSession, EmulatedDevice
from emulators.models.fortios import FortiConfig, FortiError, parse_error

# netmiko's fortinet driver can only take finite-field Diffie-Hellman (as FortiOS offers
# it); the cryptography library warns on every such key exchange, which would bury the
# sshd-style login lines in the server's log
warnings.filterwarnings("ignore", message="Diffie-Hellman over finite fields")

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURES = os.path.join(os.path.dirname(HERE), "captures", "fortios")

#: FortiOS 7.4 CLI Reference, config system global, ssh-kex-algo (its default set)
KEX = ("diffie-hellman-group14-sha1", "diffie-hellman-group14-sha256",
       "diffie-hellman-group-exchange-sha1", "diffie-hellman-group-exchange-sha256",
       "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384",
       "ecdh-sha2-nistp521")


class FortiGate(EmulatedDevice):
    platform = "fortios"
    kex_algs = KEX
    more_prompt = "--More-- "

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._config = None
        self._config_text = None
        self.session = None  # the config/edit stack while in configuration

    @classmethod
    def initial_config(cls, hostname, users):
        with open(os.path.join(HERE, "initial", "fortios.cfg"), encoding="utf-8") as handle:
            text = handle.read()
        text = text.replace('set hostname "vr-fgt1"', 'set hostname "%s"' % hostname)
        config = FortiConfig(text)
        admins = config.root.subs["system admin"]
        from emulators.models.fortios import Node
        for name in sorted(users.accounts if users else ()):
            entry = admins.entries.setdefault(name, Node("system admin"))
            entry.sets["accprofile"] = '"super_admin"' if users.accounts[name]["privilege"] >= 15 \
                else '"prof_admin"'
            entry.sets["vdom"] = '"root"'
            # FortiOS shows an administrator password only as its hash ("ENC ...")
            entry.sets["password"] = "ENC SH2%s=" % _digest(name)
        return config.show([])

    # -- the model -------------------------------------------------------------------------
    def config(self):
        if self._config is None or self._config_text != self.running:
            self._config = FortiConfig(self.running)
            self._config_text = self.running
        return self._config

    def hostname(self):
        node = self.config().table("system global")
        value = node.sets.get("hostname", '"%s"' % self.default_hostname) if node else ""
        return value.strip('"') or self.default_hostname

    @property
    def page_length(self):
        node = self.config().table("system console")
        mode = node.sets.get("output", "more") if node else "more"
        return 0 if mode == "standard" else 25

    @page_length.setter
    def page_length(self, value):
        pass  # paging follows the configuration (config system console / set output)

    def in_config_mode(self):
        return bool(self.session and self.session.stack)

    def prompt(self):
        label = self.session.prompt_label() if self.session else None
        if label is None:
            return "%s # " % self.hostname()
        return "%s (%s) # " % (self.hostname(), label)

    # -- lines -----------------------------------------------------------------------------
    def handle(self, line):
        text = line.strip()
        if not text:
            return ""
        pipe = None
        if "|" in text and not text.startswith(("set ", "edit ", "config ")):
            text, pipe = [p.strip() for p in text.split("|", 1)]
        out = self._line(text)
        if pipe is not None:
            out = _grep(out, pipe)
        return out

    def _line(self, text):
        words = text.split()
        verb = words[0]
        in_config = self.in_config_mode()
        if not in_config and verb in ("exit", "quit", "logout"):
            raise CloseSession()
        if not in_config and verb == "show":
            return self._show(words[1:])
        if not in_config and verb == "get":
            return self._get(words[1:])
        if not in_config and verb == "execute":
            return self._execute(words[1:])
        if not in_config and verb != "config":
            return parse_error(verb) + "\n"
        config = self.config()
        if self.session is None or self.session.config is not config:
            self.session = config.session()
        try:
            out = self.session.handle(text)
        except FortiError as exc:
            return exc.message + "\n"
        self._persist(text)
        return out

    def _persist(self, line):
        """What took effect at next/end goes to the running configuration (FortiOS has
        no candidate: ``end`` applies and, with cfg-save automatic, saves)."""
        if not self.session.events:
            return
        events, self.session.events = self.session.events, []
        text = self._config.show([])
        if self.set_running(text, line=line, changes=["%s %s" % e for e in events]):
            self._config_text = self.running
            mode = self._global("cfg-save", "automatic")
            if mode == "automatic":
                self.save_startup(self.running)
            elif mode == "revert" and not self.timer_armed("cfg-revert"):
                # FortiOS 7.4 CLI Reference, system global cfg-save revert: unsaved changes
                # are undone (the unit goes back to its saved configuration) unless
                # 'execute cfg save' comes within cfg-revert-timeout seconds
                seconds = int(self._global("cfg-revert-timeout", "600"))
                self.schedule(seconds, "cfg-revert", self._revert)
                self.event("revert_armed", seconds=seconds)

    def _revert(self):
        self.store.put("running-config", self.store.get("startup-config", ""))
        self.event("rollback", reason="cfg-revert-timeout")

    def _global(self, key, default):
        node = self.config().table("system global")
        return node.sets.get(key, default).strip('"') if node else default

    # -- show / get / execute -----------------------------------------------------------------
    def _show(self, words):
        full = bool(words) and words[0] == "full-configuration"
        try:
            return self.config().show(words[1:] if full else words, full=full)
        except FortiError as exc:
            return exc.message + "\n"

    def _get(self, words):
        if words[:2] == ["system", "status"]:
            with open(os.path.join(CAPTURES, "ntc_get_system_status_7.4.raw"), encoding="utf-8") as h:
                text = h.read()
            text = re.sub(r"(?m)^Hostname: .*$", "Hostname: " + self.hostname(), text)
            return text.rstrip("\n") + "\n"
        if words[:2] == ["system", "console"]:
            node = self.config().table("system console")
            values = dict(_defaults("system console"))
            values.update((k, v.strip('"')) for k, v in (node.sets.items() if node else ()))
            return "".join("%-20s: %s\n" % (k, values[k]) for k in
                           ("baudrate", "mode", "output", "login", "fortiexplorer"))
        path = " ".join(words)
        node = self.config().table(path)
        if node is None or node.entries:
            return parse_error(words[-1] if words else "get") + "\n"
        values = dict(_defaults(path))
        values.update((k, v) for k, v in node.sets.items())
        return "".join("%-20s: %s\n" % (k, v) for k, v in values.items())

    def _execute(self, words):
        if words[:2] == ["cfg", "save"]:
            self.cancel("cfg-revert")
            self.save_startup(self.running)
            return ""
        return parse_error(words[0] if words else "execute") + "\n"

    def close(self):
        # a session cut inside 'config' loses its uncommitted entry, as FortiOS does
        self.session = None
        super().close()


def _defaults(path):
    from emulators.models.fortios import DEFAULTS
    return DEFAULTS.get(path, {}).items()


def _digest(name):
    """A stand-in for the stored hash: derived from the name only, so the configuration
    tells nothing about the password."""
    import hashlib
    return hashlib.sha256(("fortios-admin:%s" % name).encode()).hexdigest()[:56]


def _grep(text, pipe):
    """``| grep [-i] [-v] PATTERN`` (FortiOS CLI, "Using grep to filter get and show")."""
    words = pipe.split()
    if not words or words[0] != "grep":
        return parse_error(words[0] if words else "|") + "\n"
    flags = [w for w in words[1:] if w.startswith("-")]
    args = [w for w in words[1:] if not w.startswith("-")]
    if not args:
        return parse_error("grep") + "\n"
    pattern = re.compile(" ".join(args).strip("'\""), re.I if "-i" in flags else 0)
    keep = [ln for ln in text.split("\n") if ln and bool(pattern.search(ln)) != ("-v" in flags)]
    return "".join(ln + "\n" for ln in keep)


DEVICES = {"fortios": FortiGate}
