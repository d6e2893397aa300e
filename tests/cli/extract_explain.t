# --explain lists the notes: doc, line, kind, text; a document without notes adds no row.
args: extract --explain --format tsv data/good.txt data/unparsed.txt
exit: 0
stdout:
doc	line	kind	text
unparsed.txt	4	declaration	各项任务的牵头单位原则上排在第一位，其他单位按职责分工配合
unparsed.txt	10	role_words	省交通运输厅、国铁南昌局集团配合
unparsed.txt	11	role_words	具体责任分工由省财政厅会同有关部门另行明确
unparsed.txt	13	long_name	承担以旧换新补贴资金审核发放工作的各设区市人民政府
unparsed.txt	15	role_words	责任单位：2024年12月底前完成
