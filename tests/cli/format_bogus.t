# An unknown --format value is a usage error; nothing is extracted.
args: extract --format bogus data/good.txt
exit: 2
stderr-contains: bogus
