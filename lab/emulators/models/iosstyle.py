"""IOS-style command sessions for the emulators (lab test infrastructure, never a real device).

Built on emulators.models.cli (the grammar) and emulators.models.hier (hier_config). Shared by
the platforms whose CLI follows the Cisco IOS model (IOS, Arista EOS, ASA): user EXEC and
privileged EXEC, ``enable`` with a secret, ``configure terminal``, configuration sub-modes
entered by a section line, and the IOS parser's rule that a line a sub-mode does not know is
tried in the enclosing modes (Cisco IOS Configuration Fundamentals Configuration Guide,
"Using the Cisco IOS Command-Line Interface", "Command Modes": a global configuration
command entered in a sub-mode leaves the sub-mode), ``do`` for EXEC commands in
configuration mode, ``exit``/``end``/Ctrl-Z, and output filters ``| include``, ``| exclude``,
``| begin``, ``| section`` ("Filtering and Searching CLI Output").

A platform subclass provides:
- ``EXEC_USER`` / ``EXEC_PRIV``: Grammar of user / privileged EXEC;
- ``CONFIG_MODES``: {mode: (Grammar, prompt suffix such as "(config-if)")};
- ``model()``: the configuration model (a HierModel) of the current running config;
  ``store_model(model, line)``: write it back (through ``set_running``);
- ``show_running(args)``: the text ``show running-config`` prints.
Command actions (``Command(pattern, action)``):
- ``"enter:MODE"``: the canonical line is a section; it is applied and MODE is entered;
- ``"set"``: the canonical line is applied in the current section;
- a callable ``f(dev, words, params, negated, line)`` returning the answer text (or None).
"""

import re

from emulators.device import CloseSession, EmulatedDevice
from emulators.models.cli import ParseError, caret_error, split_words


