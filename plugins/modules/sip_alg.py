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
  description: The before-state backup written on the controller for this change.
  returned: when a change was pushed
  type: str
  sample: ~/.local/state/voipready/backups/fw1/20261121T120000Z-linux.json
lockout_guard:
  description: >-
    The lockout guard's finding: C(status) C(admitted), C(blocked) (with C(rules) that cut the
    C(session)) or C(not_evaluated) (with C(reason): the platform has no policy evaluator).
  returned: when there was something to change
  type: dict
  sample: {"status": "admitted", "session": "198.51.100.1:40312 -> 198.51.100.11:22/tcp"}
confirmed_via:
  description: How the change was confirmed after the fresh-connection probe, C(session) or C(fresh_login).
  returned: when a change was pushed and confirmed
  type: str
restored_from:
  description: The time stamp of the backup put back (state=restored).
  returned: when state is restored
  type: str
commands:
  description: The commands sent (or, in check mode, that would be sent), in order.
  returned: when state is merged, replaced, overridden, deleted or restored
  type: list
  elements: str
before:
  description:
    - The owned configuration of the features as read from the device before the run, in the
      structure C(gathered) returns (a resource module's C(before)), with or without C(--diff).
  returned: when state is merged, replaced, overridden, deleted or restored
  type: dict
after:
  description:
    - The owned configuration after the run, in the structure of I(before) - parsed from the
      device's read-back after a change, predicted from I(commands) in check mode, equal to
      I(before) when nothing changed.
  returned: when state is merged, replaced, overridden, deleted or restored
  type: dict
features:
  description: Per feature, C(compliant), C(drift) (with the fixing commands) or C(not_applicable) (with the reason).
  returned: when the device was read, and for not applicable features when rendered
  type: dict
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
parsed:
  description: The state found in I(running_config), in the intent's structure.
  returned: when state is parsed
  type: dict
diff:
  description: >-
    Before and after text of the owned configuration (with C(--diff)); I(before) and I(after)
    hold the same in structured form without it.
  returned: when diff mode is on and the device was read
  type: dict
field:
  description: On a validation error, the option that was wrong.
  returned: on failure
  type: str
value:
  description: On a validation error, the value that was wrong.
  returned: on failure
  type: raw
variable:
  description: >-
    On an error about an option the roles fill from the inventory, that inventory variable
    (for example C(voipready_phone_ports) for C(voice_vlan.phone_ports)); the message names it too.
  returned: on failure, when the option has one
  type: str
  sample: voipready_phone_ports
"""

from ansible_collections.voipready.network.plugins.module_utils.runner import module_main


def main():
    module_main("sip_alg")


if __name__ == "__main__":
    main()
