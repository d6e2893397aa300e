# The notes line comes with every listing but --explain, once per document with notes;
# a document without notes gets none.
args: extract --summary --format tsv data/good.txt data/unparsed.txt
exit: 0
stderr-matches: ^fengong: data/unparsed.txt: 5 statements with role words were not understood; see --explain$
stdout-contains: unparsed.txt	赣府厅字〔2024〕15号
