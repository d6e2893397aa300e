# --roles adds a head word (督办 → lead, where the bundled lexicon reads a field) and a unit
# suffix (处) on top of the bundled lexicon.
args: extract --format tsv --roles data/my-roles.tsv data/roles-doc.txt
exit: 0
stdout:
doc	item	clause	role	agency
roles-doc.txt	M:1.1	1	lead	省政府督查室
roles-doc.txt	M:1.1	1	co	省财政厅
roles-doc.txt	M:1.1	1	co	省审计厅
roles-doc.txt	M:1.2	1	co	省市场监管局
