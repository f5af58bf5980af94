# -*- coding: utf-8 -*-
"""The linux driver against REAL nftables in a throwaway network namespace.

A shim implements ``send_command`` as ``ip netns exec NS sh -c CMD``. The netns has its
own ruleset and conntrack sysctls; the files the driver persists (/etc/nftables.d,
/etc/sysctl.d, /etc/nftables.conf, /run/voipready) are redirected into a temporary
directory by rewriting the paths in each command, so the host is never touched.
"""
from __future__ import absolute_import, division, print_function

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "unit", "platforms"))
sys.path.insert(0, os.path.join(HERE, "..", "..", ".cache", "collections"))

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms import linux  # noqa: E402

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("nft") or not shutil.which("ip"),
    reason="needs root with nft and ip (iproute2) to create a network namespace")

CUSTOMER = os.path.join(HERE, "..", "unit", "platforms", "fixtures", "linux", "customer.nft")
PATHS = ("/etc/nftables.d", "/etc/sysctl.d", "/etc/nftables.conf", "/run/voipready")


class NetnsShim(object):
    """send_command for a namespace, with the driver's file paths under ``root``."""

    def __init__(self, ns, root):
        self.ns, self.root = ns, root

    def send_command(self, command, read_timeout=30):
        for path in PATHS:
            command = command.replace(path, self.root + path)
        proc = subprocess.run(["ip", "netns", "exec", self.ns, "sh", "-c", command],
                              capture_output=True, text=True, timeout=read_timeout, check=False)
        return (proc.stdout + proc.stderr).replace(self.root, "")

    def sh(self, command):
        return subprocess.run(["ip", "netns", "exec", self.ns, "sh", "-c", command],
                              capture_output=True, text=True, check=True, timeout=30).stdout


@pytest.fixture
def netns(tmp_path):
    ns = "vrt-lx-" + uuid.uuid4().hex[:8]
    subprocess.run(["ip", "netns", "add", ns], check=True)
    root = str(tmp_path / "fs")
    os.makedirs(root + "/etc/sysctl.d")
    with open(root + "/etc/nftables.conf", "w") as handle:
        handle.write("#!/usr/sbin/nft -f\nflush ruleset\n")
    shim = NetnsShim(ns, root)
    try:
        shim.sh("nft -f " + CUSTOMER)
        yield shim
    finally:
        subprocess.run(["ip", "netns", "exec", ns, "sh", "-c",
                        "[ -f %s/run/voipready/revert.pid ] && kill $(cat %s/run/voipready/revert.pid)"
                        % (root, root)], capture_output=True, check=False)
        subprocess.run(["ip", "netns", "del", ns], check=False)


def intent():
    from intents import intent_for
    value = intent_for("linux", "kore-us-east")
    value.pop("voice_vlan")
    return value


def sysctls(shim):
    return shim.sh("cat /proc/sys/net/netfilter/nf_conntrack_udp_timeout "
                   "/proc/sys/net/netfilter/nf_conntrack_udp_timeout_stream").split()


def test_push_is_idempotent_removes_sip_helper_and_keeps_lab_nat(netns):
    driver = linux.Driver()
    lab_nat = netns.sh("nft list table ip lab_nat")
    host_udp = open("/proc/sys/net/netfilter/nf_conntrack_udp_timeout").read()
    before = driver.gather(netns)
    commands = driver.remediate(before, intent())
    driver.push(netns, commands, None)
    after = driver.gather(netns)
    assert driver.remediate(after, intent()) == []
    assert linux.parse_state(after)["alg"] == []
    assert 'ct helper set "sip-5060"' not in netns.sh("nft list ruleset")
    assert 'ct helper set "ftp-21"' in netns.sh("nft list ruleset")
    assert netns.sh("nft list table ip lab_nat") == lab_nat
    assert sysctls(netns) == ["60", "600"]
    assert open("/proc/sys/net/netfilter/nf_conntrack_udp_timeout").read() == host_udp
    with open(netns.root + "/etc/nftables.conf") as handle:
        assert linux.INCLUDE_LINE.replace("/etc", netns.root + "/etc") in handle.read()
    # the persisted file loads by itself (what boot does) and changes nothing
    netns.sh("nft -f %s/etc/nftables.d/voipready.nft" % netns.root)
    assert driver.remediate(driver.gather(netns), intent()) == []
    # deleted: the owned table, sysctls and files go; the helper rule stays removed
    driver.push(netns, driver.remediate(after, intent(), "deleted"), None)
    gone = driver.gather(netns)
    assert driver.remediate(gone, intent(), "deleted") == []
    assert "voipready" not in netns.sh("nft list tables")
    assert sysctls(netns) == ["30", "120"]


def test_broken_transaction_leaves_ruleset_byte_identical(netns):
    driver = linux.Driver()
    listing = netns.sh("nft -a list ruleset")
    commands = driver.remediate(driver.gather(netns), intent())
    broken = commands[0].replace("ip dscp set ef", "ip dscp set nonsense", 1)
    with pytest.raises(VoipReadyError, match="rejected"):
        driver.push(netns, [broken] + commands[1:], None)
    assert netns.sh("nft -a list ruleset") == listing
    assert sysctls(netns) == ["30", "120"]


def wait_for(predicate, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return predicate()


def test_unconfirmed_change_reverts_on_the_device(netns):
    driver = linux.Driver()
    listing = netns.sh("nft list ruleset")
    before = driver.gather(netns)
    driver.push(netns, driver.remediate(before, intent()), confirm_timeout=2)
    assert "table inet voipready" in netns.sh("nft list ruleset")
    assert wait_for(lambda: os.path.exists(netns.root + "/run/voipready/reverted"), 20)
    assert netns.sh("nft list ruleset") == listing
    assert sysctls(netns) == ["30", "120"]
    state = linux.parse_state(driver.gather(netns))
    assert state["files"] == linux.parse_state(before)["files"]
    assert state["include"] == "no"
    with pytest.raises(VoipReadyError, match="confirm"):
        driver.confirm(netns)


def test_confirmed_change_stays(netns):
    driver = linux.Driver()
    before = driver.gather(netns)
    driver.push(netns, driver.remediate(before, intent()), confirm_timeout=2)
    linux.Driver().confirm(netns)              # a fresh driver, as from a new login
    time.sleep(3)
    assert not os.path.exists(netns.root + "/run/voipready/reverted")
    assert driver.remediate(driver.gather(netns), intent()) == []
