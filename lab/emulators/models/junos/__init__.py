"""Junos configuration model for the emulators (lab test infrastructure, never a real device).

Built on the standard library over a schema compiled from Juniper's published YANG models
(github.com/Juniper/yang, Apache-2.0, release 23.4R1, ``conf-with-extensions``) by pyang in
``build_schema.py`` (the data files ``junos-es.json.gz`` for SRX and ``junos-ex.json.gz`` for EX;
regenerate with that tool). The schema decides everything a statement does:

- which words a ``set``/``delete`` statement may hold, and where (containers, lists and their
  keys, leaves, leaf-lists), and the type of every value (YANG ``type``/``range``/``length``/
  ``pattern`` and Juniper's ``junos:posix-pattern`` with its ``junos:pattern-message``);
- what a ``set`` does to the tree: a leaf takes the new value, a leaf-list gains a member, a
  list gains an entry, a case of a ``choice`` replaces the other cases (``then permit`` after
  ``then deny``);
- the commit constraints: Juniper's ``junos:must`` expressions with their
  ``junos:must-message`` (a zone a policy names must exist, ...) and ``mandatory`` leaves.

Where YANG does not describe the CLI (it describes the XML form), a cited grammar fills in
(Junos CLI User Guide, "Understanding the Junos OS CLI configuration statement hierarchy";
``display set`` output in NAPALM's mocked data and Batfish's srx-testbed configurations):
lists whose CLI has no keyword before the entry name (``interfaces ge-0/0/0``, ``vlans V``,
``class-of-service interfaces X``), the zone-pair list of security policies
(``from-zone A to-zone B``), and the references that Junos resolves in its daemons rather than
in YANG (policy addresses in the address book, applications). hier_config's ``juniper_junos``
driver (its Junos preprocessor) reads configurations written in the curly form.
"""

import gzip
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))

#: CLI keyword that introduces an entry of these lists where the schema's rule (a list
#: without help text is typed without its keyword) does not give it: Junos CLI User Guide
#: and the ``display set`` captures (``set vlans DATA vlan-id 10``,
#: ``set security policies from-zone trust to-zone untrust policy P``)
LIST_KEYWORD = {
    ("vlans", "vlan"): "",
    ("security", "policies", "policy"): "from-zone",
}
#: CLI keyword of a list key that YANG names differently
KEY_KEYWORD = {("security", "policies", "policy", "to-zone-name"): "to-zone"}
#: predefined names a policy may use without defining them (Junos Security Policies User
#: Guide: "any", "any-ipv4", "any-ipv6" addresses; predefined ``junos-*`` applications)
PREDEFINED_ADDRESSES = ("any", "any-ipv4", "any-ipv6")
PREDEFINED_APPLICATION = re.compile(r"^(any|junos-[a-z0-9-]+)$")


class JunosError(Exception):
    """The CLI refuses a statement: ``word`` is the index of the word the caret goes under
    (None: no caret), ``message`` the text Junos prints."""

    def __init__(self, message, word=None):
        super().__init__(message)
        self.message = message
        self.word = word


_SCHEMAS = {}


def schema(family):
    """The compiled schema of ``junos-es`` or ``junos-ex``."""
    if family not in _SCHEMAS:
        with gzip.open(os.path.join(HERE, family + ".json.gz"), "rt", encoding="utf-8") as f:
            data = json.load(f)
        _SCHEMAS[family] = {"k": "c", "c": data["tree"], "release": data["release"]}
        index_siblings(_SCHEMAS[family])
    return _SCHEMAS[family]


# -- values --------------------------------------------------------------------------------
_POSIX = {"[:alnum:]": "a-zA-Z0-9", "[:alpha:]": "a-zA-Z", "[:digit:]": "0-9",
          "[:space:]": r"\s", "[:upper:]": "A-Z", "[:lower:]": "a-z", "[:xdigit:]": "0-9a-fA-F",
          "[:punct:]": r"!-/:-@\[-`{-~"}


def _posix_re(pattern):
    for cls, repl in _POSIX.items():
        pattern = pattern.replace(cls, repl)
    return re.compile(pattern)


_INT = re.compile(r"^(u?int(8|16|32|64)|decimal64)$")


