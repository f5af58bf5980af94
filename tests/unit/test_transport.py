# -*- coding: utf-8 -*-
"""Transport behaviour without a device: the NAPALM path commits with a revert timer
and confirms; errors never carry the password."""

import pytest

from ansible_collections.voipready.network.plugins.module_utils import transport as tp
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import PlatformDriver


class FakeNapalmDevice(object):
    def __init__(self, revert=True):
        self.calls = []
        self.revert = revert
        self.pending = False

    def load_merge_candidate(self, config=None):
        self.calls.append(("load", config))

    def compare_config(self):
        return "+diff"

    def commit_config(self, revert_in=None):
        if revert_in and not self.revert:
            raise NotImplementedError("no commit confirm")
        self.pending = bool(revert_in)
        self.calls.append(("commit", revert_in))

    def has_pending_commit(self):
        return self.pending

    def confirm_commit(self):
        self.pending = False
        self.calls.append(("confirm", None))


def napalm_transport(device):
    transport = tp.NapalmTransport({"host": "192.0.2.1", "password": "s3cret!"}, "eos")
    transport.device = device
    return transport


def test_napalm_push_commits_with_revert_timer_then_confirms():
    device = FakeNapalmDevice()
    transport = napalm_transport(device)
    driver = PlatformDriver()
    driver.push(transport, ["ip access-list VOIPREADY-X", "10 permit udp any any eq 5060"], 90)
    assert device.calls == [("load", "ip access-list VOIPREADY-X\n10 permit udp any any eq 5060"),
                            ("commit", 90)]
    assert device.pending
    driver.confirm(transport)
    assert device.calls[-1] == ("confirm", None) and not device.pending


def test_napalm_driver_without_revert_commits_plainly():
    device = FakeNapalmDevice(revert=False)
    napalm_transport(device).commit(60)
    assert device.calls == [("commit", None)]


def test_transport_choice_is_checked_against_the_platform():
    class NoNapalm(PlatformDriver):
        platform = "asa"
        netmiko_device_type = "cisco_asa"

    with pytest.raises(VoipReadyError) as err:
        tp.make_transport(NoNapalm(), {"host": "192.0.2.1"}, "napalm")
    assert "transport='napalm'" in str(err.value) and err.value.field == "transport"
    with pytest.raises(VoipReadyError):
        tp.make_transport(NoNapalm(), {"host": "192.0.2.1"}, "telnet")


def test_login_failure_message_masks_the_password():
    transport = tp.NetmikoTransport({"host": "127.0.0.1", "port": 1, "username": "u",
                                     "password": "s3cret!", "timeout": 2}, "linux")
    with pytest.raises(tp.TransportError) as err:
        transport.open()
    assert "s3cret!" not in str(err.value)
    assert "127.0.0.1" in str(err.value)


class FakePrivSession(object):
    """The part of a netmiko session the privilege step uses (check_enable_mode, enable,
    find_prompt, send_command, disconnect), with an IOS-like privilege model."""

    def __init__(self, privileged=False, secret=None, accepts="en4ble!"):
        self.privileged = privileged
        self.secret = secret
        self.accepts = accepts
        self.calls = []

    def check_enable_mode(self):
        self.calls.append("check_enable_mode")
        return self.privileged

    def find_prompt(self):
        return "branch-sw1#" if self.privileged else "branch-sw1>"

    def enable(self):
        self.calls.append("enable")
        if self.secret != self.accepts:
            # netmiko's own words when the secret is wrong
            raise ValueError("Failed to enter enable mode. Please ensure you pass the 'secret' "
                             "argument to ConnectHandler.")
        self.privileged = True
        return "branch-sw1#"

    def send_command(self, command, **kwargs):
        if not self.privileged and command.startswith("show running-config"):
            return "                    ^\n% Invalid input detected at '^' marker.\n"
        return "Building configuration...\n\nversion 17.9\nhostname branch-sw1\n"

    def disconnect(self):
        self.calls.append("disconnect")


