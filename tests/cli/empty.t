# An empty file is a document with no items: exit 0, just the header.
args: extract --format tsv data/empty.txt
exit: 0
stdout:
doc	item	clause	role	agency
