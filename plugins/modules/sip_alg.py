#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: sip_alg
short_description: Switch the SIP ALG (SIP inspection, helper, fixup) off
version_added: 0.1.0
description:
  - Voice providers ask for the SIP ALG to be off because it rewrites SIP and SDP, usually
    wrongly, and breaks registration and media. This module switches it off with
    each platform's mechanism (C(linux) removes every nftables rule, in any table,
    that assigns a SIP conntrack helper; IOS C(no ip nat service sip); ASA
    C(no inspect sip); Junos C(alg sip disable); FortiOS the VoIP helper and ALG mode;
    PAN-OS the SIP ALG override; RouterOS C(/ip firewall service-port sip disabled);
    VyOS the conntrack SIP module).
  - Switching off an ALG that someone else enabled is the one change this collection
    makes outside what it owns; the diff shows it.
author:
  - voipready.network developers (@voipready)
extends_documentation_fragment:
  - voipready.network.device
options:
  config:
    description: The sip_alg intent.
    type: dict
    default: {}
    suboptions:
      enabled:
        description:
          - Must be false; the option exists so the intent reads as what it means.
        type: bool
        default: false
"""

EXAMPLES = r"""
- name: SIP ALG off on every firewall
  voipready.network.sip_alg:
    config:
      enabled: false

- name: Is any SIP helper still assigned? (check mode, diff)
  voipready.network.sip_alg:
    config: {}
  check_mode: true
  diff: true
"""

# RETURN is written out in each module: ansible-core merges doc fragments into DOCUMENTATION
# only. The keys shared with the other modules are their one engine's result (engine.py).
RETURN = r"""
backup:
  description:
    - The before-state backup written on the controller just before the push, the file a later
      I(state=restored) puts back.
  returned: when a change was pushed (not in check mode)
  type: str
  sample: ~/.local/state/voipready/backups/fw1/20261121T120000Z-linux.json
lockout_guard:
  description: The lockout guard's finding on the change, made before anything is pushed.
  returned: when there was something to change, also in check mode
  type: dict
  sample: {"status": "admitted", "session": "198.51.100.1:40312 -> 198.51.100.11:22/tcp"}
  contains:
    status:
      description: >-
        C(admitted), C(blocked) (the change is refused unless I(accept_lockout_risk=true)) or
        C(not_evaluated) (the platform has no policy evaluator; commit-confirm protects the change).
      returned: always
      type: str
      sample: not_evaluated
    session:
      description: This run's management session as the policy sees it.
      returned: when status is admitted or blocked
      type: str
      sample: 198.51.100.1:40312 -> 198.51.100.11:22/tcp
    rules:
      description: The rules of the changed policy that would cut the session.
      returned: when status is blocked
      type: list
      elements: str
    reason:
      description: Why the session is admitted, or why it was not evaluated.
      returned: when status is admitted or not_evaluated
      type: str
      sample: no policy evaluator for platform ios; commit-confirm protects the change
confirmed_via:
  description: How the change was confirmed after the fresh-connection probe, C(session) or C(fresh_login).
  returned: when a change was pushed and confirmed
  type: str
  sample: session
restored_from:
  description: The time stamp of the backup put back (state=restored).
  returned: when state is restored
  type: str
  sample: 20261121T120000Z
platform:
  description: >-
    The platform the run used - I(platform), or the one the inventory's C(voipready_platform) or
    C(ansible_network_os) names - in its short form.
  returned: success
  type: str
  sample: ios
state:
  description: The state the run carried out (I(state)).
  returned: success
  type: str
  sample: merged
commands:
  description:
    - The commands sent (or, in check mode, that would be sent), in order.
    - Empty when nothing is to change, and for the states that send nothing (gathered, parsed, rendered).
  returned: success
  type: list
  elements: str
  sample: ["no ip nat service sip tcp port 5060", "no ip nat service sip udp port 5060"]
