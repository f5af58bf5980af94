# -*- coding: utf-8 -*-
"""requirements.txt lists what the collection imports, and nothing it does not (issue 14.6:
textfsm and netaddr were required but imported nowhere)."""

import ast
import os
import re

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# distribution name -> the top-level module it provides
MODULE_OF = {"pyyaml": "yaml", "ansible-core": "ansible", "hier_config": "hier_config"}
# in requirements.txt for a reason other than an import in plugins/ (said there)
NOT_IMPORTED = {"ansible": "the community package: collections the parser tests use"}


def requirements():
    names = []
    with open(os.path.join(REPO, "requirements.txt"), encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if line:
                names.append(re.split(r"[<>=!~\[; ]", line, maxsplit=1)[0].lower())
    return names


def imported_top_level_modules():
    found = set()
    for root, _dirs, files in os.walk(os.path.join(REPO, "plugins")):
        for name in files:
            if not name.endswith(".py"):
                continue
            with open(os.path.join(root, name), encoding="utf-8") as handle:
                tree = ast.parse(handle.read())
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return found


def test_every_runtime_requirement_is_imported_by_the_collection():
    imported = imported_top_level_modules()
    required = requirements()
    for name in required:
        if name in NOT_IMPORTED:
            continue
        module = MODULE_OF.get(name, name.replace("-", "_"))
        assert module in imported, "requirements.txt lists %s, but plugins/ never imports %s" % (name, module)
