# A plan for several years named by its title (2024—2026年…行动计划): the document's year is the
# first, and a deadline with no year (年底前) falls at its end.
args: extract --format json data/title_range.txt
exit: 0
stdout-contains: "title": "长沙市2024—2026年数字经济发展行动计划",
stdout-contains: "year": 2024,
stdout-contains: "date": "2024-12-31",
