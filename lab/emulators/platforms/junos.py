"""EMULATED Juniper Junos devices (lab test infrastructure; never a real device, never called one).

Two flavours: ``junos_srx`` an SRX firewall (schema family ``junos-es``) and ``junos_ex`` an
EX access switch with ELS (``junos-ex``), both with the configuration schema of Junos 23.4R1.

Built on: emulators.server (asyncssh), emulators.device (state, events, timers) and
emulators.models.junos (the configuration model compiled from Juniper's YANG models by
pyang: every ``set``/``delete``/``deactivate``/``insert`` is validated and applied through
it, and its ``junos:must`` constraints are the commit check). The collection's drivers are
never used.

Where the behaviour comes from (each cited in lab/README.md, "Junos"):
- Junos OS CLI User Guide: operational (``user@host>``) and configuration mode (``[edit]``,
  ``user@host#``), ``configure``/``configure private`` ("warning: uncommitted changes will be
  discarded on exit"; refused while the shared database is modified), ``set cli
  screen-length|screen-width|complete-on-space``, ``show configuration`` (``| display set``,
  ``| compare rollback N``, ``| no-more``, ``| match``), ``edit``/``up``/``top``, ``show |
  compare``, ``commit`` (``check``, ``confirmed N``, ``comment``, ``and-quit``: "commit
  complete", "configuration check succeeds", "commit confirmed will be automatically rolled
  back in N minutes unless confirmed"; a pending one is confirmed by ``commit`` or ``commit
  check``, else the device rolls back to the previous commit by itself), ``rollback N``
  ("load complete"), ``exit`` with uncommitted changes, ``run``; ``syntax error.`` and
  ``unknown command.`` under a caret; ``warning: statement not found``;
- Junos System Log Messages reference: UI_COMMIT, UI_COMMIT_CONFIRMED, UI_COMMIT_NOT_CONFIRMED
  (the device's own log is events.log);
- Junos commit errors as devices print them (``[edit ...]`` / ``'statement'`` / message /
  ``error: configuration check-out failed``; peering-manager issue #16, radiotodto SRX
  address-book note for ``error: commit failed: (statements constraint check failed)``);
- root logs in to the FreeBSD shell and starts the CLI with ``cli`` (netmiko's
  JuniperBase.enter_cli_mode expects this);
- captures (data, in captures/junos/, see SOURCE.md there): ``show version`` of an SRX1500
  and of an EX4550 (ntc-templates, Apache-2.0); configuration layouts from NAPALM's junos
  mocked data (Apache-2.0) and Batfish's srx-testbed (Apache-2.0).
"""

import hashlib
import os
import re

from emulators.device import CloseSession, EmulatedDevice
from emulators.models import junos as model
from emulators.store import now

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURES = os.path.join(os.path.dirname(HERE), "captures", "junos")
HISTORY = 50  # rollback 0..49
#: seconds in a minute of ``commit confirmed N`` (the lab may shorten it: EMU_JUNOS_MINUTE)
MINUTE = float(os.environ.get("EMU_JUNOS_MINUTE", "60"))


