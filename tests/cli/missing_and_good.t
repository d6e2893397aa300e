# A missing file does not stop the others: good.txt's rows are printed, and the exit
# status is still 1.
args: extract --format tsv data/no-such-file.txt data/good.txt
exit: 1
stderr-contains: no-such-file.txt
stdout:
doc	item	clause	role	agency
good.txt	M:1.1	1	lead	市发展改革委
good.txt	M:1.1	1	co	市财政局
good.txt	M:1.1	1	co	市自然资源和规划局
good.txt	M:1.2	1	co	市数据资源局
