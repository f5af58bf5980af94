# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One task per device: voipready_device (converge, check, render) and
voipready_compliance (check, record the report entry) on the controller.

Each call reads the host's variables once, builds every feature's intent in Python
(plugin_utils/host_intent.py, the catalog parsed once per content), talks to the device
once through the engine and returns per-feature results. Nothing is templated per
feature, and no task is spent per feature.

Import cost: ansible imports an action plugin's class in its main process before it
forks the first worker (the linear and free strategies look up BYPASS_HOST_LOOP on it).
This module imports the transport libraries and every platform driver at that point,
so each forked worker inherits them instead of importing netmiko, paramiko and
hier_config again; measured in docs/performance.md.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import os

from ansible.errors import AnsibleError
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.voipready.network.plugins.module_utils import report
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import FEATURES, PLATFORMS
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from ansible_collections.voipready.network.plugins.module_utils.runner import execute
from ansible_collections.voipready.network.plugins.plugin_utils import host_intent
from ansible_collections.voipready.network.plugins.plugin_utils.action_base import device_connection

display = Display()

# Libraries device runs need (hier_config: the text remediation of eos, fortios, junos,
# vyos), imported once in ansible's main process (see above). napalm is imported by the
# hosts that ask for transport=napalm, each in its own worker: it costs ~0.3 CPU-s (after
# netmiko), more than a netmiko device run, for nothing when no host uses it. A fleet on
# NAPALM sets VOIPREADY_PRELOAD=napalm (comma-separated module names) so that the main
# process pays it once (docs/performance.md).
PRELOAD = ("netmiko", "paramiko", "hier_config", "jsonschema", "jmespath", "yaml")
PRELOAD_ENV = "VOIPREADY_PRELOAD"
PRELOADED = []


def preload():
    """Import the transport libraries, every platform driver and the roles' argument
    specs now; each missing library is reported later, by the run that needs it."""
    if PRELOADED:
        return PRELOADED
    extra = [n.strip() for n in os.environ.get(PRELOAD_ENV, "").split(",") if n.strip()]
    for name in PRELOAD + tuple(extra):
        try:
            importlib.import_module(name)
            PRELOADED.append(name)
        except ImportError:
            pass
    for platform in PLATFORMS:
        try:
            get_driver(platform)
            PRELOADED.append("platform:" + platform)
        except VoipReadyError:
            pass
    host_intent.preload()
    return PRELOADED


preload()

DEVICE_SPEC = dict(
    features=dict(type="list", elements="str", choices=list(FEATURES)),
)
COMPLIANCE_SPEC = dict(
    features=dict(type="list", elements="str", choices=list(FEATURES)),
    remediate=dict(type="bool", default=False),
    flows=dict(type="bool", default=True),
)
COMPLIANCE_STATES = ("merged", "replaced", "overridden")


def feature_summary(features):
    """allowlist=compliant, qos=drift (why), ... in feature order."""
    parts = []
    for name in sorted(features or {}, key=lambda f: (FEATURES.index(f) if f in FEATURES else 99, f)):
        item = features[name]
        text = "%s=%s" % (name, item.get("status"))
        if item.get("reason"):
            text += " (%s)" % item["reason"]
        parts.append(text)
    return ", ".join(parts)


def failure_result(exc):
    """A failed task's result for a VoipReadyError: the message names the variable."""
    out = {"failed": True, "changed": False, "msg": str(exc), "field": exc.field,
           "value": exc.value if isinstance(exc.value, (str, int, float, bool, list, dict, type(None)))
           else str(exc.value)}
    if getattr(exc, "module_field", None):
        out["module_field"] = exc.module_field
    return out


def rendered_text(lines):
    """The file of a ``rendered`` result (a list of lines): each line ends with a newline."""
    return "".join(line + "\n" for line in lines or [])


class DeviceAction(ActionBase):
    """What both actions share: the host's variables, its intent, one engine run."""

    TRANSFERS_FILES = False
    _requires_connection = False
    ARGUMENT_SPEC = DEVICE_SPEC

    def _args(self, task_vars):
        validation = ArgumentSpecValidator(self.ARGUMENT_SPEC).validate(dict(self._task.args))
        if validation.error_messages:
            raise VoipReadyError("; ".join(sorted(validation.error_messages)), field="features",
                                 value=self._task.args.get("features"))
        args = validation.validated_parameters
        if not args.get("features"):
            subinterfaces = task_vars.get("voipready_subinterfaces")
            if subinterfaces is not None:
                subinterfaces = self._templar.template(subinterfaces)
            args["features"] = host_intent.group_features(task_vars.get("group_names"), subinterfaces)
        return args

    def _variables(self, task_vars, features):
        """The variables the features read, templated; nothing else is templated."""
        out = {}
        for name in host_intent.variable_names(features):
            if name in task_vars:
                out[name] = self._templar.template(task_vars[name])
        return out

    def _build(self, task_vars, features):
        return host_intent.build(self._variables(task_vars, features), features)

    def _params(self, task_vars, platform, intent, settings):
        state = settings["voipready_state"]
        params = {
            "platform": platform, "features": intent, "state": state,
            "transport": settings["voipready_transport"],
            "confirm_timeout": settings["voipready_confirm_timeout"], "lock_timeout": 120,
            "accept_lockout_risk": settings["voipready_accept_lockout_risk"],
            "backup_dir": settings["voipready_backup_dir"],
            "backup": settings["voipready_restore_backup"] or None,
        }
        if state not in ("rendered", "parsed"):
            params["connection"] = device_connection({}, task_vars, self._templar, self._play_context)
        return params

    def _engine(self, params, check_mode):
        # display from a worker goes through ansible's results queue: a revert wait or a
        # lock wait is printed while it lasts, not when the task ends
        outcome, error = execute(params, check_mode, progress=display.display)
        if not self._task.diff:
            outcome.pop("diff", None)
        return outcome, error

    def _say(self, task_vars, features):
        if features:
            display.display("%s: %s" % (task_vars.get("inventory_hostname"), feature_summary(features)))


