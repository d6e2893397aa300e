# A plain document: the doc column is the basename of the path.
args: extract --format tsv data/good.txt
exit: 0
stdout-file: data/good.tsv
