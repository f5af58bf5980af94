# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every voipready module shares: its argument spec and the step from module
parameters to an engine run. Used by the modules (``main``) and by the action plugins,
which run the same code on the controller with the inventory's connection variables."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.voipready.network.plugins.module_utils.engine import (
    DEFAULT_BACKUP_DIR, Request, run)
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    PLATFORMS, role_variable)
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import STATES

CONNECTION_SPEC = dict(
    host=dict(type="str"),
    port=dict(type="int", default=22),
    username=dict(type="str"),
    password=dict(type="str", no_log=True),
    secret=dict(type="str", no_log=True),
    ssh_key_file=dict(type="path"),
    timeout=dict(type="int", default=10),
    device_type=dict(type="str"),
    name=dict(type="str"),
    proxy_jump=dict(type="str"),
    ssh_args=dict(type="list", elements="str"),
    ssh_agent=dict(type="bool"),
)

COMMON_SPEC = dict(
    platform=dict(type="str", required=True, choices=list(PLATFORMS)),
    state=dict(type="str", default="merged", choices=list(STATES)),
    running_config=dict(type="str"),
    connection=dict(type="dict", options=CONNECTION_SPEC),
    transport=dict(type="str", default="netmiko", choices=["netmiko", "napalm"]),
    confirm_timeout=dict(type="int", default=120),
    lock_timeout=dict(type="int", default=120),
    accept_lockout_risk=dict(type="bool", default=False),
    backup_dir=dict(type="path", default=DEFAULT_BACKUP_DIR),
    backup=dict(type="path"),
)


def feature_argument_spec():
    """Spec of a single-feature module: ``config`` holds that feature's intent."""
    spec = dict(COMMON_SPEC)
    spec["config"] = dict(type="dict", default={})
    return spec


def apply_argument_spec():
    """Spec of voipready_apply: ``features`` maps feature names to their intent."""
    spec = dict(COMMON_SPEC)
    spec["features"] = dict(type="dict", required=True)
    spec["flows"] = dict(type="bool", default=False)
    return spec


def request_from_params(params, check_mode, feature=None, progress=None):
    features = {feature: params.get("config") or {}} if feature else params.get("features") or {}
    return Request(
        platform=params["platform"], features=features, state=params["state"],
        connection=dict((k, v) for k, v in (params.get("connection") or {}).items()
                        if v is not None),
        check_mode=check_mode, transport=params["transport"],
        running_config=params.get("running_config"),
        confirm_timeout=params.get("confirm_timeout"),
        lock_wait=params.get("lock_timeout") or 120,
        accept_lockout_risk=params.get("accept_lockout_risk"),
        backup_dir=params.get("backup_dir"), backup=params.get("backup"),
        flows=params.get("flows") and not feature, progress=progress)


def execute(params, check_mode, feature=None, progress=None):
    """Run and return (result, error_message). Known errors become a clean message;
    anything else propagates so a real bug shows its traceback with -vvv. ``progress``
    (a callable taking a message) is told about long waits while they last."""
    try:
        return run(request_from_params(params, check_mode, feature, progress)), None
    except VoipReadyError as exc:
        result = {"changed": False, "field": exc.field, "value": _safe(exc.value)}
        message = str(exc)
        variable = role_variable(exc.field)
        if variable:
            # users of the roles set the variable, not the field: name it too
            result["variable"] = variable
            if variable not in message:
                message = "%s (inventory variable %s)" % (message, variable)
        return result, message


def _safe(value):
    return value if isinstance(value, (str, int, float, bool, list, dict, type(None))) else str(value)


def module_main(feature=None):
    """``main()`` of every voipready module."""
    from ansible.module_utils.basic import AnsibleModule
    spec = feature_argument_spec() if feature else apply_argument_spec()
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True)
    result, error = execute(module.params, module.check_mode, feature)
    if not module._diff:
        result.pop("diff", None)
    if error:
        module.fail_json(msg=error, **result)
    module.exit_json(**result)


def controller_only_main(name, argument_spec):
    """``main()`` of a module that reads the host's inventory variables (voipready_device,
    voipready_compliance): only its action plugin can, so run as a module it says so."""
    from ansible.module_utils.basic import AnsibleModule
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    module.fail_json(msg="%s reads ansible variables of the run: it runs as the collection's "
                         "action plugin on the controller, not as a module on a host" % name)
