# A plain document: the doc column is the basename of the path.
args: extract --format tsv data/good.txt
exit: 0
stdout:
doc	item	clause	role	agency
good.txt	M:1.1	1	lead	市发展改革委
good.txt	M:1.1	1	co	市财政局
good.txt	M:1.1	1	co	市自然资源和规划局
good.txt	M:1.2	1	co	市数据资源局
