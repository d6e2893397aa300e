# One listing at a time: --items with --teams (any two of --items, --teams, --summary, --explain)
# is a usage error naming both, not a silent choice of the last.
args: extract --items --teams data/good.txt
exit: 2
stderr-contains: fengong extract: --items cannot be combined with --teams
stderr-contains: usage: fengong extract
