# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Action plugin behind every voipready module.

Network devices run no Python, so the work happens on the controller. Rather than ship
a module payload to localhost per task, the action runs the engine in the worker
process and fills the device connection from the inventory, the way network_cli users
expect: ``ansible_host``, ``ansible_port``, ``ansible_user``, ``ansible_password`` (or
``ansible_ssh_pass``), ``ansible_ssh_private_key_file``, ``ansible_become_password``
(enable secret) and ``voipready_platform`` (else the platform ``ansible_network_os``
names) / ``voipready_transport`` for the module's ``platform`` / ``transport`` when the
task leaves them out.

No connection plugin is used, so hosts need no Python and no extra SSH session.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import shlex

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.runner import (
    apply_argument_spec, execute, feature_argument_spec)
from ansible_collections.voipready.network.plugins.plugin_utils.host_intent import platform_of

display = Display()

CONNECTION_VARS = (
    ("host", ("ansible_host",)),
    ("port", ("ansible_port",)),
    ("username", ("ansible_user",)),
    ("password", ("ansible_password", "ansible_ssh_pass")),
    ("secret", ("ansible_become_password", "ansible_become_pass")),
    ("ssh_key_file", ("ansible_ssh_private_key_file", "ansible_private_key_file")),
    # a jump host: [user@]host[:port], comma-separated hops (ssh -J); also read from
    # -J / -o ProxyJump= / -o ProxyCommand= in the ssh arguments below
    ("proxy_jump", ("voipready_ssh_proxy_jump",)),
    # the ssh-agent's keys for the device login (default: when there is neither a
    # password nor a key file; module_utils/transport.py use_agent)
    ("ssh_agent", ("voipready_ssh_agent",)),
)
# what the ssh connection plugin users already set, in the order ssh gets them
SSH_ARGS_VARS = ("ansible_ssh_common_args", "ansible_ssh_extra_args")

# AWX's Machine credential arrives on the command line (-u, --ask-pass answered at the
# prompt, --private-key, --ask-become-pass), i.e. in the play context, not in variables.
PLAY_CONTEXT_FALLBACK = (
    ("username", "remote_user"),
    ("password", "password"),
    ("ssh_key_file", "private_key_file"),
    ("secret", "become_pass"),
)


def inventory_platform(task_vars, templar):
    """``voipready_platform``, else the platform ``ansible_network_os`` names (cisco.ios.ios,
    ios, arista.eos.eos, ...); an error naming both when neither says."""
    names = ("voipready_platform", "ansible_network_os")
    return platform_of(dict((n, templar.template(task_vars[n])) for n in names if n in task_vars))


def play_context_fallback(connection, play_context):
    """Fill the connection keys the variables left empty from the play context."""
    for key, attribute in PLAY_CONTEXT_FALLBACK:
        value = getattr(play_context, attribute, None)
        if connection.get(key) is None and value:
            connection[key] = value
    return connection


def device_connection(args, task_vars, templar, play_context):
    """The task's ``connection`` with every key it leaves out taken from the inventory's
    connection variables, then from the play context (AWX's Machine credential)."""
    connection = dict(args.get("connection") or {})
    for key, names in CONNECTION_VARS:
        if connection.get(key) is None:
            for name in names:
                value = task_vars.get(name)
                if value is not None:
                    connection[key] = templar.template(value)
                    break
    if connection.get("ssh_args") is None:
        args = [templar.template(task_vars[name]) for name in SSH_ARGS_VARS if task_vars.get(name)]
        if args:
            connection["ssh_args"] = shlex.split(" ".join(str(arg) for arg in args))
    if connection.get("ssh_agent") is not None:
        connection["ssh_agent"] = boolean(connection["ssh_agent"], strict=False)
    play_context_fallback(connection, play_context)
    connection.setdefault("host", task_vars.get("inventory_hostname"))
    connection.setdefault("name", task_vars.get("inventory_hostname"))
    return connection


class VoipreadyAction(ActionBase):
    """Base for the per-module action plugins; FEATURE None means voipready_apply."""

    FEATURE = None
    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(VoipreadyAction, self).run(tmp, task_vars)
        args = dict(self._task.args)
        if args.get("platform") in (None, ""):
            try:
                args["platform"] = inventory_platform(task_vars, self._templar)
            except VoipReadyError as exc:
                result.update(failed=True, changed=False, msg=str(exc), field=exc.field, value=exc.value)
                return result
        if task_vars.get("voipready_transport"):
            args.setdefault("transport", task_vars["voipready_transport"])
        state = args.get("state", "merged")
        if state not in ("rendered", "parsed"):
            args["connection"] = device_connection(args, task_vars, self._templar,
                                                   self._play_context)
        spec = feature_argument_spec() if self.FEATURE else apply_argument_spec()
        validation = ArgumentSpecValidator(spec).validate(args)
        if validation.error_messages:
            result.update(failed=True, changed=False,
                          msg="; ".join(sorted(validation.error_messages)))
            return result
        params = validation.validated_parameters
        outcome, error = execute(params, self._task.check_mode, self.FEATURE, progress=display.display)
        if not self._task.diff:
            outcome.pop("diff", None)
        result.update(outcome)
        if error:
            result["failed"] = True
            result["msg"] = error
        return result
