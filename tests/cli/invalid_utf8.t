# One invalid byte (0xFF on line 3) is replaced and reported with file and line;
# the document is still extracted and the exit status is 0.
args: extract --format tsv data/bad.txt
exit: 0
stderr-contains: bad.txt:3:
stdout:
doc	item	clause	role	agency
bad.txt	M:1	1	lead	市农业农村局
bad.txt	M:1	1	co	市财政局
bad.txt	M:2	1	co	市供销社
