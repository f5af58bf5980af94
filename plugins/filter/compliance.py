# -*- coding: utf-8 -*-
"""Compliance report filters of voipready.network (playbooks/compliance.yml).

The work is in plugins/module_utils/report.py; documentation lives in the YAML files
beside this one (one per filter).
"""

from __future__ import annotations

from ansible_collections.voipready.network.plugins.module_utils import report
from ansible_collections.voipready.network.plugins.plugin_utils.filter_errors import filter_errors


@filter_errors
def compliance_host(raw):
    return report.host_entry(raw)


@filter_errors
def compliance_report(entries, generated_at=None, remediate=False, hosts=None, collection_version=None):
    return report.build_report(entries, generated_at=generated_at, remediate=remediate, hosts=hosts,
                               collection_version=collection_version)


@filter_errors
def compliance_merge(reports, generated_at=None):
    return report.merge_reports(reports, generated_at=generated_at or None)


@filter_errors
def compliance_json(data):
    return report.to_json(data)


@filter_errors
def compliance_junit(data):
    return report.to_junit(data)


@filter_errors
def compliance_html(data):
    return report.to_html(data)


class FilterModule:
    """voipready.network compliance filters."""

    def filters(self):
        return {
            "compliance_host": compliance_host,
            "compliance_report": compliance_report,
            "compliance_merge": compliance_merge,
            "compliance_json": compliance_json,
            "compliance_junit": compliance_junit,
            "compliance_html": compliance_html,
        }
