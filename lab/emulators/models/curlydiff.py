"""Hierarchical difference of two curly configuration texts for the emulators (lab test
infrastructure, never a real device): Junos ``show | compare`` and VyOS ``compare``.

Built on the standard library. Each hunk sits under the ``[edit ...]`` path of the block it
changes; a new or removed block is shown whole, a changed statement as its old line with
``-`` and its new one with ``+`` (Junos OS CLI User Guide, "Comparing configuration
versions"; VyOS 1.4 ``compare``). Statements are matched by their text, blocks by their
header, so a block that moved is not reported.
"""


def parse(lines):
    """[(header or line, children or None)] of an indented curly text."""
    root, stack = [], []
    current = root
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.endswith("{"):
            node = (line[:-1].strip(), [])
            current.append(node)
            stack.append(current)
            current = node[1]
        elif line == "}":
            current = stack.pop()
        else:
            current.append((line, None))
    return root


def _block(node, depth):
    head, children = node
    pad = "    " * depth
    if children is None:
        return [pad + head]
    out = [pad + head + " {"]
    for child in children:
        out += _block(child, depth + 1)
    out.append(pad + "}")
    return out


def compare(old_lines, new_lines, clean=lambda head: head.replace("inactive: ", "")):
    out = []
    _diff(parse(old_lines), parse(new_lines), [], out, clean)
    return out


def _diff(old, new, path, out, clean):
    old_by = {(clean(h), c is None): (h, c) for h, c in old}
    new_by = {(clean(h), c is None): (h, c) for h, c in new}
    header = "[edit%s]" % "".join(" " + p for p in path)
    lines = []
    for key, node in old_by.items():
        if key not in new_by:
            lines += ["-" + l[1:] if l.startswith(" ") else "-" + l
                      for l in _block(node, 1)]
    nested = []
    for key, node in new_by.items():
        if key not in old_by:
            lines += ["+" + l[1:] for l in _block(node, 1)]
        elif node[1] is not None:
            nested.append((old_by[key][1], node[1], key[0]))
    if lines:
        out.append(header)
        out.extend(lines)
    for old_children, new_children, head in nested:
        _diff(old_children, new_children, path + [head], out, clean)
