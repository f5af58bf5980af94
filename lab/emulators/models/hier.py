"""Hierarchical text model of a device configuration for the emulators (lab test
infrastructure, never a real device).

Built on hier_config (https://github.com/netdevops/hier_config, Apache-2.0): its platform
driver (``Platform.CISCO_IOS``, ``Platform.ARISTA_EOS``, ...) decides what a configuration
line does to the running configuration -- ``HConfig.future()`` with the driver's negation,
idempotency ("last value wins") and sectional rules. The collection's own drivers are never
used here.

Two things are added, both from the device's observable behaviour rather than from the
collection:

- the driver loads without its normalisations that change what the device prints (ACL
  sequence numbers added, remarks dropped, VLAN lists split, ``version`` lines dropped):
  the model keeps every line as the device holds it and drops only the ``!`` separators,
  which the platform's renderer prints again;
- ``future()`` puts what changed first; a device keeps its configuration in place. The
  order of the lines before the change is restored, a replaced value takes the place of the
  line it replaces, and new lines go where the platform's ``insert_index`` puts them
  (default: after the last sibling with the same first word, else at the end).

Platforms add ``IdempotentCommandsRule``s for single-value commands the driver does not list
(each cited in lab/README.md) through ``idempotent``: tuples of regular expressions, one per
level of the lineage.
"""

from hier_config import Platform, get_hconfig, get_hconfig_driver
from hier_config.models import IdempotentCommandsRule, MatchRule, PerLineSubRule

__all__ = ["HierModel", "Platform"]

_DRIVERS = {}


def _driver(platform, idempotent):
    key = (platform, tuple(idempotent))
    if key not in _DRIVERS:
        driver = get_hconfig_driver(platform)
        driver.rules = driver.rules.model_copy(update={
            "per_line_sub": [PerLineSubRule(search=r"^\s*!.*$", replace=""),
                             PerLineSubRule(search=r"^end$", replace="")],
            "post_load_callbacks": [],
            "idempotent_commands": list(driver.rules.idempotent_commands) + [
                IdempotentCommandsRule(match_rules=tuple(MatchRule(re_search=rx) for rx in rule))
                for rule in idempotent]})
        _DRIVERS[key] = driver
    return _DRIVERS[key]


def default_insert_index(path, siblings, text):
    """After the last sibling whose first word is the new line's, else at the end."""
    word = text.split()[0] if text.split() else ""
    for index in range(len(siblings) - 1, -1, -1):
        if siblings[index].split()[:1] == [word]:
            return index + 1
    return len(siblings)


class HierModel:
    """A running configuration as a hier_config tree (content lines, no separators)."""

    def __init__(self, platform, text, idempotent=(), indent=1, insert_index=None):
        self.driver = _driver(platform, idempotent)
        self.root = get_hconfig(self.driver, text)
        self.indent = indent
        self.insert_index = insert_index or default_insert_index

    # -- reading ---------------------------------------------------------------------------
    def node(self, path):
        """The node at ``path`` (texts from the top), or None."""
        node = self.root
        for text in path:
            node = node.get_child(equals=text)
            if node is None:
                return None
        return node

    def children(self, path=()):
        node = self.node(path)
        return [c.text for c in node.children] if node is not None else []

    def top(self):
        """(text, [(depth, text) of its children]) of every top-level line."""
        for child in self.root.children:
            yield child.text, list(self.lines(child, 1))

    def lines(self, node=None, depth=0):
        """(depth, text) of every line in device order."""
        node = self.root if node is None else node
        for child in node.children:
            yield depth, child.text
            yield from self.lines(child, depth + 1)

    def text(self):
        return "".join(" " * (self.indent * d) + t + "\n" for d, t in self.lines())

    # -- changing --------------------------------------------------------------------------
    def apply(self, path, line):
        """The configuration after ``line`` is entered in the section ``path``."""
        snippet = get_hconfig(self.driver)
        parent = snippet
        for text in path:
            parent = parent.add_child(text)
        parent.add_child(line)
        future = self.root.future(snippet)
        self._restore_order(self.root, future, ())
        self.root = future

    def remove(self, path):
        node = self.node(path)
        if node is not None:
            node.delete()

    def _restore_order(self, old, new, path):
        position = {c.text: i for i, c in enumerate(old.children)}
        kept, added = [], []
        for child in new.children:
            if child.text in position:
                kept.append((position[child.text], 0, child))
                continue
            replaced = self.driver.idempotent_for(child, old.children)
            if replaced is not None and replaced.text in position:
                kept.append((position[replaced.text], 1, child))
            else:
                added.append(child)
        order = [c for _i, _r, c in sorted(kept, key=lambda k: (k[0], k[1]))]
        for child in added:
            order.insert(self.insert_index(path, [c.text for c in order], child.text), child)
        new.children._data = order  # pylint: disable=protected-access
        new.children.rebuild_mapping()
        for child in new.children:
            previous = old.get_child(equals=child.text)
            if previous is not None and child.children:
                self._restore_order(previous, child, path + (child.text,))
