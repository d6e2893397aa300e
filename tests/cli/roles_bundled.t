# Without --roles: 督办单位 is a label with no head word the bundled lexicon knows (co), and
# 推进处 ends in no unit suffix it knows (a field: no rows).
args: extract --format tsv data/roles-doc.txt
exit: 0
stdout:
doc	item	clause	role	agency
roles-doc.txt	M:1.1	1	co	省政府督查室
roles-doc.txt	M:1.1	1	co	省财政厅
roles-doc.txt	M:1.1	1	co	省审计厅