def check_value(node, name, value):
    """None when ``value`` is valid for the leaf ``node``, else Junos's refusal text."""
    return _check_type(node["t"], name, value)


def _check_type(spec, name, value):
    base = spec["b"]
    if base == "union":
        errors = [_check_type(member, name, value) for member in spec.get("u", [])]
        if any(e is None for e in errors):
            return None
        return next((e for e in errors if e and not e.startswith("syntax")), errors[-1])
    if _INT.match(base):
        if not re.match(r"^-?\d+(\.\d+)?$", value):
            return "number expected at '%s'" % value
        number = float(value) if "." in value else int(value)
        for lo, hi in spec.get("r", []):
            if _num(lo) <= number <= _num(hi):
                return None
        if spec.get("r"):
            return "value %s is not within range (%s) at '%s'" % (
                value, ", ".join("%s..%s" % (lo, hi) for lo, hi in spec["r"]), value)
        return None
    if base == "enumeration":
        if value in spec.get("e", []):
            return None
        return "syntax error, expecting %s." % " or ".join(
            "'%s'" % e for e in spec.get("e", [])[:6])
    if base == "boolean":
        return None if value in ("true", "false") else "syntax error, expecting 'true' or 'false'."
    if base == "empty":
        return "syntax error."
    # string and the Juniper string types
    for lo, hi in spec.get("len", []):
        if not _num(lo) <= len(value) <= _num(hi):
            return "error: %s: '%s': Must be a string of %s to %s characters" % (
                name, value, lo, hi)
    for pattern in spec.get("xpat", []):
        if not re.fullmatch(pattern, value):
            return "syntax error, expecting <%s>." % name
    for pattern, message in spec.get("pat", []):
        negated = pattern.startswith("!")  # Junos: the value must NOT match
        found = _posix_re(pattern[1:] if negated else pattern).search(value)
        if bool(found) == negated:
            return "error: %s: '%s': %s" % (name, value, message or "invalid value")
    return None


def _num(text):
    text = str(text)
    if text in ("min", "max"):
        return float("-inf") if text == "min" else float("inf")
    return float(text) if "." in text else int(text)


# -- statements -> schema paths ------------------------------------------------------------
class Step:
    """One step of a resolved statement: a container, a list entry, a leaf (with its value)
    or a leaf-list member."""

    __slots__ = ("kind", "name", "node", "key", "value")

    def __init__(self, kind, name, node, key=None, value=None):
        self.kind, self.name, self.node, self.key, self.value = kind, name, node, key, value

    def __repr__(self):
        return "Step(%s %s %r %r)" % (self.kind, self.name, self.key, self.value)


def split_statement(text):
    """Words of a statement; ``"quoted words"`` are one word, ``[ a b ]`` stays as brackets."""
    words, i = [], 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        if text[i] == '"':
            j = i + 1
            while j < len(text) and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            if j >= len(text):
                raise JunosError("syntax error, expecting <quoted string>.")
            words.append(text[i + 1:j].replace('\\"', '"'))
            i = j + 1
            continue
        j = i
        while j < len(text) and not text[j].isspace():
            j += 1
        words.append(text[i:j])
        i = j
    return words


def _pick(children, word):
    """The child keyword ``word`` names (exact, else a unique prefix), or None."""
    if word in children:
        return word
    found = [name for name in children if name.startswith(word)]
    return found[0] if len(found) == 1 else None


