"""Base class of the emulated devices (lab test infrastructure, never a real device).

Built on the standard library; the SSH side is server.py (asyncssh). A platform file in
``platforms/`` subclasses ``EmulatedDevice`` and gives the device's own behaviour (prompts,
commands, errors, configuration model) from the vendor command references and public captures
it cites in its first lines.

One ``EmulatedDevice`` object exists per SSH session (its mode stack, privilege and terminal
settings are the session's); every session of a server shares one ``Store`` (the running
and startup configuration, persisted in the state directory) and one ``Users``.

Contract for platform files (shared by the emulator engineers; extend, do not break):

- ``initial_config(hostname, users)`` (classmethod): the running configuration of a device that
  boots for the first time (the state directory is empty).
- ``prompt()``: the prompt the device shows now (after every handled line).
- ``handle(line) -> str``: one received line; returns the device's answer, lines ended with
  ``"\\n"`` (server.py writes CRLF). Raise ``CloseSession`` for exit/logout.
- ``pre_login_banner(store)`` (classmethod; the SSH auth banner, sent before the password)
  and ``motd()`` (written when the shell opens).
- ``in_config_mode()``: True while the lines received change configuration (faults.py
  counts these for ``drop_after_config_lines``).
- ``echo`` (False while a password is typed), ``page_length`` (0: no paging),
  ``more_prompt``: read by server.py.
- ``set_running(text, **why)``: the only way a platform changes the running configuration
  (persisted atomically, logged in events.log). ``event(kind, **fields)`` logs anything else
  (commits, rollbacks, enable).
- ``schedule(seconds, key, callback)`` / ``cancel(key)``: device timers (commit timers,
  revert timers) that outlive the session that armed them.
- ``login_name(username)`` (classmethod): the account and the login options a device reads
  from the SSH user name (RouterOS ``admin+ct511w4098h``); default: the name as it is, no
  options. server.py authenticates and logs the account; the session gets
  ``login_options``.
"""

import asyncio
import hmac
import json


class CloseSession(Exception):
    """The device ends the session (exit, logout, or a fault)."""


class UsersError(ValueError):
    """The users file does not hold what server.py documents."""


class Users:
    """Local accounts: ``{"users": [{"name", "password", "privilege"}], "enable_secret"}``."""

    def __init__(self, data):
        if not isinstance(data, dict) or not isinstance(data.get("users"), list) \
                or not data["users"]:
            raise UsersError("users file: expected {\"users\": [{\"name\": ..., \"password\": "
                             "..., \"privilege\": 1-15}, ...], \"enable_secret\": ...}")
        self.accounts = {}
        for user in data["users"]:
            if not user.get("name") or "password" not in user:
                raise UsersError("users file: every user needs name and password: %r"
                                 % sorted(user))
            privilege = int(user.get("privilege", 1))
            if not 0 <= privilege <= 15:
                raise UsersError("users file: privilege of %s must be 0-15, got %s"
                                 % (user["name"], privilege))
            self.accounts[user["name"]] = {"password": str(user["password"]),
                                           "privilege": privilege,
                                           # OpenSSH authorized_keys lines (publickey login)
                                           "authorized_keys": list(user.get("authorized_keys") or [])}
        self.enable_secret = data.get("enable_secret")

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as handle:
            return cls(json.load(handle))

    def exists(self, name):
        return name in self.accounts

    def check(self, name, password):
        account = self.accounts.get(name)
        # compare even for an unknown user so timing does not tell which names exist
        expected = account["password"] if account else "\0unknown"
        return hmac.compare_digest(expected.encode(), str(password).encode()) and bool(account)

    def privilege(self, name):
        return self.accounts[name]["privilege"]

    def authorized_keys(self, name):
        """The user's authorized_keys lines (empty for an unknown user)."""
        return (self.accounts.get(name) or {}).get("authorized_keys") or []

    def any_keys(self):
        return any(account["authorized_keys"] for account in self.accounts.values())

    def check_enable(self, secret):
        if self.enable_secret is None:
            return False
        return hmac.compare_digest(str(self.enable_secret).encode(), str(secret).encode())


