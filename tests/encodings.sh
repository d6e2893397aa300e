#!/bin/sh
# Encoding tests: the same documents in other encodings must give the same output.
#
#   sh tests/encodings.sh PATH/TO/fengong
#
# Converts tests/forms/city_mixed.txt and tests/fixtures/seeds/001_f9c4e63d6d2549a0.txt to
# GB18030, UTF-16LE with BOM, UTF-16BE with BOM, UTF-8 with BOM and UTF-8 with CRLF line
# endings, each in its own subdirectory of a temp dir under the same basename, and checks
# that `extract --format tsv` and `extract --format json` print byte-identical output and
# exit with the same status as for the UTF-8 original.
# The last line is `SCRIPT.sh: N passed, M failed`; the exit status is non-zero when anything failed.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"
fg_need_tools iconv

variants="gb18030 utf16le-bom utf16be-bom utf8-bom crlf"
formats="tsv json"

fg_timeout 120

# convert VARIANT IN OUT: write IN (UTF-8) to OUT in the encoding VARIANT.
convert() {
    case $1 in
        utf8) cat "$2" >"$3" ;;
        gb18030) iconv -f UTF-8 -t GB18030 "$2" >"$3" ;;
        utf16le-bom) { printf '\377\376' && iconv -f UTF-8 -t UTF-16LE "$2"; } >"$3" ;;
        utf16be-bom) { printf '\376\377' && iconv -f UTF-8 -t UTF-16BE "$2"; } >"$3" ;;
        utf8-bom) { printf '\357\273\277' && cat "$2"; } >"$3" ;;
        crlf)
            # LF -> CRLF. A last line without a newline (001 ends in "\n ") is left alone:
            # a CR there would be a lone CR, i.e. one more line break than the original.
            cr=$(printf '\r')
            if [ -z "$(tail -c 1 "$2")" ]; then
                sed "s/\$/$cr/" "$2" >"$3"
            else
                sed "\$!s/\$/$cr/" "$2" >"$3"
            fi ;;
        *) return 1 ;;
    esac
}

# run VARIANT BASE FORMAT: run the extractor in $tmp/VARIANT on BASE; output in $tmp/VARIANT/BASE.FORMAT.*
run() {
    (
        cd "$tmp/$1" || exit 2
        # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
        $tmo "$bin" extract --format "$3" "$2" >"$2.$3.out" 2>"$2.$3.err"
        echo $? >"$2.$3.rc"
    )
}

for v in utf8 $variants; do
    mkdir "$tmp/$v" || exit 2
done

for input in "$src/tests/forms/city_mixed.txt" "$src/tests/fixtures/seeds/001_f9c4e63d6d2549a0.txt"; do
    base=$(basename "$input")
    if [ ! -f "$input" ]; then
        bad "$base: input missing" "$input: no such file"
        continue
    fi
    for v in utf8 $variants; do
        if ! convert "$v" "$input" "$tmp/$v/$base"; then
            echo "$me: cannot convert $input to $v" >&2
            exit 2
        fi
    done
    # Sanity: the conversions really changed the bytes.
    for v in $variants; do
        if cmp -s "$tmp/utf8/$base" "$tmp/$v/$base"; then
            echo "$me: the $v copy of $base is identical to the original" >&2
            exit 2
        fi
    done

    for f in $formats; do
        run utf8 "$base" "$f"
        ref=$tmp/utf8/$base.$f.out
        refrc=$(cat "$tmp/utf8/$base.$f.rc")
        # The reference itself must be a real result, or every comparison would pass
        # trivially: exit 0 and, for TSV, at least one row besides the header.
        if [ "$refrc" -ne 0 ]; then
            bad "$base utf8 $f: reference run failed" "exit status $refrc" \
                "$(head -c 400 "$tmp/utf8/$base.$f.err")"
            continue
        fi
        if [ ! -s "$ref" ] || { [ "$f" = tsv ] && [ "$(wc -l <"$ref")" -lt 2 ]; }; then
            bad "$base utf8 $f: reference output has no rows"
            continue
        fi
        for v in $variants; do
            run "$v" "$base" "$f"
            out=$tmp/$v/$base.$f.out
            rc=$(cat "$tmp/$v/$base.$f.rc")
            name="$base $v $f"
            if [ "$rc" -ne "$refrc" ]; then
                bad "$name" "exit status $rc, the UTF-8 original gave $refrc" \
                    "$(head -c 400 "$tmp/$v/$base.$f.err")"
            elif ! cmp -s "$ref" "$out"; then
                if [ "$f" = tsv ]; then
                    bad "$name: output differs from the UTF-8 original's (first 20 diff lines below)"
                    diff -u "$ref" "$out" | sed "s|$tmp/||" | head -n 20
                else
                    bad "$name: output differs from the UTF-8 original's" \
                        "$(cmp "$ref" "$out" 2>&1 | sed "s|$tmp/||")"
                fi
            else
                ok "$name"
            fi
        done
    done
done

fg_end
