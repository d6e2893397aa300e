# `-` reads standard input; the doc column is `-`.
args: extract --format tsv -
stdin: data/good.txt
exit: 0
stdout:
doc	item	clause	role	agency
-	M:1.1	1	lead	市发展改革委
-	M:1.1	1	co	市财政局
-	M:1.1	1	co	市自然资源和规划局
-	M:1.2	1	co	市数据资源局
