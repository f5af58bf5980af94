# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Runs voipready.network.voipready_compliance_report on the controller.

One task instead of a set_fact, a directory, three copies and a set_stats: the files are
written here, on the controller, without a module payload per file.
"""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

import glob
import json
import os
import re
import time

import yaml
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.voipready.network.plugins.module_utils import report
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

SPEC = dict(
    hosts=dict(type="list", elements="str", default=[]),
    report_dir=dict(type="path", default="reports"),
    slice=dict(type="str", default=""),
    merge=dict(type="bool", default=False),
    slice_count=dict(type="int", default=0),
    generated_at=dict(type="str", default=""),
    remediate=dict(type="bool", default=False),
    fail_on_drift=dict(type="bool", default=True),
    fail_on_unreachable=dict(type="bool", default=True),
)
SLICE_RE = re.compile(r"^[A-Za-z0-9_]*$")
display = Display()
COLLECTION_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def collection_version(root=COLLECTION_ROOT):
    """The version of this voipready.network, for the reports' header: MANIFEST.json of an
    installed collection, else galaxy.yml of a checkout; None when neither says."""
    try:
        with open(os.path.join(root, "MANIFEST.json"), encoding="utf-8") as handle:
            return str(json.load(handle)["collection_info"]["version"])
    except (IOError, OSError, ValueError, KeyError, TypeError):
        pass
    try:
        with open(os.path.join(root, "galaxy.yml"), encoding="utf-8") as handle:
            return str(yaml.safe_load(handle)["version"])
    except (IOError, OSError, yaml.YAMLError, KeyError, TypeError):
        return None


def _write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(tmp, 0o644)
    os.rename(tmp, path)


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(ActionModule, self).run(tmp, task_vars)
        validation = ArgumentSpecValidator(SPEC).validate(dict(self._task.args))
        if validation.error_messages:
            result.update(failed=True, msg="; ".join(sorted(validation.error_messages)))
            return result
        args = validation.validated_parameters
        if not SLICE_RE.match(args["slice"]) or (args["merge"] and args["slice"]):
            result.update(failed=True, msg="slice=%r must hold only letters, digits and '_' (it names this "
                                           "slice's reports and its set_stats key), and a merge has none"
                                           % args["slice"])
            return result
        # relative to where ansible-playbook runs (the project root for make, AWX, runner)
        directory = os.path.realpath(os.path.expanduser(args["report_dir"]))
        try:
            data = self._merged(directory, args) if args["merge"] else self._from_hosts(task_vars, args)
        except VoipReadyError as exc:
            result.update(failed=True, msg=str(exc))
            return result
        base = "compliance-slice-%s" % args["slice"] if args["slice"] else "compliance"
        key = "voipready_compliance_slice_%s" % args["slice"] if args["slice"] else "voipready_compliance"
        # written even under --check: the reports are the run's result, not a change to a device
        if not os.path.isdir(directory):
            os.makedirs(directory, 0o755)
        paths = {}
        for ext, render in (("json", report.to_json), ("xml", report.to_junit), ("html", report.to_html)):
            paths[ext] = os.path.join(directory, "%s.%s" % (base, ext))
            _write(paths[ext], render(data))
        summary = data["summary"]
        result.update(changed=False, summary=summary, paths=paths,
                      ansible_stats={"data": {key: dict(summary, report_dir=directory)},
                                     "per_host": False, "aggregate": True})
        # hosts first (what a person triages), then the host x feature checks
        result["msg"] = "%d hosts: %s; checks: %s; drifted: %s; reports: %s/%s.{json,xml,html}" % (
            summary["hosts"], ", ".join("%s=%d" % (s, summary["host_counts"][s]) for s in report.HOST_STATUSES),
            ", ".join("%s=%d" % item for item in sorted(summary["counts"].items())),
            ", ".join(summary["drifted"]) or "none", directory, base)
        display.display(result["msg"])
        problems = []
        if args["fail_on_drift"] and summary["drifted"]:
            problems.append("drifted %s;" % ", ".join(summary["drifted"]))
        if args["fail_on_unreachable"]:
            if summary["unreachable"]:
                problems.append("unreachable %s;" % ", ".join(summary["unreachable"]))
            if summary["errors"]:
                problems.append("errors on %s;" % ", ".join(summary["errors"]))
        # Not failed here: ansible records set_stats (ansible_stats) of successful results
        # only; the task after this one fails the job with ``verdict``.
        result["verdict"] = ("not compliant: %s see %s (remediate=true fixes drift)"
                             % (" ".join(problems), paths["html"])) if problems else ""
        return result

    def _generated_at(self, args):
        return args["generated_at"] or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

    def _from_hosts(self, task_vars, args):
        """The report of this run: each targeted host's registered voipready_compliance."""
        hostvars = task_vars.get("hostvars") or {}
        entries = []
        for host in args["hosts"]:
            try:
                registered = hostvars[host].get("voipready_compliance")
            except KeyError:
                registered = None
            if registered is not None:
                registered = self._templar.template(registered)
            if isinstance(registered, dict) and isinstance(registered.get("compliance"), dict):
                entries.append(registered["compliance"])
        return report.build_report(entries, generated_at=self._generated_at(args),
                                   remediate=args["remediate"], hosts=args["hosts"],
                                   collection_version=collection_version())

    def _merged(self, directory, args):
        """The slices of one run in ``directory`` joined (playbooks/compliance_merge.yml)."""
        files = sorted(glob.glob(os.path.join(glob.escape(directory), "compliance-slice-*.json")))
        if not files or (args["slice_count"] and len(files) != args["slice_count"]):
            raise VoipReadyError(
                "found %d slice report(s) in %s (%s), expected %s: a slice that left no report "
                "cannot be merged (its hosts would be missing)" % (
                    len(files), directory, ", ".join(os.path.basename(f) for f in files) or "none",
                    args["slice_count"] or "at least one"), field="slice_count", value=args["slice_count"])
        parts = []
        for path in files:
            try:
                with open(path, encoding="utf-8") as handle:
                    parts.append(json.load(handle))
            except (IOError, OSError, ValueError) as exc:
                raise VoipReadyError("cannot read the slice report %s: %s" % (path, exc), field="report_dir",
                                     value=directory)
        return report.merge_reports(parts, generated_at=args["generated_at"] or None)
