# Without --roles: 督办单位 names a supervising unit (the bundled head 督办 is a field: no
# rows), and 推进处 ends in no unit suffix the lexicon knows (a field: no rows).
args: extract --format tsv data/roles-doc.txt
exit: 0
stdout:
doc	item	clause	role	agency
roles-doc.txt	M:1.1	1	co	省财政厅
roles-doc.txt	M:1.1	1	co	省审计厅
