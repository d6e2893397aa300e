# An unknown option of extract is a usage error too, even with a good file.
args: extract --bogus data/good.txt
exit: 2
stderr-matches: unknown option|unrecognized option
