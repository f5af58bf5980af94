# -*- coding: utf-8 -*-
"""No platform driver imports another (issue 15.3): what two platforms share lives in a
neutral module named for what it is (platforms/templates/shell.py for the two Linux-host
platforms, templates/zone_policy.py for the zone firewalls FortiOS and PAN-OS,
templates/ios_cli.py for the Cisco CLI, templates/vyos_routeros_common.py),
so changing one vendor's driver cannot change another's output."""
from __future__ import absolute_import, division, print_function

import ast
import os

import pytest

from ansible_collections.voipready.network.plugins.module_utils.intent import PLATFORMS

HERE = os.path.dirname(os.path.abspath(__file__))
PLATFORM_DIR = os.path.join(HERE, "..", "..", "..", "plugins", "module_utils", "platforms")
PREFIX = "ansible_collections.voipready.network.plugins.module_utils.platforms"


def imported_platforms(platform):
    """The other platforms' driver modules that platforms/<platform>.py imports."""
    with open(os.path.join(PLATFORM_DIR, platform + ".py"), encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == PREFIX:
                found.update(alias.name for alias in node.names)
            elif node.module.startswith(PREFIX + "."):
                found.add(node.module[len(PREFIX) + 1:].split(".")[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PREFIX + "."):
                    found.add(alias.name[len(PREFIX) + 1:].split(".")[0])
    return sorted(found & (set(PLATFORMS) - {platform}))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_no_platform_imports_another(platform):
    others = imported_platforms(platform)
    assert others == [], ("platforms/%s.py imports the driver of %s: move what they share into "
                          "a neutral module under platforms/templates/" % (platform, others))
