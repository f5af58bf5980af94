"""Read an emulated device's running configuration over SSH with netmiko (the Molecule
scenarios ios, cat, eos, asa and fortios; lab/emulators, never a real device).

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
        # a FortiGate's whole configuration is ``show``; the IOS-style devices' is
        # ``show running-config``; Junos and VyOS name theirs in --command
        command = args.command or ("show" if args.device_type == "fortinet"
                                   else "show running-config")
        text = conn.send_command(command, read_timeout=60)
    with open(args.out, "w") as handle:
        handle.write(text.rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
