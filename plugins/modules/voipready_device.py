#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: voipready_device
short_description: Converge, check or render one device's voice features from its inventory variables
version_added: 0.2.0
description:
  - The one task per device behind C(site.yml) and the feature roles. It reads the host's
    variables (the ones the roles document, C(ansible-doc -t role voipready.network.allowlist)
    and the others), builds every feature's intent on the controller from the provider
    catalog, and converges the device with one SSH login, one read and one ordered change
    through the same engine as M(voipready.network.voipready_apply).
  - The platform is C(voipready_platform), or the one C(ansible_network_os) names
    (C(cisco.ios.ios) or C(ios), C(cisco.asa.asa), C(arista.eos.eos),
    C(junipernetworks.junos.junos), C(fortinet.fortios.fortios),
    C(paloaltonetworks.panos.panos), C(community.routeros.routeros), C(vyos.vyos.vyos),
    C(openvswitch.openvswitch.openvswitch), FQCN or short form).
  - What the run does is C(voipready_state) (C(merged) by default); with C(rendered) nothing
    is contacted and the configuration is written to
    C(<voipready_render_dir>/<inventory_hostname>.conf) on the controller (default
    C(rendered/) in the working directory, where C(ansible-playbook) runs, also when the
    playbook is the installed collection's C(voipready.network.site)).
  - Bad input fails before anything is sent, with a message naming the inventory variable
    and the value, and the module field it became (for example
    C(voipready_voice_networks[0]='198.51.100.0/33' ... (module field allowlist.voice_networks[0]))).
  - The catalog is parsed and validated once per content (a SHA-256 of its files) and
    kept in memory and in C($VOIPREADY_CACHE_DIR), default C(~/.cache/voipready/catalog).
  - The device is reached with the inventory's connection variables - C(ansible_host),
    C(ansible_port), C(ansible_user), C(ansible_password), C(ansible_ssh_private_key_file),
    C(ansible_become_password) (enable secret), then the play context (AWX's Machine
    credential). A jump host comes from C(voipready_ssh_proxy_jump) (C([user@]host[:port]),
    comma-separated hops) or from C(-J), C(-o ProxyJump=) or C(-o ProxyCommand=) in
    C(ansible_ssh_common_args) / C(ansible_ssh_extra_args); the ssh-agent's keys
    (C(SSH_AUTH_SOCK), where AWX puts a Machine credential's SSH key) are used when there is
    neither a password nor a key file, or as C(voipready_ssh_agent) says.
  - Long waits say so while they last - the device lock held by another run, and the
    revert timer after a failed change on a device that stopped answering.
author:
  - voipready.network developers (@voipready)
options:
  features:
    description:
      - The features to converge on this device, each from its variables.
      - Default by the host's groups, as C(site.yml) uses it - C(switches) get C(voice_vlan)
        and C(qos); C(firewalls) and C(routers) get C(allowlist), C(sip_alg), C(qos) and
        C(timeouts); a host with C(voipready_subinterfaces) also gets C(voice_vlan). A host in
        none of these groups needs the option.
    type: list
    elements: str
    choices: [allowlist, sip_alg, voice_vlan, qos, timeouts]
notes:
  - Runs on the controller through the collection's action plugin; the device needs no Python.
  - Supports check mode and C(--diff) with the device's real before and after state.
requirements:
  - netmiko >= 4.5 (transport netmiko)
  - napalm >= 5 (transport napalm)
  - hier_config >= 3.2 (text remediation on CLI platforms)
"""

EXAMPLES = r"""
- name: Every device, one task (what site.yml does)
  hosts: firewalls:routers:switches
  gather_facts: false
  tasks:
    - name: Converge the voice features
      voipready.network.voipready_device:
      # no features: by group (switches voice_vlan and qos; firewalls and routers the rest)

- name: Only the SIP ALG, on hosts that say ansible_network_os=cisco.ios.ios
  hosts: routers
  gather_facts: false
  tasks:
    - name: SIP ALG off
      voipready.network.voipready_device:
        features: [sip_alg]
"""

RETURN = r"""
features:
  description:
    - Per feature, C(status) (C(compliant), C(drift), C(not_applicable)), C(commands) that fix a drift, and C(reason) when not applicable;
      as in M(voipready.network.voipready_apply); a drifted feature also has C(missing) and C(extra).
    - With C(voipready_state=rendered) only the features that do not apply to the platform are listed.
  returned: when state is merged, replaced, overridden, deleted or rendered
  type: dict
  sample: {"sip_alg": {"status": "drift", "commands": ["..."]}, "qos": {"status": "compliant", "commands": []}}
commands:
  description:
    - All commands sent (or, in check mode, that would be sent), in order.
    - Empty when nothing is to change, and for C(voipready_state=gathered) or C(rendered).
  returned: success
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
platform:
  description: The platform the device was handled as (from C(voipready_platform) or C(ansible_network_os)).
  returned: success
  type: str
  sample: ios
state:
  description: The state the run carried out (C(voipready_state)).
  returned: success
  type: str
  sample: merged
lockout_guard:
  description:
    - The lockout guard's finding on the change, C(status) (C(admitted), C(blocked), C(not_evaluated)) with C(session),
      C(rules) or C(reason), as in M(voipready.network.voipready_apply).
  returned: when there was something to change, also in check mode
  type: dict
  sample: {"status": "not_evaluated", "reason": "no policy evaluator for platform ios; commit-confirm protects the change"}
backup:
  description: The before-state backup written on the controller just before the push (what C(voipready_state=restored) puts back).
  returned: when a change was pushed (not in check mode)
  type: str
  sample: ~/.local/state/voipready/backups/fw1/20261121T120000Z-ios.json
confirmed_via:
  description: How the change was confirmed after the fresh-connection probe, C(session) or C(fresh_login).
  returned: when a change was pushed and confirmed
  type: str
  sample: session
restored_from:
  description: The time stamp of the backup put back (C(voipready_state=restored)).
  returned: when state is restored
  type: str
  sample: 20261121T120000Z
rendered:
  description:
    - The configuration the intent produces (C(voipready_state=rendered)), one item per line, as the cisco.ios and
      arista.eos resource modules return it; nothing is contacted.
  returned: when state is rendered
  type: list
  elements: str
gathered:
  description: The device's owned state of the features, in the intent's structure (C(voipready_state=gathered)).
  returned: when state is gathered
  type: dict
rendered_path:
  description: Where the rendered configuration was written on the controller.
  returned: when state is rendered
  type: str
  sample: /srv/net/rendered/asa-hq-fw01.conf
diff:
  description: >-
    Before and after text of the owned configuration (with C(--diff)); for C(rendered), of the file.
    I(before) and I(after) hold the device's in structured form without it.
  returned: >-
    with C(--diff), when state is merged, replaced, overridden, deleted or restored, and for rendered when the
    file's content changes
  type: dict
field:
  description:
    - On bad input in the inventory, the variable that was wrong (with its index, e.g. C(voipready_voice_networks[0])).
    - On an error the engine diagnosed (the device, the transport, a module field), the field it is about.
  returned: on failure
  type: str
variable:
  description: >-
    On an engine error about a module field the roles fill from the inventory, that inventory variable
    (for example C(voipready_phone_ports) for C(voice_vlan.phone_ports)).
  returned: on failure, when the field has one
  type: str
  sample: voipready_phone_ports
module_field:
  description: On bad input, the module field the variable became (e.g. C(allowlist.voice_networks[0])).
  returned: on failure, when the variable is one feature option
  type: str
value:
  description: On bad input, the value that was wrong.
  returned: on failure
  type: raw
"""

from ansible_collections.voipready.network.plugins.module_utils.intent import FEATURES
from ansible_collections.voipready.network.plugins.module_utils.runner import controller_only_main


def main():
    controller_only_main("voipready_device", dict(
        features=dict(type="list", elements="str", choices=list(FEATURES)),
    ))


if __name__ == "__main__":
    main()
