#!/bin/sh
# Layout property test: every form document read in two hostile layouts gives the rows of
# its hand-written expected file.
#
#   sh tests/forms_variants.sh PATH/TO/fengong
#
# For every tests/forms/X.txt two variants are built in a temp dir, each under the name
# X.txt (so the doc column matches X.tsv), and `fengong extract --format tsv X.txt` must
# print tests/forms/X.tsv byte for byte:
#   one-line    every line break becomes two U+3000 (the paragraph indent of documents
#               that are one huge line), so the whole document is one line;
#   half-width  the punctuation （ ） ， ： ； ． becomes ( ) , : ; . throughout;
#   joined      every line break is removed: no line break and no paragraph mark at all;
#   wrapped     every line wider than 56 display columns (a CJK character 2) broken at that
#               width, closing punctuation allowed to hang past it, as text copied out of
#               a PDF is (lines with a tab, a table's rows, are left whole).
# The last line is `SCRIPT.sh: N passed, M failed, K skipped`; the exit status is non-zero when
# anything failed. Only the skip list of skipped() is skipped, each entry with its reason;
# the one-line and half-width variants of every form are checked (tables too survive the
# one-line layout: a flat document's runs of U+3000 separate its paragraphs as line
# breaks do, see fg_parse__paragraph_end() in src/parse.c).

. "$(dirname "$0")/lib.sh"
fg_begin "$@"

forms=$src/tests/forms
fg_need_dir "$forms"

fg_timeout 120

