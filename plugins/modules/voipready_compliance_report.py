#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: voipready_compliance_report
short_description: Write a compliance run's JSON, JUnit and HTML reports, publish the summary, fail on drift
version_added: 0.2.0
description:
  - The report step of C(playbooks/compliance.yml), once on the controller. Reads the entry
    M(voipready.network.voipready_compliance) registered as C(voipready_compliance) for every
    host in I(hosts) (a host without one is reported C(error)), writes C(compliance.json)
    (docs/compliance-report.schema.json), C(compliance.xml) (JUnit) and C(compliance.html) (for
    triage - hosts worst first, one line each, a filter box; its header says the provider,
    region, catalog version and this collection's version the hosts were judged against) to
    I(report_dir) and publishes the summary as the C(set_stats) artifact
    C(voipready_compliance). It does not fail (ansible keeps the artifacts of successful
    tasks only); C(verdict) says why the job should, for an M(ansible.builtin.fail) after it.
  - A slice of a sliced run (AWX job slicing, I(slice) set) writes
    C(compliance-slice-<slice>.json), C(.xml) and C(.html) and publishes
    C(voipready_compliance_slice_<slice>), so parallel slices never overwrite each other.
    With I(merge=true) the slices' reports in I(report_dir) are joined into the reports an
    unsliced run over the same hosts writes (C(playbooks/compliance_merge.yml)).
  - The reports are written in check mode too (they are the run's result, not a change).
author:
  - voipready.network developers (@voipready)
options:
  hosts:
    description: Every host the run targeted (C(ansible_play_hosts_all) of the device play).
    type: list
    elements: str
    default: []
  report_dir:
    description: Where the reports go; a relative path is taken from where ansible-playbook runs.
    type: path
    default: reports
  slice:
    description: This slice's name (letters, digits, C(_)); empty for an unsliced run.
    type: str
    default: ""
  merge:
    description: Join the C(compliance-slice-*.json) reports found in I(report_dir) instead of reading hosts.
    type: bool
    default: false
  slice_count:
    description: With I(merge), how many slice reports must be there (0 does not check).
    type: int
    default: 0
  generated_at:
    description: The report's timestamp; empty means now (UTC), or with I(merge) the latest slice's.
    type: str
    default: ""
  remediate:
    description: Whether the run remediated (shown in the reports).
    type: bool
    default: false
  fail_on_drift:
    description: A drifted feature makes a C(verdict).
    type: bool
    default: true
  fail_on_unreachable:
    description: A host that was unreachable or in error makes a C(verdict).
    type: bool
    default: true
notes:
  - Runs on the controller through the collection's action plugin.
"""

EXAMPLES = r"""
- name: Reports of the hosts the device play checked (each registered voipready_compliance)
  voipready.network.voipready_compliance_report:
    hosts: "{{ groups['firewalls'] + groups['routers'] }}"
    report_dir: reports
  register: written

- name: Fail the job on drift
  ansible.builtin.fail:
    msg: "{{ written.verdict }}"
  when: written.verdict | length > 0

- name: The slices of a sliced run, joined
  voipready.network.voipready_compliance_report:
    merge: true
    report_dir: /srv/voipready-reports/run42
    slice_count: 4
"""

RETURN = r"""
summary:
  description:
    - The report's summary (C(hosts), C(checks), C(counts), C(host_counts), C(feature_counts),
      C(judged_against), C(drifted), C(unreachable), C(errors), C(compliant)); see docs/compliance.md.
  returned: always
  type: dict
paths:
  description: The files written, by extension (C(json), C(xml), C(html)).
  returned: always
  type: dict
ansible_stats:
  description:
    - The summary (with C(report_dir)) for set_stats, under C(voipready_compliance), or
      C(voipready_compliance_slice_<slice>) for a slice - what ansible keeps as the run's stats (AWX keeps them as the job's artifacts).
  returned: always
  type: dict
  sample: {"data": {"voipready_compliance": {"hosts": 2, "report_dir": "/srv/net/reports"}}, "per_host": false, "aggregate": true}
verdict:
  description: Why the job should fail (drift, unreachable or error hosts per the fail options), or empty.
  returned: always
  type: str
  sample: "not compliant: drifted fw1/sip_alg; see reports/compliance.html (remediate=true fixes drift)"
"""

from ansible_collections.voipready.network.plugins.module_utils.runner import controller_only_main


def main():
    controller_only_main("voipready_compliance_report", dict(
        hosts=dict(type="list", elements="str", default=[]), report_dir=dict(type="path", default="reports"),
        slice=dict(type="str", default=""), merge=dict(type="bool", default=False),
        slice_count=dict(type="int", default=0), generated_at=dict(type="str", default=""),
        remediate=dict(type="bool", default=False), fail_on_drift=dict(type="bool", default=True),
        fail_on_unreachable=dict(type="bool", default=True)))


if __name__ == "__main__":
    main()
