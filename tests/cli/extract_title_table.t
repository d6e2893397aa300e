# A 分工表 standing alone: no 关于 title, no 文号, no signature. The title is the first line,
# a document name ending in 分工表 (not the sentence with 关于 under it), and the year is the
# title's, so a deadline with no year (6月底前) falls in it.
args: extract --format json data/title_table.txt
exit: 0
stdout-contains: "title": "福建省2023年优化营商环境重点任务分工表",
stdout-contains: "issuer": "",
stdout-contains: "year": 2023,
stdout-contains: "date": "2023-06-30",
