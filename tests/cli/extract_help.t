# `fengong extract --help` prints the command's usage on stdout, naming --format.
args: extract --help
exit: 0
stdout-contains: --format
