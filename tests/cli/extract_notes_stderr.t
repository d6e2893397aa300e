# A document with statements the parser did not understand: its rows on stdout, and one
# line on stderr with the count, pointing to --explain.
args: extract --format tsv data/unparsed.txt
exit: 0
stderr-contains: fengong: data/unparsed.txt: 5 statements with role words were not understood; see --explain
stdout:
doc	item	clause	role	agency
unparsed.txt	M:1.1.1	1	lead	省发展改革委
unparsed.txt	M:1.1.1	1	co	省财政厅
unparsed.txt	M:1.1.1	1	co	省自然资源厅
unparsed.txt	M:1.2.4	1	lead	省商务厅
unparsed.txt	M:1.2.4	1	co	省发展改革委
unparsed.txt	M:1.2.4	1	co	省市场监管局
unparsed.txt	M:1.2.4	1	co	承担以旧换新补贴资金审核发放工作的各设区市人民政府
unparsed.txt	M:2.6	1	lead	省科技厅
unparsed.txt	M:2.6	1	co	省工业和信息化厅
unparsed.txt	M:2.6	1	co	省教育厅