before:
  description:
    - The owned configuration of the feature as read from the device before the run, in the
      structure C(gathered) returns (a resource module's C(before)), with or without C(--diff).
  returned: when state is merged, replaced, overridden, deleted or restored
  type: dict
  contains:
    sip_alg:
      description: The feature's owned configuration, in the structure of its C(gathered) entry.
      returned: always
      type: dict
after:
  description:
    - The owned configuration after the run, in the structure of I(before) - parsed from the
      device's read-back after a change, predicted from I(commands) in check mode, equal to
      I(before) when nothing changed.
  returned: when state is merged, replaced, overridden, deleted or restored
  type: dict
features:
  description:
    - The feature's compliance as read, before any change, under its name.
    - With state=rendered only a feature that does not apply to the platform is listed, with its
      reason; the dict is empty otherwise.
  returned: when state is merged, replaced, overridden, deleted or rendered
  type: dict
  sample:
    sip_alg:
      status: drift
      commands: [no ip nat service sip tcp port 5060, no ip nat service sip udp port 5060]
      missing: [no ip nat service sip udp port 5060, no ip nat service sip tcp port 5060]
      extra: []
  contains:
    sip_alg:
      description: The feature's entry.
      returned: when the device was read, and when rendered for a platform the feature does not apply to
      type: dict
      contains:
        status:
          description: C(compliant), C(drift) or C(not_applicable).
          returned: always
          type: str
          sample: drift
        commands:
          description: The commands that fix the drift; empty when compliant or not applicable.
          returned: when the device was read
          type: list
          elements: str
        reason:
          description: Why the feature does not apply to this platform.
          returned: when status is not_applicable
          type: str
        missing:
          description: >-
            Lines of the feature's own view of the configuration that the device lacks - in the
            view after the fix, not before it (stripped, in order).
          returned: when status is drift
          type: list
          elements: str
        extra:
          description: Lines of that view the device holds beyond the intent - before the fix, not after it.
          returned: when status is drift
          type: list
          elements: str
rendered:
  description:
    - The configuration the intent produces (state=rendered), one item per line, as the cisco.ios and
      arista.eos resource modules return it; nothing is contacted.
  returned: when state is rendered
  type: list
  elements: str
gathered:
  description: The device's current state for this feature, in the intent's structure.
  returned: when state is gathered
  type: dict
  contains:
    sip_alg:
      description: The feature's owned configuration on the device.
      returned: always
      type: dict
parsed:
  description: The state found in I(running_config), in the intent's structure.
  returned: when state is parsed
  type: dict
  contains:
    sip_alg:
      description: The feature's configuration found in I(running_config).
      returned: always
      type: dict
diff:
  description: >-
    Before and after text of the owned configuration (with C(--diff)); I(before) and I(after)
    hold the same in structured form without it.
  returned: with C(--diff), when state is merged, replaced, overridden, deleted or restored
  type: dict
  contains:
    before:
      description: The owned configuration as read.
      returned: always
      type: str
    after:
      description: The owned configuration as it is after the change (predicted from I(commands)).
      returned: always
      type: str
    before_header:
      description: C(<host> (running)).
      returned: always
      type: str
      sample: fw1 (running)
    after_header:
      description: C(<host> (intended)).
      returned: always
      type: str
      sample: fw1 (intended)
field:
  description: On an error the collection diagnosed (bad input, the device, the transport), the option or field it is about.
  returned: on failure
  type: str
  sample: sip_alg.enabled
value:
  description: On such an error, the value that was wrong (null when there is none).
  returned: on failure
  type: raw
variable:
  description: >-
    On an error about an option the roles fill from the inventory, that inventory variable
    (C(voipready_sip_alg_enabled) for C(sip_alg.enabled)); the message names it too.
  returned: on failure, when the option has one
  type: str
  sample: voipready_sip_alg_enabled
"""

from ansible_collections.voipready.network.plugins.module_utils.runner import module_main


def main():
    module_main("sip_alg")


if __name__ == "__main__":
    main()
