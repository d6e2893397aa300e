# A directory is not a document: exit 1, and the message names it.
args: extract --format tsv data/not-a-file.d
exit: 1
stderr-contains: not-a-file.d
