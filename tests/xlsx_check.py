#!/usr/bin/python3
"""Check a workbook written by `fengong ... --format xlsx -o FILE` against the CSV output of
the same command, with openpyxl.

    xlsx_check.py FILE.xlsx SHEET=CSVFILE[:COL,COL...] ...

The workbook must hold exactly the SHEETs, in this order. For each one: the header row is the
CSV header, bold, frozen (panes at A2) and under an autofilter that covers the header and
every row; each row equals the CSV row, cell by cell, where the named COLumns are numeric:
a non-empty cell there is a number cell equal to the CSV number, every other non-empty cell
is a text cell equal to the CSV text (CSV's apostrophe before = + - @ removed), and an empty
CSV cell is an empty cell. Each column is at least as wide as its widest cell in display
columns (a wide East Asian character counts two), up to 60. Prints one line per sheet and
exits 1 on the first difference.
"""
import csv
import math
import sys
import unicodedata

import openpyxl
from openpyxl.utils import get_column_letter


def display_width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def csv_text(s):
    # cli_write_cell() neutralises a cell that a spreadsheet would run as a formula.
    if len(s) >= 2 and s[0] == "'" and s[1] in "=+-@\t\r":
        return s[1:]
    return s


def fail(msg):
    print("FAIL", msg)
    sys.exit(1)


def check_sheet(ws, name, path, numeric):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        fail(f"{path}: no header")
    header, body = rows[0], rows[1:]
    for col in numeric:
        if col not in header:
            fail(f"{name}: numeric column {col} is not in the CSV header {header}")
    num = {header.index(c) for c in numeric}
    n_cols = len(header)
    got = [list(r) for r in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=n_cols)]
    if ws.max_column != n_cols:
        fail(f"{name}: {ws.max_column} columns, the CSV has {n_cols}")
    if len(got) != len(rows):
        fail(f"{name}: {len(got) - 1} rows, the CSV has {len(body)}")
    for k, cell in enumerate(got[0]):
        if cell.value != header[k] or cell.data_type != "s":
            fail(f"{name}: header {k + 1} is {cell.value!r}, the CSV has {header[k]!r}")
        if not cell.font.b:
            fail(f"{name}: header {header[k]} is not bold")
    if ws.freeze_panes != "A2":
        fail(f"{name}: panes frozen at {ws.freeze_panes}, not under the header (A2)")
    ref = f"A1:{get_column_letter(n_cols)}{len(rows)}"
    if ws.auto_filter.ref != ref:
        fail(f"{name}: autofilter {ws.auto_filter.ref}, not {ref}")
    widest = [display_width(h) for h in header]
    for r, (want, have) in enumerate(zip(body, got[1:]), start=2):
        if len(want) != n_cols:
            fail(f"{path}:{r}: {len(want)} cells")
        for k in range(n_cols):
            w, cell = want[k], have[k]
            where = f"{name}!{get_column_letter(k + 1)}{r} ({header[k]})"
            if w == "":
                if cell.value is not None:
                    fail(f"{where}: {cell.value!r}, the CSV cell is empty")
                continue
            if k in num:
                if cell.data_type != "n" or isinstance(cell.value, bool) or \
                        not isinstance(cell.value, (int, float)):
                    fail(f"{where}: {cell.value!r} is a {cell.data_type} cell, not a number")
                x = float(csv_text(w))
                if not math.isclose(cell.value, x, rel_tol=1e-12, abs_tol=1e-300):
                    fail(f"{where}: {cell.value!r}, the CSV has {w}")
            else:
                if cell.data_type != "s" or not isinstance(cell.value, str):
                    fail(f"{where}: {cell.value!r} is a {cell.data_type} cell, not text")
                if cell.value != csv_text(w):
                    fail(f"{where}: {cell.value!r}, the CSV has {w!r}")
            widest[k] = max(widest[k], display_width(csv_text(w)))
    for k in range(n_cols):
        letter = get_column_letter(k + 1)
        width = ws.column_dimensions[letter].width if letter in ws.column_dimensions else None
        if width is None or width < min(widest[k], 60):
            fail(f"{name}: column {header[k]} is {width} wide, its widest cell takes {widest[k]}")
    print(f"ok   sheet {name}: {len(body)} rows × {n_cols} columns match {path.split('/')[-1]}"
          f" ({len(num)} numeric)")


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    wb = openpyxl.load_workbook(sys.argv[1])
    specs = []
    for arg in sys.argv[2:]:
        name, _, rest = arg.partition("=")
        path, _, cols = rest.partition(":")
        specs.append((name, path, [c for c in cols.split(",") if c]))
    names = [s[0] for s in specs]
    if wb.sheetnames != names:
        fail(f"{sys.argv[1]}: sheets {wb.sheetnames}, not {names}")
    for name, path, numeric in specs:
        check_sheet(wb[name], name, path, numeric)


if __name__ == "__main__":
    main()
