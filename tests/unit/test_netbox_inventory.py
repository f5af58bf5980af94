# -*- coding: utf-8 -*-
"""inventories/netbox/netbox.yml without a NetBox (tests/lab/test_netbox_lab.py runs it against
a real one): the platform ``compose`` maps every NetBox slug it names to a platform of the
collection and passes the collection's own names through, docs/netbox.md lists the same
slugs, tags become groups of the same name, and the file holds no URL or token."""

from __future__ import annotations

import os
import re

import jinja2
import yaml

from ansible_collections.voipready.network.plugins.module_utils.intent import PLATFORMS

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with open(os.path.join(REPO, "inventories", "netbox", "netbox.yml"), encoding="utf-8") as _handle:
    CONFIG = yaml.safe_load(_handle)
EXPRESSION = CONFIG["compose"]["voipready_platform"]


def platform_of(slug):
    """voipready_platform for a device whose NetBox platform has this slug (as the API gives it)."""
    return jinja2.Environment().compile_expression(EXPRESSION)(platform={"slug": slug, "name": slug.upper()})


def mapped_slugs():
    return dict(re.findall(r"'([a-z0-9-]+)': '([a-z]+)'", EXPRESSION))


def test_the_collections_platform_names_pass_through():
    for name in PLATFORMS:
        assert platform_of(name) == name


def test_each_netbox_slug_maps_to_a_platform_of_the_collection():
    slugs = mapped_slugs()
    assert {"cisco-ios", "cisco-asa", "arista-eos", "juniper-junos"} <= set(slugs), slugs
    for slug, platform in slugs.items():
        assert platform in PLATFORMS, (slug, platform)
        assert platform_of(slug) == platform
    # an unknown slug is passed on as it is, so the device's run names it
    assert platform_of("cisco-nxos") == "cisco-nxos"


def test_docs_list_every_mapped_slug():
    with open(os.path.join(REPO, "docs", "netbox.md"), encoding="utf-8") as handle:
        docs = handle.read()
    for slug, platform in mapped_slugs().items():
        assert "`%s`" % slug in docs and "→ `%s`" % platform in docs, slug


def test_tags_become_groups_of_the_same_name_and_no_secret_is_in_the_file():
    first = CONFIG["keyed_groups"][0]
    assert first == {"key": "tags", "prefix": "", "separator": ""}
    assert CONFIG["plugin"] == "netbox.netbox.nb_inventory"
    assert CONFIG["config_context"] is True and CONFIG["flatten_config_context"] is True
    assert CONFIG["plurals"] is False
    assert "token" not in CONFIG and "api_endpoint" not in CONFIG