def open_with(monkeypatch, session, secret=None, privileged=True):
    import netmiko
    seen = {}

    def connect(**params):
        seen.update(params)
        session.secret = params.get("secret")
        return session

    monkeypatch.setattr(netmiko, "ConnectHandler", connect)
    conn = {"host": "192.0.2.10", "username": "netops", "password": "s3cret!"}
    if secret:
        conn["secret"] = secret
    return tp.NetmikoTransport(conn, "cisco_ios", privileged=privileged).open(), seen


def test_enable_is_sent_when_a_secret_is_given_and_the_prompt_is_user_exec(monkeypatch):
    session = FakePrivSession(privileged=False)
    transport, params = open_with(monkeypatch, session, secret="en4ble!")
    assert params["secret"] == "en4ble!"
    assert session.calls == ["check_enable_mode", "enable", "check_enable_mode"]
    assert "version 17.9" in transport.send_command("show running-config")


def test_no_enable_when_the_login_is_already_privileged(monkeypatch):
    session = FakePrivSession(privileged=True)
    open_with(monkeypatch, session, secret="en4ble!")
    assert session.calls == ["check_enable_mode"]


def test_user_exec_login_without_secret_is_refused_naming_the_variable(monkeypatch):
    session = FakePrivSession(privileged=False)
    with pytest.raises(tp.TransportError) as err:
        open_with(monkeypatch, session)
    text = str(err.value)
    assert "ansible_become_password" in text and "connection.secret" in text
    assert "'branch-sw1>'" in text and "privilege 15" in text
    assert "enable" not in session.calls and session.calls[-1] == "disconnect"


def test_wrong_enable_secret_is_refused_without_showing_it(monkeypatch):
    session = FakePrivSession(privileged=False)
    with pytest.raises(tp.TransportError) as err:
        open_with(monkeypatch, session, secret="wr0ng-secret")
    text = str(err.value)
    assert "refused" in text and "ansible_become_password" in text
    assert "Failed to enter enable mode" in text
    assert "wr0ng-secret" not in text and "s3cret!" not in text
    assert session.calls[-1] == "disconnect"


def test_platforms_with_a_user_exec_level_ask_for_privilege():
    from ansible_collections.voipready.network.plugins.module_utils.intent import PLATFORMS
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    wanted = set(["ios", "asa", "eos"])
    for platform in PLATFORMS:
        transport = tp.make_transport(get_driver(platform), {"host": "192.0.2.1"}, "netmiko")
        assert transport.privileged == (platform in wanted), platform


@pytest.mark.parametrize("refusal", [
    "                    ^\n% Invalid input detected at '^' marker.\n",
    "Command authorization failed.\n",
    "% Authorization failed.\n",
    "ERROR: % Invalid input detected at '^' marker.\n",
])
def test_a_refused_configuration_read_is_an_error_not_an_empty_device(refusal):
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

    class Transport(object):
        def send_command(self, command):
            return refusal

    for platform in ("ios", "asa", "eos"):
        with pytest.raises(tp.TransportError) as err:
            get_driver(platform).gather(Transport())
        assert "ansible_become_password" in str(err.value) and "show running-config" in str(err.value)


def test_a_configuration_that_mentions_an_error_word_is_read():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

    class Transport(object):
        def send_command(self, command):
            return "Building configuration...\nversion 17.9\nbanner motd ^C\n% Authorized use only\n^C\n"

    assert "banner motd" in get_driver("ios").gather(Transport())


def test_asa_session_preparation_privilege_failure_names_the_secret(monkeypatch):
    """netmiko's cisco_asa runs enable (or 'login') inside ConnectHandler itself."""
    import netmiko

    def connect(**params):
        raise netmiko.NetmikoAuthenticationException("Unable to enter enable mode!")

    monkeypatch.setattr(netmiko, "ConnectHandler", connect)
    conn = {"host": "192.0.2.11", "username": "ops", "password": "s3cret!"}
    with pytest.raises(tp.TransportError) as err:
        tp.NetmikoTransport(conn, "cisco_asa", privileged=True).open()
    assert "no enable secret is set" in str(err.value) and "ansible_become_password" in str(err.value)
    with pytest.raises(tp.TransportError) as err:
        tp.NetmikoTransport(dict(conn, secret="en4ble!"), "cisco_asa", privileged=True).open()
    assert "was refused" in str(err.value) and "en4ble!" not in str(err.value)
    # a platform without a user EXEC level keeps the plain login error
    with pytest.raises(tp.TransportError) as err:
        tp.NetmikoTransport(conn, "linux").open()
    assert str(err.value).startswith("cannot log in to 192.0.2.11:22 as ops")


