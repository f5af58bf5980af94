# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Runs voipready.network.voip_readiness on the controller.

Like the other voipready actions (plugin_utils/action_base.py) it needs no Python on the
device: pings run over the collection's netmiko transport with the inventory's
connection variables, and controller-side probes run in the worker process.
"""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.plugins.action import ActionBase

from ansible_collections.voipready.network.plugins.module_utils import readiness
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.plugin_utils.action_base import (
    device_connection, inventory_platform)


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(ActionModule, self).run(tmp, task_vars)
        args = dict(self._task.args)
        if args.get("platform") in (None, "") and (task_vars.get("voipready_platform") or task_vars.get("ansible_network_os")):
            try:
                args["platform"] = inventory_platform(task_vars, self._templar)
            except VoipReadyError as exc:
                result.update(failed=True, changed=False, msg=str(exc), field=exc.field, value=exc.value)
                return result
        args["connection"] = device_connection(args, task_vars, self._templar, self._play_context)
        validation = ArgumentSpecValidator(readiness.argument_spec()).validate(args)
        if validation.error_messages:
            result.update(failed=True, changed=False, msg="; ".join(sorted(validation.error_messages)))
            return result
        params = validation.validated_parameters
        params["connection"] = dict((k, v) for k, v in (params.get("connection") or {}).items() if v is not None)
        # Read-only: check mode runs the same probes and reports the same result.
        outcome, error = readiness.execute(params)
        result.update(outcome)
        if error:
            result["failed"] = True
            result["msg"] = error
        return result
