"""Configuration models of the emulated devices (hier_config based; never the collection's
drivers)."""
