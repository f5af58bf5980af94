"""Command grammar of IOS-style command lines for the emulators (lab test infrastructure,
never a real device).

Built on the standard library. The behaviour is that of the Cisco IOS parser as the Cisco IOS
Configuration Fundamentals Configuration Guide ("Using the Cisco IOS Command-Line Interface":
"Abbreviating Commands", "Using the no and default Forms of Commands", "Understanding CLI
Error Messages") describes it, which Arista EOS follows too (EOS User Manual, "Command-Line
Interface"):

- a keyword may be abbreviated to any prefix that no other keyword possible at that place
  shares (``sh run``, ``int gi0/1``); a prefix shared by two keywords is
  ``% Ambiguous command:  "LINE"``;
- a word that matches nothing is ``% Invalid input detected at '^' marker.``, the caret under
  the first character of that word (the platform prints it below the echoed line, so it
  counts the prompt);
- a line that stops before the command is complete is ``% Incomplete command.``.

A grammar is a list of ``Command`` patterns, words separated by spaces:

    keyword           literal keyword (abbreviable)
    {a|b|c}           one of these keywords
    [x y]             optional words (may hold {..} and parameters)
    <1-4094>          integer in range
    WORD              any word;  LINE  the rest of the line (one word or more)
    A.B.C.D           IPv4 address;  A.B.C.D/M  IPv4 prefix
    NAME              a named parameter type the platform defines (Grammar.types): a
                      function (words, index) -> (words consumed, canonical text) or raises
                      ParamError(offset) to put the caret on a word of its own

A parse gives the canonical line (keywords written out in full, parameters as the type
returns them), the command matched and the parameter values.
"""

import ipaddress
import re


class ParseError(Exception):
    """The device refuses the line: ``kind`` is invalid | incomplete | ambiguous;
    ``word`` the index of the word the caret goes under (invalid)."""

    def __init__(self, kind, word=None, column=None, message=None):
        super().__init__(kind)
        self.kind = kind
        self.word = word
        self.column = column
        self.message = message


class ParamError(Exception):
    """Raised by a parameter type: the caret goes ``offset`` words after the first one,
    ``char`` characters into that word (IOS points at the character it could not take)."""

    def __init__(self, offset=0, char=0, message=None, incomplete=False):
        super().__init__(offset)
        self.offset = offset
        self.char = char
        self.message = message        # the device's own refusal text instead of the caret
        self.incomplete = incomplete  # the words ran out inside the parameter


class Command:
    """One pattern; ``action`` and ``data`` are the platform's (what the line does)."""

    def __init__(self, pattern, action=None, **data):
        self.pattern = pattern
        self.action = action
        self.data = data
        self.sequences = [tuple(s) for s in _expand(_tokens(pattern))]

    def __repr__(self):
        return "Command(%r)" % self.pattern


def _tokens(pattern):
    """Top-level tokens; ``[..]`` groups become lists."""
    out, stack = [], []
    for raw in re.findall(r"\[|\]|[^\s\[\]]+", pattern):
        if raw == "[":
            stack.append(out)
            out = []
        elif raw == "]":
            group, out = out, stack.pop()
            out.append(group)
        else:
            out.append(raw)
    if stack:
        raise ValueError("unbalanced [ in %r" % pattern)
    return out


def _expand(tokens):
    if not tokens:
        return [[]]
    head, rest = tokens[0], _expand(tokens[1:])
    if isinstance(head, list):
        return [h + r for h in _expand(head) for r in rest] + rest
    if head.startswith("{") and head.endswith("}"):
        return [[alt] + r for alt in head[1:-1].split("|") for r in rest]
    return [[head] + r for r in rest]


def split_words(line):
    """(word, column) of each word of ``line``."""
    return [(m.group(0), m.start()) for m in re.finditer(r"\S+", line)]