def resolve(root, words, partial=False):
    """The steps ``words`` name from ``root``. ``partial``: the statement may stop at a
    container, a list entry or a leaf without its value (delete, edit, show)."""
    steps, node, path, i = [], root, (), 0
    while i < len(words):
        word = words[i]
        keys = node.get("key", ())
        children = {k: v for k, v in node["c"].items() if k not in keys} if keys else node["c"]
        keyword = None
        for (parent_path, list_name), kw in [((k[:-1], k[-1]), v) for k, v in LIST_KEYWORD.items()]:
            if parent_path == path and list_name in children and (
                    (kw and word == kw) or (not kw and _pick(children, word) is None)):
                keyword = list_name
                if kw:
                    i += 1
                break
        name = keyword or _pick(children, word)
        nokey = None
        if name is None:
            keyword = _keyless_list(children, word)
            name = keyword
        if name is None:
            nokey = _nokeyword_leaf(children, word)
            if nokey is None:
                raise JunosError("syntax error.", i)
            name = nokey
        child = children[name]
        cpath = path + (name,)
        if child["k"] == "c":
            steps.append(Step("c", name, child))
            node, path, i = child, cpath, i + 1
            continue
        if child["k"] == "l":
            if not keyword:
                i += 1
            key, i = _list_key(child, cpath, words, i, partial)
            steps.append(Step("l", name, child, key=key))
            if key is None:
                return steps
            node, path = child, cpath
            continue
        # leaf / leaf-list
        if nokey is None:
            i += 1
        if child["t"]["b"] == "empty":
            steps.append(Step("f", name, child, value=True))
            if i < len(words):
                raise JunosError("syntax error.", i)
            return steps
        if i >= len(words):
            if partial:
                steps.append(Step(child["k"], name, child))
                return steps
            raise JunosError("syntax error, expecting <data>.", None)
        if child["k"] == "F" and words[i] == "[":
            if "]" not in words[i:]:
                raise JunosError("syntax error, expecting ']'.", None)
            end = words.index("]", i)
            values = words[i + 1:end]
            for value in values:
                error = check_value(child, name, value)
                if error:
                    raise JunosError(error, i)
            steps.append(Step("F", name, child, value=values))
            i = end + 1
        else:
            error = check_value(child, name, words[i])
            if error:
                raise JunosError(error, i)
            steps.append(Step(child["k"], name, child,
                              value=[words[i]] if child["k"] == "F" else words[i]))
            i += 1
        if i < len(words):
            raise JunosError("syntax error.", i)
        return steps
    if not partial and steps and steps[-1].kind == "c" and not steps[-1].node.get("p") \
            and not steps[-1].node["c"]:
        raise JunosError("syntax error.", None)
    return steps


def _keyless_list(children, word):
    """A list typed without its keyword (schema ``nk``: ``syslog file messages any notice``,
    ``interfaces ge-0/0/0``) whose key takes ``word``; an enumeration match first."""
    found = [name for name, child in children.items() if child["k"] == "l" and child.get("nk")
             and len(child["key"]) == 1
             and check_value(child["c"][child["key"][0]], child["key"][0], word) is None]
    enums = [n for n in found if children[n]["c"][children[n]["key"][0]]["t"]["b"] == "enumeration"]
    return (enums or found or [None])[0]


def _nokeyword_leaf(children, word):
    strings = [n for n, c in children.items() if c["k"] in ("f", "F") and c.get("nk")
               and c["t"]["b"] == "string"]
    for name, child in children.items():
        if child["k"] in ("f", "F") and child.get("nk") and child["t"]["b"] != "empty" \
                and check_value(child, name, word) is None and child["t"]["b"] != "string":
            return name
    for name, child in children.items():
        if child["k"] in ("f", "F") and child.get("nk") and child["t"]["b"] == "enumeration" \
                and word in child["t"].get("e", []):
            return name
    if len(strings) == 1 and check_value(children[strings[0]], strings[0], word) is None:
        return strings[0]  # the one free-text value this statement takes (ip-prefix)
    return None


def _list_key(node, path, words, i, partial):
    """(key tuple, next index) of a list entry; (None, i) when a partial statement ends."""
    values = []
    for index, key in enumerate(node["key"]):
        leaf = node["c"][key]
        if index > 0:
            want = KEY_KEYWORD.get(path + (key,), key)
            if i >= len(words) and partial:
                return None, i
            if i >= len(words) or words[i] != want:
                raise JunosError("syntax error, expecting '%s'." % want, i if i < len(words)
                                 else None)
            i += 1
        if i >= len(words):
            if partial and index == 0:
                return None, i
            raise JunosError("syntax error, expecting <%s>." % key.replace("-name", ""), None)
        error = check_value(leaf, key, words[i])
        if error:
            raise JunosError(error, i)
        values.append(words[i])
        i += 1
    return tuple(values), i


# -- the configuration tree ----------------------------------------------------------------
INACTIVE = "@inactive"


def _entries(container, name):
    return container.setdefault(name, {})


