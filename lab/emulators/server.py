"""SSH server of the emulated devices (lab test infrastructure, never a real device).

Built on asyncssh (a maintained SSH server library with password and keyboard-interactive
authentication; fakenos has no state, see /work/shared/lab-notes.md). Login messages follow
OpenSSH's sshd (``sshd -D -e`` writes them to stderr) so the lab counts logins the same way on
every device: ``Accepted password for USER from IP port PORT ssh2``,
``Accepted keyboard-interactive/pam for ...``, ``Accepted publickey for ...`` (users with
``authorized_keys``), ``Failed password for [invalid user] ...``.

    python3 -m emulators.server --platform ios --listen 0.0.0.0:22 --state-dir DIR \\
        --hostname H [--users FILE]

(run from lab/, or with lab/ on PYTHONPATH). ``--platform NAME`` loads
``emulators.platforms.<NAME up to the first '_'>`` and its ``DEVICES[NAME]`` class.
``--users`` (default ``DIR/users.json``): ``{"users": [{"name": "admin", "password": "...",
"privilege": 15}, ...], "enable_secret": "..."}``. ``--listen HOST:0`` binds a free port;
the port is in the ``Server listening on HOST port PORT.`` line on stderr.

Per SSH session: the device object gets every received line (echoed as a device echoes it,
CR, LF or CRLF ending it, backspace editing, Ctrl-Z as ``end``), its answer is written with
CRLF line ends and paged with the device's ``--More--`` prompt until the client sets the
terminal length to 0; then the prompt. Faults (faults.py) are consulted before every line.
"""

import argparse
import asyncio
import importlib
import logging
import os
import sys

import asyncssh

from emulators.device import CloseSession, Users
from emulators.faults import Faults
from emulators.store import Store


def log(message):
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def device_class(platform):
    module = importlib.import_module("emulators.platforms." + platform.split("_")[0])
    try:
        return module.DEVICES[platform]
    except KeyError:
        raise SystemExit("unknown platform %r; %s has %s" % (
            platform, module.__name__, ", ".join(sorted(module.DEVICES))))


class Emulator:
    """One emulated device: its class, state, users and faults."""

    def __init__(self, cls, state_dir, hostname, users):
        self.cls = cls
        self.store = Store(state_dir)
        self.hostname = hostname
        self.users = users
        self.faults = Faults(state_dir)
        cls.boot(self.store, hostname, users)

    def host_key(self):
        path = self.store.path("ssh_host_ed25519_key")
        if not os.path.exists(path):
            key = asyncssh.generate_private_key("ssh-ed25519")
            key.write_private_key(path)
            os.chmod(path, 0o600)
        return asyncssh.read_private_key(path)


class _SSHServer(asyncssh.SSHServer):
    def __init__(self, emulator):
        self.emu = emulator
        self.conn = None
        self.peer = ("?", 0)

    def connection_made(self, conn):
        self.conn = conn
        self.peer = conn.get_extra_info("peername")[:2]

    def connection_lost(self, exc):
        user = self.conn.get_extra_info("username") if self.conn else None
        user = self.emu.cls.login_name(user)[0] if user else user
        if self.conn and self.conn.get_extra_info("voipready_authenticated"):
            log("Disconnected from user %s %s port %s" % ((user,) + tuple(self.peer)))
        else:
            log("Connection closed by %s port %s" % tuple(self.peer))

    def begin_auth(self, username):
        text = self.emu.cls.pre_login_banner(self.emu.store)
        if text:
            self.conn.send_auth_banner(text.replace("\n", "\r\n"))
        return True

    def password_auth_supported(self):
        return True

    def kbdint_auth_supported(self):
        return self.emu.cls.keyboard_interactive

    def public_key_auth_supported(self):
        # offered only when a user has authorized_keys in the users file, as an sshd
        # without keys configured still offers it but accepts none
        return self.emu.users.any_keys()

    def validate_public_key(self, username, key):
        # asyncssh verifies the signature after this says the key is acceptable
        username = self.emu.cls.login_name(username)[0]
        wanted = key.public_data
        for line in self.emu.users.authorized_keys(username):
            try:
                if asyncssh.import_public_key(line).public_data == wanted:
                    return True
            except (asyncssh.KeyImportError, ValueError):
                continue
        return False

    def auth_completed(self):
        if self.conn.get_extra_info("voipready_authenticated"):
            return
        username = self.emu.cls.login_name(self.conn.get_extra_info("username"))[0]
        self._result(username, True, "publickey")

    def _result(self, username, ok, method):
        if ok:
            log("Accepted %s for %s from %s port %s ssh2" % ((method, username) + tuple(self.peer)))
            self.conn.set_extra_info(voipready_authenticated=True, voipready_method=method)
        else:
            who = username if self.emu.users.exists(username) else "invalid user " + username
            shown = "password" if method == "password" else method
            log("Failed %s for %s from %s port %s ssh2" % ((shown, who) + tuple(self.peer)))
            self.emu.store.event("login_failed", user=username, method=method,
                                 **{"from": "%s port %s" % tuple(self.peer)})
        return ok

    def validate_password(self, username, password):
        username = self.emu.cls.login_name(username)[0]
        return self._result(username, self.emu.users.check(username, password), "password")

    def get_kbdint_challenge(self, username, lang, submethods):
        return "", "", "", [("Password: ", False)]

    def validate_kbdint_response(self, username, responses):
        username = self.emu.cls.login_name(username)[0]
        ok = len(responses) == 1 and self.emu.users.check(username, responses[0])
        return self._result(username, ok, "keyboard-interactive/pam")


