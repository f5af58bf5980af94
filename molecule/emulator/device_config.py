"""Read an emulated device's running configuration over SSH with netmiko (the Molecule
scenarios ios, cat, eos, asa, fortios, junos_srx, junos_ex, vyos, panos and routeros;
lab/emulators, never a real device).

    device_config.py --port 2241 --device-type cisco_ios --password-file F --out FILE \
        [--command "show configuration | display set | no-more"]
"""
import argparse

from netmiko import ConnectHandler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--device-type", required=True)
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--out", required=True)
    # what prints the running configuration (Junos: display set, VyOS: commands)
    parser.add_argument("--command")
    args = parser.parse_args()
    with open(args.password_file) as handle:
        password = handle.read().strip()
    with ConnectHandler(device_type=args.device_type, host="127.0.0.1", port=args.port,
                        username="admin", password=password, secret=password,
                        fast_cli=True) as conn:
        # a FortiGate's whole configuration is ``show``; a PA firewall's committed one is
        # ``show config running`` (set format: one leaf a line); a RouterOS router's is
        # ``/export terse`` (one entry a line); the IOS-style devices' ``show running-config``;
        # Junos and VyOS name theirs in --command
        if args.device_type == "paloalto_panos":
            conn.send_command("set cli config-output-format set")
        command = args.command or {
            "fortinet": "show", "paloalto_panos": "show config running",
            "mikrotik_routeros": "/export terse"}.get(args.device_type, "show running-config")
        text = conn.send_command(command, read_timeout=60)
    with open(args.out, "w") as handle:
        handle.write(text.rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
