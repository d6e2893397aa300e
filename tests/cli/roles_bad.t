# A malformed role file: exit 1, the message names the file, the line and what is wrong.
args: extract --format tsv --roles data/bad-roles.tsv data/roles-doc.txt
exit: 1
stderr-contains: data/bad-roles.tsv:2: unknown role 'boss'
