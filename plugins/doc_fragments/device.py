# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """Options every voipready module shares: platform, state, connection, safety."""

    DOCUMENTATION = r"""
options:
  platform:
    description:
      - The device's platform. Defaults to the host variable C(voipready_platform) when
        the task runs through the collection's action plugin (the normal case).
      - C(linux) is nftables + conntrack; C(openvswitch) is Open vSwitch; C(ios) covers
        IOS / IOS-XE routers and Catalyst switches; C(junos) covers SRX and EX.
    type: str
    required: true
    choices: [linux, openvswitch, ios, asa, junos, fortios, panos, eos, routeros, vyos]
  state:
    description:
      - C(merged) adds and corrects what the intent asks for and leaves everything
        else alone.
      - C(replaced) and C(overridden) make the objects this collection owns (named with
        the allowlist prefix, default C(VOIPREADY)) exactly the intent, removing owned
        entries the intent no longer lists. Nothing the collection does not own is
        ever touched, except a SIP ALG, which is switched off wherever it is enabled
        (and the diff says so).
      - C(deleted) removes what the collection owns for this feature and restores the
        platform's default session timeouts. A SIP ALG is never switched back on.
      - C(gathered) reads the device and returns its state in the intent's structure.
      - C(rendered) returns the configuration the intent produces, without connecting.
      - C(parsed) reads I(running_config) instead of a device.
      - C(restored) puts the configuration the collection owns back to a backup's
        (I(backup), default the newest one of this host in I(backup_dir)), through the
        same safe path as a change (backup of the current state, lockout guard,
        commit-confirm, read-back, rollback on failure). Features are optional with this
        state; when given they only scope the diff.
    type: str
    default: merged
    choices: [merged, replaced, overridden, deleted, gathered, rendered, parsed, restored]
  running_config:
    description:
      - Running configuration text to read with I(state=parsed) (for C(linux), the
        output of the driver's gather commands; see the platform matrix in docs/).
    type: str
  connection:
    description:
      - How to reach the device. Through the action plugin every key defaults to the
        inventory's connection variables, so tasks normally leave this out.
      - Secrets are never returned, logged or written to diffs, reports or backups.
    type: dict
    suboptions:
      host:
        description: Management address (default C(ansible_host)).
        type: str
      port:
        description: SSH port (default C(ansible_port), else 22).
        type: int
        default: 22
      username:
        description: Login user (default C(ansible_user)).
        type: str
      password:
        description: Login password (default C(ansible_password) or C(ansible_ssh_pass)).
        type: str
      secret:
        description: Enable secret where the platform has one (default C(ansible_become_password)).
        type: str
      ssh_key_file:
        description: Private key file (default C(ansible_ssh_private_key_file)).
        type: path
      timeout:
        description: Seconds to wait for the login and for each command's prompt.
        type: int
        default: 10
      device_type:
        description: Override the netmiko device type the platform implies.
        type: str
      name:
        description:
          - The device's name in messages and the backup directory (default
            C(inventory_hostname); devices behind one address stay apart).
        type: str
      proxy_jump:
        description:
          - Jump host(s) to reach the device through, as C(ssh -J) takes them,
            C([user@]host[:port]), comma-separated for several hops (default
            C(voipready_ssh_proxy_jump), else a C(-J), C(-o ProxyJump=) or
            C(-o ProxyCommand=) in O(connection.ssh_args)).
          - The system's C(ssh -W) opens the stream to the device; it logs in to the
            jump host with its own configuration, keys and agent, without prompting
            (C(BatchMode=yes)). The device login itself goes through that stream.
          - C(transport=netmiko) only.
        type: str
      ssh_args:
        description:
          - ssh command-line arguments (default C(ansible_ssh_common_args) and then
            C(ansible_ssh_extra_args), split like a shell would). Jump hosts and a
            C(ProxyCommand) in them are honoured; the other arguments are given to the
            jump host's C(ssh) (for example C(-o UserKnownHostsFile=...)).
        type: list
        elements: str
      ssh_agent:
        description:
          - Log in to the device with the keys of the ssh-agent at C(SSH_AUTH_SOCK), as
            AWX loads a Machine credential's SSH key (default C(voipready_ssh_agent);
            unset, the agent is used when neither a password nor a key file is given,
            so that a device counting failed key attempts never refuses the password).
        type: bool
  transport:
    description:
      - C(netmiko) (default) works for every platform and is what the lab proves.
      - C(napalm) uses the NAPALM driver's candidate configuration, compare and
        commit where one exists (C(ios), C(eos), C(junos), and C(panos)/C(vyos) when
        their community drivers are installed). Defaults to C(voipready_transport).
    type: str
    default: netmiko
    choices: [netmiko, napalm]
  confirm_timeout:
    description:
      - Seconds the device waits for the controller to confirm a change before it
        reverts it by itself (commit-confirm). The change is confirmed only after it was
        read back and a fresh connection to the management port got the SSH banner (a
        policy that keeps the open session but refuses new ones is caught); the confirm
        goes over the open session, or over a fresh login if that session died.
      - On C(linux) the revert is a detached timer on the device that restores the
        before state; through NAPALM it is the driver's C(revert_in); on other CLI
        platforms without a timer the engine rolls back with the inverse commands (see
        docs/safety.md for each platform).
      - C(0) arms no timer. Range 0 to 3600.
    type: int
    default: 120
  accept_lockout_risk:
    description:
      - The lockout guard evaluates, before anything is pushed, whether the configuration
        after the change still admits this run's management session (the source address
        and port the device sees, to its SSH port). A change that would cut it is refused
        with the rule that cuts it, in check mode too.
      - C(true) pushes it anyway; commit-confirm still reverts it if the controller
        cannot confirm over a fresh connection.
    type: bool
    default: false
  backup_dir:
    description:
      - Where every change first saves the device's before state on the controller,
        as C(<backup_dir>/<host>/<UTC time>-<platform>.json) and C(latest.json)
        (mode 0600). Secrets are redacted by the platform driver before writing.
      - A backup that cannot be written stops the change before the device is touched.
    type: path
    default: ~/.local/state/voipready/backups
  backup:
    description:
      - The backup file to put back with I(state=restored) (default the host's
        C(latest.json) in I(backup_dir)).
    type: path
  lock_timeout:
    description:
      - Seconds a run waits for another voipready run on the same device (from this
        controller) to finish before it fails with a clear message.
    type: int
    default: 120
notes:
  - Runs on the controller through the collection's action plugin; the device needs no
    Python. One SSH login per task; use M(voipready.network.voipready_apply) (as
    C(site.yml) does) for one login per device per run.
  - Supports check mode and C(--diff) with the device's real before and after state.
requirements:
  - netmiko >= 4.5 (transport netmiko)
  - napalm >= 5 (transport napalm)
  - hier_config >= 3.2 (text remediation on CLI platforms)
"""
