#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: voipready_compliance
short_description: Check one device against its intent and record its compliance report entry
version_added: 0.2.0
description:
  - The one task per device behind C(playbooks/compliance.yml). Builds the intent of the
    planned features from the host's variables exactly as M(voipready.network.voipready_device)
    does, checks the device in check mode (one SSH login, nothing pushed) and returns the
    host's report entry in C(compliance) - per feature C(compliant), C(drift) (what is
    missing, what is extra, the commands that fix it) or C(not_applicable) (why). Register
    it as C(voipready_compliance) for the report play (C(playbooks/compliance.yml) does).
  - Never fails the host. A device that does not answer or refuses the login is recorded
    C(unreachable), anything else that stops the check (bad input, a lock held by another
    run, a failed remediation) C(error), with the reason. The report play
    (C(voipready.network.compliance) role, C(tasks_from=report)) fails the job afterwards.
  - With I(remediate=true) the device is first converged through the normal apply path
    (push, read back, roll back on failure), then checked again; under C(--check) the
    remediation is skipped.
  - C(voipready_state) must be C(merged), C(replaced) or C(overridden).
author:
  - voipready.network developers (@voipready)
options:
  features:
    description:
      - The features this host is checked for; each is in the report even when the check
        cannot run.
      - Default by the host's groups, as for M(voipready.network.voipready_device).
    type: list
    elements: str
    choices: [allowlist, sip_alg, voice_vlan, qos, timeouts]
  remediate:
    description: Converge the device before the check.
    type: bool
    default: false
  flows:
    description:
      - Add the C(flows) check - what the device's whole policy admits for the provider's
        flows and, with enforce, for every other flow of the voice networks, each miss
        naming the rule that decides it (docs/compliance.md).
    type: bool
    default: true
notes:
  - Runs on the controller through the collection's action plugin; the device needs no Python.
  - The report layout is docs/compliance.md; C(--diff) shows the device's drift.
"""

EXAMPLES = r"""
- name: Check every firewall and router
  hosts: firewalls:routers
  gather_facts: false
  tasks:
    - name: Check the host
      voipready.network.voipready_compliance:
        features: [allowlist, sip_alg, qos, timeouts]
      register: voipready_compliance
"""

RETURN = r"""
compliance:
  description:
    - The host's report entry - C(host), C(platform), C(status) (the worst of its features), C(features) (per feature C(status),
      C(reason), C(commands), C(missing), C(extra)), C(remediation), and what the host was judged against, C(provider),
      C(region), C(profile) and C(catalog_version) (null when unknown). A registered result, not a fact, so that a fact
      cache never hands an earlier run's entry to a host this run could not check.
  returned: always
  type: dict
  sample: {"host": "fw1", "platform": "linux", "status": "drift", "features": {"sip_alg": {"status": "drift", "commands": ["..."]}}}
diff:
  description: Before and after text of the owned configuration (with C(--diff)), of the remediation when it ran.
  returned: when diff mode is on and the device was read
  type: dict
field:
  description: When the task's own I(features) is wrong, C(features).
  returned: on failure
  type: str
  sample: features
value:
  description: When the task's own I(features) is wrong, its value.
  returned: on failure
  type: raw
"""

from ansible_collections.voipready.network.plugins.module_utils.intent import FEATURES
from ansible_collections.voipready.network.plugins.module_utils.runner import controller_only_main


def main():
    controller_only_main("voipready_compliance", dict(
        features=dict(type="list", elements="str", choices=list(FEATURES)),
        remediate=dict(type="bool", default=False), flows=dict(type="bool", default=True)))


if __name__ == "__main__":
    main()