# skipped VARIANT NAME: why this variant of this form is not checked, or nothing.
skipped() {
    case $1:$2 in
        joined:blank_table | joined:delimited_table | joined:table_cells | joined:table_headers_open | \
        joined:table_header_notes | joined:table_empty_cells | joined:table_trailing_cells | \
        joined:table_header_roles | joined:table_grouped_cells | joined:table_title_rows | \
        joined:table_header_breaks | joined:table_cell_roles | joined:table_grouped_header | \
        joined:table_row_numbers | joined:table_task_clauses | joined:table_ledger | \
        joined:table_matrix | joined:table_cells_wrapped | joined:heads_persons | \
        joined:table_cells_towns | joined:declaration_listed_first | \
        joined:table_unit_cell_brackets | joined:table_record_codes | \
        joined:table_group_column | joined:card_rows | joined:same_above | \
        joined:annex_tables | joined:annex_tables_inside | joined:table_marks_co | \
        joined:table_cells_task_header | joined:table_other_columns | \
        joined:table_wrapped_lines | joined:table_header_words | joined:table_heading_rows | \
        joined:names_hall_brackets | joined:table_header_unknown | joined:table_section_rows | \
        joined:table_task_verb_cells | joined:table_sections_open | joined:table_cells_sections | \
        joined:table_short_tasks | joined:label_tables | joined:blank_table_unit_lists | \
        joined:table_cell_bodies | joined:matrix_char_marks | joined:matrix_legend_marks | \
        joined:matrix_plain_sections | joined:table_merged_subrows | \
        joined:table_merged_subrows_wrapped | joined:table_blank_task_unit_end | \
        joined:table_declared_two_columns | joined:table_blank_empty_co | \
        joined:matrix_task_words)
            echo "a table's rows are its lines: without line breaks they are one run of cells" ;;
        one-line:wrapped_pdf_copy | half-width:wrapped_pdf_copy)
            echo "a text hard-wrapped at one width (copied out of a PDF): its line breaks made" \
                 "U+3000 paragraph marks are paragraphs, and with its punctuation half-width its" \
                 "lines are no longer of one width; the joined variant is checked" ;;
        joined:pronoun_others)
            echo "a labelled line with no closing stop runs straight into a note" \
                 "(…、县财政局注：标*的为牵头单位…): with no line break, blank or stop between them" \
                 "the 注 reads as the end of the last name (the one-line layout, which keeps a" \
                 "blank there, is read)" ;;
        joined:toc_blanks)
            echo "a table of contents is lines: without line breaks its entries run into the body" ;;
        joined:lead_words)
            echo "part A1 starts at a line that is only 附件：, which inside a line is a list's label" ;;
        joined:first_listed_clause | joined:first_listed_note)
            echo "an annex header line 附件1 run into the last unit name of the body (…省财政厅附件1) is not found" ;;
        joined:numbering_more | joined:numbering_bare)
            echo "1.1, 1.2.1, 1）, 一）, 3 . and a bare 1 before a title are markers only at a line's or paragraph's start: run into the text before them (…整治1.1 推进) they are numbers" ;;
        joined:numbering_ocr_dash)
            echo "a dash OCR gave for 一 (—、, （—）) is a marker only at a line's or paragraph's start:" \
                 "run into the text before it (…水源保障能力（—）推进) a dash is text" ;;
        joined:numbering_ocr_blank_comma)
            echo "a blank OCR put before a marker's comma (一 、) is passed over only at a line's or" \
                 "paragraph's start: run into the text before it (…县财政局配合）二  、拓宽) it is" \
                 "a numeral, a blank and a comma" ;;
        joined:numbering_ordinals)
            echo "a bare ordinal 第二　 or 第二， numbers a heading only at a line's or paragraph's start: run into the text before them (…各乡镇人民政府第二，夯实…) it is a word, as 第一时间 is" ;;
        joined:team_roster_posts)
            echo "名单 named only by their title lines (X领导小组成员名单): joined, each title runs into the first label under it (…成员名单组　　长) and names no team, so the document is rejected" ;;
        joined:team_committee_roster)
            echo "a 委员会 named only by the title line of its 名单 (X委员会组成人员名单): joined, the title runs into the first label (…名单主　　任：) and each label into the name before it, and a 委员会 is a team only after a verb or on a title line of its own, so the document is rejected" ;;
        joined:role_labels_spaced)
            echo "a spaced label run into the name before it (就业促进处配 合 处 室：) is read as part of the name" ;;
        joined:meeting_charges)
            echo "a label run into the heading before it (…卫生健康工作任务分工：) is one word with it, a field" ;;
        joined:task_numbers | joined:record_blocks | joined:numbering_cn_dot | \
        joined:numbering_task_words | joined:numbering_bracket_tasks | joined:numbering_problems)
            echo "任务一：, 问题1：, 序号：1 and 一. are markers only at a line's or paragraph's start: run" \
                 "into the text before them (…县大数据中心任务二：) they are words" ;;
        joined:numbering_roman_letters | joined:numbering_roman_ascii | \
        joined:numbering_letters_finest | joined:numbering_letters_top | \
        joined:numbering_letters_long)
            echo "Ⅰ．, II., A．, （A） and a. are markers only at a line's or paragraph's start: run" \
                 "into the text before them (…配合）B．监管能力) a letter is a word's (A级, A股)" ;;
        joined:shared_forward)
            echo "a heading with no full stop runs into the sentence under it" \
                 "(二、推进乡村建设本部分任务由…牵头): joined, the sentence's subject starts with the" \
                 "heading's words and no clause is read (nor by the binary before the forward rule)" ;;
        joined:labels_value_below)
            echo "a label with no colon is one only alone on its line: joined, it runs into its" \
                 "value (…全覆盖。牵头单位市民政局配合单位…) as one word" ;;
        joined:labels_signature)
            echo "a signature is lines: joined, the issuers run into the last unit's name" \
                 "(…各银行业金融机构某市人民政府办公室某市地方金融管理局2025年3月18日) with nothing between" ;;
        joined:team_numbered_members)
            echo "members one a numbered line under 成员单位： alone are read by their lines:" \
                 "joined, （1）县自然资源局（2）… run into the label as items' numbers" ;;
        joined:gazette_header)
            echo "a gazette's running header is skipped as a line: joined, it runs into the" \
                 "unit name it breaks (县自然××县人民政府公报…)" ;;
        joined:closing_paragraphs)
            echo "附件1 run into the text before items numbered 1． is not found: joined, the annex's items" \
                 "are the last main item's text, so the close before them is no close of the text (a close" \
                 "run into the last item with no annex after it is cut: closing_run_on.txt)" ;;
        joined:labels_listed_below)
            echo "units one a line under a label alone (配合部门如下：): joined, two names run together" \
                 "with nothing between them (县生态环境分局县供销社) and are read as one" ;;
        joined:labels_blank)
            echo "a label ended by a blank (牵头单位　X) is read at a line's start only: run into the text before it, it is a name's" ;;
        half-width:brackets_in_names | half-width:combined_province | half-width:combined_state_council | \
        half-width:city_labels_posts | half-width:unit_lists | half-width:names_role_words | \
        half-width:numbering_bare | half-width:role_phrases_comma | half-width:gazette_header | \
        half-width:role_words_more | half-width:table_unit_cell_brackets | \
        half-width:label_wrapped | half-width:role_label_words | \
        half-width:sentence_other_names | half-width:level_departments | \
        half-width:team_unit_brackets | half-width:team_member_joins | \
        half-width:duty_words_more | half-width:names_council_office | \
        half-width:names_hall_brackets | half-width:labels_blank_values | \
        half-width:pipe_separators | half-width:names_bracket_role_words | \
        half-width:level_bracket_departments | half-width:region_units)
            echo "a bracket inside a unit name is kept as written: half-width brackets change the name" ;;
        wrapped:blank_table | wrapped:blank_table_unit_lists | wrapped:table_blank_task_unit_end | \
        wrapped:table_heading_rows | wrapped:table_wrapped_lines | wrapped:table_header_unknown | \
        wrapped:table_blank_empty_co)
            echo "a text table aligned with blanks, its rows wider than 56 columns: the width" \
                 "breaks a row inside its cells or its runs of blanks, and the rest of the row on" \
                 "the next line lines up under no column (the broken lines end in the blanks that" \
                 "align them, short of the width, so they are not joined again)" ;;
        wrapped:dash_unnumbered_declared | wrapped:labels_bracket_and_line)
            echo "only one or two lines are broken by the width (…县自然资源|局, …系统。牵|头单位：):" \
                 "too few lines reach it (3 at least) to tell a hard-wrapped text from lines written" \
                 "so, and the broken name or label is lost" ;;
        wrapped:entities_text)
            echo "an HTML entity broken by the width (…市发改委&am|p;…) is not decoded: entities are" \
                 "decoded as the text is read, before its broken lines are joined again" ;;
        wrapped:long_body | wrapped:ideo_paragraphs)
            echo "a flat body (paragraphs parted by 　　 in one long line) broken right after a" \
                 "paragraph mark before a label (…发展局　　|配合单位：): a label opens a new line," \
                 "so the line is not joined, and the rest, shorter, is no flat line whose run-in" \
                 "headings (…　　二、…) are found" ;;
        wrapped:task_numbers_run_in)
            echo "the width breaks a run-in task number (…负责）任务|4　优化…): the next line opens" \
                 "with a number and a blank, a marker, so it is not joined, and the bare 4 numbers" \
                 "no task" ;;
    esac
}

