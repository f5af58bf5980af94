"""A real NetBox on loopback, for tests/lab/test_netbox_lab.py and by hand (docs/netbox.md).

    python3 lab/netbox_lab.py up       # build what is missing, start, make an admin and a token
    python3 lab/netbox_lab.py status
    python3 lab/netbox_lab.py down     # stop what `up` started (by its PIDs), remove the run

    import sys; sys.path.insert(0, "lab")
    import netbox_lab
    with netbox_lab.running() as nb:   # nb.url, nb.token, nb.api("POST", "/api/dcim/sites/", {...})
        ...

NetBox from PyPI (NETBOX_SPEC) in its own virtual environment (NetBox 4.7 needs Python >= 3.12;
Debian 12 has 3.11, so find_python looks for one), PostgreSQL and Redis from Debian (bindep.txt,
profile test). All three run as this process's children, never as system services, listening on
127.0.0.1 only (PORTS); PostgreSQL as the `postgres` user when this runs as root (it refuses
root). The venv and the template live under CACHE ($VOIPREADY_NETBOX_CACHE, else
~/.cache/voipready/netbox: once per machine), the running instance under RUN
(.cache/netbox-run in the checkout):

    venv/                          NetBox and its pinned requirements (rebuilt when NETBOX_SPEC changes)
    pgdata-netbox<V>-pg<M>/        a migrated PostgreSQL data directory: `netbox migrate` runs once
                                   per NetBox version; each run starts from a copy of it
    pgdata-netbox<V>-pg<M>.json    that template's database password (mode 0600)
    RUN                            one running instance: its data, configuration, logs, PIDs

The admin password, the API token, NetBox's SECRET_KEY and token pepper and the Redis password
are random per run, written only to mode-0600 files under run/, and never printed. Standard
library only (it runs under any python3; NetBox's own Python runs NetBox).
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The venv and the migrated template are kept per machine, not per checkout: `make test`
# runs from fresh clones, and migrating NetBox costs ~8 minutes of two cores each time.
# The running instance stays inside the checkout.
CACHE = Path(os.environ.get("VOIPREADY_NETBOX_CACHE") or
             Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "voipready" / "netbox").resolve()
RUN = REPO / ".cache" / "netbox-run"
NETBOX_SPEC = "netbox>=4.7,<4.8"
MIN_PYTHON = (3, 12)
# Ports nobody else on this machine uses (the lab's SSH ports are 2211-2230).
PORTS = {"postgres": int(os.environ.get("VOIPREADY_NETBOX_PG_PORT", "15433")),
         "redis": int(os.environ.get("VOIPREADY_NETBOX_REDIS_PORT", "16380")),
         "http": int(os.environ.get("VOIPREADY_NETBOX_HTTP_PORT", "18080"))}
ADMIN = "admin"
DB_NAME = DB_USER = "netbox"
# Loopback only; no outbound connections (census, release check, plugin catalog).
CONFIGURATION = """\
# Written by lab/netbox_lab.py for one test run (mode 0600); secrets are random per run.
ALLOWED_HOSTS = ['127.0.0.1', 'localhost']
DATABASES = {{'default': {{'ENGINE': 'django.db.backends.postgresql', 'NAME': {db_name!r},
                          'USER': {db_user!r}, 'PASSWORD': {db_password!r}, 'HOST': '127.0.0.1',
                          'PORT': {pg_port}, 'CONN_MAX_AGE': 300}}}}