def apply_set(tree, steps):
    """``set``: create what ``steps`` name (a choice's other cases go)."""
    cur = tree
    for step in steps:
        _drop_other_cases(cur, step)
        if step.kind == "c":
            cur = cur.setdefault(step.name, {})
        elif step.kind == "l":
            cur = _entries(cur, step.name).setdefault(step.key, {})
        elif step.kind == "f":
            cur[step.name] = step.value
        elif step.kind == "F":
            values = cur.setdefault(step.name, [])
            values.extend(v for v in step.value if v not in values)
    return tree


def _drop_other_cases(cur, step):
    """A case of a YANG ``choice`` replaces the choice's other cases (Junos does the same:
    ``set ... then deny`` removes ``then permit``)."""
    choice = step.node.get("ch")
    if not choice or not isinstance(cur, dict):
        return
    siblings = _SIBLINGS.get(id(step.node), {})
    for name in list(cur):
        sibling = siblings.get(name)
        if sibling and sibling.get("ch") and sibling["ch"][0] == choice[0] \
                and sibling["ch"][1] != choice[1]:
            del cur[name]


_SIBLINGS = {}


def index_siblings(node):
    """Remember, for every schema node, its siblings (for choice handling)."""
    for child in node.get("c", {}).values():
        _SIBLINGS[id(child)] = node["c"]
        if "c" in child:
            index_siblings(child)


def apply_delete(tree, steps):
    """``delete``: remove what ``steps`` name; False when it did not exist."""
    parents = []
    cur = tree
    for step in steps[:-1]:
        if step.kind == "c":
            nxt = cur.get(step.name)
        else:
            nxt = cur.get(step.name, {}).get(step.key)
        if nxt is None:
            return False
        parents.append((cur, step))
        cur = nxt
    last = steps[-1]
    if last.kind == "l":
        entries = cur.get(last.name, {})
        if last.key is None:
            found = cur.pop(last.name, None) is not None
        else:
            found = entries.pop(last.key, None) is not None
            if not entries:
                cur.pop(last.name, None)
    elif last.kind == "F" and last.value:
        values = cur.get(last.name, [])
        found = any(v in values for v in last.value)
        values[:] = [v for v in values if v not in last.value]
        if not values:
            cur.pop(last.name, None)
    else:
        found = cur.pop(last.name, None) is not None
    # a container left empty (and without presence) disappears, as Junos prunes it
    for parent, step in reversed(parents):
        child = parent[step.name] if step.kind == "c" else parent[step.name].get(step.key)
        if child or (step.kind == "c" and step.node.get("p")) or step.kind == "l":
            break
        if step.kind == "c":
            del parent[step.name]
    return found


def find(tree, steps):
    cur = tree
    for step in steps:
        if not isinstance(cur, dict):
            return None
        if step.kind == "c":
            cur = cur.get(step.name)
        elif step.kind == "l":
            cur = cur.get(step.name)
            if step.key is not None and cur is not None:
                cur = cur.get(step.key)
        else:
            have = cur.get(step.name)
            if have is not None and step.value not in (None, True):
                wanted = step.value if isinstance(step.value, list) else [step.value]
                values = have if isinstance(have, list) else [have]
                if not all(w in values for w in wanted):
                    return None
            cur = have
        if cur is None:
            return None
    return cur


def set_inactive(tree, steps, inactive):
    node = find(tree, steps)
    if not isinstance(node, dict):
        return False
    if inactive:
        node[INACTIVE] = True
    else:
        node.pop(INACTIVE, None)
    return True


# -- output --------------------------------------------------------------------------------
def _natural(key):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", " ".join(key))]


def _list_keys(node, entries):
    keys = list(entries)
    return keys if node.get("u") else sorted(keys, key=_natural)


def _quote(value):
    if value == "" or re.search(r'[\s;{}"#\[\]]', value):
        return '"%s"' % value.replace('"', '\\"')
    return value


def _words_of(step_path, name, node, key):
    kw = LIST_KEYWORD.get(step_path + (name,))
    if kw is None:
        kw = "" if node.get("nk") else name
    words = [kw] if kw else []
    for index, k in enumerate(node["key"]):
        if index:
            words.append(KEY_KEYWORD.get(step_path + (name, k), k))
        words.append(_quote(key[index]))
    return words


