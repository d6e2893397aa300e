# extract needs at least one FILE (or -).
args: extract
exit: 2
