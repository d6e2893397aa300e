# The same with --summary after --teams.
args: extract --teams --summary data/good.txt
exit: 2
stderr-contains: fengong extract: --teams cannot be combined with --summary