class IosStyleDevice(EmulatedDevice):
    EXEC_USER = None
    EXEC_PRIV = None
    CONFIG_MODES = {}
    #: the enable password prompt and what a wrong secret gets
    ENABLE_PROMPT = "Password: "
    ENABLE_TRIES = 3
    ENABLE_FAILED = "% Bad secrets\n\n"
    #: IOS prints a blank line after an error; EOS does not
    ios_errors = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stack = []            # [(mode, section line)], config mode at [0]
        self._enable_tries = None  # while the enable password is being typed
        self.config_changed = False

    # -- prompts ---------------------------------------------------------------------------
    def hostname(self):
        match = re.search(r"(?m)^hostname (\S+)$", self.running)
        return match.group(1) if match else self.default_hostname

    def prompt(self):
        if self._enable_tries is not None:
            return self.ENABLE_PROMPT
        host = self.hostname()
        if self.stack:
            return "%s%s#" % (host, self.CONFIG_MODES[self.stack[-1][0]][1])
        return host + ("#" if self.privilege >= 15 else ">")

    def in_config_mode(self):
        return bool(self.stack)

    def section_path(self, depth=None):
        stack = self.stack if depth is None else self.stack[:depth + 1]
        return tuple(line for _mode, line in stack[1:])

    # -- lines -----------------------------------------------------------------------------
    def handle(self, line):
        if self._enable_tries is not None:
            return self._enable_answer(line)
        if not line.strip():
            return ""
        if self.stack:
            words = line.split()
            if words[0].lower() == "do" and len(words) > 1:
                rest = line[line.lower().index("do") + 2:]
                return self.exec_line(rest, prompt_len=len(self.prompt()) + line.lower().index(
                    "do") + 2)
            return self.config_line(line)
        return self.exec_line(line)

    def refuse(self, line, error, prompt_len=None):
        """The device's words for a line its parser refused (IOS: the caret under the
        word, counting the prompt); platforms with other texts override this."""
        prompt = " " * (len(self.prompt()) if prompt_len is None else prompt_len)
        return caret_error(prompt, line, error, self.ios_errors)

    def refused(self, line, error, prompt_len=None):
        """The refusal text, also written to events.log (the device's own log)."""
        text = self.refuse(line, error, prompt_len)
        self.event("refused", line=line, error=text.strip().split("\n")[-1])
        return text

    def exec_line(self, line, prompt_len=None):
        grammar = self.EXEC_PRIV if self.privilege >= 15 else self.EXEC_USER
        text, pipe = line, None
        if "|" in line:
            text, pipe = line.split("|", 1)
        try:
            cmd, words, params = grammar.parse(text)
        except ParseError as exc:
            return self.refused(line, exc, prompt_len)
        out = cmd.action(self, words, params, False, text)
        if pipe is not None and out:
            return self.filter(out, pipe)
        return out or ""

    @staticmethod
    def filter(text, pipe):
        """``| include|exclude|begin|section REGEX`` on command output."""
        words = pipe.split(None, 1)
        if len(words) < 2:
            return "% Incomplete command.\n\n"
        how, regex = words[0].lower(), words[1].strip()
        lines = text.rstrip("\n").split("\n")
        try:
            rx = re.compile(regex)
        except re.error:
            return "% Invalid regular expression\n"
        if "include".startswith(how):
            kept = [ln for ln in lines if rx.search(ln)]
        elif "exclude".startswith(how):
            kept = [ln for ln in lines if not rx.search(ln)]
        elif "begin".startswith(how):
            index = next((i for i, ln in enumerate(lines) if rx.search(ln)), len(lines))
            kept = lines[index:]
        elif "section".startswith(how):
            kept, inside = [], False
            for ln in lines:
                if ln and not ln.startswith(" "):
                    inside = bool(rx.search(ln))
                    if inside:
                        kept.append(ln)
                elif inside:  # an indented line that matches on its own starts no section
                    kept.append(ln)
        else:
            return "% Invalid input detected at '^' marker.\n\n"
        return "".join(ln + "\n" for ln in kept)

    def config_line(self, line):
        words = split_words(line)
        negated = words[0][0].lower() == "no" and len(words) > 1
        body = line[words[1][1]:] if negated else line
        offset = words[1][1] if negated else 0
        best = None
        for depth in range(len(self.stack) - 1, -1, -1):
            grammar = self.CONFIG_MODES[self.stack[depth][0]][0]
            try:
                cmd, canon, params = grammar.parse(body, negated=negated)
            except ParseError as exc:
                rank = (exc.kind != "invalid", exc.word or 0)
                if best is None or rank > best[0]:
                    best = (rank, exc)
                continue
            del self.stack[depth + 1:]
            return self.run_config(cmd, canon, params, negated, line) or ""
        error = best[1]
        if error.column is not None:
            error.column += offset
        if error.word is not None and negated:
            error.word += 1
        return self.refused(line, error)

    def run_config(self, cmd, canon, params, negated, line):
        text = ("no " if negated else "") + " ".join(canon)
        action = cmd.action
        if callable(action):
            return action(self, canon, params, negated, line)
        if action and action.startswith("enter:"):
            if negated:
                return self.apply(self.section_path(), text, line)
            out = self.apply(self.section_path(), text, line)
            self.stack.append((action[6:], text))
            return out
        if action == "set":
            return self.apply(self.section_path(), text, line)
        raise ValueError("command %r has no action" % cmd)

    def apply(self, path, text, line):
        model = self.model()
        model.apply(path, text)
        self.store_model(model, line)
        self.config_changed = True
        return None

    # -- EXEC actions shared by the IOS-style platforms ----------------------------------
    def enter_config(self, *_args):
        self.stack = [("config", None)]
        self.config_changed = False
        return "Enter configuration commands, one per line.  End with CNTL/Z.\n"

    def leave_config(self, *_args):
        self.stack = []
        if self.config_changed:
            self.configured()
        return ""

    def configured(self):
        """Hook: the session left configuration mode after changing something."""
        self.event("configured")

    def exit_mode(self, *_args):
        if len(self.stack) > 1:
            self.stack.pop()
            return ""
        return self.leave_config()

    def enable(self, *_args):
        if self.privilege >= 15:
            return ""
        if self.users.enable_secret is None:
            return "% No password set\n"
        self._enable_tries = 0
        self.echo = False
        return ""

    def _enable_answer(self, secret):
        if self.users.check_enable(secret):
            self._enable_tries = None
            self.echo = True
            self.privilege = 15
            self.event("enable", privilege=15)
            return ""
        self._enable_tries += 1
        if self._enable_tries >= self.ENABLE_TRIES:
            self._enable_tries = None
            self.echo = True
            self.event("enable_failed")
            return self.ENABLE_FAILED
        return ""

    def disable(self, *_args):
        self.privilege = min(self.privilege, self.users.privilege(self.username), 1)
        return ""

    def logout(self, *_args):
        raise CloseSession()

    def terminal_length(self, _words, params, *_args):
        self.page_length = int(params[0][1])
        return ""

    def terminal_width(self, _words, params, *_args):
        self.width = int(params[0][1])
        return ""
