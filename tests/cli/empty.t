# An empty file is not a task-division document: extract says so as ingest does (the same
# message, exit 1), after the header.
args: extract --format tsv data/empty.txt
exit: 1
stderr-contains: fengong: empty.txt: no numbered items, clauses or work teams: not a task-division document
stdout:
doc	item	clause	role	agency
