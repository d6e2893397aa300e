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
