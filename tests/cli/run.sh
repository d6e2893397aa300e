#!/bin/sh
# Data-driven CLI tests.
#
#   sh tests/cli/run.sh PATH/TO/fengong [CASE.t ...]
#
# Each tests/cli/*.t file is one case, run from the tests/cli directory (so paths in it are
# relative to tests/cli). Format, one directive a line, `#` lines and blank lines ignored:
#
#   args: extract --format tsv data/good.txt   the arguments, split on blanks (no quoting)
#   stdin: data/good.txt                       optional; a file fed as standard input
#                                              (default: /dev/null)
#   exit: 0                                    the expected exit status (required)
#   stdout-contains: TEXT                      optional, repeatable; a fixed string
#   stderr-contains: TEXT                      optional, repeatable; a fixed string
#   stderr-matches: ERE                        optional, repeatable; grep -E on stderr
#   stdout:                                    optional, must be the last directive: the rest
#                                              of the file, byte for byte, is the exact stdout
#                                              (nothing after it means: stdout must be empty)
#   stdout-file: data/good.tsv                 optional, instead of stdout: that file, byte for
#                                              byte, is the exact stdout (for cases that share
#                                              one)
#
# The last line is `N passed, M failed`; the exit status is non-zero when anything failed.

src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/lib.sh"
fg_usage='sh tests/cli/run.sh PATH/TO/fengong [CASE.t ...]'
fg_begin "$@"
[ $# -gt 0 ] && shift
cd "$src/tests/cli" || { echo "$me: $src/tests/cli: no such directory" >&2; exit 2; }

fg_timeout 60

# show FILE: print the first lines of FILE indented.
show() {
    if [ -s "$1" ]; then
        sed -n '1,15s/^/      /p' "$1"
    else
        echo "      (empty)"
    fi
}


[ $# -gt 0 ] || set -- *.t
for t in "$@"; do
    if [ ! -f "$t" ]; then
        echo "FAIL $t: no such test file"
        fail=$((fail + 1))
        continue
    fi
    name=${t%.t}
    # --- parse the case ---
    args='' stdin=/dev/null want_exit='' has_stdout=0 want_file='' perr=''
    : >"$tmp/checks"
    n=0
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        case $line in
            '#'* | '') ;;
            'args:'*) args=${line#args:} ;;
            'stdin:'*) stdin=${line#stdin:}; stdin=${stdin# } ;;
            'exit:'*) want_exit=${line#exit:}; want_exit=${want_exit# } ;;
            'stdout-contains: '* | 'stderr-contains: '* | 'stderr-matches: '*)
                printf '%s\n' "$line" >>"$tmp/checks" ;;
            'stdout-file:'*) want_file=${line#stdout-file:}; want_file=${want_file# } ;;
            'stdout:') has_stdout=1; break ;;
            *) perr="line $n: unknown directive: $line"; break ;;
        esac
    done <"$t"
    case $want_exit in
        '' ) [ -n "$perr" ] || perr="no exit: directive" ;;
        *[!0-9]*) perr="exit: is not a number: $want_exit" ;;
    esac
    if [ -n "$want_file" ] && [ "$has_stdout" -eq 1 ]; then
        perr="stdout-file: and stdout: both given"
    elif [ -n "$want_file" ] && [ ! -f "$want_file" ]; then
        perr="stdout-file: no such file: $want_file"
    fi
    if [ -n "$perr" ]; then
        echo "FAIL $name: bad test file: $perr"
        fail=$((fail + 1))
        continue
    fi
    if [ "$has_stdout" -eq 1 ]; then
        # Everything after the first `stdout:` line, byte for byte.
        sed '1,/^stdout:$/d' "$t" >"$tmp/want.out"
    elif [ -n "$want_file" ]; then
        cp "$want_file" "$tmp/want.out"
        has_stdout=1
    fi

    # --- run it ---
    set -f
    # shellcheck disable=SC2086 # word splitting of $tmo and $args is the format
    $tmo "$bin" $args <"$stdin" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    set +f

    # --- check ---
    : >"$tmp/why"
    if [ "$rc" -ne "$want_exit" ]; then
        if [ "$rc" -eq 124 ] && [ -n "$tmo" ]; then
            echo "timed out" >>"$tmp/why"
        elif [ "$rc" -gt 128 ]; then
            echo "exit status $rc (killed by signal $((rc - 128))), expected $want_exit" >>"$tmp/why"
        else
            echo "exit status $rc, expected $want_exit" >>"$tmp/why"
        fi
    fi
    while IFS= read -r c; do
        kind=${c%%: *}
        text=${c#*: }
        case $kind in
            stdout-contains) grep -F -e "$text" "$tmp/out" >/dev/null ||
                echo "stdout does not contain: $text" >>"$tmp/why" ;;
            stderr-contains) grep -F -e "$text" "$tmp/err" >/dev/null ||
                echo "stderr does not contain: $text" >>"$tmp/why" ;;
            stderr-matches) grep -E -e "$text" "$tmp/err" >/dev/null ||
                echo "stderr does not match: $text" >>"$tmp/why" ;;
        esac
    done <"$tmp/checks"
    if [ "$has_stdout" -eq 1 ] && ! cmp -s "$tmp/want.out" "$tmp/out"; then
        echo "stdout differs from the expected:" >>"$tmp/why"
        diff -u "$tmp/want.out" "$tmp/out" | sed -e 1,2d -e 's/^/      /' >>"$tmp/why"
    fi

    if [ -s "$tmp/why" ]; then
        echo "FAIL $name: fengong$args"
        sed 's/^/  /' "$tmp/why"
        echo "    stdout:"
        show "$tmp/out"
        echo "    stderr:"
        show "$tmp/err"
        fail=$((fail + 1))
    else
        echo "ok   $name"
        pass=$((pass + 1))
    fi
done

fg_end