class EmulatedDevice:
    """One SSH session on an emulated device; see the module docstring for the contract."""

    #: platform name (server.py --platform)
    platform = None
    #: what follows ``SSH-2.0-`` in the server's identification string
    ssh_server_version = "OpenSSH_9.2p1"
    #: offer keyboard-interactive authentication (PAN-OS) besides password
    keyboard_interactive = False
    #: the key exchange methods the device offers (None: asyncssh's defaults)
    kex_algs = None
    more_prompt = " --More-- "

    #: timers by (state dir, key): they belong to the device, not to the session
    _timers = {}

    def __init__(self, store, users, username, peer, hostname):
        self.store = store
        self.users = users
        username, self.login_options = self.login_name(username)
        self.username = username
        self.peer = peer  # (ip, port)
        self.default_hostname = hostname
        self.privilege = users.privilege(username)
        self.modes = []
        self.echo = True
        self.page_length = 24
        self.width = 80

    # -- lifecycle -------------------------------------------------------------------------
    @classmethod
    def login_name(cls, username):
        """(account, login options) of an SSH user name; see the module docstring."""
        return username, None

    @classmethod
    def initial_config(cls, hostname, users):
        """The running configuration of a device that boots for the first time (its local
        accounts from ``users`` where the platform keeps them in the configuration)."""
        raise NotImplementedError

    @classmethod
    def boot(cls, store, hostname, users):
        """First start on an empty state directory: the initial running configuration,
        saved as startup configuration too (the device arrived configured)."""
        if store.get("running-config") is None:
            text = cls.initial_config(hostname, users)
            store.put("startup-config", text)
            store.put("running-config", text)
            store.event("boot", platform=cls.platform, hostname=hostname)

    def login(self, method):
        """Called once the session is open (after authentication)."""
        self.event("login", method=method, privilege=self.privilege)

    def close(self):
        """Called when the session ends, however it ends."""
        self.event("logout")

    # -- state -----------------------------------------------------------------------------
    @property
    def running(self):
        return self.store.get("running-config", "")

    def set_running(self, text, **why):
        if text == self.running:
            return False
        self.store.put("running-config", text)
        self.event("config", **why)
        return True

    @property
    def startup(self):
        return self.store.get("startup-config", "")

    def save_startup(self, text=None):
        self.store.put("startup-config", self.running if text is None else text)
        self.event("save")

    def event(self, kind, **fields):
        fields.setdefault("user", self.username)
        fields.setdefault("from", "%s port %s" % tuple(self.peer[:2]))
        self.store.event(kind, **fields)

    # -- timers ----------------------------------------------------------------------------
    def schedule(self, seconds, key, callback):
        self.cancel(key)
        loop = asyncio.get_event_loop()
        EmulatedDevice._timers[(self.store.dir, key)] = loop.call_later(seconds, callback)

    def cancel(self, key):
        handle = EmulatedDevice._timers.pop((self.store.dir, key), None)
        if handle is not None:
            handle.cancel()
            return True
        return False

    def timer_armed(self, key):
        handle = EmulatedDevice._timers.get((self.store.dir, key))
        return handle is not None and not handle.cancelled()

    # -- the session -----------------------------------------------------------------------
    @classmethod
    def pre_login_banner(cls, store):
        """Text sent as the SSH authentication banner, before the password (IOS
        ``banner login``); read from the stored configuration by the platform."""
        return ""

    def banner(self):
        return self.pre_login_banner(self.store)

    def motd(self):
        return ""

    def prompt(self):
        raise NotImplementedError

    def in_config_mode(self):
        return bool(self.modes)

    def handle(self, line):
        raise NotImplementedError