# one_line FILE: the document on one line, each line break replaced by two U+3000.
one_line() {
    awk 'BEGIN { ORS = "" } { sub(/\r$/, ""); if (NR > 1) print "　　"; print }' "$1"
}

# joined FILE: the document with no line breaks at all.
joined() {
    awk 'BEGIN { ORS = "" } { sub(/\r$/, ""); print }' "$1"
}

# half_width FILE: the document with half-width （ ） ， ： ； ．.
half_width() {
    sed -e 's/（/(/g' -e 's/）/)/g' -e 's/，/,/g' -e 's/：/:/g' -e 's/；/;/g' -e 's/．/./g' "$1"
}

# wrap_all DIR FILE...: each FILE hard-wrapped at 56 columns into DIR (one python for all).
wrap_all() {
    _dir=$1
    shift
    mkdir -p "$_dir"
    "$py" - "$_dir" "$@" <<'PY'
import os, sys, unicodedata
WIDTH = 56
HANG = set("，。、；：！？）》”’」』】")
def cols(c):
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1
out_dir = sys.argv[1]
for path in sys.argv[2:]:
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if "\t" in line:
                lines.append(line)
                continue
            cur, w = "", 0
            for c in line:
                if cur and w + cols(c) > WIDTH and c not in HANG:
                    lines.append(cur)
                    cur, w = "", 0
                cur += c
                w += cols(c)
            lines.append(cur)
    with open(os.path.join(out_dir, os.path.basename(path)), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
PY
}

found=0
cd "$forms" || exit 2
wrap_all "$tmp/wrapped" ./*.txt || bad "the wrapped layout could not be made"
for txt in *.txt; do
    [ -e "$txt" ] || continue
    found=1
    name=${txt%.txt}
    for variant in one-line half-width joined wrapped; do
        why=$(skipped "$variant" "$name")
        if [ -n "$why" ]; then
            echo "skip $variant $txt: $why"
            skip=$((skip + 1))
            continue
        fi
        dir=$tmp/$variant
        mkdir -p "$dir"
        case $variant in
            one-line) one_line "$txt" >"$dir/$txt" ;;
            half-width) half_width "$txt" >"$dir/$txt" ;;
            joined) joined "$txt" >"$dir/$txt" ;;
            wrapped) ;; # made by wrap_all
        esac
        # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
        (cd "$dir" && $tmo "$bin" extract --format tsv "$txt") >"$dir/$name.out" 2>"$dir/$name.err"
        rc=$?
        if [ "$rc" -eq 0 ] && cmp -s "$name.tsv" "$dir/$name.out"; then
            echo "ok   $variant $txt"
            pass=$((pass + 1))
            continue
        fi
        echo "FAIL $variant $txt (exit status $rc)"
        [ -s "$dir/$name.err" ] && sed -n '1,10s/^/    /p' "$dir/$name.err"
        diff -u "$name.tsv" "$dir/$name.out" | sed "s|$tmp/||"
        fail=$((fail + 1))
    done
done

if [ "$found" -eq 0 ]; then
    echo "$me: no *.txt in $forms" >&2
    fail=$((fail + 1))
fi
fg_end
