# A note that bold or red type marks the leads (（注：加粗的为牵头单位）, （红色字体为牵头单位）) is no
# statement with role words: text has lost the formatting, the Word and HTML readers mark the
# units. A format word and 牵头 in different parts of a bracket are no such note.
args: extract --explain --format tsv data/format_note.txt
exit: 0
stdout:
doc	line	kind	text
format_note.txt	5	long_name	加粗的为重点任务
