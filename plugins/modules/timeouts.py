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
    module_main("timeouts")


if __name__ == "__main__":
    main()
