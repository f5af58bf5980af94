#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: timeouts
short_description: Set NAT / UDP session timeouts long enough for voice keep-alives
version_added: 0.1.0
description:
  - Sets UDP and SIP session timeouts so that the NAT mapping a phone registered
    through outlives the gap between two keep-alives (C(linux) conntrack sysctls,
    persisted, and nftables C(ct timeout) objects for SIP/RTP flows; IOS C(ip nat
    translation udp-timeout); ASA C(timeout udp)/C(timeout sip); Junos application
    inactivity timeouts; FortiOS C(udp-idle-timer); PAN-OS session timeouts; RouterOS
    connection tracking; VyOS conntrack timeouts).
  - Values shorter than the keep-alive interval are refused with a clear error.
  - Named after its intent key C(timeouts), like its role P(voipready.network.timeouts#role). Its former name
    C(voipready.network.nat_timeouts) is a documented alias (a redirect in C(meta/runtime.yml)), so
    playbooks that use it keep working unchanged.
author:
  - voipready.network developers (@voipready)
extends_documentation_fragment:
  - voipready.network.device
options:
  config:
    description: The timeouts intent.
    type: dict
    default: {}
    suboptions:
      udp:
        description: Seconds an unreplied UDP flow (or the platform's generic UDP timeout) lives.
        type: int
        default: 60
      udp_stream:
        description: Seconds an established (replied) UDP flow lives.
        type: int
        default: 600
      sip:
        description: Seconds SIP signalling and RTP flows to the provider live.
        type: int
        default: 600
      tcp_established:
        description: Seconds an established TCP session lives (unset leaves the platform default).
        type: int
      keepalive_interval:
        description: The endpoints' keep-alive interval in seconds; every UDP/SIP timeout must exceed it.
        type: int
        default: 30
"""

EXAMPLES = r"""
- name: Keep NAT mappings alive for phones sending keep-alives every 30 s
  voipready.network.timeouts:
    config:
      udp: 60
      udp_stream: 600
      sip: 600
      keepalive_interval: 30
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
  sample: ["ip nat translation udp-timeout 600"]
before:
  description:
    - The owned configuration of the feature as read from the device before the run, in the
      structure C(gathered) returns (a resource module's C(before)), with or without C(--diff).
  returned: when state is merged, replaced, overridden, deleted or restored
  type: dict
  contains:
    timeouts:
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
    timeouts:
      status: drift
      commands: [ip nat translation udp-timeout 600]
      missing: [ip nat translation udp-timeout 600]
      extra: [ip nat translation udp-timeout 300]
  contains:
    timeouts:
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
    timeouts:
      description: The feature's owned configuration on the device.
      returned: always
      type: dict
parsed:
  description: The state found in I(running_config), in the intent's structure.
  returned: when state is parsed
  type: dict
  contains:
    timeouts:
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
  sample: timeouts.udp
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
    module_main("timeouts")


if __name__ == "__main__":
    main()
