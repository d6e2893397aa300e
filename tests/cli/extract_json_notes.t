# The JSON of documents holds the notes: line (a number), kind and text.
args: extract --format json data/unparsed.txt
exit: 0
stderr-contains: 5 statements with role words were not understood
stdout-contains: "notes": [
stdout-contains: "line": 10,
stdout-contains: "kind": "role_words",
stdout-contains: "text": "省交通运输厅、国铁南昌局集团配合"
