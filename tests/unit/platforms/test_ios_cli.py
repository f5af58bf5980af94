# -*- coding: utf-8 -*-
"""The object-group diff IOS and ASA share (templates/ios_cli.py): what it sends, and in
which phase, so a bound ACL never meets a group missing a member it still needs."""

from __future__ import absolute_import, division, print_function

import os

import pytest

from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates import ios_cli
from intents import intent_for

ADD, DEL = 30, 70
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def diff(current, desired):
    ops = []
    ios_cli.diff_object_groups(current, desired, ops, sorted, ADD, DEL)
    return ops


def test_members_are_added_early_and_removed_late():
    current = {"G": ("network", frozenset(["host 192.0.2.1", "host 192.0.2.9"]))}
    desired = {"G": ("network", frozenset(["host 192.0.2.1", "host 192.0.2.2"]))}
    assert diff(current, desired) == [
        (ADD, ("object-group network G",), "host 192.0.2.2"),
        (DEL, ("object-group network G",), "no host 192.0.2.9"),
    ]


def test_a_group_that_changes_kind_is_removed_before_it_is_rebuilt():
    current = {"G": ("service", frozenset(["udp eq 5060"]))}
    desired = {"G": ("network", frozenset(["host 192.0.2.1"]))}
    assert diff(current, desired) == [
        (ADD - 1, (), "no object-group service G"),
        (ADD, ("object-group network G",), "host 192.0.2.1"),
    ]


def test_a_group_no_longer_wanted_is_removed_late_and_an_equal_one_is_left_alone():
    same = ("network", frozenset(["host 192.0.2.1"]))
    assert diff({"KEEP": same, "OLD": same}, {"KEEP": same}) == [
        (DEL, (), "no object-group network OLD")]


@pytest.mark.parametrize("platform,group,stale", [
    ("ios", "VOIPREADY-DNS-NET", "host 198.51.100.99"),
    ("asa", "VOIPREADY-DNS-NET", "network-object host 198.51.100.99"),
])
def test_a_stale_member_in_an_owned_group_is_removed_and_nothing_else(platform, group, stale):
    driver = get_driver(platform)
    intent = intent_for(platform, "kore-us-east")
    with open(os.path.join(FIXTURES, platform, "running.conf")) as handle:
        running = handle.read()
    converged = driver.simulate(running, driver.remediate(running, intent))
    header = "object-group network %s" % group
    assert header in converged.splitlines()
    drifted = converged.replace(header, "%s\n %s" % (header, stale), 1)

    commands = driver.remediate(drifted, intent)
    # minimal: only the stale member goes, inside its group; nothing is rebuilt or rebound
    assert commands == [header, " no " + stale]
    assert driver.remediate(driver.simulate(drifted, commands), intent) == []