REDIS = {{
    'tasks': {{'HOST': '127.0.0.1', 'PORT': {redis_port}, 'USERNAME': '', 'PASSWORD': {redis_password!r},
               'DATABASE': 0, 'SSL': False}},
    'caching': {{'HOST': '127.0.0.1', 'PORT': {redis_port}, 'USERNAME': '', 'PASSWORD': {redis_password!r},
                 'DATABASE': 1, 'SSL': False}},
}}
SECRET_KEY = {secret_key!r}
API_TOKEN_PEPPERS = {{1: {pepper!r}}}
TIME_ZONE = 'UTC'
CENSUS_REPORTING_ENABLED = False
ISOLATED_DEPLOYMENT = True
RELEASE_CHECK_URL = None
# The lab's devices are all reached at 127.0.0.1 (a published SSH port each): one address,
# several devices' primary IP.
ENFORCE_GLOBAL_UNIQUE = False
"""


class NetBoxLabError(RuntimeError):
    """What is missing or what failed, said so a person can fix it."""


def log(message: str) -> None:
    print(f"netbox_lab: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- what this machine has

def _python_version(path: str) -> tuple | None:
    try:
        out = subprocess.run([path, "-c", "import sys, venv, ensurepip; print('%d %d' % sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    words = out.stdout.split()
    if out.returncode != 0 or len(words) != 2 or not all(w.isdigit() for w in words):
        return None             # e.g. a pyenv shim of a version pyenv has not selected
    return int(words[0]), int(words[1])


def python_candidates() -> list[str]:
    """Interpreters that may be Python >= 3.12, in order of preference: $VOIPREADY_NETBOX_PYTHON,
    python3.12..3.14 on PATH, then pyenv's and /usr/local's builds (oldest first: the first
    usable one is the oldest Python NetBox supports, the one it is most tested on)."""
    out = []
    if os.environ.get("VOIPREADY_NETBOX_PYTHON"):
        out.append(os.environ["VOIPREADY_NETBOX_PYTHON"])
    for minor in (12, 13, 14):
        found = shutil.which(f"python3.{minor}")
        if found:
            out.append(found)
    roots = [os.environ.get("PYENV_ROOT", ""), os.path.expanduser("~/.pyenv"), "/root/.pyenv"]
    builds = []
    for root in dict.fromkeys(r for r in roots if r):
        builds += glob.glob(os.path.join(root, "versions", "3.*", "bin", "python3"))
    builds += glob.glob("/usr/local/bin/python3.1[2-9]") + glob.glob("/opt/python*/bin/python3")

    def version_key(path):
        match = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", path)
        return [int(n or 0) for n in match.groups()] if match else [0]
    out += [b for b in sorted(builds, key=version_key) if tuple(version_key(b)[:2]) >= MIN_PYTHON]
    return list(dict.fromkeys(out))


def find_python() -> str:
    """A Python >= 3.12 with venv and ensurepip, or an error naming what is missing."""
    tried = []
    for path in python_candidates():
        version = _python_version(path)
        tried.append(f"{path} ({'%d.%d' % version if version else 'not usable'})")
        if version and version >= MIN_PYTHON:
            return path
    raise NetBoxLabError(
        "NetBox 4.7 needs Python >= %d.%d with venv and ensurepip, and none was found "
        "(Debian 12's python3 is 3.11). Tried: %s. Install one (e.g. `pyenv install 3.12`) or set "
        "VOIPREADY_NETBOX_PYTHON to its path." % (MIN_PYTHON + (", ".join(tried) or "nothing on PATH",)))


def postgres_bindir() -> Path:
    """The newest PostgreSQL server's bin directory (Debian: /usr/lib/postgresql/<M>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"),
                   key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("postgres") or shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise NetBoxLabError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres): "
                         "tools/setup.sh test installs Debian's `postgresql` (bindep.txt, profile test)")


def postgres_major(bindir: Path) -> str:
    out = subprocess.run([str(bindir / "postgres"), "--version"], capture_output=True, text=True, check=True)
    match = re.search(r"(\d+)(?:\.\d+)?", out.stdout)
    return match.group(1) if match else "unknown"


