# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Transports: one open session to one device, used for a whole run.

The engine opens exactly one transport per device per run (one SSH login), reads,
pushes, and for commit-confirm opens a second, fresh one to prove the device is still
reachable before it confirms.

``NetmikoTransport`` works for every platform. ``NapalmTransport`` is used where a
NAPALM driver supports candidate configuration (ios, eos, junos core; panos, vyos
community) and the user asked for ``transport: napalm``.

Jump hosts and agents, the way OpenSSH users set them: ``proxy_jump`` (``[user@]host[:port]``,
comma-separated for several hops, as ``ssh -J``) or ``-J``/``-o ProxyJump=``/``-o
ProxyCommand=`` inside ``ssh_args`` (ansible_ssh_common_args / ansible_ssh_extra_args) give
the byte stream to the device through the system's ``ssh -W``, which authenticates to the
jump host with its own configuration and agent; the remaining ``ssh_args`` apply to that
``ssh``. ``ssh_agent`` lets paramiko log in to the device with the keys of the ssh-agent at
``SSH_AUTH_SOCK`` (AWX loads a Machine credential's SSH key there, with no key file).

Secrets: the password and key passphrase live only in the connection dict handed to
the library; nothing here logs, returns or formats them.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import os
import re
import select
import shlex
import socket
import subprocess
import time

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

CONNECTION_KEYS = ("host", "port", "username", "password", "ssh_key_file", "timeout",
                   "device_type", "secret", "proxy_jump", "ssh_args", "ssh_agent")


class TransportError(VoipReadyError):
    """The device could not be reached, refused a login or stopped answering."""


def ssh_proxy_options(args):
    """ssh command-line arguments (a string as ansible_ssh_common_args holds it, or a
    list) -> {"proxy_jump", "proxy_command", "rest"}: ``-J HOPS``, ``-o ProxyJump=HOPS``
    and ``-o ProxyCommand=CMD`` (``=`` or a space after the name, as ssh takes them)
    picked out, every other argument kept in order. ``none`` switches a proxy off."""
    tokens = shlex.split(args) if isinstance(args, str) else list(args or [])
    out = {"proxy_jump": None, "proxy_command": None, "rest": []}
    seen = set()
    index = 0
    while index < len(tokens):
        token = str(tokens[index])
        value = None
        if token in ("-J", "-o") and index + 1 < len(tokens):
            value, index = str(tokens[index + 1]), index + 1
        elif token.startswith(("-J", "-o")) and len(token) > 2:
            value = token[2:]
        index += 1
        if value is None:
            out["rest"].append(token)
            continue
        if token.startswith("-J"):
            name, option = "proxyjump", value
        else:
            match = re.match(r"^\s*([A-Za-z]+)\s*(?:=\s*|\s+)(.*)$", value, re.S)
            name, option = (match.group(1).lower(), match.group(2)) if match else (value.strip().lower(), "")
        if name in ("proxyjump", "proxycommand"):
            key = "proxy_jump" if name == "proxyjump" else "proxy_command"
            if key not in seen:   # ssh keeps the first value it is given
                seen.add(key)
                out[key] = None if option.strip().lower() == "none" else option.strip()
        else:
            out["rest"].extend(["-o", value] if token == "-o" else [token])
    return out


def _host_port(text):
    """``host``, ``host:port``, ``[v6]:port`` -> (host, port or None)."""
    match = re.match(r"^\[([^\]]+)\](?::(\d+))?$", text) or re.match(r"^([^:]+)(?::(\d+))?$", text)
    if not match:
        return text, None
    return match.group(1), match.group(2)


def proxy_command_line(connection):
    """The command whose stdin/stdout is a byte stream to the device's SSH port (through
    the jump host(s) or the user's ProxyCommand), or None for a direct connection."""
    host, port = connection["host"], int(connection.get("port") or 22)
    options = ssh_proxy_options(connection.get("ssh_args"))
    jump = connection.get("proxy_jump") or options["proxy_jump"]
    if not connection.get("proxy_jump") and options["proxy_command"] and not options["proxy_jump"]:
        # OpenSSH's tokens; %r is the device's login user
        tokens = {"h": str(host), "p": str(port), "r": str(connection.get("username") or ""), "%": "%"}
        return re.sub(r"%([hpr%])", lambda m: tokens[m.group(1)], options["proxy_command"])
    if not jump:
        return None
    hops = [hop.strip() for hop in str(jump).split(",") if hop.strip()]
    user, last = hops[-1].rpartition("@")[::2]
    last_host, last_port = _host_port(last)
    target = "[%s]:%d" % (host, port) if ":" in str(host) else "%s:%d" % (host, port)
    timeout = int(connection.get("timeout") or 10)
    # the user's options first (ssh keeps the first value it is given); BatchMode: no
    # password prompt on a terminal nobody watches, the jump logs in with keys or agent
    argv = (["ssh"] + options["rest"] + ["-o", "BatchMode=yes", "-o", "ConnectTimeout=%d" % timeout,
                                         "-W", target]
            + (["-J", ",".join(hops[:-1])] if len(hops) > 1 else [])
            + (["-p", last_port] if last_port else []) + (["-l", user] if user else []) + [last_host])
    return " ".join(shlex.quote(arg) for arg in argv)


def proxy_label(connection):
    """`` via ProxyJump HOPS`` / `` via ProxyCommand``, for messages; empty when direct."""
    options = ssh_proxy_options(connection.get("ssh_args"))
    jump = connection.get("proxy_jump") or options["proxy_jump"]
    if jump:
        return " via ProxyJump %s" % jump
    return " via ProxyCommand" if options["proxy_command"] else ""


def use_agent(connection):
    """Whether paramiko may log in to the device with the ssh-agent's keys: ``ssh_agent``
    when set; else when an agent is there (SSH_AUTH_SOCK) and neither a password nor a
    key file is given, AWX's case (its Machine credential's key is only in the agent).
    With a password the agent stays out: its keys are tried first, and a device that
    counts them as failed attempts (IOS: 3) would refuse the password."""
    if connection.get("ssh_agent") is not None:
        return bool(connection["ssh_agent"])
    return bool(os.environ.get("SSH_AUTH_SOCK")) and not (
        connection.get("password") or connection.get("ssh_key_file"))


def jump_stream(command):
    """paramiko's ProxyCommand (the socket paramiko talks SSH over), reading like a socket:
    when the jump ssh ends, its stream ends at once (an empty read), rather than being
    polled until the banner timeout as paramiko's own recv does."""
    import paramiko

    class JumpStream(paramiko.ProxyCommand):
        def recv(self, size):
            if not select.select([self.process.stdout], [], [], self.timeout)[0]:
                raise socket.timeout()
            return os.read(self.process.stdout.fileno(), size)

    return JumpStream(command)


def _probe_through(command, host, port, timeout):
    """The SSH banner of the device read through a fresh proxy command (jump host)."""
    try:
        process = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise TransportError("after the change, the proxy command for %s:%s could not be "
                             "started (%s)" % (host, port, exc), field="proxy_jump", value=command)
    banner = b""
    try:
        while b"\n" not in banner and len(banner) < 256:
            ready = select.select([process.stdout], [], [], timeout)[0]
            chunk = os.read(process.stdout.fileno(), 256) if ready else b""
            if not chunk:
                break
            banner += chunk
    finally:
        process.kill()
        err = process.communicate()[1]
    if not banner.startswith(b"SSH-"):
        why = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no SSH banner"]
        raise TransportError("after the change, a fresh connection to %s:%s through the jump "
                             "host failed (%s): the change would lock out management" % (
                                 host, port, why[0]), field="host", value=host)
    return banner.strip().decode("ascii", "replace")


def probe_management(connection, timeout=10, ssh=True):
    """A fresh TCP connection to the management port; on SSH (``ssh``: netmiko, NETCONF)
    the server must also send its banner. Proves a new management session gets through
    the configuration just pushed, without a second login. Behind a jump host, through
    a fresh ``ssh -W`` to it."""
    host, port = connection["host"], int(connection.get("port") or 22)
    command = proxy_command_line(connection)
    if command:
        return _probe_through(command, host, port, timeout)
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except (socket.error, socket.timeout) as exc:
        raise TransportError("after the change, a fresh connection to %s:%s failed (%s): the "
                             "change would lock out management" % (host, port, exc),
                             field="host", value=host)
    if not ssh:
        sock.close()
        return "tcp connect to %s:%s" % (host, port)
    try:
        sock.settimeout(timeout)
        banner = b""
        while b"\n" not in banner and len(banner) < 256:
            chunk = sock.recv(256)
            if not chunk:
                break
            banner += chunk
    except (socket.error, socket.timeout) as exc:
        raise TransportError("after the change, %s:%s accepted a connection but sent no SSH "
                             "banner (%s): the change would lock out management" % (
                                 host, port, exc), field="host", value=host)
    finally:
        sock.close()
    if not banner.startswith(b"SSH-"):
        raise TransportError("after the change, %s:%s answered %r instead of an SSH banner"
                             % (host, port, banner[:40]), field="host", value=host)
    return banner.strip().decode("ascii", "replace")


#: where the enable secret comes from, for messages (plugin_utils/action_base.py)
SECRET_SOURCE = ("ansible_become_password (or --ask-become-pass; module option "
                 "connection.secret)")


class NetmikoTransport(object):
    """A netmiko session. ``device_type`` comes from the driver unless overridden.

    ``privileged``: the platform has a user EXEC level (IOS, ASA, EOS) from which the
    running configuration cannot be read; after the login the session must be at the
    privileged prompt, reached with ``enable`` and the secret when it is not already.
    """

    kind = "netmiko"

    def __init__(self, connection, device_type, privileged=False, logout=None):
        self.connection = dict(connection)
        self.device_type = self.connection.get("device_type") or device_type
        self.privileged = privileged
        self.logout = logout
        self.session = None

    def open(self):
        try:
            from netmiko import ConnectHandler
        except ImportError:
            raise TransportError("the netmiko Python library is required on the controller "
                                 "(pip install 'netmiko>=4.5,<5')", field="transport", value="netmiko")
        params = {
            "device_type": self.device_type,
            "host": self.connection["host"],
            "port": int(self.connection.get("port") or 22),
            "username": self.connection.get("username"),
            "conn_timeout": int(self.connection.get("timeout") or 10),
            "auth_timeout": int(self.connection.get("timeout") or 10),
            "banner_timeout": int(self.connection.get("timeout") or 10),
            "fast_cli": True,
        }
        if self.connection.get("password"):
            params["password"] = self.connection["password"]
        if self.connection.get("secret"):
            params["secret"] = self.connection["secret"]
        # a key file and/or the agent's keys; never ~/.ssh/id_* by surprise
        params["use_keys"] = bool(self.connection.get("ssh_key_file"))
        if params["use_keys"]:
            params["key_file"] = self.connection["ssh_key_file"]
        params["allow_agent"] = use_agent(self.connection)
        command = proxy_command_line(self.connection)
        proxy = None
        try:
            if command:
                proxy = params["sock"] = jump_stream(command)
            self.session = ConnectHandler(**params)
            if self.device_type == "linux":
                # netmiko finds a command's echo before reading its output; a shell wraps
                # lines longer than the terminal, and the echo of a long gather script is
                # never seen. A wide terminal keeps every command on one line.
                self.session.send_command("stty cols 32767", read_timeout=10)
        except Exception as exc:  # netmiko raises many types; the message is what matters
            self._refused_privilege(exc)
            raise TransportError("cannot log in to %s:%s as %s%s: %s%s" % (
                params["host"], params["port"], params["username"], proxy_label(self.connection),
                _scrub(exc, self.connection), _proxy_said(proxy)),
                field="host", value=params["host"])
        if self.privileged:
            try:
                self._enter_privileged()
            except Exception:
                self.close()  # open() failed: the caller's ``with`` never closes it
                raise
        return self

    def _enter_privileged(self):
        """``enable`` with the secret when the login landed at the user EXEC prompt; a
        clear refusal when there is no secret or the device turns it down. Never
        half-privileged: at privilege 1, IOS and EOS refuse ``show running-config``."""
        session = self.connection_label()
        if self.session.check_enable_mode():
            return
        prompt = self._prompt()
        if not self.connection.get("secret"):
            raise TransportError(
                "logged in to %s, but at the unprivileged prompt %r: reading the running "
                "configuration needs privileged EXEC. Set the enable secret in %s, or give "
                "the user privilege 15" % (session, prompt, SECRET_SOURCE),
                field="connection.secret", value=None)
        try:
            self.session.enable()
            if self.session.check_enable_mode():
                return
            reason = "the prompt is still %r" % self._prompt()
        except Exception as exc:  # netmiko raises ValueError/ReadTimeout on a refusal
            reason = _scrub(exc, self.connection)
        raise TransportError(
            "logged in to %s at the unprivileged prompt %r, and 'enable' with the secret "
            "from %s was refused: %s" % (session, prompt, SECRET_SOURCE, reason),
            field="connection.secret", value=None)

    def _refused_privilege(self, exc):
        """netmiko's ASA session preparation runs the privilege step itself (``enable``
        with the secret, ``login`` without one): its failures say so, naming the secret."""
        if not self.privileged:
            return
        text = _scrub(exc, self.connection)
        secret = bool(self.connection.get("secret"))
        if re.search(r"enable mode", text, re.I) or (
                secret and self.device_type == "cisco_asa" and type(exc).__name__ == "ReadTimeout"):
            raise TransportError(
                "logged in to %s, but netmiko's session preparation could not reach privileged "
                "EXEC: %s (%s). %s" % (
                    self.connection_label(), "the enable secret from %s was refused" % SECRET_SOURCE
                    if secret else "no enable secret is set", text.strip().splitlines()[0],
                    "Check the secret" if secret else "Set the enable secret in %s, or give the "
                    "user privilege 15" % SECRET_SOURCE),
                field="connection.secret", value=None)

    def _prompt(self):
        try:
            return self.session.find_prompt()
        except Exception:  # only for the message
            return "?"

    def connection_label(self):
        return "%s:%s as %s%s" % (self.connection["host"], int(self.connection.get("port") or 22),
                                  self.connection.get("username"), proxy_label(self.connection))

    def probe(self):
        """A fresh connection (not a login) to the management port; see probe_management."""
        return probe_management(self.connection, ssh=True)

    def send_command(self, command, read_timeout=30):
        if self.device_type == "linux":
            # A multi-line script (heredocs) typed into an interactive shell echoes line
            # by line with continuation prompts netmiko cannot match, and a 'cd' changes
            # the prompt netmiko waits for. One line that decodes the script into a child
            # sh runs the same bytes, echoes cleanly and leaves the login shell as it was.
            encoded = base64.b64encode(command.encode("utf-8")).decode("ascii")
            command = "echo %s | base64 -d | sh" % encoded
        try:
            return self.session.send_command(command, read_timeout=read_timeout,
                                             strip_prompt=True, strip_command=True)
        except Exception as exc:
            raise TransportError("command %r failed on %s: %s" % (
                command, self.connection["host"], _scrub(exc, self.connection)),
                field="command", value=command)

    def send_config(self, commands, read_timeout=60):
        try:
            return self.session.send_config_set(commands, read_timeout=read_timeout,
                                                cmd_verify=False)
        except Exception as exc:
            raise TransportError("configuration push failed on %s: %s" % (
                self.connection["host"], _scrub(exc, self.connection)),
                field="commands", value=len(commands))

    def close(self):
        if self.session is not None:
            try:
                self._logout()
                self.session.disconnect()
            except Exception:  # a dead session has nothing left to close
                pass
            self.session = None

    #: seconds for the device to close the channel after the logout word
    logout_wait = 2.0

    def _logout(self):
        """The platform's logout word, then a short wait for the device to close the
        channel: netmiko's disconnect() has nothing left to find out. Still open (not at
        the operational prompt): disconnect() does its usual cleanup."""
        channel = getattr(self.session, "remote_conn", None)
        if not self.logout or channel is None or not hasattr(channel, "closed"):
            return
        self.session.write_channel(self.session.normalize_cmd(self.logout))
        deadline = time.time() + self.logout_wait
        while not channel.closed and time.time() < deadline:
            time.sleep(0.02)

    def __enter__(self):
        return self.open()

    def __exit__(self, *exc):
        self.close()


class NapalmTransport(object):
    """A NAPALM driver: candidate configuration, compare, commit(-confirm), rollback."""

    kind = "napalm"

    def __init__(self, connection, driver_name):
        self.connection = dict(connection)
        self.driver_name = driver_name
        self.device = None

    def open(self):
        if proxy_command_line(self.connection):
            raise TransportError(
                "a jump host (%s) is supported with transport=netmiko, not through NAPALM's "
                "drivers" % proxy_label(self.connection).strip(), field="transport", value="napalm")
        try:
            from napalm import get_network_driver
        except ImportError:
            raise TransportError("the napalm Python library is required for transport=napalm "
                                 "(pip install 'napalm>=5,<6')", field="transport", value="napalm")
        try:
            driver = get_network_driver(self.driver_name)
        except Exception as exc:
            raise TransportError("NAPALM driver %r is not installed: %s" % (self.driver_name, exc),
                                 field="transport", value="napalm")
        optional = {"port": int(self.connection.get("port") or 22)}
        if use_agent(self.connection):
            optional["allow_agent"] = True
        if self.connection.get("ssh_key_file"):
            optional["key_file"] = self.connection["ssh_key_file"]
        if self.connection.get("secret"):
            optional["secret"] = self.connection["secret"]
        self.device = driver(hostname=self.connection["host"],
                             username=self.connection.get("username"),
                             password=self.connection.get("password") or "",
                             timeout=int(self.connection.get("timeout") or 30),
                             optional_args=optional)
        try:
            self.device.open()
        except Exception as exc:
            raise TransportError("cannot log in to %s through NAPALM %s: %s" % (
                self.connection["host"], self.driver_name, _scrub(exc, self.connection)),
                field="host", value=self.connection["host"])
        return self

    def probe(self):
        """A fresh TCP connection to the API port; SSH-based APIs (22, NETCONF 830) must
        also send the SSH banner."""
        port = int(self.connection.get("port") or 22)
        return probe_management(self.connection, ssh=port in (22, 830))

    def send_command(self, command, read_timeout=30):
        return self.device.cli([command])[command]

    def get_running(self):
        return self.device.get_config(retrieve="running")["running"]

    def load_merge(self, config_text):
        self.device.load_merge_candidate(config=config_text)
        return self.device.compare_config()

    def commit(self, confirm_timeout=None):
        """Commit the candidate; with a timeout, the device reverts by itself unless
        confirm() follows (NAPALM drivers that implement revert_in: junos, eos, ios
        archive-based). A driver without it raises NotImplementedError: then commit
        plainly and rely on the engine's read-back and inverse rollback."""
        if confirm_timeout:
            try:
                return self.device.commit_config(revert_in=int(confirm_timeout))
            except NotImplementedError:
                pass
        return self.device.commit_config()

    def confirm(self):
        if getattr(self.device, "has_pending_commit", None) and self.device.has_pending_commit():
            self.device.confirm_commit()

    def discard(self):
        self.device.discard_config()

    def rollback(self):
        self.device.rollback()

    def close(self):
        if self.device is not None:
            try:
                self.device.close()
            except Exception:  # closing a dead session is not an error worth reporting
                pass
            self.device = None

    def __enter__(self):
        return self.open()

    def __exit__(self, *exc):
        self.close()


def _proxy_said(proxy):
    """What the jump ssh printed on stderr when the login through it failed (its last
    line: 'Permission denied (publickey)', 'Host key verification failed.'), or ''."""
    if proxy is None:
        return ""
    try:
        process = proxy.process
        if process.poll() is None:
            process.kill()
        err = process.communicate(timeout=5)[1]
    except Exception:  # only for the message
        return ""
    lines = [line for line in (err or b"").decode("utf-8", "replace").splitlines() if line.strip()]
    return " (the jump ssh said: %s)" % lines[-1].strip() if lines else ""


def _scrub(exc, connection):
    """An exception's text with every secret of ``connection`` masked."""
    text = str(exc)
    for key in ("password", "secret"):
        secret = connection.get(key)
        if secret:
            text = text.replace(str(secret), "********")
    return text


def make_transport(driver, connection, kind="netmiko"):
    """The transport the user chose for this host, checked against the platform."""
    if kind == "netmiko":
        if not driver.netmiko_device_type:
            raise VoipReadyError("platform=%r has no netmiko device type" % driver.platform,
                                 field="transport", value=kind)
        return NetmikoTransport(connection, driver.netmiko_device_type,
                                privileged=getattr(driver, "privileged_exec", False),
                                logout=getattr(driver, "logout_command", None))
    if kind == "napalm":
        if not driver.napalm_driver:
            raise VoipReadyError(
                "transport='napalm' is not available for platform=%r (no NAPALM driver with "
                "candidate configuration); use transport='netmiko'" % driver.platform,
                field="transport", value=kind)
        return NapalmTransport(connection, driver.napalm_driver)
    raise VoipReadyError("transport=%r is not valid; valid transports: netmiko, napalm" % kind,
                         field="transport", value=kind)
