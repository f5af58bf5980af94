# -*- coding: utf-8 -*-
"""Compliance report filters of voipready.network (playbooks/compliance.yml).

The work is in plugins/module_utils/report.py; documentation lives in the YAML files
beside this one (one per filter).
"""

from __future__ import annotations

from ansible.errors import AnsibleFilterError

from ansible_collections.voipready.network.plugins.module_utils import report
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError


def _filter_errors(function):
    """Turn VoipReadyError into AnsibleFilterError so the play fails with its message."""

    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except VoipReadyError as exc:
            raise AnsibleFilterError(str(exc)) from exc

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


@_filter_errors
def compliance_host(raw):
    return report.host_entry(raw)


@_filter_errors
def compliance_report(entries, generated_at=None, remediate=False, hosts=None):
    return report.build_report(entries, generated_at=generated_at, remediate=remediate, hosts=hosts)


@_filter_errors
def compliance_json(data):
    return report.to_json(data)


@_filter_errors
def compliance_junit(data):
    return report.to_junit(data)


@_filter_errors
def compliance_html(data):
    return report.to_html(data)


class FilterModule:
    """voipready.network compliance filters."""

    def filters(self):
        return {
            "compliance_host": compliance_host,
            "compliance_report": compliance_report,
            "compliance_json": compliance_json,
            "compliance_junit": compliance_junit,
            "compliance_html": compliance_html,
        }