def redis_server() -> str:
    found = shutil.which("redis-server") or ("/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None)
    if not found:
        raise NetBoxLabError("Redis is not installed (no redis-server): tools/setup.sh test installs "
                             "Debian's `redis-server` (bindep.txt, profile test)")
    return found


def postgres_user() -> dict:
    """subprocess keyword arguments that run PostgreSQL as `postgres` when we are root."""
    if os.geteuid() != 0:
        return {}
    try:
        entry = pwd.getpwnam("postgres")
    except KeyError:
        raise NetBoxLabError("PostgreSQL refuses to run as root and there is no `postgres` user "
                             "(Debian's postgresql package makes it: tools/setup.sh test)") from None
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def chown_tree(path: Path, who: dict) -> None:
    if not who:
        return
    os.chown(path, who["user"], who["group"])
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.chown(os.path.join(root, name), who["user"], who["group"], follow_symlinks=False)


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_until(predicate, timeout: float, what: str, proc: subprocess.Popen | None = None, logfile: Path | None = None):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        if proc is not None and proc.poll() is not None:
            tail = logfile.read_text(errors="replace")[-3000:] if logfile and logfile.exists() else ""
            raise NetBoxLabError(f"{what}: the process exited ({proc.returncode}) before it was ready:\n{tail}")
        time.sleep(0.25)
    raise NetBoxLabError(f"timed out after {timeout:.0f}s waiting for {what}")


def write_secret(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)


def run(cmd: list, logfile: Path, env: dict | None = None, timeout: float = 1800, **kwargs) -> None:
    """Run a command with its output appended to logfile; the log's tail in the error."""
    with open(logfile, "ab") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, timeout=timeout,
                              check=False, **kwargs)
    if proc.returncode != 0:
        tail = logfile.read_text(errors="replace")[-3000:]
        raise NetBoxLabError(f"{Path(cmd[0]).name} {' '.join(cmd[1:3])} failed ({proc.returncode}):\n{tail}")


# ---------------------------------------------------------------- the NetBox virtual environment

def _venv_site(venv: Path) -> Path:
    found = glob.glob(str(venv / "lib" / "python3.*" / "site-packages"))
    if not found:
        raise NetBoxLabError(f"{venv} has no site-packages")
    return Path(found[0])


def netbox_version(venv: Path) -> str:
    for info in glob.glob(str(_venv_site(venv) / "netbox-*.dist-info")):
        match = re.match(r"netbox-(.+)\.dist-info$", os.path.basename(info))
        if match:
            return match.group(1)
    raise NetBoxLabError(f"NetBox is not installed in {venv}")


def requirements_of(venv: Path) -> list[str]:
    """NetBox's own pinned requirements (its wheel's Requires-Dist, extras left out), with
    psycopg's C build swapped for its binary wheel: the same psycopg, without libpq-dev, gcc
    and Python headers on the machine."""
    meta = glob.glob(str(_venv_site(venv) / "netbox-*.dist-info" / "METADATA"))[0]
    out = []
    for line in Path(meta).read_text().splitlines():
        if not line.startswith("Requires-Dist:") or "extra ==" in line:
            continue
        req = line.split(":", 1)[1].strip()
        match = re.match(r"psycopg\[([^\]]*)\](.*)$", req)
        if match:
            extras = ["binary" if e.strip() == "c" else e.strip() for e in match.group(1).split(",")]
            req = "psycopg[%s]%s" % (",".join(extras), match.group(2))
        out.append(req)
    return out


