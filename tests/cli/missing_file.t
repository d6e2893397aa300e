# A file that does not exist: exit 1, and the message names it.
args: extract --format tsv data/no-such-file.txt
exit: 1
stderr-contains: no-such-file.txt