def display_set(tree, root, prefix=()):
    """``show configuration | display set``: ``set`` lines in schema order, then the
    ``deactivate`` lines."""
    sets, deacts = [], []
    _walk_set(tree, root, (), [], sets, deacts)
    return ["set " + " ".join(w) for w in sets] + ["deactivate " + " ".join(w) for w in deacts]


def _walk_set(cur, node, path, words, sets, deacts):
    wrote = False
    for name, child in node["c"].items():
        if name not in cur:
            continue
        value = cur[name]
        if child["k"] == "c":
            here = words + [name]
            if value.get(INACTIVE):
                deacts.append(here)
            if not _walk_set(value, child, path + (name,), here, sets, deacts):
                sets.append(here)
        elif child["k"] == "l":
            for key in _list_keys(child, value):
                entry = value[key]
                here = words + _words_of(path, name, child, key)
                if entry.get(INACTIVE):
                    deacts.append(here)
                sub = dict(child, c={k: v for k, v in child["c"].items() if k not in child["key"]})
                if not _walk_set(entry, sub, path + (name,), here, sets, deacts):
                    sets.append(here)
        elif child["k"] == "f":
            lead = [] if child.get("nk") else [name]
            sets.append(words + lead + ([] if value is True else [_quote(value)]))
        else:
            lead = [] if child.get("nk") else [name]
            for item in value:
                sets.append(words + lead + [_quote(item)])
        wrote = True
    return wrote


def to_xml(tree, root, release, stamp=None, user=None):
    """``show configuration | display xml``: the tree as Junos's XML (element names are the
    YANG names, list keys first; ``inactive="inactive"`` on deactivated statements)."""
    import xml.etree.ElementTree as ET
    reply = ET.Element("rpc-reply", {"xmlns:junos": "http://xml.juniper.net/junos/%s/junos"
                                     % release})
    attrs = {}
    if stamp:
        attrs["junos:commit-localtime"] = stamp
    if user:
        attrs["junos:commit-user"] = user
    config = ET.SubElement(reply, "configuration", attrs)
    _walk_xml(tree, root, config)
    cli = ET.SubElement(reply, "cli")
    ET.SubElement(cli, "banner").text = ""
    ET.indent(reply, space="    ")
    return ET.tostring(reply, encoding="unicode") + "\n"


def _walk_xml(cur, node, parent):
    import xml.etree.ElementTree as ET
    for name, child in node["c"].items():
        if name not in cur:
            continue
        value = cur[name]
        if child["k"] == "c":
            element = ET.SubElement(parent, name)
            if value.get(INACTIVE):
                element.set("inactive", "inactive")
            _walk_xml(value, child, element)
        elif child["k"] == "l":
            sub = dict(child, c={k: v for k, v in child["c"].items() if k not in child["key"]})
            for key in _list_keys(child, value):
                element = ET.SubElement(parent, name)
                if value[key].get(INACTIVE):
                    element.set("inactive", "inactive")
                for index, k in enumerate(child["key"]):
                    ET.SubElement(element, k).text = key[index]
                _walk_xml(value[key], sub, element)
        elif child["k"] == "f":
            element = ET.SubElement(parent, name)
            if value is not True:
                element.text = value
        else:
            for item in value:
                ET.SubElement(parent, name).text = item


def curly(tree, root, indent=0, path=()):
    """``show configuration``: the hierarchical text (4 spaces an indent level)."""
    out = []
    _walk_curly(tree, root, path, indent, out)
    return out