# -- jump hosts and the agent (issue 14.6) ----------------------------------------------------

@pytest.mark.parametrize("args, jump, command, rest", [
    ("-o ProxyJump=ops@bastion:2222", "ops@bastion:2222", None, []),
    ("-o 'ProxyJump ops@bastion'", "ops@bastion", None, []),
    ("-oProxyJump=a,b -o StrictHostKeyChecking=no", "a,b", None, ["-o", "StrictHostKeyChecking=no"]),
    ("-J bastion -F cfg", "bastion", None, ["-F", "cfg"]),
    ("-Jbastion", "bastion", None, []),
    ("-o 'ProxyCommand=ssh -W %h:%p bastion' -q", None, "ssh -W %h:%p bastion", ["-q"]),
    ("-o proxyjump=first -o ProxyJump=second", "first", None, []),    # ssh keeps the first
    ("-o ProxyJump=none", None, None, []),
    ("", None, None, []),
])
def test_ssh_proxy_options_read_like_ssh(args, jump, command, rest):
    assert tp.ssh_proxy_options(args) == {"proxy_jump": jump, "proxy_command": command, "rest": rest}


def test_proxy_command_line_for_one_and_several_hops():
    conn = {"host": "192.0.2.10", "port": 22, "timeout": 7, "username": "netops"}
    assert tp.proxy_command_line(conn) is None
    one = tp.proxy_command_line(dict(conn, proxy_jump="ops@bastion.example.net:2222"))
    assert one == ("ssh -o BatchMode=yes -o ConnectTimeout=7 -W 192.0.2.10:22 -p 2222 -l ops "
                   "bastion.example.net")
    two = tp.proxy_command_line(dict(conn, proxy_jump="a.example.net,ops@b.example.net",
                                     ssh_args=["-o", "UserKnownHostsFile=/k h"]))
    assert two == ("ssh -o 'UserKnownHostsFile=/k h' -o BatchMode=yes -o ConnectTimeout=7 "
                   "-W 192.0.2.10:22 -J a.example.net -l ops b.example.net")
    v6 = tp.proxy_command_line({"host": "2001:db8::1", "port": 830, "proxy_jump": "[2001:db8::2]:22"})
    assert v6.endswith("-W '[2001:db8::1]:830' -p 22 2001:db8::2")
    # the user's ProxyCommand, with OpenSSH's tokens
    cmd = tp.proxy_command_line(dict(conn, ssh_args=["-o", "ProxyCommand=nc -X 5 -x proxy:1080 %h %p # %r %%"]))
    assert cmd == "nc -X 5 -x proxy:1080 192.0.2.10 22 # netops %"
    # proxy_jump (voipready_ssh_proxy_jump) wins over what the ssh arguments say
    assert "-W 192.0.2.10:22 b" in tp.proxy_command_line(dict(conn, proxy_jump="b", ssh_args=["-J", "a"]))


@pytest.mark.parametrize("conn, sock, expected", [
    ({}, "/run/agent.sock", True),                                     # AWX: key only in the agent
    ({"password": "x"}, "/run/agent.sock", False),                      # its keys would be tried first
    ({"ssh_key_file": "/k"}, "/run/agent.sock", False),
    ({}, None, False),
    ({"password": "x", "ssh_agent": True}, None, True),
    ({"ssh_agent": False}, "/run/agent.sock", False),
])
def test_agent_is_used_when_it_is_the_only_credential_or_asked(monkeypatch, conn, sock, expected):
    if sock:
        monkeypatch.setenv("SSH_AUTH_SOCK", sock)
    else:
        monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    assert tp.use_agent(conn) is expected