class Session:
    """The terminal side of one SSH session: echo, line assembly, paging, faults."""

    def __init__(self, emulator, process):
        self.emu = emulator
        self.process = process
        conn = process.get_extra_info("connection")
        self.conn = conn
        peer = conn.get_extra_info("peername")[:2]
        username = conn.get_extra_info("username")
        self.dev = emulator.cls(emulator.store, emulator.users, username, peer, emulator.hostname)
        self.method = conn.get_extra_info("voipready_method") or "password"
        self.config_lines = 0

    def write(self, text):
        if text:
            self.process.stdout.write(text.replace("\r\n", "\n").replace("\n", "\r\n"))

    def _echo(self, chars):
        """Write the pending echo of typed characters, then forget it."""
        if chars:
            self.process.stdout.write("".join(chars))
            del chars[:]

    async def page(self, text):
        """Write ``text`` through the device's pager (``--More--``) when paging is on."""
        length = self.dev.page_length
        lines = text.split("\n")
        if not length or len(lines) <= length:
            self.write(text)
            return
        shown = length - 1
        self.write("\n".join(lines[:shown]) + "\n")
        while shown < len(lines):
            self.process.stdout.write(self.dev.more_prompt)
            key = await self.process.stdin.read(1)
            self.process.stdout.write("\b" * len(self.dev.more_prompt) + " " * len(
                self.dev.more_prompt) + "\b" * len(self.dev.more_prompt))
            if key == " ":
                step = length - 1
            elif key in ("\r", "\n"):
                step = 1
            else:
                return
            self.write("\n".join(lines[shown:shown + step]) + ("\n" if shown + step < len(lines) else ""))
            shown += step

    async def line(self, text):
        """Handle one complete line; False when the session must end."""
        faults = self.emu.faults
        hang = faults.match("hang_on", text)
        if hang:
            self.dev.event("fault", fault="hang_on", line=text, seconds=hang[2].get("seconds", 0))
            faults.fired(*hang)
            await asyncio.sleep(float(hang[2].get("seconds", 0)))
        counted = self.dev.in_config_mode() and bool(text.strip())
        reject = faults.match("reject", text)
        if reject:
            self.dev.event("fault", fault="reject", line=text)
            faults.fired(*reject)
            out = reject[2].get("error", "% Invalid input detected at '^' marker.")
            self.write(out.rstrip("\n") + "\n")
        else:
            try:
                out = self.dev.handle(text)
            except CloseSession:
                return False
            await self.page(out or "")
        if counted:
            self.config_lines += 1
            drop = faults.drop_limit()
            if drop and self.config_lines >= int(drop[2]["drop_after_config_lines"]):
                self.dev.event("fault", fault="drop_after_config_lines", line=text,
                               count=self.config_lines)
                faults.fired(*drop)
                self.conn.abort()
                return False
        return True

    async def run(self):
        dev = self.dev
        dev.login(self.method)
        try:
            if self.process.command:
                await self.line(self.process.command)
                return
            self.write(dev.motd())
            self.write(dev.prompt())
            buf = []
            skip_lf = False
            while True:
                data = await self.process.stdin.read(4096)
                if not data:
                    return
                echoed = []  # the echo of this chunk, written at once (one SSH packet, not one a key)
                for ch in data:
                    if skip_lf and ch == "\n":
                        skip_lf = False
                        continue
                    skip_lf = ch == "\r"
                    if ch in ("\r", "\n", "\x1a"):
                        self._echo(echoed)
                        if ch == "\x1a":
                            buf = list("end") if dev.in_config_mode() else []
                            self.write("^Z")
                        self.write("\n")
                        text = "".join(buf)
                        buf = []
                        if not await self.line(text):
                            return
                        self.write(dev.prompt())
                    elif ch in ("\x7f", "\x08"):
                        self._echo(echoed)
                        if buf:
                            buf.pop()
                            if dev.echo:
                                self.write("\b \b")
                    elif ch == "\x03":
                        self._echo(echoed)
                        buf = []
                        self.write("\n" + dev.prompt())
                    else:
                        buf.append(ch)
                        if dev.echo:
                            echoed.append(ch)
                self._echo(echoed)
        except (asyncssh.Error, BrokenPipeError, ConnectionError):
            return
        finally:
            dev.close()
            try:
                self.process.exit(0)
            except (OSError, asyncssh.Error):
                pass


def make_process_factory(emulator):
    async def handler(process):
        await Session(emulator, process).run()
    return handler


async def serve(args):
    cls = device_class(args.platform)
    users = Users.load(args.users or os.path.join(args.state_dir, "users.json"))
    emulator = Emulator(cls, args.state_dir, args.hostname, users)
    host, _sep, port = args.listen.rpartition(":")
    options = {}
    if getattr(cls, "kex_algs", None):
        options["kex_algs"] = list(cls.kex_algs)  # the platform's own key exchange offer
    server = await asyncssh.create_server(
        lambda: _SSHServer(emulator), host or "0.0.0.0", int(port),
        server_host_keys=[emulator.host_key()], process_factory=make_process_factory(emulator),
        line_editor=False, encoding="utf-8", server_version=cls.ssh_server_version,
        reuse_address=True, **options)
    for sock in server.sockets:
        address = sock.getsockname()
        log("Server listening on %s port %s." % (address[0], address[1]))
    await asyncio.Event().wait()


def main(argv=None):
    # asyncio warns on stderr when a client went away under a write; stderr is the
    # sshd-style login log the lab counts, so only errors go there
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(prog="python3 -m emulators.server", description=__doc__.split(
        "\n", 1)[0])
    parser.add_argument("--platform", required=True)
    parser.add_argument("--listen", default="0.0.0.0:22")
    parser.add_argument("--state-dir", required=True)
    parser.add_argument("--hostname", required=True)
    parser.add_argument("--users")
    args = parser.parse_args(argv)
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