class Grammar:
    """Parses lines against a list of Commands."""

    def __init__(self, commands, types=None):
        self.commands = list(commands)
        self.types = dict(types or {})

    # -- one token against the words -----------------------------------------------------
    def _keywords(self, token):
        if token.islower() or not re.match(r"^[A-Z<]", token):
            if not (token.startswith("<") or token in self.types):
                return [token]
        return None

    def _param(self, token, words, index):
        """(consumed, canonical) when ``token`` (a parameter) matches at words[index]."""
        word = words[index]
        match = re.match(r"^<(\d+)-(\d+)>$", token)
        if match:
            if not word.isdigit() or not int(match.group(1)) <= int(word) <= int(match.group(2)):
                raise ParamError(0)
            return 1, str(int(word))
        if token == "WORD":
            return 1, word
        if token == "LINE":
            return len(words) - index, " ".join(words[index:])
        if token == "A.B.C.D":
            try:
                return 1, str(ipaddress.IPv4Address(word))
            except ValueError:
                raise ParamError(0)
        if token == "A.B.C.D/M":
            try:
                return 1, str(ipaddress.IPv4Interface(word))
            except ValueError:
                raise ParamError(0)
        if token in self.types:
            return self.types[token](words, index)
        raise ValueError("unknown parameter type %r" % token)

    # -- a whole line ---------------------------------------------------------------------
    def parse(self, line, negated=False):
        """(command, canonical words, params) of ``line`` or ParseError.

        ``negated``: the words follow ``no``; a command may then stop before its
        parameters (``no switchport voice vlan``), as IOS allows."""
        located = split_words(line)
        words = [w for w, _c in located]
        if not words:
            raise ParseError("incomplete")
        # each alive candidate: (command, sequence, token index, word index, canon, params, kw)
        alive = [(c, s, 0, 0, [], [], 0) for c in self.commands for s in c.sequences]
        furthest, char, note = 0, 0, None
        done = []
        while alive:
            step = []
            at_word = {}
            for cand in alive:
                cmd, seq, ti, wi, canon, params, kws = cand
                if wi == len(words):
                    if ti == len(seq) or (negated and ti > 0 and self._keywords(seq[ti]) is None):
                        done.append(cand)
                    continue
                if ti == len(seq):
                    continue
                at_word.setdefault(wi, []).append(cand)
            for wi, cands in at_word.items():
                word = words[wi].lower()
                # keyword abbreviation is decided among all keywords possible at this word
                options = set()
                for cmd, seq, ti, _wi, _canon, _params, _kws in cands:
                    for kw in self._keywords(seq[ti]) or ():
                        if kw.lower().startswith(word):
                            options.add(kw)
                exact = [kw for kw in options if kw.lower() == word]
                chosen = exact[0] if exact else (options.pop() if len(options) == 1 else None)
                ambiguous = not exact and len(options) > 1
                for cmd, seq, ti, _wi, canon, params, kws in cands:
                    token = seq[ti]
                    kwlist = self._keywords(token)
                    if kwlist is not None:
                        if ambiguous and any(k.lower().startswith(word) for k in kwlist):
                            raise ParseError("ambiguous", word=wi)
                        if chosen in kwlist:
                            step.append((cmd, seq, ti + 1, wi + 1, canon + [chosen], params, kws + 1))
                        continue
                    try:
                        used, value = self._param(token, words, wi)
                    except ParamError as exc:
                        at = len(words) if exc.incomplete else wi + exc.offset
                        if (at, exc.char) >= (furthest, char):
                            furthest, char, note = at, exc.char, exc.message
                        continue
                    step.append((cmd, seq, ti + 1, wi + used, canon + [value],
                                 params + [(token, value)], kws))
                if not any(c[3] > wi for c in step) and wi > furthest:
                    furthest, char, note = wi, 0, None
            alive = step
            if alive and max(c[3] for c in alive) > furthest:
                furthest, char, note = max(c[3] for c in alive), 0, None
        if done:
            # the most keywords matched wins (a keyword beats a WORD); then grammar order
            order = {id(c): i for i, c in enumerate(self.commands)}
            best = sorted(done, key=lambda c: (-c[6], -c[2], order[id(c[0])]))[0]
            return best[0], best[4], best[5]
        if note:
            raise ParseError("message", message=note)
        if furthest >= len(words):
            raise ParseError("incomplete")
        raise ParseError("invalid", word=furthest, column=located[furthest][1] + char)


def caret_error(prompt, line, error, ios_style=True):
    """The device's refusal text for ``error`` raised on ``line`` typed after ``prompt``."""
    if error.kind == "message":
        return error.message.rstrip("\n") + "\n"
    if error.kind == "incomplete":
        return "% Incomplete command.\n\n" if ios_style else "% Incomplete command\n"
    if error.kind == "ambiguous":
        return '%% Ambiguous command:  "%s"\n' % line.strip() if ios_style else \
            "% Ambiguous command\n"
    column = len(prompt) + (error.column or 0)
    return " " * column + "^\n% Invalid input detected at '^' marker.\n\n"