def _crypt(password, seed):
    """A ``$6$`` (SHA-512 crypt) hash as Junos stores ``encrypted-password``; the salt comes
    from ``seed`` so the same users file gives the same configuration."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import crypt  # pylint: disable=deprecated-module
    salt = hashlib.sha256(seed.encode()).hexdigest()[:16]
    return crypt.crypt(password, "$6$" + salt)


def _stamp(iso=None):
    return (iso or now().isoformat())[:19].replace("T", " ") + " UTC"


class JunosDevice(EmulatedDevice):
    platform = "junos_srx"
    family = "junos-es"
    initial_file = "junos_srx.conf"
    version_file = "ntc_show_version_srx1500.raw"
    ssh_server_version = "OpenSSH_8.6"
    vc_banner = ""  # EX virtual chassis members print "{master:0}" above the prompt

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.root = model.schema(self.family)
        self.mode = "shell" if self.username == "root" else "cli"
        self.from_shell = self.mode == "shell"
        self.edit = []          # words of the [edit ...] level
        self.private = None     # {"tree", "base", "ops"} in configure private
        self.question = None    # pending yes/no answer
        self.page_length = 0 if self.mode == "shell" else 24

    # -- boot ------------------------------------------------------------------------------
    @classmethod
    def initial_config(cls, hostname, users):
        with open(os.path.join(HERE, "initial", cls.initial_file), encoding="utf-8") as handle:
            template = handle.read()
        lines = []
        for name in sorted(users.accounts if users else ()):
            if name == "root":
                continue
            account = users.accounts[name]
            base = "set system login user %s " % name
            lines += [base + "uid %d" % (2000 + len(lines) // 3),
                      base + "class %s" % ("super-user" if account["privilege"] >= 15
                                           else "read-only"),
                      base + 'authentication encrypted-password "%s"' % _crypt(
                          account["password"], "user:" + name)]
        root_pw = (users.accounts.get("root") or {}).get("password") if users else None
        root_line = 'set system root-authentication encrypted-password "%s"' % _crypt(
            root_pw or "lab-root-unset", "root")
        text = template.replace("{hostname}", hostname).replace(
            "{users}", "\n".join(lines)).replace("{root}", root_line)
        root = model.schema(cls.family)
        tree = model.load_set_lines(root, text.splitlines())
        return "\n".join(model.display_set(tree, root)) + "\n"

    @classmethod
    def boot(cls, store, hostname, users):
        super().boot(store, hostname, users)
        if store.get_json("rollback.json") is None:
            store.put_json("rollback.json", [{"text": store.get("running-config"),
                                              "user": "root", "ts": now().isoformat(),
                                              "via": "other", "comment": None}])
        pending = store.get_json("confirm.json")
        if pending:
            # a restart does not cancel a pending 'commit confirmed': the timer goes on
            import asyncio
            left = max(0.0, pending["deadline"] - now().timestamp())
            root = model.schema(cls.family)
            EmulatedDevice._timers[(store.dir, "commit-confirmed")] = \
                asyncio.get_event_loop().call_later(left, lambda: _roll_back(store, root))

    # -- state -----------------------------------------------------------------------------
    def tree_of(self, text):
        return model.load_set_lines(self.root, (text or "").splitlines())

    def text_of(self, tree):
        return "\n".join(model.display_set(tree, self.root)) + "\n"

    def active(self):
        return self.tree_of(self.running)

    def candidate(self):
        if self.private is not None:
            return self.private["tree"]
        text = self.store.get("candidate")
        return self.tree_of(text) if text is not None else self.active()

    def store_candidate(self, tree):
        if self.private is not None:
            self.private["tree"] = tree
            return
        text = self.text_of(tree)
        if text == self.running:
            self.store.delete("candidate")
        else:
            self.store.put("candidate", text)

    def modified(self):
        return self.text_of(self.candidate()) != self.running

    def history(self):
        return self.store.get_json("rollback.json", [])

    def hostname(self):
        match = re.search(r"(?m)^set system host-name (\S+)$", self.running)
        return match.group(1) if match else self.default_hostname

    # -- prompts ---------------------------------------------------------------------------
    def prompt(self):
        if self.question:
            return self.question["prompt"]
        host = self.hostname()
        if self.mode == "shell":
            return "root@%s:~ # " % host
        if self.mode == "config":
            return "\n%s[edit%s]\n%s@%s# " % (self._pending_note(), "".join(
                " " + w for w in self.edit), self.username, host)
        return "%s%s@%s> " % (self.vc_banner, self.username, host)

    def _pending_note(self):
        pending = self.store.get_json("confirm.json")
        if not pending:
            return ""
        left = max(1, int((pending["deadline"] - now().timestamp()) // MINUTE) + 1)
        return "# commit confirmed will be rolled back in %d minute%s\n" % (
            left, "" if left == 1 else "s")

    def in_config_mode(self):
        return self.mode == "config"

    def motd(self):
        return "--- JUNOS %s Kernel 64-bit  JNPR-12.1-20231013.108e0ec_buil\n" % (
            self.root["release"].split()[-1]) if self.mode == "cli" else ""

    # -- lines -----------------------------------------------------------------------------
    def handle(self, line):
        if self.question:
            return self._answer(line)
        if self.mode == "shell":
            return self.shell(line)
        if not line.strip():
            return ""
        if self.mode == "config":
            return self.config_line(line)
        return self.operational(line)

    def _ask(self, prompt, yes, no=None):
        self.question = {"prompt": prompt, "yes": yes, "no": no}
        return ""

    def _answer(self, line):
        question, self.question = self.question, None
        if line.strip().lower() in ("", "yes", "y"):
            return question["yes"]() or ""
        return question["no"]() if question["no"] else ""

    def shell(self, line):
        word = line.strip().split()[0] if line.strip() else ""
        if not word:
            return ""
        if word == "cli":
            self.mode = "cli"
            return ""
        if word in ("exit", "logout"):
            raise CloseSession()
        return "sh: %s: not found\n" % word

    def caret(self, line, word, prompt_len, message):
        columns = [m.start() for m in re.finditer(r'"[^"]*"|\S+', line)]
        if word is None or word >= len(columns):
            return message + "\n"
        return " " * (prompt_len + columns[word]) + "^\n" + message + "\n"

    def _prompt_len(self):
        return len(self.prompt().split("\n")[-1])

    # -- operational mode ----------------------------------------------------------------
    OPERATIONAL = ("show", "configure", "set", "exit", "quit", "file", "request", "help")

    def operational(self, line, prompt_len=None):
        prompt_len = self._prompt_len() if prompt_len is None else prompt_len
        body, pipes = self.split_pipes(line)
        words = body.split()
        verb = words[0]
        if verb in ("exit", "quit", "logout"):
            if self.from_shell:
                self.mode = "shell"
                return ""
            raise CloseSession()
        if verb == "configure" or (verb.startswith("conf") and "configure".startswith(verb)):
            if self.privilege < 15:
                return self.caret(line, 0, prompt_len, "unknown command.")
            return self.enter_configure(words[1:])
        if verb == "set" and len(words) >= 3 and words[1] == "cli":
            return self.set_cli(words[2:], line, prompt_len)
        if verb == "show" or (len(verb) >= 2 and "show".startswith(verb)):
            out = self.show_operational(words[1:], line, prompt_len)
            return self.pipe(out, pipes) if not out.startswith(" ") else out
        return self.caret(line, 0, prompt_len, "unknown command.")

    @staticmethod
    def split_pipes(line):
        parts = line.split("|")
        return parts[0].strip(), [p.strip() for p in parts[1:]]

    def pipe(self, text, pipes, tree=None):
        for pipe in pipes:
            words = pipe.split()
            if not words:
                continue
            if words[0] == "no-more":
                continue
            if words[0] == "display" and tree is not None:
                continue  # applied by the caller
            if words[0] == "match" and len(words) > 1:
                rx = re.compile(" ".join(words[1:]).strip('"'))
                text = "".join(l + "\n" for l in text.splitlines() if rx.search(l))
            elif words[0] == "except" and len(words) > 1:
                rx = re.compile(" ".join(words[1:]).strip('"'))
                text = "".join(l + "\n" for l in text.splitlines() if not rx.search(l))
            elif words[0] == "count":
                text = "Count: %d lines\n" % len(text.splitlines())
        return text

    def set_cli(self, words, line, prompt_len):
        if words[0] == "screen-length" and len(words) == 2 and words[1].isdigit():
            self.page_length = int(words[1])
            return "Screen length set to %s\n" % words[1]
        if words[0] == "screen-width" and len(words) == 2 and words[1].isdigit():
            self.width = int(words[1])
            return "Screen width set to %s\n" % words[1]
        if words[0] == "complete-on-space" and len(words) == 2 and words[1] in ("on", "off"):
            return ("Enabling" if words[1] == "on" else "Disabling") + " complete-on-space\n"
        if words[0] == "terminal" and len(words) == 2:
            return ""
        return self.caret(line, 3 if len(words) > 1 else None, prompt_len, "syntax error.")

    def show_operational(self, words, line, prompt_len):
        _body, pipes = self.split_pipes(line)
        if not words:
            return self.caret(line, None, prompt_len, "error: missing argument")
        what = words[0]
        if "version".startswith(what) and len(what) >= 3:
            return self.show_version()
        if "configuration".startswith(what) and len(what) >= 3:
            return self.show_configuration(self.active(), words[1:], pipes, line, prompt_len,
                                           header=True)
        if what == "system" and len(words) >= 2 and words[1] == "commit":
            return self.show_system_commit()
        if what == "system" and len(words) >= 3 and words[1] == "rollback":
            return self.show_rollback(words[2])
        return self.caret(line, 1, prompt_len, "syntax error, expecting <command>.")

    def show_version(self):
        with open(os.path.join(CAPTURES, self.version_file), encoding="utf-8") as handle:
            text = handle.read()
        text = re.sub(r"(?m)^Hostname: .*$", "Hostname: " + self.hostname(), text)
        return text.rstrip("\n") + "\n"

    def show_configuration(self, tree, path_words, pipes, line, prompt_len, header=False):
        for pipe in pipes:
            match = re.match(r"^compare rollback (\d+)$", pipe)
            if match:
                return self.compare_with(int(match.group(1)), tree)
        try:
            steps = model.resolve(self.root, path_words, partial=True) if path_words else []
        except model.JunosError as exc:
            return self.caret(line, None, prompt_len, exc.message)
        display_set = any(p.split()[:2] == ["display", "set"] for p in pipes)
        if any(p.split()[:2] == ["display", "xml"] for p in pipes) and not steps:
            last = self.history()[0] if self.history() else {}
            return model.to_xml(tree, self.root, self.root["release"].split()[-1],
                                _stamp(last.get("ts")), last.get("user"))
        node, schema_node, path = tree, self.root, ()
        for step in steps:
            node = model.find(node, [step])
            if node is None:
                return ""
            schema_node = step.node
            if step.kind == "l" and step.key is not None:
                schema_node = dict(step.node, c={k: v for k, v in step.node["c"].items()
                                                 if k not in step.node["key"]})
            path = path + (step.name,)
        if display_set:
            if not steps:
                lines = model.display_set(tree, self.root)
            else:
                lines = self._display_set_under(tree, path_words, steps)
            text = "".join(l + "\n" for l in lines)
        else:
            if steps and steps[-1].kind in ("f", "F"):
                return ""
            text = "".join(l + "\n" for l in model.curly(node, schema_node, 0, path))
            if header and not steps:
                last = self.history()[0] if self.history() else None
                if last:
                    text = "## Last commit: %s by %s\n%s" % (_stamp(last["ts"]), last["user"],
                                                             text)
        return self.pipe(text, pipes, tree=tree)

    def _display_set_under(self, tree, path_words, steps):
        everything = model.display_set(tree, self.root)
        # the statements below the path (canonical words as the device prints them)
        canon = model.display_set(self._subtree(tree, steps), self.root)
        below = set(canon)
        return [l for l in everything if l in below]

    @staticmethod
    def _subtree(tree, steps):
        """A tree holding only what ``steps`` select."""
        out, src, dst = {}, tree, None
        dst = out
        for step in steps[:-1]:
            if step.kind == "c":
                src = src.get(step.name, {})
                dst = dst.setdefault(step.name, {})
            else:
                src = src.get(step.name, {}).get(step.key, {})
                dst = dst.setdefault(step.name, {}).setdefault(step.key, {})
        last = steps[-1]
        if last.kind == "l" and last.key is not None:
            entry = src.get(last.name, {}).get(last.key)
            if entry is not None:
                dst.setdefault(last.name, {})[last.key] = entry
        elif last.name in src:
            dst[last.name] = src[last.name]
        return out

    def compare_with(self, number, tree):
        history = self.history()
        if number >= len(history):
            return "error: Requested rollback is invalid or does not exist\n"
        old = model.curly(self.tree_of(history[number]["text"]), self.root)
        new = model.curly(tree, self.root)
        return "".join(l + "\n" for l in model.compare(old, new))

    def show_system_commit(self):
        out = []
        pending = self.store.get_json("confirm.json")
        for index, entry in enumerate(self.history()):
            line = "%-3d %s by %s via %s" % (index, _stamp(entry["ts"]), entry["user"],
                                             entry.get("via", "cli"))
            if index == 0 and pending:
                line += " commit confirmed, rollback in %dmins" % max(1, int(
                    (pending["deadline"] - now().timestamp()) // MINUTE) + 1)
            out.append(line)
            if entry.get("comment"):
                out.append("    " + entry["comment"])
        return "\n".join(out) + "\n"

    def show_rollback(self, number):
        history = self.history()
        if not number.isdigit() or int(number) >= len(history):
            return "error: Requested rollback is invalid or does not exist\n"
        return "".join(l + "\n" for l in model.curly(self.tree_of(history[int(number)][
            "text"]), self.root))

    # -- configuration mode ----------------------------------------------------------------
    def enter_configure(self, args):
        if args and args[0] == "private":
            if self.store.get("candidate") is not None:
                return ("error: shared configuration database modified\n"
                        "Users currently editing the configuration:\n"
                        "  %s terminal pts/1 (pid 4242) on since %s\n" % (
                            self.username, _stamp()))
            self.private = {"tree": self.active(), "base": self.running, "ops": []}
            self.mode, self.edit = "config", []
            self.event("configure", private=True)
            return ("warning: uncommitted changes will be discarded on exit\n"
                    "Entering configuration mode\n")
        self.private = None
        self.mode, self.edit = "config", []
        self.event("configure", private=False)
        out = "Entering configuration mode\n"
        if self.modified():
            out += "The configuration has been changed but not committed\n"
        return out

    def config_line(self, line):
        prompt_len = self._prompt_len()
        body, pipes = self.split_pipes(line)
        words = model.split_statement(body) if '"' in body else body.split()
        verb = words[0]
        if verb == "run":
            return self.operational(body[body.index("run") + 3:].strip() + (
                " | " + " | ".join(pipes) if pipes else ""), prompt_len + line.index("run") + 4)
        handler = {"set": self.do_set, "delete": self.do_delete, "deactivate": self.do_activate,
                   "activate": self.do_activate, "insert": self.do_insert, "edit": self.do_edit,
                   "up": self.do_up, "top": self.do_top, "exit": self.do_exit,
                   "quit": self.do_exit, "show": self.do_show, "commit": self.do_commit,
                   "rollback": self.do_rollback, "status": self.do_status,
                   "compare": self.do_compare}.get(verb)
        if handler is None:
            return self.caret(line, 0, prompt_len, "unknown command.")
        return handler(words, pipes, line, prompt_len)

    def _resolve(self, words, partial, line, prompt_len, offset=1):
        try:
            return model.resolve(self.root, self.edit + words[offset:], partial=partial), None
        except model.JunosError as exc:
            word = None if exc.word is None else exc.word - len(self.edit) + offset
            return None, self.caret(line, word, prompt_len, exc.message)

    def _change(self, op, tree):
        self.store_candidate(tree)
        if self.private is not None:
            self.private["ops"].append(op)

    def do_set(self, words, pipes, line, prompt_len):
        if len(words) < 2:
            return self.caret(line, None, prompt_len, "error: missing argument")
        steps, error = self._resolve(words, False, line, prompt_len)
        if error:
            return error
        tree = self.candidate()
        model.apply_set(tree, steps)
        self._change(("set", self.edit + words[1:]), tree)
        return ""

    def do_delete(self, words, pipes, line, prompt_len):
        if len(words) < 2 and not self.edit:
            return self._ask("Delete everything under this level? [yes,no] (no) ",
                             self._wipe, None)
        steps, error = self._resolve(words, True, line, prompt_len)
        if error:
            return error
        tree = self.candidate()
        if not steps or not model.apply_delete(tree, steps):
            return "warning: statement not found\n"
        self._change(("delete", self.edit + words[1:]), tree)
        return ""

    def _wipe(self):
        self._change(("wipe", []), {})
        return ""

    def do_activate(self, words, pipes, line, prompt_len):
        steps, error = self._resolve(words, True, line, prompt_len)
        if error:
            return error
        tree = self.candidate()
        if not steps or not model.set_inactive(tree, steps, words[0] == "deactivate"):
            return "warning: statement not found\n"
        self._change((words[0], self.edit + words[1:]), tree)
        return ""

    def do_insert(self, words, pipes, line, prompt_len):
        """``insert <entry> before|after <keyword> <key>`` on an ordered-by-user list."""
        where = next((i for i, w in enumerate(words) if w in ("before", "after")), None)
        if where is None or where + 2 >= len(words) + 1:
            return self.caret(line, None, prompt_len, "syntax error, expecting 'before' or 'after'.")
        steps, error = self._resolve(words[:where], False, line, prompt_len)
        if error:
            return error
        if not steps or steps[-1].kind != "l":
            return self.caret(line, where, prompt_len, "syntax error.")
        other = words[where + 1:]
        listname = steps[-1].node
        keyword = other[0] if len(other) > 1 else None
        key = tuple(other[1:]) if keyword else tuple(other)
        tree = self.candidate()
        parent = model.find(tree, steps[:-1]) if len(steps) > 1 else tree
        entries = (parent or {}).get(steps[-1].name, {})
        if steps[-1].key not in entries or key not in entries:
            return "error: statement not found\n"
        moving = entries.pop(steps[-1].key)
        items = list(entries.items())
        at = [k for k, _v in items].index(key) + (1 if words[where] == "after" else 0)
        items.insert(at, (steps[-1].key, moving))
        entries.clear()
        entries.update(items)
        del listname
        self._change(("insert", words[1:]), tree)
        return ""

    def do_edit(self, words, pipes, line, prompt_len):
        steps, error = self._resolve(words, True, line, prompt_len)
        if error:
            return error
        if steps and steps[-1].kind in ("f", "F"):
            return self.caret(line, len(words) - 1, prompt_len, "syntax error.")
        self.edit = self.edit + words[1:]
        return ""

    def do_up(self, words, pipes, line, prompt_len):
        count = int(words[1]) if len(words) > 1 and words[1].isdigit() else 1
        self.edit = self._strip_levels(count)
        return ""

    def _strip_levels(self, count):
        steps = model.resolve(self.root, self.edit, partial=True) if self.edit else []
        keep = max(0, len(steps) - count)
        words = list(self.edit)  # the shortest words that still name the first ``keep`` steps
        while words and len(model.resolve(self.root, words, partial=True)) > keep:
            words = words[:-1]
        return words

    def do_top(self, words, pipes, line, prompt_len):
        self.edit = []
        return ""

    def do_exit(self, words, pipes, line, prompt_len):
        if len(words) > 1 and words[1] == "configuration-mode" or not self.edit:
            if self.private is not None and self.text_of(self.private["tree"]) != \
                    self.private["base"] or self.private is None and self.modified():
                return self._ask("The configuration has been changed but not committed\n"
                                 "Exit with uncommitted changes? [yes,no] (yes) ",
                                 self._leave, None)
            return self._leave()
        self.edit = self._strip_levels(1)
        return ""

    def _leave(self):
        self.mode, self.edit, self.private = "cli", [], None
        self.event("exit_configuration")
        return "Exiting configuration mode\n"

    def do_status(self, words, pipes, line, prompt_len):
        return "Users currently editing the configuration:\n  %s terminal pts/1 (pid 4242) " \
               "on since %s, idle 00:00:00\n      [edit]\n" % (self.username, _stamp())

    def do_show(self, words, pipes, line, prompt_len):
        for pipe in pipes:
            match = re.match(r"^compare( rollback (\d+))?$", pipe)
            if match:
                return self.compare_with(int(match.group(2) or 0), self.candidate())
        path = self.edit + words[1:]
        return self.show_configuration(self.candidate(), path, pipes, line, prompt_len)

    def do_compare(self, words, pipes, line, prompt_len):
        if len(words) == 3 and words[1] == "rollback" and words[2].isdigit():
            return self.compare_with(int(words[2]), self.candidate())
        return self.caret(line, 1, prompt_len, "syntax error.")

    def do_rollback(self, words, pipes, line, prompt_len):
        number = words[1] if len(words) > 1 else "0"
        history = self.history()
        if not number.isdigit() or int(number) >= len(history):
            return "error: Requested rollback is invalid or does not exist\n"
        tree = self.tree_of(history[int(number)]["text"])
        self._change(("rollback", [number]), tree)
        return "load complete\n"

    # -- commit ----------------------------------------------------------------------------
    def do_commit(self, words, pipes, line, prompt_len):
        args, comment, i = words[1:], None, 0
        check = confirmed = and_quit = False
        minutes = None
        while i < len(args):
            word = args[i]
            if word == "check":
                check = True
            elif word == "confirmed":
                confirmed, minutes = True, 10
                if i + 1 < len(args) and args[i + 1].isdigit():
                    minutes = int(args[i + 1])
                    i += 1
                    if not 1 <= minutes <= 65535:
                        return "error: value %d is not within range (1..65535)\n" % minutes
            elif word == "comment" and i + 1 < len(args):
                comment = args[i + 1].strip('"')
                i += 1
            elif word == "and-quit":
                and_quit = True
            elif word in ("synchronize", "no-synchronize"):
                pass
            else:
                return self.caret(line, i + 1, prompt_len, "syntax error.")
            i += 1
        tree = self.candidate()
        if self.private is not None and self.running != self.private["base"]:
            tree = self._replay(self.private["ops"])
        problems = model.commit_check(tree, self.root)
        if problems:
            self.event("commit_failed", problems=len(problems), check=check)
            return self._commit_errors(problems)
        if self.store.get_json("confirm.json") and not confirmed:
            self.cancel("commit-confirmed")
            self.store.delete("confirm.json")
            self.event("confirm", how="commit check" if check else "commit")
            self.store.event("syslog", message="UI_COMMIT_CONFIRMED: commit confirmed by %s"
                                               % self.username)
        if check:
            return "configuration check succeeds\n"
        text = self.text_of(tree)
        previous = self.running
        self.set_running(text, line=line, via="cli")
        history = [{"text": text, "user": self.username, "ts": now().isoformat(), "via": "cli",
                    "comment": comment}] + self.history()
        self.store.put_json("rollback.json", history[:HISTORY])
        self.store.delete("candidate")
        if self.private is not None:
            self.private = {"tree": self.tree_of(text), "base": text, "ops": []}
        out = ""
        self.event("commit", comment=comment, confirmed=minutes, changed=previous != text)
        self.store.event("syslog", message="UI_COMMIT: User '%s' requested '%s' operation "
                                           "(comment: %s)" % (self.username, " ".join(words),
                                                              comment or "none"))
        if confirmed:
            self._arm(minutes)
            out += ("commit confirmed will be automatically rolled back in %d minutes unless "
                    "confirmed\n" % minutes)
        out += "commit complete\n"
        if and_quit:
            self.mode, self.edit, self.private = "cli", [], None
            out += "Exiting configuration mode\n"
        return out

    def _commit_errors(self, problems):
        """Each problem under its ``[edit ...]`` path, then the failure line Junos prints for
        the worst kind: a daemon's check-out, a ``must`` constraint, a mandatory statement."""
        out = []
        for where, statement, message, _kind in problems:
            out += ["[edit%s]" % "".join(" " + w for w in where), "  '%s'" % statement,
                    "    " + message]
        kinds = {kind for _w, _s, _m, kind in problems}
        if "daemon" in kinds:
            out.append("error: configuration check-out failed")
        elif "must" in kinds:
            out.append("error: commit failed: (statements constraint check failed)")
        else:
            out.append("error: commit failed: (missing mandatory statements)")
        return "\n".join(out) + "\n"

    def _replay(self, ops):
        """A private candidate's changes on top of what is committed now (Junos merges a
        private database into the current configuration at commit)."""
        tree = self.active()
        for op, words in ops:
            if op == "set":
                model.apply_set(tree, model.resolve(self.root, words))
            elif op == "delete":
                model.apply_delete(tree, model.resolve(self.root, words, partial=True))
            elif op in ("activate", "deactivate"):
                model.set_inactive(tree, model.resolve(self.root, words, partial=True),
                                   op == "deactivate")
            elif op == "rollback":
                tree = self.tree_of(self.history()[int(words[0])]["text"])
            elif op == "wipe":
                tree = {}
        return tree

    def _arm(self, minutes):
        deadline = now().timestamp() + minutes * MINUTE
        self.store.put_json("confirm.json", {"deadline": deadline, "user": self.username,
                                             "minutes": minutes})
        store, root = self.store, self.root
        self.schedule(minutes * MINUTE, "commit-confirmed", lambda: _roll_back(store, root))
        self.store.event("syslog", message="UI_COMMIT_CONFIRMED_TIMED: 'commit confirmed' "
                                           "rollback in %d minutes" % minutes)


