"""Emulated network devices for the voipready lab (test infrastructure, never real devices;
never imported by plugins/). See lab/emulators/server.py and lab/README.md."""
