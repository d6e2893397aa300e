# `fengong --help` prints usage on stdout, naming the extract command.
args: --help
exit: 0
stdout-contains: extract
