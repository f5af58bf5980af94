# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A set-line configuration model for set-style CLIs (PAN-OS; usable by VyOS/Junos ``set``).

A set-style configuration is a set of leaves: ``set <path...> <value>``. Remediation is a
set difference: ``delete`` the leaves that are gone and ``set`` the ones that are new.
What differs per platform is given as data:

list_keys  -- the last path word of a member list (PAN-OS ``static``, ``members``,
              ``source``...). ``set`` on such a key APPENDS members (PAN-OS), so a removed
              member is a ``delete <path> <member>``; a list is printed ``[ a b ]``.
entries    -- path patterns naming an object (``address *``, ``rulebase security rules
              *``); an object whose leaves are all gone is removed with one ``delete
              <entry>`` instead of leaf by leaf.
classes    -- first path words in creation order (objects before the policies that
              reference them); deletion runs the other way.

Scalar keys are replaced in place by ``set`` (no delete needed). ``move <entry> top|
bottom|before X|after X`` reorders entries (PAN-OS rulebase).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import shlex

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError


def split_line(line):
    """``set a b [ c d ]`` -> (verb, key tuple, [values], is_list)."""
    try:
        words = shlex.split(line, posix=True)
    except ValueError as exc:
        raise VoipReadyError("set-style line cannot be read (%s): %r" % (exc, line),
                             field="running", value=line)
    if not words:
        return None
    verb, words = words[0], words[1:]
    if "[" in words:
        at = words.index("[")
        if words[-1] != "]" or at == 0:
            raise VoipReadyError("member list is not closed with ']': %r" % line,
                                 field="running", value=line)
        return verb, tuple(words[:at]), words[at + 1:-1], True
    return verb, tuple(words[:-1]), words[-1:], False


def quote(word):
    """Quote a word that holds a space or a quote (as PAN-OS prints descriptions)."""
    if word and not any(c in word for c in ' "\'[];'):
        return word
    return '"%s"' % word.replace('"', '\\"')


