#!/usr/bin/env python3
"""Regenerate the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) and the
libFuzzer dictionary tests/fuzz/fengong.dict from the bundled data.

    python3 tests/fuzz/make_corpus.py        # from the source tree; needs iconv

decode:    pieces of graphs/documents/*.txt and tests/forms/*.txt in UTF-8, UTF-8 with BOM,
           CRLF, GB18030, UTF-16LE/BE with BOM, plus a few malformed inputs
parse:     2-8 KB pieces of every document (cut at line ends) and the form documents
gazetteer: graphs/agencies.tsv in pieces, each with the header, and renaming chains
clause:    responsibility clauses (bracketed text naming a role) taken from the documents
The pieces are deterministic, so re-running gives the same files. Keep the total small
(under ~300 KB): the corpus is replayed by `make test`.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DOCS = os.path.join(ROOT, "graphs", "documents")
FORMS = os.path.join(ROOT, "tests", "forms")
OUT = os.path.join(HERE, "corpus")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def pieces(data, size, count):
    """count pieces of about size bytes spread over data, each cut at line ends."""
    lines = data.splitlines(keepends=True)
    out = []
    if not lines:
        return out
    step = max(1, len(lines) // count)
    for k in range(count):
        start = k * step
        buf = b""
        i = start
        while i < len(lines) and len(buf) + len(lines[i]) <= size:
            buf += lines[i]
            i += 1
        if not buf and i < len(lines):  # one line longer than size: cut it at a character
            buf = lines[i][:size].decode("utf-8", "ignore").encode("utf-8")
        if buf:
            out.append(buf)
    return out


def iconv(data, to):
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", to], input=data, check=True,
                          stdout=subprocess.PIPE).stdout


def short(name):
    return re.sub(r"^(\d{4})_([a-z]+).*", r"\1_\2", name.replace(".txt", ""))


def main():
    if shutil.which("iconv") is None:
        sys.exit("make_corpus.py: iconv is required")
    shutil.rmtree(OUT, ignore_errors=True)
    docs = sorted(f for f in os.listdir(DOCS) if f.endswith(".txt"))
    forms = sorted(f for f in os.listdir(FORMS) if f.endswith(".txt"))

    # parse: the opening (title, 文号, first items) and three more pieces of each document.
    for name in docs:
        data = read(os.path.join(DOCS, name))
        ps = pieces(data, 6000, 4)
        for k, p in enumerate(ps):
            write("parse", "%s_%d.txt" % (short(name), k), p)
    for name in forms:
        write("parse", "form_" + name, read(os.path.join(FORMS, name)))

    # decode: two small pieces in every encoding, the forms as they are, malformed input.
    for name in docs[:2]:
        data = read(os.path.join(DOCS, name))
        p = pieces(data, 2500, 3)[1]
        s = short(name)
        write("decode", s + ".utf8", p)
        write("decode", s + ".utf8bom", b"\xef\xbb\xbf" + p)
        write("decode", s + ".crlf", p.replace(b"\n", b"\r\n"))
        write("decode", s + ".gb18030", iconv(p, "GB18030"))
        write("decode", s + ".utf16le", b"\xff\xfe" + iconv(p, "UTF-16LE"))
        write("decode", s + ".utf16be", b"\xfe\xff" + iconv(p, "UTF-16BE"))
    for name in forms[:3]:
        write("decode", "form_" + name, read(os.path.join(FORMS, name)))
    text = "（一）省发展改革委牵头，省财政厅配合。\n二、Café e\u0301 한국어 ①②\r\n".encode("utf-8")
    write("decode", "mixed_nfc.txt", text)
    write("decode", "invalid_utf8.txt", text[:7] + b"\xff\xc0\xaf" + text[7:] + b"\xe4\xb8")
    write("decode", "nul.txt", text + b"\x00" + text)
    write("decode", "utf16le_lone_surrogate.txt",
          b"\xff\xfe" + iconv(text, "UTF-16LE")[:20] + b"\x00\xd8" + b"A\x00")
    write("decode", "utf16be_odd.txt", b"\xfe\xff" + iconv(text, "UTF-16BE") + b"\x00")
    write("decode", "gb18030_4byte.txt", iconv("中文\u00e9\U0001F600测试\n".encode(), "GB18030"))

    # gazetteer: the bundled list in pieces (each with the header) and renaming chains.
    tsv = read(os.path.join(ROOT, "graphs", "agencies.tsv"))
    header, _, body = tsv.partition(b"\n")
    for k, p in enumerate(pieces(body, 6500, 4)):
        write("gazetteer", "agencies_%d.tsv" % k, header + b"\n" + p)
    write("gazetteer", "successors.tsv", header + "\n"
          "省扶贫办\t湖南省扶贫开发办公室\tprovince\tgovernment\t省乡村振兴局\t2021\tx\n"
          "省乡村振兴局\t湖南省乡村振兴局|乡村振兴局\tprovince\tgovernment\t省农业农村厅\t2024\tx\n"
          "省农业农村厅\t\tprovince\tgovernment\t省扶贫办\t2025\tx\r\n"
          "# comment\n\n"
          "省 发 改 委\t省发改委|\u3000省发展改革委\tcentral\tsoe\t\t\t\n".encode("utf-8"))
    write("gazetteer", "bom_crlf.tsv", b"\xef\xbb\xbf" + header + b"\r\n" +
          "国务院\t中华人民共和国国务院\tcentral\tcentral\t\t\ty\r\n".encode("utf-8"))

    # clause: bracketed clauses naming a role, from all documents, shortest first.
    seen = set()
    role = re.compile("[（(]([^（）()\n]{2,300}?(?:牵头|负责|配合|参与|会同)[^（）()\n]{0,300})[）)]")
    for name in docs:
        for m in role.finditer(read(os.path.join(DOCS, name)).decode("utf-8")):
            seen.add(m.group(1))
    labelled = re.compile("^(?:牵头单位|责任单位|配合单位)[：:].*$", re.M)
    for name in forms:
        for m in labelled.finditer(read(os.path.join(FORMS, name)).decode("utf-8")):
            seen.add(m.group(0))
    picked = sorted(seen, key=lambda s: (len(s), s))
    picked = picked[:: max(1, len(picked) // 60)][:60]
    for k, c in enumerate(picked):
        write("clause", "clause_%02d.txt" % k, c.encode("utf-8"))

    # The dictionary: the non-ASCII literals the parser and the clause splitter look for.
    words = set()
    for src in ["clause.c"] + sorted(os.path.basename(f) for f in
                                     glob.glob(os.path.join(ROOT, "src", "parse*.[ch]"))):
        for lit in re.findall(r'"((?:[^"\\\n]|\\.)*)"', read(os.path.join(ROOT, "src", src))
                              .decode("utf-8")):
            if re.search(r"[^\x00-\x7f]", lit) and "\\" not in lit and len(lit) <= 12:
                words.add(lit)
    words |= {"\t", "\r\n", "\u3000", "\ufeff", "一、", "（一）", "1．", "（1）", "①", "第一章",
              "附件", "canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"}
    with open(os.path.join(HERE, "fengong.dict"), "w", encoding="utf-8") as f:
        f.write("# libFuzzer dictionary: generated by tests/fuzz/make_corpus.py from the\n"
                "# literals of src/clause.c and src/parse*.[ch]; do not edit by hand.\n")
        for k, w in enumerate(sorted(words)):
            esc = "".join("\\x%02X" % b for b in w.encode("utf-8"))
            f.write('w%03d="%s"\n' % (k, esc))


if __name__ == "__main__":
    main()
