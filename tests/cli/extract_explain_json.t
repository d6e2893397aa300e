# --explain as JSON: an array of objects with the same keys; the line is a JSON number.
args: extract --explain --format json data/unparsed.txt
exit: 0
stdout-contains: "line": 13,
stdout-contains: "kind": "long_name",
stdout-contains: "text": "承担以旧换新补贴资金审核发放工作的各设区市人民政府"
