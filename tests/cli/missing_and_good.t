# A missing file does not stop the others: good.txt's rows are printed, and the exit
# status is still 1.
args: extract --format tsv data/no-such-file.txt data/good.txt
exit: 1
stderr-contains: no-such-file.txt
stdout-file: data/good.tsv