def ensure_venv() -> Path:
    venv = CACHE / "venv"
    stamp = venv / ".voipready-netbox"
    if stamp.exists() and stamp.read_text() == NETBOX_SPEC and (venv / "bin" / "gunicorn").exists():
        return venv
    python = find_python()
    t0 = time.monotonic()
    log(f"building {venv} ({NETBOX_SPEC}, {python})")
    shutil.rmtree(venv, ignore_errors=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    build_log = CACHE / "venv-build.log"
    build_log.unlink(missing_ok=True)
    run([python, "-m", "venv", str(venv)], build_log)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    run(pip + ["--no-deps", NETBOX_SPEC], build_log)
    run(pip + requirements_of(venv), build_log)
    stamp.write_text(NETBOX_SPEC)
    log(f"NetBox {netbox_version(venv)} installed in {time.monotonic() - t0:.0f}s")
    return venv


# ---------------------------------------------------------------- one instance

class NetBox:
    """One running NetBox: PostgreSQL, Redis and gunicorn, children of this process."""

    def __init__(self):
        self.url = f"http://127.0.0.1:{PORTS['http']}"
        self.token = None
        self.admin_password = None
        self.version = None
        self.procs = {}          # name -> Popen (this process started them)
        self.timings = {}
        self._redis_password = None

    # -- processes
    def _spawn(self, name: str, cmd: list, env: dict | None = None, **kwargs) -> subprocess.Popen:
        logfile = RUN / f"{name}.log"
        with open(logfile, "ab") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    env=env, start_new_session=True, **kwargs)
        self.procs[name] = proc
        self._write_state()
        return proc

    def _write_state(self):
        state = {"url": self.url, "pids": {n: p.pid for n, p in self.procs.items() if p.poll() is None},
                 "run": str(RUN)}
        write_secret(RUN / "state.json", json.dumps(state, indent=1))

    def _start_postgres(self, bindir: Path, datadir: Path, who: dict) -> None:
        port = PORTS["postgres"]
        proc = self._spawn("postgres", [
            str(bindir / "postgres"), "-D", str(datadir), "-p", str(port),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            # a throwaway test database: no durability needed, less disk and CPU
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=40", "-c", "shared_buffers=64MB"], cwd=str(datadir.parent), **who)

        def ready():
            return subprocess.run([str(bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)],
                                  check=False).returncode == 0
        wait_until(ready, 120, f"PostgreSQL on 127.0.0.1:{port}", proc, RUN / "postgres.log")

    def _stop(self, name: str, sig=signal.SIGTERM, timeout: float = 30) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)

    def _start_redis(self, password: str) -> None:
        conf = RUN / "redis.conf"
        write_secret(conf, "\n".join([
            "bind 127.0.0.1", f"port {PORTS['redis']}", "protected-mode yes", 'save ""',
            "appendonly no", f"dir {RUN}", f"requirepass {password}", "daemonize no", ""]))
        proc = self._spawn("redis", [redis_server(), str(conf)])
        wait_until(lambda: not port_free(PORTS["redis"]), 60, f"Redis on 127.0.0.1:{PORTS['redis']}",
                   proc, RUN / "redis.log")

    def _netbox_env(self, venv: Path, root: Path) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NETBOX_", "PYTHON"))}
        env.update(NETBOX_ROOT=str(root), DJANGO_SETTINGS_MODULE="netbox.settings",
                   PATH="%s:%s" % (venv / "bin", env.get("PATH", "/usr/bin:/bin")))
        return env

    def _configure(self, venv: Path, db_password: str) -> dict:
        root = RUN / "root"
        for sub in ("conf", "media", "reports", "scripts", "static"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        (root / "conf" / "__init__.py").write_text("")
        self._redis_password = secrets.token_urlsafe(24)
        write_secret(root / "conf" / "configuration.py", CONFIGURATION.format(
            db_name=DB_NAME, db_user=DB_USER, db_password=db_password, pg_port=PORTS["postgres"],
            redis_port=PORTS["redis"], redis_password=self._redis_password,
            secret_key=secrets.token_urlsafe(48), pepper=secrets.token_urlsafe(48)))
        return self._netbox_env(venv, root)

    # -- the migrated template
    def _template(self, venv: Path, bindir: Path, who: dict) -> tuple[Path, str]:
        """The migrated data directory for this NetBox version (made once) and its password."""
        name = f"pgdata-netbox{netbox_version(venv)}-pg{postgres_major(bindir)}"
        template, secret = CACHE / name, CACHE / f"{name}.json"
        if template.is_dir() and secret.exists():
            return template, json.loads(secret.read_text())["db_password"]
        t0 = time.monotonic()
        log(f"making the migrated database template {template.name} (once per NetBox version)")
        for old in glob.glob(str(CACHE / "pgdata-netbox*")):   # an older version's template
            if os.path.isdir(old):
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.unlink(old)
        build = RUN / "build"
        build.mkdir(parents=True)
        password = secrets.token_urlsafe(24)
        pwfile = build / "pwfile"
        write_secret(pwfile, password + "\n")
        chown_tree(build, who)
        datadir = build / "pgdata"
        run([str(bindir / "initdb"), "-D", str(datadir), "-U", DB_USER, "--auth=scram-sha-256",
             f"--pwfile={pwfile}", "-E", "UTF8", "--no-locale", "--no-sync"],
            RUN / "initdb.log", cwd=str(build), **who)
        pwfile.unlink()
        self._start_postgres(bindir, datadir, who)
        env = self._configure(venv, password)
        self._start_redis(self._redis_password)
        run([str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(PORTS["postgres"]), "-U", DB_USER, DB_NAME],
            RUN / "initdb.log", env=dict(os.environ, PGPASSWORD=password))
        run([str(venv / "bin" / "netbox"), "migrate", "--no-input"], RUN / "migrate.log", env=env,
            cwd=str(RUN / "root"))
        self._stop("redis")
        self._stop("postgres", signal.SIGINT, timeout=120)   # fast shutdown: a clean checkpoint
        write_secret(secret, json.dumps({"db_password": password}))
        shutil.move(str(datadir), str(template))   # CACHE may be on another file system
        log(f"migrated in {time.monotonic() - t0:.0f}s: {template}")
        return template, password

    # -- up / down
    def up(self) -> "NetBox":
        t0 = time.monotonic()
        stop_recorded()                      # a run a crashed process left behind
        shutil.rmtree(RUN, ignore_errors=True)
        RUN.mkdir(parents=True)
        os.chmod(RUN, 0o755)                 # postgres walks through it to its data directory
        busy = [f"{n} 127.0.0.1:{p}" for n, p in PORTS.items() if not port_free(p)]
        if busy:
            raise NetBoxLabError("ports in use: %s (set VOIPREADY_NETBOX_PG_PORT, _REDIS_PORT, _HTTP_PORT)"
                                 % ", ".join(busy))
        bindir = postgres_bindir()
        redis_server()
        who = postgres_user()
        venv = ensure_venv()
        self.timings["venv"] = time.monotonic() - t0
        try:
            template, db_password = self._template(venv, bindir, who)
            self.timings["template"] = time.monotonic() - t0 - self.timings["venv"]
            t1 = time.monotonic()
            datadir = RUN / "pgdata"
            shutil.copytree(template, datadir, symlinks=True)
            chown_tree(datadir, who)
            self._start_postgres(bindir, datadir, who)
            env = self._configure(venv, db_password)
            self._start_redis(self._redis_password)
            # gunicorn imports NetBox while createsuperuser (a second Django process) runs
            self._spawn("gunicorn", [
                str(venv / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{PORTS['http']}", "--workers", "1",
                "--threads", "8", "--timeout", "300", "--graceful-timeout", "5",
                "--access-logfile", "-", "--error-logfile", "-", "netbox.wsgi"], env=env, cwd=str(RUN / "root"))
            self.admin_password = secrets.token_urlsafe(24)
            run([str(venv / "bin" / "netbox"), "createsuperuser", "--no-input", "--username", ADMIN,
                 "--email", "admin@example.invalid"], RUN / "createsuperuser.log",
                env=dict(env, DJANGO_SUPERUSER_PASSWORD=self.admin_password), cwd=str(RUN / "root"))
            wait_until(self._answers, 300, f"NetBox on {self.url}/api/status/", self.procs["gunicorn"],
                       RUN / "gunicorn.log")
            made = self.api("POST", "/api/users/tokens/provision/",
                            {"username": ADMIN, "password": self.admin_password, "description": "voipready test run"},
                            auth=False)
            # v2 tokens (NetBox 4.5+) are nbt_<key>.<secret>; a v1 token is the secret alone
            self.token = "nbt_%s.%s" % (made["key"], made["token"]) if made.get("key") else made["token"]
            write_secret(RUN / "token", self.token + "\n")
            status = self.api("GET", "/api/status/")
            self.version = status["netbox-version"]
            self.timings["start"] = time.monotonic() - t1
        except BaseException:
            self.down()
            raise
        log("NetBox %s up at %s in %.1fs (%s); token in %s" % (
            self.version, self.url, time.monotonic() - t0,
            ", ".join("%s %.1fs" % kv for kv in self.timings.items()), RUN / "token"))
        return self

    def _answers(self) -> bool:
        try:
            with _opener().open(self.url + "/api/status/", timeout=5):
                return True
        except urllib.error.HTTPError:
            return True                      # 403 without a token: it answers
        except (urllib.error.URLError, OSError):
            return False

    def down(self) -> None:
        """Stop what this object started (by PID), newest first, and remove the run."""
        for name in ("gunicorn", "redis"):
            self._stop(name)
        self._stop("postgres", signal.SIGINT, timeout=60)
        shutil.rmtree(RUN, ignore_errors=True)

    # -- the REST API
    def api(self, method: str, path: str, body=None, auth: bool = True):
        """One REST API call; the JSON answer, or an error with NetBox's own message (never the token)."""
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        if auth:
            headers["Authorization"] = f"Bearer {self.token}"
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with _opener().open(request, timeout=300) as answer:
                raw = answer.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode(errors="replace")[:2000]
            raise NetBoxLabError(f"NetBox {method} {path}: HTTP {exc.code}: {detail}") from None
        return json.loads(raw) if raw else None


def _opener():
    # loopback: never through a proxy from the environment
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _ours(pid: int) -> bool:
    """A PID from run/state.json is still one of ours (its command line names our run or ports)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False
    # postgres -D <run>/pgdata; redis retitles itself "redis-server 127.0.0.1:<port>"; gunicorn --bind
    return str(RUN) in cmdline or any(f"127.0.0.1:{port}" in cmdline for port in (PORTS["redis"], PORTS["http"]))


def stop_recorded() -> list:
    """Stop the processes run/state.json records (`down` of the CLI, or a crashed run's leftovers)."""
    state_file = RUN / "state.json"
    if not state_file.exists():
        return []
    pids = json.loads(state_file.read_text()).get("pids", {})
    stopped = []
    for name in ("gunicorn", "redis", "postgres"):
        pid = pids.get(name)
        if not pid or not _ours(pid):
            continue
        os.kill(pid, signal.SIGINT if name == "postgres" else signal.SIGTERM)
        end = time.monotonic() + 60
        while _ours(pid) and time.monotonic() < end:
            time.sleep(0.2)
        if _ours(pid):
            os.kill(pid, signal.SIGKILL)
        stopped.append(f"{name} ({pid})")
    return stopped


@contextlib.contextmanager
def running():
    """A NetBox for the duration of a with-block (stopped, by PID, however the block ends)."""
    nb = NetBox().up()
    try:
        yield nb
    finally:
        nb.down()


def main(argv: list) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    try:
        if command == "up":
            nb = NetBox().up()
            # leave the processes running for `down`; they are in their own sessions
            nb.procs.clear()
            print(f"NETBOX_API={nb.url}")
            print(f"NETBOX_TOKEN is in {RUN / 'token'} (export NETBOX_TOKEN=$(cat {RUN / 'token'}))")
        elif command == "down":
            stopped = stop_recorded()
            shutil.rmtree(RUN, ignore_errors=True)
            print("stopped: %s" % (", ".join(stopped) or "nothing was running"))
        elif command == "status":
            state_file = RUN / "state.json"
            pids = json.loads(state_file.read_text()).get("pids", {}) if state_file.exists() else {}
            alive = {n: p for n, p in pids.items() if _ours(p)}
            print(json.dumps({"url": f"http://127.0.0.1:{PORTS['http']}", "running": alive}, indent=1))
            return 0 if len(alive) == 3 else 4
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except NetBoxLabError as exc:
        print(f"netbox_lab: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
