# -*- coding: utf-8 -*-
"""A jump host (bastion) for the transport tests: an SSH server on a free loopback port,
built on asyncssh, that accepts one user by public key and forwards TCP (``ssh -W``,
``direct-tcpip``) to 127.0.0.1 only. It logs like sshd on stderr, plus one line per
forward, so a test can prove which connections went through it:

    Server listening on 127.0.0.1 port PORT.
    Accepted publickey for USER from 127.0.0.1 port P ssh2
    direct-tcpip to 127.0.0.1:DEST for USER
    refused direct-tcpip to HOST:DEST for USER

    python3 jump_host.py --state-dir DIR --user jump --authorized-keys FILE

The host key is DIR/ssh_host_ed25519_key (its public line in DIR/known_host_key.pub).
"""

import argparse
import asyncio
import os
import sys

import asyncssh


def log(message):
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


class JumpServer(asyncssh.SSHServer):
    def __init__(self, user, keys):
        self.user = user
        self.keys = keys
        self.conn = None
        self.peer = ("?", 0)

    def connection_made(self, conn):
        self.conn = conn
        self.peer = conn.get_extra_info("peername")[:2]

    def begin_auth(self, username):
        return True

    def password_auth_supported(self):
        return False

    def public_key_auth_supported(self):
        return True

    def validate_public_key(self, username, key):
        return username == self.user and key.public_data in self.keys

    def auth_completed(self):
        log("Accepted publickey for %s from %s port %s ssh2" % ((self.user,) + tuple(self.peer)))

    def connection_requested(self, dest_host, dest_port, orig_host, orig_port):
        if dest_host != "127.0.0.1":
            log("refused direct-tcpip to %s:%s for %s" % (dest_host, dest_port, self.user))
            return False
        log("direct-tcpip to %s:%s for %s" % (dest_host, dest_port, self.user))
        return True


async def serve(args):
    key_path = os.path.join(args.state_dir, "ssh_host_ed25519_key")
    if not os.path.exists(key_path):
        key = asyncssh.generate_private_key("ssh-ed25519")
        key.write_private_key(key_path)
        os.chmod(key_path, 0o600)
        key.write_public_key(os.path.join(args.state_dir, "known_host_key.pub"))
    with open(args.authorized_keys, encoding="utf-8") as handle:
        keys = [asyncssh.import_public_key(line).public_data for line in handle if line.strip()]
    server = await asyncssh.create_server(
        lambda: JumpServer(args.user, keys), "127.0.0.1", 0,
        server_host_keys=[asyncssh.read_private_key(key_path)], server_version="OpenSSH_9.2p1")
    for sock in server.sockets:
        log("Server listening on %s port %s." % sock.getsockname()[:2])
    await asyncio.Event().wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--state-dir", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--authorized-keys", required=True)
    try:
        asyncio.run(serve(parser.parse_args()))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
