# Stands in for get-pip.py, which ansible-test downloads from the internet to put pip
# into its sanity virtual environments. Offline, the interpreter's own ensurepip gives
# the same result; the arguments are get-pip's (pip install options and packages).
import subprocess
import sys

subprocess.check_call([sys.executable, "-m", "ensurepip", "--default-pip"])
args = [a for a in sys.argv[1:] if a not in ("--no-setuptools", "--no-wheel")]
if args:
    subprocess.check_call([sys.executable, "-m", "pip", "install"] + args)
