# -*- coding: utf-8 -*-
"""The openvswitch driver against a REAL Open vSwitch started in a private run directory
(ovsdb-server + ovs-vswitchd, userspace netdev datapath; OVS_RUNDIR/OVS_DBDIR under a tmp
dir, so the host's OVS, if any, is never touched), inside a throwaway network namespace
(the netdev datapath creates tap devices). Internal ports only: no packets sent."""
from __future__ import absolute_import, division, print_function

import os
import shutil
import subprocess
import sys
import tempfile
import uuid

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "unit", "platforms"))
sys.path.insert(0, os.path.join(HERE, "..", "..", ".cache", "collections"))

from ansible_collections.voipready.network.plugins.module_utils.platforms import openvswitch  # noqa: E402

TOOLS = ("ovsdb-tool", "ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovs-ofctl")
SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema"
pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not all(shutil.which(t) for t in TOOLS) or not os.path.exists(SCHEMA),
    reason="needs root and Open vSwitch (ovsdb-server, ovs-vswitchd, ovs-vsctl, ovs-ofctl)")


class LocalShim(object):
    """Commands run in a private network namespace: the netdev datapath makes tap devices
    (ovs-netdev, br0, ports) that must not appear in the host's namespace."""

    def __init__(self, env, ns):
        self.env, self.ns = env, ns

    def send_command(self, command, read_timeout=30):
        proc = subprocess.run(["ip", "netns", "exec", self.ns, "sh", "-c", command], capture_output=True, text=True,
                              timeout=read_timeout, env=self.env, check=False)
        return proc.stdout + proc.stderr

    def sh(self, command):
        proc = subprocess.run(["ip", "netns", "exec", self.ns, "sh", "-c", command],
                              capture_output=True, text=True, timeout=30, env=self.env, check=False)
        assert proc.returncode == 0, (command, proc.stderr)
        return proc.stdout


@pytest.fixture
def switch():
    run = tempfile.mkdtemp(prefix="vrt-ovs")   # short: unix socket paths max 107 bytes
    env = dict(os.environ, OVS_RUNDIR=run, OVS_DBDIR=run, OVS_LOGDIR=run)
    ns = "vrt-ovs-" + uuid.uuid4().hex[:8]
    subprocess.run(["ip", "netns", "add", ns], check=True)
    shim = LocalShim(env, ns)
    shim.sh("ovsdb-tool create %s/conf.db %s" % (run, SCHEMA))
    shim.sh("ovsdb-server %s/conf.db --remote=punix:%s/db.sock --pidfile=%s/ovsdb-server.pid "
            "--detach --log-file=%s/ovsdb.log" % (run, run, run, run))
    try:
        shim.sh("ovs-vsctl --no-wait init")
        shim.sh("ovs-vswitchd unix:%s/db.sock --pidfile=%s/ovs-vswitchd.pid --detach "
                "--log-file=%s/vswitchd.log" % (run, run, run))
        shim.sh("ovs-vsctl add-br br0 -- set bridge br0 datapath_type=netdev "
                "-- br-set-external-id br0 owner lab")
        for port in ("p1", "p2", "uplink0", "data9"):
            shim.sh("ovs-vsctl add-port br0 %s -- set interface %s type=internal" % (port, port))
        shim.sh("ovs-vsctl set port p1 tag=10 -- set port p2 tag=10 -- set port data9 tag=20")
        shim.sh("for i in $(seq 50); do [ -S %s/br0.mgmt ] && break; sleep 0.2; done" % run)
        shim.sh("ovs-ofctl -O OpenFlow13 add-flow br0 'cookie=0x1234,priority=5,arp "
                "actions=NORMAL'")
        yield shim
    finally:
        for name in ("ovs-vswitchd", "ovsdb-server"):
            pidfile = os.path.join(run, name + ".pid")
            if os.path.exists(pidfile):
                with open(pidfile) as handle:
                    subprocess.run(["kill", handle.read().strip()], check=False)
        subprocess.run(["ip", "netns", "del", ns], check=False)
        shutil.rmtree(run, ignore_errors=True)


def test_real_ovs_converges_and_leaves_others_alone(switch):
    from intents import intent_for
    driver = openvswitch.Driver()
    intent = intent_for("openvswitch", "kore-us-east")
    intent["voice_vlan"]["trust_dscp"] = False
    foreign = [line for line in switch.sh("ovs-ofctl -O OpenFlow13 dump-flows br0").splitlines()
               if "0x5601c" not in line and "actions=" in line]
    driver.push(switch, driver.remediate(driver.gather(switch), intent))
    after = driver.gather(switch)
    assert driver.remediate(after, intent) == []
    assert switch.sh("ovs-vsctl get port p1 vlan_mode tag trunks").split() == [
        "native-untagged", "10", "[10,", "110]"]
    assert switch.sh("ovs-vsctl get port data9 tag").strip() == "20"
    assert switch.sh("ovs-vsctl br-get-external-id br0 voipready-vlan-110").strip() == "VOICE"
    assert switch.sh("ovs-vsctl br-get-external-id br0 owner").strip() == "lab"
    flows = switch.sh("ovs-ofctl -O OpenFlow13 dump-flows br0")
    assert "set_field:46->ip_dscp" in flows and "set_field:24->ip_dscp" in flows
    kept = [line for line in flows.splitlines() if "0x5601c" not in line and "actions=" in line]
    assert [line.split("duration")[0] + line.split("priority")[1] for line in kept] == [
        line.split("duration")[0] + line.split("priority")[1] for line in foreign]
    driver.push(switch, driver.remediate(after, intent, "deleted"))
    assert driver.remediate(driver.gather(switch), intent, "deleted") == []
    assert "0x5601c" not in switch.sh("ovs-ofctl -O OpenFlow13 dump-flows br0")
