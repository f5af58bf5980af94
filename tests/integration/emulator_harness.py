# -*- coding: utf-8 -*-
"""Run an emulated device (lab/emulators, never a real device) as a local process on a
free loopback port, for the tests of the emulators themselves.

    with EmulatorProcess("ios", "vr-ios1") as emu:
        ConnectHandler(device_type="cisco_ios", **emu.netmiko())
        emu.logins()        # sshd-style "Accepted password for ..." lines so far
        emu.events("config")
        emu.set_faults({"reject": "^ip access-list", "error": "% nope"})
"""

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def require(*modules):
    """Import what a test file needs. requirements*.txt install every one of them for
    `make test`, so a missing one is a collection error that fails the run, never a skip
    that would let the emulator tests vanish quietly."""
    return [importlib.import_module(name) for name in modules]


REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAB = os.path.join(REPO, "lab")

USERS = {
    "users": [
        {"name": "admin", "password": "lab-admin-pw", "privilege": 15},
        {"name": "ops", "password": "lab-ops-pw", "privilege": 1},
    ],
    "enable_secret": "lab-enable-pw",
}


class EmulatorProcess(object):
    def __init__(self, platform, hostname, state_dir=None, env=None, users=None):
        self.platform = platform
        self.hostname = hostname
        self.own_dir = state_dir is None
        self.state_dir = state_dir or tempfile.mkdtemp(prefix="emu-%s-" % platform)
        self.env = env or {}
        self.users = users or USERS
        self.proc = None
        self.port = None
        self.stderr_path = os.path.join(self.state_dir, "server.stderr")

    def start(self):
        with open(os.path.join(self.state_dir, "users.json"), "w") as handle:
            json.dump(self.users, handle)
        env = dict(os.environ, PYTHONPATH=LAB, **self.env)
        seen = len(self.log())
        self._err = open(self.stderr_path, "a")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "emulators.server", "--platform", self.platform,
             "--listen", "127.0.0.1:0", "--state-dir", self.state_dir,
             "--hostname", self.hostname], cwd=LAB, env=env, stdout=subprocess.DEVNULL,
            stderr=self._err)
        deadline = time.time() + 30
        while time.time() < deadline:
            match = re.findall(r"Server listening on 127\.0\.0\.1 port (\d+)\.", self.log()[seen:])
            if match:
                self.port = int(match[-1])
                return self
            if self.proc.poll() is not None:
                raise RuntimeError("emulator exited: %s" % self.log())
            time.sleep(0.05)
        raise RuntimeError("emulator did not start: %s" % self.log())

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        if getattr(self, "_err", None):
            self._err.close()

    def restart(self):
        self.stop()
        return self.start()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        if self.own_dir:
            shutil.rmtree(self.state_dir, ignore_errors=True)

    # -- what the device shows -------------------------------------------------------------
    def log(self):
        try:
            with open(self.stderr_path) as handle:
                return handle.read()
        except FileNotFoundError:
            return ""

    def logins(self, user=None):
        return [ln for ln in self.log().splitlines() if ln.startswith("Accepted ")
                and (user is None or " for %s from " % user in ln)]

    def events(self, kind=None):
        try:
            with open(os.path.join(self.state_dir, "events.log")) as handle:
                records = [json.loads(ln) for ln in handle if ln.strip()]
        except FileNotFoundError:
            return []
        return [r for r in records if kind is None or r["event"] == kind]

    def event_log(self):
        """events.log as the device wrote it (its own log; the tests print it for ``-rP``)."""
        try:
            with open(os.path.join(self.state_dir, "events.log")) as handle:
                return "%s events.log:\n%s" % (self.hostname, handle.read())
        except FileNotFoundError:
            return "%s events.log: none" % self.hostname

    def running(self):
        with open(os.path.join(self.state_dir, "running-config")) as handle:
            return handle.read()

    def set_faults(self, faults):
        path = os.path.join(self.state_dir, "faults.json")
        if faults is None:
            if os.path.exists(path):
                os.unlink(path)
            return
        with open(path + ".tmp", "w") as handle:
            json.dump(faults, handle)
        os.replace(path + ".tmp", path)

    def netmiko(self, user="admin", **extra):
        password = next(u["password"] for u in self.users["users"] if u["name"] == user)
        params = {"host": "127.0.0.1", "port": self.port, "username": user,
                  "password": password, "fast_cli": True, "conn_timeout": 10,
                  "auth_timeout": 10, "banner_timeout": 10}
        params.update(extra)
        return params

    def connection(self, user="admin", secret=True):
        """The collection's connection dict (engine.Request(connection=...))."""
        password = next(u["password"] for u in self.users["users"] if u["name"] == user)
        conn = {"host": "127.0.0.1", "port": self.port, "username": user,
                "password": password, "timeout": 10}
        if secret:
            conn["secret"] = self.users["enable_secret"]
        return conn
