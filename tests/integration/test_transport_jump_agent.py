# -*- coding: utf-8 -*-
"""SSH keys from an agent and jump hosts (issue 14.6), against the emulated IOS router (lab
emulator, never a real device) and a jump host of the test's own (jump_host.py, asyncssh),
both on free loopback ports, with an ssh-agent this test starts and stops (by its pid).

* AWX's Machine credential with an SSH key puts the key in an ssh-agent and gives no key
  file: a host with neither password nor key file logs in with the agent's key (the key
  file is deleted once it is in the agent, as AWX does); ``ssh_agent: false`` refuses it.
* ``proxy_jump`` (voipready_ssh_proxy_jump) and ``-J`` / ``-o ProxyJump=`` /
  ``-o ProxyCommand=`` in the ssh arguments (ansible_ssh_common_args): the device login and
  the fresh management probe after a change go through the jump host (its log shows each
  forward), which the system's ssh reaches with the agent's key and a known_hosts file.
* A jump host whose key is not known fails the login with ssh's own reason.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from emulator_harness import EmulatorProcess, REPO, USERS, require  # noqa: E402

COLLECTIONS = os.path.join(REPO, ".cache", "collections")
if COLLECTIONS not in sys.path:
    sys.path.insert(0, COLLECTIONS)

require("netmiko", "asyncssh")
for tool in ("ssh", "ssh-agent", "ssh-add", "ssh-keygen"):
    if not shutil.which(tool):
        pytest.skip("%s (openssh-client) is not installed" % tool, allow_module_level=True)

from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.transport import (  # noqa: E402
    TransportError, make_transport)
from ansible_collections.voipready.network.plugins.plugin_utils.action_base import (  # noqa: E402
    device_connection)


def _wait_for(path_or_fn, what, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = path_or_fn()
        if found:
            return found
        time.sleep(0.05)
    raise RuntimeError("%s did not start" % what)


@pytest.fixture(scope="module")
def keys():
    work = tempfile.mkdtemp(prefix="vr-jump-")
    key = os.path.join(work, "id_ed25519")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "voipready-test", "-f", key], check=True)
    with open(key + ".pub", encoding="utf-8") as handle:
        public = handle.read().strip()
    sock = os.path.join(work, "agent.sock")
    agent = subprocess.Popen(["ssh-agent", "-D", "-a", sock], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: os.path.exists(sock), "ssh-agent")
        subprocess.run(["ssh-add", "-q", key], env=dict(os.environ, SSH_AUTH_SOCK=sock), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.unlink(key)   # AWX removes the key file once the agent holds it
        yield {"dir": work, "sock": sock, "public": public}
    finally:
        agent.terminate()
        agent.wait(10)
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def ios(keys):
    users = {"users": [dict(u, authorized_keys=[keys["public"]]) if u["name"] == "admin" else u
                       for u in USERS["users"]], "enable_secret": USERS["enable_secret"]}
    with EmulatorProcess("ios", "vr-ios1", users=users) as emu:
        yield emu


@pytest.fixture(scope="module")
def jump(keys):
    state = tempfile.mkdtemp(prefix="vr-jumphost-")
    authorized = os.path.join(state, "authorized_keys")
    with open(authorized, "w", encoding="utf-8") as handle:
        handle.write(keys["public"] + "\n")
    err_path = os.path.join(state, "stderr")
    err = open(err_path, "a")
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "jump_host.py"), "--state-dir", state,
                             "--user", "jump", "--authorized-keys", authorized],
                            stdout=subprocess.DEVNULL, stderr=err)

    def log():
        with open(err_path, encoding="utf-8") as handle:
            return handle.read()
    try:
        port = int(_wait_for(lambda: re.findall(r"listening on 127\.0\.0\.1 port (\d+)\.", log()), "jump host")[0])
        known = os.path.join(state, "known_hosts")
        with open(os.path.join(state, "known_host_key.pub"), encoding="utf-8") as handle:
            host_key = " ".join(handle.read().split()[:2])
        with open(known, "w", encoding="utf-8") as handle:
            handle.write("[127.0.0.1]:%d %s\n" % (port, host_key))
        # what an inventory gives the ssh connection plugin: no ~/.ssh/config, this known_hosts
        args = ["-F", "/dev/null", "-o", "UserKnownHostsFile=%s" % known, "-o", "StrictHostKeyChecking=yes"]
        yield {"port": port, "log": log, "args": args, "known": known, "state": state}
    finally:
        proc.terminate()
        proc.wait(10)
        err.close()
        shutil.rmtree(state, ignore_errors=True)


def forwards(jump, port):
    return jump["log"]().count("direct-tcpip to 127.0.0.1:%d for jump" % port)


def session(connection):
    return make_transport(get_driver("ios"), connection, "netmiko")


def read_running(connection):
    with session(connection) as transport:
        return get_driver("ios").gather(transport), transport.probe()


# -- keys from an agent ---------------------------------------------------------------------

def test_the_agent_key_logs_in_without_password_or_key_file(ios, keys, monkeypatch):
    monkeypatch.setenv("SSH_AUTH_SOCK", keys["sock"])
    connection = {"host": "127.0.0.1", "port": ios.port, "username": "admin", "timeout": 10}
    running, _unused = read_running(connection)
    assert "hostname vr-ios1" in running
    assert ios.logins("admin")[-1].startswith("Accepted publickey for admin from 127.0.0.1")


def test_without_the_agent_the_same_login_is_refused(ios, keys, monkeypatch):
    monkeypatch.setenv("SSH_AUTH_SOCK", keys["sock"])
    before = len(ios.logins())
    with pytest.raises(TransportError) as err:
        session({"host": "127.0.0.1", "port": ios.port, "username": "admin", "timeout": 10,
                 "ssh_agent": False}).open()
    assert "cannot log in to 127.0.0.1:%d as admin" % ios.port in str(err.value)
    monkeypatch.delenv("SSH_AUTH_SOCK")
    with pytest.raises(TransportError):
        session({"host": "127.0.0.1", "port": ios.port, "username": "admin", "timeout": 10}).open()
    assert len(ios.logins()) == before


def test_with_a_password_the_agent_stays_out_unless_asked(ios, keys, monkeypatch):
    monkeypatch.setenv("SSH_AUTH_SOCK", keys["sock"])
    read_running(ios.connection("admin"))
    assert ios.logins("admin")[-1].startswith("Accepted password for admin")
    read_running(dict(ios.connection("admin"), ssh_agent=True))
    assert ios.logins("admin")[-1].startswith("Accepted publickey for admin")


# -- jump hosts -----------------------------------------------------------------------------

def test_proxy_jump_logs_in_and_probes_through_the_jump_host(ios, keys, jump, monkeypatch):
    monkeypatch.setenv("SSH_AUTH_SOCK", keys["sock"])   # the jump ssh logs in with the agent's key
    before = forwards(jump, ios.port)
    connection = dict(ios.connection("admin"), proxy_jump="jump@127.0.0.1:%d" % jump["port"],
                      ssh_args=jump["args"])
    running, banner = read_running(connection)
    assert "hostname vr-ios1" in running and banner.startswith("SSH-2.0-")
    assert forwards(jump, ios.port) == before + 2        # the login, then the fresh probe
    assert "Accepted publickey for jump" in jump["log"]()
    assert ios.logins("admin")[-1].startswith("Accepted password for admin")


@pytest.mark.parametrize("form", ["-J", "-oProxyJump=", "ProxyCommand"])
def test_the_jump_host_from_ansible_ssh_common_args(ios, keys, jump, monkeypatch, form):
    """What the ssh connection plugin's users already set reaches the transport through
    the action's variables (device_connection)."""
    monkeypatch.setenv("SSH_AUTH_SOCK", keys["sock"])
    args = " ".join(jump["args"])
    hop = "jump@127.0.0.1:%d" % jump["port"]
    common = {"-J": "%s -J %s" % (args, hop), "-oProxyJump=": "%s -oProxyJump=%s" % (args, hop),
              "ProxyCommand": "-o 'ProxyCommand=ssh %s -o BatchMode=yes -W %%h:%%p -p %d jump@127.0.0.1'"
                              % (args, jump["port"])}[form]
    task_vars = {"inventory_hostname": "vr-ios1", "ansible_host": "127.0.0.1", "ansible_port": ios.port,
                 "ansible_user": "admin", "ansible_password": "lab-admin-pw",
                 "ansible_become_password": USERS["enable_secret"], "ansible_ssh_common_args": common}
    connection = device_connection({}, task_vars, Templar(), PlayContext())
    before = forwards(jump, ios.port)
    running, _unused = read_running(connection)
    assert "hostname vr-ios1" in running
    assert forwards(jump, ios.port) == before + 2


def test_an_unknown_jump_host_key_fails_with_the_reason(ios, keys, jump, monkeypatch):
    monkeypatch.setenv("SSH_AUTH_SOCK", keys["sock"])
    empty = os.path.join(jump["state"], "empty_known_hosts")
    open(empty, "w").close()
    before = len(ios.logins())
    connection = dict(ios.connection("admin"), proxy_jump="jump@127.0.0.1:%d" % jump["port"],
                      ssh_args=["-F", "/dev/null", "-o", "UserKnownHostsFile=%s" % empty,
                                "-o", "StrictHostKeyChecking=yes"])
    with pytest.raises(TransportError) as err:
        session(connection).open()
    text = str(err.value)
    assert "via ProxyJump jump@127.0.0.1:%d" % jump["port"] in text
    assert "Host key verification failed" in text, text
    assert len(ios.logins()) == before


class Templar(object):
    @staticmethod
    def template(value):
        return value


class PlayContext(object):
    remote_user = password = private_key_file = become_pass = None