def _walk_curly(cur, node, path, depth, out):
    pad = "    " * depth
    for name, child in node["c"].items():
        if name not in cur:
            continue
        value = cur[name]
        if child["k"] == "c":
            mark = "inactive: " if value.get(INACTIVE) else ""
            body = []
            _walk_curly(value, child, path + (name,), depth + 1, body)
            if body:
                out.append("%s%s%s {" % (pad, mark, name))
                out.extend(body)
                out.append(pad + "}")
            else:
                out.append("%s%s%s;" % (pad, mark, name))
        elif child["k"] == "l":
            for key in _list_keys(child, value):
                entry = value[key]
                mark = "inactive: " if entry.get(INACTIVE) else ""
                head = " ".join(_words_of(path, name, child, key))
                sub = dict(child, c={k: v for k, v in child["c"].items() if k not in child["key"]})
                body = []
                _walk_curly(entry, sub, path + (name,), depth + 1, body)
                if body:
                    out.append("%s%s%s {" % (pad, mark, head))
                    out.extend(body)
                    out.append(pad + "}")
                else:
                    out.append("%s%s%s;" % (pad, mark, head))
        elif child["k"] == "f":
            lead = "" if child.get("nk") else name + " "
            if value is True:
                out.append("%s%s;" % (pad, name))
            else:
                out.append("%s%s%s;" % (pad, lead, _quote(value)))
        else:
            lead = "" if child.get("nk") else name + " "
            if len(value) == 1:
                out.append("%s%s%s;" % (pad, lead, _quote(value[0])))
            else:
                out.append("%s%s[ %s ];" % (pad, lead, " ".join(_quote(v) for v in value)))


def compare(old_lines, new_lines):
    """``show | compare`` (see emulators.models.curlydiff)."""
    from emulators.models.curlydiff import compare as curly_compare
    return curly_compare(old_lines, new_lines)


# -- commit checks ---------------------------------------------------------------------------
def commit_check(tree, root):
    """Junos's commit constraints: mandatory leaves, ``junos:must`` (with its message),
    and the policy references Junos resolves in its daemons. A list of
    (``[edit ...]`` path words, statement, message, kind: mandatory | must | daemon); empty
    when the commit may go on."""
    problems = []
    _check(tree, root, (), [], [], tree, root, problems)
    problems += _policy_references(tree)
    return problems


def _check(cur, node, path, words, trail, tree, root, problems):
    for name, child in node["c"].items():
        if name not in cur:
            if child.get("man"):
                problems.append((words, name, "Missing mandatory statement: '%s'" % name,
                                 "mandatory"))
            continue
        value = cur[name]
        if child["k"] == "c":
            if value.get(INACTIVE):
                continue
            here = trail + [Step("c", name, child)]
            _musts(child, name, None, words, here, tree, root, problems, words + [name])
            _check(value, child, path + (name,), words + [name], here, tree, root, problems)
        elif child["k"] == "l":
            for key, entry in value.items():
                if entry.get(INACTIVE):
                    continue
                stmt = words + _words_of(path, name, child, key)
                here = trail + [Step("l", name, child, key=key)]
                for index, k in enumerate(child["key"]):
                    _musts(child["c"][k], k, key[index], words, here + [Step("f", k, child)],
                           tree, root, problems, stmt)
                sub = dict(child, c={k: v for k, v in child["c"].items() if k not in child["key"]})
                _check(entry, sub, path + (name,), stmt, here, tree, root, problems)
        else:
            for item in (value if child["k"] == "F" else [value]):
                _musts(child, name, None if item is True else item, words,
                       trail + [Step("f", name, child)], tree, root, problems,
                       words + [name] + ([] if item is True else [_quote(item)]))


def _musts(child, name, value, words, here, tree, root, problems, statement_words):
    for expr, message in child.get("must", []):
        if _must_holds(expr, value, here, tree, root) is False:
            stmt = " ".join(statement_words[len(words):]) or name
            problems.append((words, stmt, message or "(null)", "must"))


def _must_holds(expr, value, here, tree, root):
    """Evaluate the ``junos:must`` forms this schema uses: ``"path $$"`` (that statement
    exists, ``$$`` the value), ``".. path"`` (each ``..`` one level up from the statement
    that carries the constraint), ``!`` and ``||`` / ``&&``; any other form is taken as
    unknown (None: neither true nor false, also under ``!``; the emulator does not guess)."""
    expr = expr.strip()
    while expr.startswith("(") and expr.endswith(")") and _balanced(expr[1:-1]):
        expr = expr[1:-1].strip()
    for op in ("||", "&&"):
        parts = _split_top(expr, op)
        if len(parts) > 1:
            results = [_must_holds(p, value, here, tree, root) for p in parts]
            decided = True if op == "||" else False
            if decided in results:
                return decided
            return None if None in results else not decided
    if expr.startswith("!"):
        inner = _must_holds(expr[1:], value, here, tree, root)
        return None if inner is None else not inner
    match = re.match(r'^"([^"]*)"$', expr)
    if not match:
        return None
    text = match.group(1)
    if "$$" in text and value is None or re.search(r"\$\$-|\$\{", text):
        return None
    words = split_statement(text.replace("$$", '"%s"' % (value or "")))
    if any(w in ("any", "all", "unique", "except") for w in words):
        return None
    base = list(here)
    relative = bool(words) and words[0] == ".."
    while words and words[0] == "..":
        words, base = words[1:], base[:-1]
    if not relative:
        base = []
    node = base[-1].node if base else root
    if base and base[-1].kind == "l":
        node = dict(node, c={k: v for k, v in node["c"].items() if k not in node["key"]})
    instance = find(tree, base) if base else tree
    if instance is None:
        return False
    try:
        steps = resolve(node, words, partial=True)
    except JunosError:
        return None  # a statement outside the hierarchies this schema holds
    return find(instance, steps) is not None


