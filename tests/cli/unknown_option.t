# An unknown global option is a usage error.
args: --bogus
exit: 2
stderr-matches: unknown option|unrecognized option
