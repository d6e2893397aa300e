# --explain is a listing of its own: with --summary (or --teams, --items) it is a usage error.
args: extract --summary --explain data/good.txt
exit: 2
stderr-contains: fengong extract: --explain cannot be combined with --summary
stderr-contains: usage: fengong extract