def _balanced(text):
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            return False
    return depth == 0


def _split_top(expr, op):
    parts, depth, quoted, start, i = [], 0, False, 0, 0
    while i < len(expr):
        ch = expr[i]
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
        elif not quoted and depth == 0 and expr.startswith(op, i):
            parts.append(expr[start:i])
            start = i + len(op)
            i += len(op)
            continue
        i += 1
    parts.append(expr[start:])
    return [p.strip() for p in parts]


def _policy_references(tree):
    """Addresses and applications a security policy names must be defined (address book,
    ``applications``), as the SRX policy daemon checks at commit (Junos Security Policies
    User Guide; the application text as an SRX printed it, py-junos-eznc issue #359)."""
    problems = []
    security = tree.get("security", {})
    books = security.get("address-book", {})
    names = set(PREDEFINED_ADDRESSES)
    for entry in books.values():
        names |= {k[0] for k in entry.get("address", {})}
        names |= {k[0] for k in entry.get("address-set", {})}
    for zone in security.get("zones", {}).get("security-zone", {}).values():
        book = zone.get("address-book", {})
        names |= {k[0] for k in book.get("address", {})}
        names |= {k[0] for k in book.get("address-set", {})}
    apps = {k[0] for k in tree.get("applications", {}).get("application", {})}
    apps |= {k[0] for k in tree.get("applications", {}).get("application-set", {})}
    for pair, context in security.get("policies", {}).get("policy", {}).items():
        if context.get(INACTIVE):
            continue
        for (pname,), pol in context.get("policy", {}).items():
            if pol.get(INACTIVE):
                continue
            where = ["security", "policies", "from-zone", pair[0], "to-zone", pair[1],
                     "policy", pname, "match"]
            match = pol.get("match", {})
            for leaf in ("source-address", "destination-address"):
                for item in match.get(leaf, []):
                    if item not in names:
                        problems.append((where, "%s %s" % (leaf, item),
                                         "address or address-set %s must be defined" % item,
                                         "daemon"))
            for item in match.get("application", []):
                if item not in apps and not PREDEFINED_APPLICATION.match(item):
                    problems.append((where, "application %s" % item,
                                     "application or application-set must be defined", "daemon"))
            if not match.get("application"):
                problems.append((where[:-1], "match",
                                 "Missing mandatory statement: 'application'", "mandatory"))
            if "then" not in pol:
                problems.append((where[:-1], "then", "Missing mandatory statement: 'then'",
                                 "mandatory"))
    return problems


def load_set_lines(root, lines):
    """A tree from ``set``/``deactivate`` lines (a boot configuration); raises JunosError
    naming the line that the schema refuses."""
    tree = {}
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        words = split_statement(line)
        verb, rest = words[0], words[1:]
        try:
            steps = resolve(root, rest, partial=verb != "set")
        except JunosError as exc:
            raise JunosError("line %d %r: %s" % (number, line, exc.message))
        if verb == "set":
            apply_set(tree, steps)
        elif verb == "deactivate":
            set_inactive(tree, steps, True)
        else:
            raise JunosError("line %d: unexpected %r" % (number, verb))
    return tree


def from_curly(text):
    """Curly configuration text -> ``set`` lines (hier_config's Junos preprocessor)."""
    from hier_config.platforms.functions import convert_to_set_commands
    return convert_to_set_commands(text).splitlines()
