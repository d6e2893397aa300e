# Shared by the shell tests (sourced). fg_resolve_bin USAGE: $bin, the fengong binary given
# on the command line (or $FG_BIN), becomes an absolute path, since the tests change
# directory; exits 2 with USAGE or a message naming $me when there is no such executable.
fg_resolve_bin() {
    if [ -z "$bin" ]; then
        echo "usage: $1" >&2
        exit 2
    fi
    _name=$bin
    case $bin in
        /*) ;;
        */*) bin=$(pwd)/$bin ;;
        *) bin=$(command -v "$bin") || { echo "$me: $_name: command not found" >&2; exit 2; } ;;
    esac
    if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
        echo "$me: $bin: not an executable file" >&2
        exit 2
    fi
}

# fg_begin USAGE: the common start of a shell test. Needs $me (the script's name) and $bin
# (the fengong binary, usually $1); resolves $bin as fg_resolve_bin does, sets $src (the
# source tree: $FG_SOURCE_DIR, else $src if the script set it, else the script's parent), makes $tmp (a fresh directory,
# removed when the test ends unless KEEP is set) and zeroes the counters ok/bad/skip_one keep.
fg_begin() {
    fg_resolve_bin "$1"
    fg_setup
}

# fg_setup: fg_begin without a binary to resolve (a test of something else than the CLI).
fg_setup() {
    src=${FG_SOURCE_DIR:-${src:-$(cd "$(dirname "$0")/.." && pwd)}}
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/fg-${me%.sh}.XXXXXX") ||
        { echo "$me: cannot create a temporary directory" >&2; exit 2; }
    trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 141' PIPE
    trap 'exit 143' TERM
    pass=0
    fail=0
    skip=0
}

# ok TEXT / bad TEXT [DETAIL…] / skip_one TEXT: one check passed, failed (with detail lines),
# or could not run here.
ok() {
    echo "ok   $1"
    pass=$((pass + 1))
}
bad() {
    echo "FAIL $1"
    shift
    for _l in "$@"; do
        echo "    $_l"
    done
    fail=$((fail + 1))
}
skip_one() {
    echo "skip $1"
    skip=$((skip + 1))
}

# fg_end: print the counts in the one format every test uses and exit non-zero on a failure.
fg_end() {
    if [ "$skip" -gt 0 ]; then
        echo "$me: $pass passed, $fail failed, $skip skipped"
    else
        echo "$me: $pass passed, $fail failed"
    fi
    [ "$fail" -eq 0 ]
    exit
}