class SetConfig(object):
    """Ordered leaves ``[key, [values], is_list]`` read from ``set`` lines."""

    def __init__(self, list_keys=(), entries=(), classes=()):
        self.list_keys = set(list_keys)
        self.entries = [tuple(p.split()) for p in entries]
        self.classes = list(classes)
        self.lines = []

    # -- reading / writing ----------------------------------------------------------
    def load(self, text, ignore=()):
        """Read ``set`` lines; lines starting with an ``ignore`` prefix are skipped."""
        for lineno, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#") or any(line.startswith(p) for p in ignore):
                continue
            parsed = split_line(line)
            if parsed is None or parsed[0] != "set" or not parsed[1]:
                raise VoipReadyError("line %d is not a 'set' configuration line: %r"
                                     % (lineno, line), field="running", value=line)
            self.add(*self._declared(parsed[1], parsed[2], parsed[3]))
        return self

    def _declared(self, key, values, is_list):
        """(key, values, is_list) to add. ``set address A`` names an entry and gives it no
        leaf: it is the entry ``address A`` with no values, not the scalar ``address``
        set to ``A`` (which would make a second ``set address B`` overwrite it)."""
        words = key + tuple(values)
        if not is_list and any(len(p) == len(words) and all(w in ("*", k) for w, k in zip(p, words))
                               for p in self.entries):
            return words, [], False
        return key, values, is_list or self.is_list(key)

    def dump(self):
        out = []
        for key, values, is_list in self.lines:
            words = [quote(w) for w in key]
            if is_list and len(values) > 1:
                words += ["["] + [quote(v) for v in values] + ["]"]
            else:
                words += [quote(v) for v in values]
            out.append("set " + " ".join(words))
        return out

    def is_list(self, key):
        return bool(key) and key[-1] in self.list_keys

    # -- leaves -----------------------------------------------------------------------
    def atoms(self):
        """{(key, value)} with one atom per list member."""
        return set((key, v) for key, values, _unused in self.lines for v in values)

    def entry_of(self, key):
        """The entry path a key belongs to (longest matching pattern), or None."""
        best = None
        for pattern in self.entries:
            if len(key) >= len(pattern) and all(p in ("*", k) for p, k in zip(pattern, key)):
                if best is None or len(pattern) > len(best):
                    best = key[:len(pattern)]
        return best

    def order(self, prefix):
        """Entries under ``prefix`` in their configuration order."""
        seen = []
        for key, _values, _extra in self.lines:
            entry = self.entry_of(key)
            if entry and entry[:-1] == prefix and entry not in seen:
                seen.append(entry)
        return [e[-1] for e in seen]

    def add(self, key, values, is_list):
        """``set``: append members to a list, replace a scalar, else a new leaf after the
        last leaf of the same entry/class (PAN-OS appends new rules at the bottom)."""
        for line in self.lines:
            if line[0] == key:
                if is_list:
                    line[1].extend(v for v in values if v not in line[1])
                else:
                    line[1][:] = values
                return
        entry = self.entry_of(key) or key[:1]
        at = len(self.lines)
        for scope in (entry, entry[:-1], key[:1]):
            hits = [i for i, line in enumerate(self.lines) if scope and
                    line[0][:len(scope)] == scope]
            if hits:
                at = hits[-1] + 1
                break
        self.lines.insert(at, [key, list(values), is_list])

    def delete(self, words):
        """``delete``: a whole subtree, one scalar leaf or one member of a list."""
        words = tuple(words)
        kept = []
        for key, values, is_list in self.lines:
            if key[:len(words)] == words:
                continue
            if is_list and key == words[:-1]:
                values = [v for v in values if v != words[-1]]
                if not values:
                    continue
            kept.append([key, values, is_list])
        self.lines = kept

    def move(self, words):
        """``move <entry> top|bottom|before X|after X``."""
        if words[-1] in ("top", "bottom"):
            entry, where, other = tuple(words[:-1]), words[-1], None
        else:
            entry, where, other = tuple(words[:-2]), words[-2], words[-1]
        mine = [l for l in self.lines if l[0][:len(entry)] == entry]
        rest = [l for l in self.lines if l[0][:len(entry)] != entry]
        siblings = [i for i, l in enumerate(rest) if l[0][:len(entry) - 1] == entry[:-1]]
        if where == "top":
            at = siblings[0] if siblings else len(rest)
        elif where == "bottom":
            at = siblings[-1] + 1 if siblings else len(rest)
        else:
            target = entry[:-1] + (other,)
            hits = [i for i, l in enumerate(rest) if l[0][:len(target)] == target]
            if not hits:
                raise VoipReadyError("move: %s does not exist" % other, field="commands",
                                     value=other)
            at = hits[0] if where == "before" else hits[-1] + 1
        self.lines = rest[:at] + mine + rest[at:]

    def apply(self, commands):
        """Replay ``set``/``delete``/``move`` commands (the simulate of a set-style CLI)."""
        for command in commands:
            parsed = split_line(command)
            if parsed is None:
                continue
            verb, key, values, is_list = parsed
            if verb == "set":
                self.add(*self._declared(key, values, is_list))
            elif verb == "delete":
                self.delete(key + tuple(values))
            elif verb == "move":
                self.move(list(key) + values)
            else:
                raise VoipReadyError("cannot simulate %r" % command, field="commands",
                                     value=command)
        return self

    # -- remediation ------------------------------------------------------------------
    def rank(self, key):
        return self.classes.index(key[0]) if key[0] in self.classes else len(self.classes)

    def diff(self, have_atoms, want):
        """Commands from owned ``have_atoms`` to the desired SetConfig ``want``:
        member/leaf deletes, then sets in class order, then whole-entry deletes in
        reverse class order. Moves are the caller's (they sit between sets and deletes).
        """
        want_atoms = want.atoms()
        want_keys = set(k for k, _unused in want_atoms)
        want_entries = set(want.entry_of(k) for k in want_keys)
        kept_entries = set(self.entry_of(k) for k, _unused in self.atoms() - have_atoms)
        leaf_deletes, entry_deletes = [], []
        for key, value in sorted(have_atoms - want_atoms):
            entry = self.entry_of(key)
            if entry and entry not in want_entries and entry not in kept_entries:
                if entry not in entry_deletes:
                    entry_deletes.append(entry)
            elif self.is_list(key):
                leaf_deletes.append("delete %s" % " ".join(quote(w) for w in key + (value,)))
            elif key not in want_keys:
                leaf_deletes.append("delete %s" % " ".join(quote(w) for w in key))
        sets = []
        for key, values, is_list in want.lines:
            new = [v for v in values if (key, v) not in have_atoms]
            if not new:
                continue
            words = [quote(w) for w in key]
            if is_list and len(new) > 1:
                words += ["["] + [quote(v) for v in new] + ["]"]
            else:
                words += [quote(v) for v in (new if is_list else values)]
            sets.append((self.rank(key), "set " + " ".join(words)))
        sets = [line for _unused, line in sorted(sets, key=lambda s: s[0])]
        entry_deletes.sort(key=lambda e: -self.rank(e))
        return leaf_deletes, sets, ["delete %s" % " ".join(quote(w) for w in e)
                                    for e in entry_deletes]