def _roll_back(store, root):
    """The commit-confirmed timer fired: the device loads rollback 1 and commits it."""
    pending = store.get_json("confirm.json")
    if not pending:
        return
    history = store.get_json("rollback.json", [])
    if len(history) < 2:
        store.delete("confirm.json")
        return
    text = history[1]["text"]
    store.put("running-config", text)
    entry = {"text": text, "user": "root", "ts": now().isoformat(), "via": "other",
             "comment": "automatic rollback (commit confirmed not confirmed)"}
    store.put_json("rollback.json", ([entry] + history)[:HISTORY])
    store.delete("confirm.json")
    store.delete("candidate")
    store.event("config", user="root", reason="commit confirmed not confirmed")
    store.event("rollback", automatic=True, user="root", to=1,
                confirmed_by=pending.get("user"), minutes=pending.get("minutes"))
    store.event("syslog", message="UI_COMMIT_NOT_CONFIRMED: Commit was not confirmed; "
                                  "automatic rollback complete")


class JunosEx(JunosDevice):
    """The EX access switch flavour (ELS, ``switch-options voip``)."""

    platform = "junos_ex"
    family = "junos-ex"
    initial_file = "junos_ex.conf"
    version_file = "ntc_show_version_ex4550.raw"
    vc_banner = "\n{master:0}\n"


DEVICES = {"junos_srx": JunosDevice, "junos_ex": JunosEx, "junos": JunosDevice}
