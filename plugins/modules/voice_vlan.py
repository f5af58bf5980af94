#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: voice_vlan
short_description: Separate voice from data with a voice VLAN on phone ports
version_added: 0.1.0
description:
  - Puts the voice VLAN beside the data VLAN on phone ports (data untagged, voice tagged;
    for example Catalyst C(switchport voice vlan), EOS phone VLAN, Junos EX
    C(switch-options voip), RouterOS bridge VLANs with LLDP-MED, Open vSwitch
    C(tag)/C(trunks) with C(vlan_mode=native-untagged)), the uplinks as trunks
    carrying both, VLAN names where the platform keeps them, and VLAN
    sub-interfaces on routers.
  - Ports not listed are never changed.
author:
  - voipready.network developers (@voipready)
extends_documentation_fragment:
  - voipready.network.device
options:
  config:
    description: The voice_vlan intent.
    type: dict
    default: {}
    suboptions:
      voice_vlan:
        description: The voice VLAN.
        type: dict
        default: {id: 110, name: VOICE}
        suboptions:
          id:
            description: VLAN ID, 1-4094.
            type: int
          name:
            description: VLAN name where the platform keeps names.
            type: str
      data_vlan:
        description: The data VLAN (untagged on phone ports).
        type: dict
        default: {id: 10, name: DATA}
        suboptions:
          id:
            description: VLAN ID, 1-4094; must differ from the voice VLAN.
            type: int
          name:
            description: VLAN name where the platform keeps names.
            type: str
      phone_ports:
        description: Access ports with an IP phone (and maybe a PC behind it).
        type: list
        elements: str
        default: []
      uplink_ports:
        description: Trunks towards the distribution layer or router.
        type: list
        elements: str
        default: []
      trust_dscp:
        description: Trust the DSCP that phones mark on phone ports.
        type: bool
        default: true
      enable_mls_qos:
        description:
          - Legacy IOS Catalyst (12.x/15.x) only, ignored elsewhere. With C(mls qos) off
            (the default) such a switch passes DSCP unchanged and nothing is configured;
            C(true) switches C(mls qos) on globally and sets C(mls qos trust dscp) on the
            phone ports and uplinks.
          - C(mls qos) changes every port of the switch (a port that does not trust
            re-marks DSCP to 0), so the change is refused while a port that carries the
            voice VLAN is not listed in O(config.phone_ports) or O(config.uplink_ports).
        type: bool
        default: false
      subinterfaces:
        description: Router sub-interfaces for the VLANs (routers only).
        type: list
        elements: dict
        default: []
        suboptions:
          parent:
            description: Physical interface.
            type: str
          vlan:
            description: VLAN ID of the sub-interface.
            type: int
          address:
            description: Interface address with prefix, e.g. 192.0.2.1/24.
            type: str
"""

EXAMPLES = r"""
- name: Voice VLAN 110 beside data VLAN 10 on the phone ports
  voipready.network.voice_vlan:
    config:
      voice_vlan: {id: 110, name: VOICE}
      data_vlan: {id: 10, name: DATA}
      phone_ports: [GigabitEthernet1/0/1, GigabitEthernet1/0/2]
      uplink_ports: [GigabitEthernet1/0/48]

- name: Read the voice VLAN state of a switch
  voipready.network.voice_vlan:
    state: gathered
  register: vlan_state
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
  sample: ["interface GigabitEthernet1/0/1", " switchport voice vlan 110"]
before:
  description:
    - The owned configuration of the feature as read from the device before the run, in the
      structure C(gathered) returns (a resource module's C(before)), with or without C(--diff).
  returned: when state is merged, replaced, overridden, deleted or restored
  type: dict
  contains:
    voice_vlan:
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
    voice_vlan:
      status: drift
      commands: [interface GigabitEthernet1/0/1, ' switchport voice vlan 110']
      missing: [switchport voice vlan 110]
      extra: []
  contains:
    voice_vlan:
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
    voice_vlan:
      description: The feature's owned configuration on the device.
      returned: always
      type: dict
parsed:
  description: The state found in I(running_config), in the intent's structure.
  returned: when state is parsed
  type: dict
  contains:
    voice_vlan:
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
  sample: voice_vlan.voice_vlan.id
value:
  description: On such an error, the value that was wrong (null when there is none).
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
    module_main("voice_vlan")


if __name__ == "__main__":
    main()