class DeviceConvergeAction(DeviceAction):
    """voipready.network.voipready_device."""

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(DeviceConvergeAction, self).run(tmp, task_vars)
        try:
            args = self._args(task_vars)
            platform, intent, settings = self._build(task_vars, args["features"])
        except VoipReadyError as exc:
            result.update(failure_result(exc))
            return result
        params = self._params(task_vars, platform, intent, settings)
        outcome, error = self._engine(params, self._task.check_mode)
        result.update(outcome)
        if error:
            result.update(failed=True, msg=error)
            return result
        if params["state"] == "rendered":
            self._write_rendered(task_vars, settings, result)
        self._say(task_vars, result.get("features"))
        return result

    def _write_rendered(self, task_vars, settings, result):
        """rendered/<inventory_hostname>.conf on the controller, like a copy task: changed
        when the content differs, nothing written in check mode, the diff under --diff.

        The default directory is rendered/ in the working directory (where ansible-playbook,
        AWX or ansible-runner runs), never beside the playbook: run as
        ``voipready.network.site`` the playbook lives inside the installed collection."""
        directory = settings["voipready_render_dir"] or "rendered"
        path = os.path.join(os.path.abspath(os.path.expanduser(directory)),
                            "%s.conf" % task_vars.get("inventory_hostname"))
        content = rendered_text(result.get("rendered"))
        try:
            with open(path, encoding="utf-8") as handle:
                before = handle.read()
        except (IOError, OSError):
            before = None
        result["rendered_path"] = path
        result["changed"] = before != content
        if self._task.diff and before != content:
            result["diff"] = {"before": before or "", "after": content,
                              "before_header": path if before is not None else "(absent)",
                              "after_header": path}
        if self._task.check_mode or before == content:
            return
        try:
            if not os.path.isdir(os.path.dirname(path)):
                os.makedirs(os.path.dirname(path), 0o755)
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as handle:
                handle.write(content)
            os.chmod(tmp, 0o644)
            os.rename(tmp, path)
        except (IOError, OSError) as exc:
            raise AnsibleError("cannot write %s (voipready_render_dir=%s): %s" % (path, directory, exc))


class DeviceComplianceAction(DeviceAction):
    """voipready.network.voipready_compliance: never fails the host; whatever stops the
    check (no login, bad input, a failed remediation) becomes the host's report entry
    (``compliance`` in the registered result)."""

    ARGUMENT_SPEC = COMPLIANCE_SPEC

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(DeviceComplianceAction, self).run(tmp, task_vars)
        try:
            args = self._args(task_vars)
        except VoipReadyError as exc:
            result.update(failure_result(exc))
            return result
        raw = {"host": task_vars.get("inventory_hostname"),
               "planned": args["features"] + (["flows"] if args["flows"] else []),
               "platform": task_vars.get("voipready_platform")}
        variables = self._variables(task_vars, args["features"])
        # the report's header says what each host was judged against, checked or not
        raw.update(host_intent.judged_against(variables))
        phase = "intent"
        try:
            platform, intent, settings = host_intent.build(variables, args["features"])
            raw["platform"] = platform
            if settings["voipready_state"] not in COMPLIANCE_STATES:
                raise VoipReadyError("voipready_state=%r cannot be checked for compliance; use one of: %s"
                                     % (settings["voipready_state"], ", ".join(COMPLIANCE_STATES)),
                                     field="voipready_state", value=settings["voipready_state"])
            params = self._params(task_vars, platform, intent, settings)
            if args["remediate"] and not self._task.check_mode:
                phase = "remediate"
                fix, error = self._engine(params, False)
                if error:
                    raise VoipReadyError(error)
                raw["fix"] = fix
                result["changed"] = bool(fix.get("changed"))
            phase = "check"
            # the flows check: what the whole policy admits for the provider's flows
            check, error = self._engine(dict(params, flows=args["flows"]), True)
            if error:
                raise VoipReadyError(error)
            raw["check"] = check
            shown = (raw.get("fix") or check).get("diff")
            if shown:
                result["diff"] = shown
        except VoipReadyError as exc:
            raw["failure"] = {"msg": str(exc)}
            raw["phase"] = phase
        # registered, not a fact: facts go to the fact cache, and a cached entry of an
        # earlier run must never stand in for a host this run could not check
        entry = report.host_entry(raw)
        result["compliance"] = entry
        if raw.get("failure"):
            reason = next(iter(entry["features"].values()))["reason"]
            display.display("%s: %s: %s" % (entry["host"], entry["status"], reason))
        else:
            self._say(task_vars, entry["features"])
        return result
