"""EMULATED VyOS 1.4 (sagitta) router (lab test infrastructure; never a real device, never called one).

Built on: emulators.server (asyncssh), emulators.device (state, events, timers) and
emulators.models.vyos (vyos-1x's interface-definitions XML decide every ``set``/``delete``;
their constraints and messages are the refusals). The collection's drivers are never used.

Where the behaviour comes from (each cited in lab/README.md, "VyOS"):
- VyOS 1.4 documentation, "Command Line Interface" / "Configuration Overview": operational
  mode ``vyos@vyos:~$``, ``configure`` -> ``[edit]`` and ``vyos@vyos#``, ``set``/``delete``,
  ``commit [comment]`` ("No configuration changes to commit"), ``compare``, ``save``
  ("Saving configuration to '/config/config.boot'...", "Done"), ``discard``, ``exit``
  ("Cannot exit: configuration modified." / ``exit discard``), ``show``, ``run``,
  ``show configuration [commands]``, ``set terminal length|width``;
- vyos-1x (sagitta) python/vyos/config_mgmt.py: ``commit-confirm N`` (its prompt and
  "Initialized commit-confirm; N minutes to confirm before reboot") and ``confirm``
  ("Reboot timer stopped", "No confirm pending"): an unconfirmed commit is reverted by a
  reboot to the saved configuration (/config/config.boot), which ends every session;
- vyatta-cfg's texts as the VyOS 1.4 CLI prints them: "Configuration path: [...] is not
  valid", "Value validation failed", "Set failed", "Nothing to delete", "[[section]] failed",
  "Commit failed"; src/conf_mode/firewall.py verify() for the commit errors;
- captures (data, in captures/vyos/, see SOURCE.md there): ``show version`` layout and the
  smoketest configuration the start configuration follows (vyos-1x, LGPL-2.1).
"""

import copy
import os
import re

from emulators.device import CloseSession, EmulatedDevice
from emulators.models import vyos as model
from emulators.store import now

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURES = os.path.join(os.path.dirname(HERE), "captures", "vyos")
#: seconds in a minute of ``commit-confirm N`` (the lab may shorten it: EMU_VYOS_MINUTE)
MINUTE = float(os.environ.get("EMU_VYOS_MINUTE", "60"))


def _text(tree):
    return "\n".join(model.commands(tree)) + "\n"


