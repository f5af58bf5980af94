"""One file per emulated platform; each names what it emulates, what it is built on and
where its behaviour comes from in its first lines. A module exports DEVICES = {name: class}."""
