# A role file that does not exist: exit 1, named.
args: ingest --db data/never-created.db --roles data/no-such-roles.tsv data/roles-doc.txt
exit: 1
stderr-contains: data/no-such-roles.tsv: cannot open