class VyosDevice(EmulatedDevice):
    platform = "vyos"
    ssh_server_version = "OpenSSH_9.2p1 Debian-2+deb12u3"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.config = False
        self.working = None     # this session's working copy (vyatta: one per session)
        self.ops = []
        self.base = None
        self.edit = []
        self.question = None
        self.boot_id = self.store.get("boot-id", "0")

    # -- boot ------------------------------------------------------------------------------
    @classmethod
    def initial_config(cls, hostname, users):
        with open(os.path.join(HERE, "initial", "vyos.conf"), encoding="utf-8") as handle:
            text = handle.read().replace("{hostname}", hostname)
        lines = text.splitlines()
        for name in sorted(users.accounts if users else ()):
            account = users.accounts[name]
            lines.append("set system login user %s authentication plaintext-password '%s'"
                         % (name, account["password"]))
        tree = model.load(lines)
        # VyOS stores the hash, never the plain text (system_login.py on commit)
        for name, user in tree["system"]["login"]["user"].items():
            auth = user.setdefault("authentication", {})
            if "plaintext-password" in auth:
                auth["encrypted-password"] = _sha512(auth.pop("plaintext-password"), name)
        return _text(tree)

    @classmethod
    def boot(cls, store, hostname, users):
        super().boot(store, hostname, users)
        if store.get_json("commits.json") is None:
            store.put_json("commits.json", [{"user": "root", "ts": now().isoformat(),
                                             "comment": "boot"}])

    # -- state -----------------------------------------------------------------------------
    def active(self):
        return model.load(self.running.splitlines())

    def hostname(self):
        match = re.search(r"(?m)^set system host-name '([^']*)'$", self.running)
        return match.group(1) if match else self.default_hostname

    def modified(self):
        return self.working is not None and _text(self.working) != self.running

    def prompt(self):
        if self.question:
            return self.question["prompt"]
        host = self.hostname()
        if self.config:
            return "[edit%s]\n%s@%s# " % ("".join(" " + w for w in self.edit), self.username,
                                          host)
        return "%s@%s:~$ " % (self.username, host)

    def in_config_mode(self):
        return self.config

    def motd(self):
        return ("Welcome to VyOS!\n\n   ┌── ┐\n   . VyOS 1.4.0\n   └ ──┘  sagitta\n\n"
                " * Documentation:  https://docs.vyos.io/en/sagitta\n"
                " * Project news:   https://blog.vyos.io\n"
                " * Bug reports:    https://vyos.dev\n\n"
                "You can change this banner using \"set system login banner post-login\" "
                "command.\n\nVyOS is a free software distribution that includes multiple "
                "components,\nyou can check individual component licenses under "
                "/usr/share/doc/*/copyright\n")

    # -- lines -----------------------------------------------------------------------------
    def handle(self, line):
        if self.store.get("boot-id", "0") != self.boot_id:
            raise CloseSession()  # the device rebooted under this session
        if self.question:
            question, self.question = self.question, None
            if line.strip().lower() in ("", "y", "ye", "yes"):
                return question["yes"]()
            return question["no"]()
        if not line.strip():
            return ""
        words = model.split(line)
        if self.config:
            return self.config_line(words, line)
        return self.operational(words, line)

    def operational(self, words, line):
        verb = words[0]
        if verb in ("exit", "logout"):
            raise CloseSession()
        if verb == "configure":
            self.config, self.edit = True, []
            self.working, self.base, self.ops = self.active(), self.running, []
            self.event("configure")
            return ""
        if words[:2] in (["set", "terminal"], ["terminal", "length"], ["terminal", "width"]):
            rest = words[2:] if verb == "set" else words[1:]
            if len(rest) == 2 and rest[0] in ("length", "width") and rest[1].isdigit():
                if rest[0] == "length":
                    self.page_length = int(rest[1])
                else:
                    self.width = int(rest[1])
                return ""
        if verb == "show":
            return self.show(words[1:], line)
        return "\n  Invalid command: [%s]\n\n" % " ".join(words[:1])

    def show(self, words, line, tree=None):
        if words[:1] == ["configuration"]:
            tree = self.active() if tree is None else tree
            if words[1:2] == ["commands"]:
                return "".join(l + "\n" for l in model.commands(tree))
            return "".join(l + "\n" for l in model.boot_text(tree))
        if words[:1] == ["version"]:
            with open(os.path.join(CAPTURES, "show_version.txt"), encoding="utf-8") as handle:
                return handle.read()
        if words[:2] == ["system", "commit"]:
            out = []
            for index, entry in enumerate(self.store.get_json("commits.json", [])):
                out.append("%d   %s by %s via cli%s" % (
                    index, entry["ts"][:19].replace("T", " "), entry["user"],
                    ("\n    " + entry["comment"]) if entry.get("comment") else ""))
            return "\n".join(out) + "\n"
        return "\n  Invalid command: [show %s]\n\n" % " ".join(words[:1])

    # -- configuration mode ----------------------------------------------------------------
    def config_line(self, words, line):
        verb = words[0]
        if verb == "run":
            return self.operational(words[1:], line) if len(words) > 1 else ""
        if verb == "set":
            return self.do_set(words[1:])
        if verb == "delete":
            return self.do_delete(words[1:])
        if verb == "commit":
            comment = words[2] if len(words) > 2 and words[1] == "comment" else None
            return self.commit(comment)
        if verb == "commit-confirm":
            minutes = int(words[1]) if len(words) > 1 and words[1].isdigit() else 10
            return self.commit_confirm(minutes)
        if verb == "confirm":
            return self.confirm()
        if verb == "compare":
            return self.compare(words[1:])
        if verb == "save":
            self.save_startup(self.running)
            return "Saving configuration to '/config/config.boot'...\nDone\n"
        if verb == "discard":
            self.working, self.ops = self.active(), []
            return "  Changes have been discarded\n"
        if verb == "show":
            tree = copy.deepcopy(self.working)
            cur = tree
            for word in self.edit + words[1:]:
                cur = cur.get(word, {}) if isinstance(cur, dict) else {}
            if words[1:2] == ["configuration"]:
                return self.show(words[1:], line, tree)
            shown = cur if isinstance(cur, dict) else {}
            return "".join(l + "\n" for l in model.boot_text(shown))
        if verb == "edit":
            self.edit = self.edit + words[1:]
            return ""
        if verb == "top":
            self.edit = []
            return ""
        if verb == "exit":
            if self.edit and words[1:] != ["discard"]:
                self.edit = self.edit[:-1]
                return ""
            if self.modified() and words[1:] != ["discard"]:
                return ("Cannot exit: configuration modified.\n"
                        "Use 'exit discard' to discard the changes and exit.\n")
            self.config, self.working, self.ops, self.edit = False, None, [], []
            self.event("exit_configure")
            return "exit\n"
        return "\n  Invalid command: [%s]\n\n" % verb

    def do_set(self, words):
        try:
            steps = model.resolve(self.edit + words)
        except model.VyosError as exc:
            return exc.message + "\n"
        if not model.apply_set(self.working, steps):
            return "\n  Configuration path: [%s] already exists\n\n" % " ".join(
                self.edit + words)
        self.ops.append(("set", self.edit + words))
        return ""

    def do_delete(self, words):
        try:
            steps = model.resolve(self.edit + words, partial=True, verb="delete")
        except model.VyosError as exc:
            return exc.message + "\n"
        if not steps or not model.apply_delete(self.working, steps):
            return "\n  Nothing to delete (the specified node does not exist)\n  Delete failed\n\n"
        self.ops.append(("delete", self.edit + words))
        return ""

    def compare(self, words):
        if words[:1] == ["commands"]:
            old, new = model.commands(self.active()), model.commands(self.working)
            out = ["delete " + l[4:] for l in old if l not in set(new)]
            out += [l for l in new if l not in set(old)]
            return "".join(l + "\n" for l in out)
        from emulators.models.curlydiff import compare
        lines = compare(model.boot_text(self.active()), model.boot_text(self.working))
        return "".join(l + "\n" for l in lines) or \
            "No changes between working and active configurations.\n"

    def _replayed(self):
        """This session's changes over what is committed now (another session may have
        committed since ``configure``)."""
        if self.running == self.base:
            return self.working
        tree = self.active()
        for op, words in self.ops:
            steps = model.resolve(words, partial=op == "delete", verb=op)
            (model.apply_set if op == "set" else model.apply_delete)(tree, steps)
        return tree

    def commit(self, comment=None, confirm_minutes=None):
        tree = self._replayed()
        if _text(tree) == self.running:
            return "No configuration changes to commit\n"
        problems = model.commit_check(tree)
        if problems:
            self.event("commit_failed", problems=len(problems))
            out = []
            for section, message in problems:
                out += ["[ %s ]" % section, message, "", "[[%s]] failed" % section]
            return "\n".join(out) + "\nCommit failed\n"
        self.set_running(_text(tree), via="cli", comment=comment)
        self.working, self.base, self.ops = copy.deepcopy(tree), self.running, []
        commits = [{"user": self.username, "ts": now().isoformat(), "comment": comment}]
        self.store.put_json("commits.json", (commits + self.store.get_json("commits.json", [])
                                             )[:100])
        self.event("commit", comment=comment, confirm_minutes=confirm_minutes)
        return ""

    def commit_confirm(self, minutes):
        if self.store.get_json("confirm.json"):
            return "Another confirm is pending\n"
        warn = "\nYou should save previous commits before commit-confirm !\n" \
            if self.running != self.startup else ""

        def proceed():
            out = self.commit(confirm_minutes=minutes)
            if "Commit failed" in out or out.startswith("No configuration"):
                return out
            self._arm(minutes)
            return "Initialized commit-confirm; %d minutes to confirm before reboot\n" % \
                minutes + out

        self.question = {"prompt": warn + "\ncommit-confirm will automatically reboot in %d "
                                          "minutes unless changes\nare confirmed.\n\nProceed ? "
                                          "[Y/n] " % minutes,
                         "yes": proceed, "no": lambda: "commit-confirm canceled\n"}
        return ""

    def _arm(self, minutes):
        self.store.put_json("confirm.json", {"deadline": now().timestamp() + minutes * MINUTE,
                                             "user": self.username, "minutes": minutes})
        store = self.store
        self.schedule(minutes * MINUTE, "commit-confirm", lambda: _reboot_revert(store))

    def confirm(self):
        if not self.store.get_json("confirm.json"):
            return "No confirm pending\n"
        self.cancel("commit-confirm")
        self.store.delete("confirm.json")
        self.event("confirm")
        return "Reboot timer stopped\n"


def _sha512(password, name):
    import hashlib
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import crypt  # pylint: disable=deprecated-module
    return crypt.crypt(password, "$6$" + hashlib.sha256(name.encode()).hexdigest()[:16])


def _reboot_revert(store):
    """commit-confirm not confirmed: config-mgmt revert reboots to /config/config.boot."""
    pending = store.get_json("confirm.json")
    if not pending:
        return
    store.delete("confirm.json")
    saved = store.get("startup-config", "")
    store.put("running-config", saved)
    store.put("boot-id", str(int(store.get("boot-id", "0")) + 1))
    store.event("rollback", automatic=True, user="root", reason="commit-confirm not confirmed",
                minutes=pending.get("minutes"), confirmed_by=pending.get("user"))
    store.event("reboot", user="root", reason="config-mgmt revert")
    store.event("config", user="root", reason="booted from /config/config.boot")


DEVICES = {"vyos": VyosDevice}