def test_netmiko_gets_the_agent_the_key_file_and_the_jump_stream(monkeypatch):
    import netmiko
    import paramiko
    seen = {}

    class Proxy(object):
        def __init__(self, command):
            self.command = command

    monkeypatch.setattr(paramiko, "ProxyCommand", Proxy)
    monkeypatch.setattr(netmiko, "ConnectHandler", lambda **params: seen.update(params) or FakePrivSession(True))
    monkeypatch.setenv("SSH_AUTH_SOCK", "/run/agent.sock")
    tp.NetmikoTransport({"host": "192.0.2.10", "username": "netops", "proxy_jump": "bastion"},
                        "cisco_ios").open()
    assert seen["allow_agent"] is True and seen["use_keys"] is False and "key_file" not in seen
    assert seen["sock"].command.endswith("-W 192.0.2.10:22 bastion")
    seen.clear()
    tp.NetmikoTransport({"host": "192.0.2.10", "username": "netops", "password": "p", "ssh_key_file": "/k"},
                        "cisco_ios").open()
    assert seen["allow_agent"] is False and seen["use_keys"] is True and seen["key_file"] == "/k"
    assert "sock" not in seen


def test_napalm_behind_a_jump_host_is_refused_with_the_reason():
    with pytest.raises(tp.TransportError) as err:
        tp.NapalmTransport({"host": "192.0.2.10", "proxy_jump": "bastion"}, "ios").open()
    assert "transport=netmiko" in str(err.value) and "ProxyJump bastion" in str(err.value)


def test_the_inventory_variables_reach_the_connection():
    from ansible_collections.voipready.network.plugins.plugin_utils.action_base import device_connection

    class Templar(object):
        @staticmethod
        def template(value):
            return value

    class PlayContext(object):
        remote_user = password = private_key_file = become_pass = None

    conn = device_connection({}, {"inventory_hostname": "fw1", "voipready_ssh_proxy_jump": "ops@bastion",
                                  "voipready_ssh_agent": "yes",
                                  "ansible_ssh_common_args": "-o StrictHostKeyChecking=no",
                                  "ansible_ssh_extra_args": "-o 'UserKnownHostsFile=/a b'"},
                             Templar(), PlayContext())
    assert conn["proxy_jump"] == "ops@bastion" and conn["ssh_agent"] is True
    assert conn["ssh_args"] == ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/a b"]


class FakeChannel(object):
    closed = False


class FakeLogoutSession(object):
    """A netmiko session whose device closes the channel on ``exit`` at the operational
    prompt (PAN-OS); ``disconnect`` records whether the channel was still open."""

    def __init__(self, closes=True):
        self.remote_conn = FakeChannel()
        self.closes = closes
        self.calls = []

    def normalize_cmd(self, line):
        return line + "\n"

    def write_channel(self, data):
        self.calls.append(data)
        if data == "exit\n" and self.closes:
            self.remote_conn.closed = True

    def disconnect(self):
        state = "closed" if self.remote_conn.closed else "open"
        self.calls.append("disconnect (channel %s)" % state)


def test_the_platforms_logout_word_ends_the_session_before_netmikos_disconnect():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    transport = tp.make_transport(get_driver("panos"), {"host": "192.0.2.1"})
    transport.session = session = FakeLogoutSession()
    transport.close()
    assert session.calls == ["exit\n", "disconnect (channel closed)"]
    # a platform without one: netmiko's disconnect() alone
    transport = tp.make_transport(get_driver("ios"), {"host": "192.0.2.1"})
    transport.session = session = FakeLogoutSession()
    transport.close()
    assert session.calls == ["disconnect (channel open)"] and transport.session is None


def test_a_session_that_stays_open_after_the_logout_word_is_still_disconnected():
    transport = tp.NetmikoTransport({"host": "192.0.2.1"}, "paloalto_panos", logout="exit")
    transport.logout_wait = 0.1
    transport.session = session = FakeLogoutSession(closes=False)
    transport.close()
    assert session.calls == ["exit\n", "disconnect (channel open)"] and transport.session is None
