/* fengong: decoding input files into NFC UTF-8 text with line numbers kept. */
#ifndef FENGONG_TEXT_H
#define FENGONG_TEXT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The encoding a text was decoded from. */
typedef enum fg_encoding {
    FG_ENC_UTF8 = 0,
    FG_ENC_UTF8_BOM,
    FG_ENC_UTF16LE,
    FG_ENC_UTF16BE,
    FG_ENC_GB18030
} fg_encoding;

/** The kind of document a text was read from, told by its bytes, not by its name. */
typedef enum fg_format {
    FG_FORMAT_TEXT = 0, /* plain text in one of the encodings above */
    FG_FORMAT_DOCX,     /* a Word document (Office Open XML) */
    FG_FORMAT_PDF,      /* a PDF with a text layer */
    FG_FORMAT_HTML,     /* a web page */
    FG_FORMAT_XLSX,     /* an Excel workbook (Office Open XML) */
    FG_FORMAT_DOC,      /* an old binary Word document (.doc, Word 97-2003; WPS saved so) */
    FG_FORMAT_XLS,      /* an old binary Excel workbook (.xls, Excel 97-2003; WPS .et so) */
    FG_FORMAT_OFD,      /* an OFD document (GB/T 33190, China's fixed-layout format) */
    FG_FORMAT_RTF,      /* an RTF document (Word, WPS, LibreOffice) */
    FG_FORMAT_ODT,      /* an OpenDocument text (.odt, .fodt: LibreOffice, WPS, Kylin) */
    FG_FORMAT_ODS       /* an OpenDocument spreadsheet (.ods, .fods) */
} fg_format;

/** A problem that did not stop decoding (e.g. an invalid byte that was replaced). */
typedef struct fg_text_warning {
    size_t line;        /* 1-based line of the input */
    const char *message;
} fg_text_warning;

/**
 * Decoded text: valid NFC UTF-8 (a run of more than 30 combining marks is normalised in
 * pieces, so such hostile input may not be in strict canonical order; no real text has
 * one), line breaks normalised to "\n" (CRLF and lone CR become
 * one "\n" each, so line numbers are those of the input), no BOM. NUL bytes in the input
 * are replaced by U+FFFD and reported.
 */
typedef struct fg_text {
    const char *name;     /* display name given to the decoder (usually the path) */
    const char *data;     /* NUL-terminated; len is authoritative */
    size_t len;
    fg_encoding encoding; /* of the text a reader produced, UTF-8, for any format but text */
    fg_format format;     /* the reader that made the text */
    const fg_text_warning *warnings;
    size_t n_warnings;    /* how many were recorded (at most FG_TEXT_MAX_WARNINGS) */
    size_t n_replaced;    /* how many invalid sequences were replaced by U+FFFD in all */
    size_t n_bytes;       /* size of the raw input; fg_text_sha256() gives its digest */
    void *priv_;          /* owned storage; do not touch */
} fg_text;

#define FG_TEXT_MAX_WARNINGS 20

/**
 * Decode raw bytes. Detection: a UTF-8 or UTF-16 BOM wins; else valid UTF-8 is UTF-8; else
 * text that converts cleanly from GB18030 is GB18030; else it is taken as UTF-8 with the
 * invalid bytes replaced (each reported with its line number as a warning). Binary data
 * (NUL bytes in more than a few places, or mostly control characters) is refused.
 * @param out    receives a new text, freed with fg_text_free(); NULL on failure.
 * @param name   display name used in messages ("graphs/documents/x.txt", "<stdin>"); copied.
 * @param bytes  the raw input; borrowed, not kept. May be NULL when len is 0.
 * @param len    its length in bytes.
 * @return FG_OK, FG_EENCODING ("NAME: binary data, not text" / "NAME:LINE: truncated UTF-16
 *         input"), FG_EINVAL (a NULL argument) or FG_ENOMEM.
 * Complexity: O(len).
 */
int fg_text_decode(fg_text **out, const char *name, const void *bytes, size_t len);

/**
 * Read a document of any format fengong knows: its bytes tell which (a ZIP holding
 * word/document.xml is DOCX, "%PDF-" is PDF, a page that starts with an HTML tag is HTML,
 * anything else is text for fg_text_decode()). DOCX, PDF and HTML are turned into text by
 * their readers: paragraphs become lines, a table one line per row with its cells separated
 * by tabs (merged cells carried down), so that one grammar reads every format. The digest and
 * n_bytes are those of the raw bytes.
 * @return FG_OK, FG_EFORMAT (old Word/WPS files, with how to convert them; damaged,
 *         encrypted or scanned documents; a page without Chinese text), FG_EENCODING,
 *         FG_EINVAL or FG_ENOMEM. Messages start with name.
 * Complexity: O(len) for text, HTML and DOCX; PDF as poppler lays out its pages.
 */
int fg_text_read(fg_text **out, const char *name, const void *bytes, size_t len);

/**
 * Read a file (or standard input when path is "-") and read it with fg_text_read().
 * @param out   receives a new text, freed with fg_text_free(); NULL on failure.
 * @param path  a regular file, "-" for stdin; a directory or unreadable file is an error.
 * @return FG_OK, FG_EIO ("PATH: cannot open: No such file or directory", "PATH: is a
 *         directory", "PATH: not a regular file", "PATH: file too large …"), FG_EFORMAT,
 *         FG_EENCODING, FG_EINVAL or FG_ENOMEM. Odd-length UTF-16 is refused, not padded.
 */
int fg_text_read_file(fg_text **out, const char *path);

/**
 * Lower-case hex SHA-256 (64 digits) of the raw input bytes, which identify a document in the
 * store. For UTF-8 input whose bytes the text still holds (the common case) it is worked out
 * on the first call, so that extraction alone never pays for it; that first call writes into
 * the text, so it must not race with another call on the same text.
 * @return a string owned by the text; "" when text is NULL.
 */
const char *fg_text_sha256(const fg_text *text);

/** Free a text; NULL-safe. */
void fg_text_free(fg_text *text);

/** "text", "docx", "pdf", "html"; never NULL. */
const char *fg_format_name(fg_format format);

/** "UTF-8", "UTF-16LE", "GB18030", ... never NULL. */
const char *fg_encoding_name(fg_encoding enc);

#ifdef __cplusplus
}
#endif
#endif
