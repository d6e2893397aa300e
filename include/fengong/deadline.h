/* fengong: deadline phrases of a task (完成时限：2025年6月底前, 长期坚持, 每季度) read and normalised. */
#ifndef FENGONG_DEADLINE_H
#define FENGONG_DEADLINE_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a deadline phrase says. */
typedef enum fg_deadline_kind {
    FG_DEADLINE_NONE = 0,      /* no deadline */
    FG_DEADLINE_DATE = 1,      /* by a day or the end of a period: 2025年6月底前, 第三季度, 2024—2025年 */
    FG_DEADLINE_RECURRING = 2, /* again and again: 每年, 每季度末, 每月10日前 */
    FG_DEADLINE_ONGOING = 3    /* no end: 长期坚持, 持续推进, 长期, 常态化 */
} fg_deadline_kind;

/** The period of a recurring deadline. */
typedef enum fg_deadline_every {
    FG_EVERY_NONE = 0,
    FG_EVERY_YEAR = 1,    /* 每年, 每年度, 逐年 */
    FG_EVERY_HALF = 2,    /* 每半年 */
    FG_EVERY_QUARTER = 3, /* 每季度, 每个季度, 按季度 */
    FG_EVERY_MONTH = 4,   /* 每月, 每个月, 按月 */
    FG_EVERY_WEEK = 5     /* 每周 */
} fg_deadline_every;

/**
 * A deadline read from text. off and len give the phrase in the text that was read (a
 * label, brackets and the words before a date such as 力争 are not part of it).
 */
typedef struct fg_deadline {
    fg_deadline_kind kind;
    fg_deadline_every every; /* FG_DEADLINE_RECURRING only; FG_EVERY_NONE otherwise */
    char date[11];           /* FG_DEADLINE_DATE: the last day of the period, "YYYY-MM-DD";
                                "" for the other kinds, and for a date without a year when no
                                document year was given */
    bool year_assumed;       /* the phrase names no year (6月底前, 年内, 今年底): it was taken
                                from doc_year */
    size_t off;              /* the phrase: text[off .. off+len) */
    size_t len;
} fg_deadline;

/**
 * Read the deadline phrase at the start of s, as a label's value or a table cell gives it:
 * `2025年6月底前`, `完成时限：2022年底前完成`, `（2023年12月）`, `2024年6月30日前`, `长期坚持`,
 * `每季度`, `2024—2025年`, `第三季度`, `年内`, `2023年二季度末`, `六月底`, `“十四五”期间`.
 * A leading deadline label (完成时限：, 【时间节点】), brackets, blanks and a few words before a
 * date (力争, 确保, 于, 到 …) are skipped; text after the phrase is ignored. Dates are
 * normalised to the last day of their period (年底 → 12-31, 二季度 → 06-30, 上半年 → 06-30,
 * 6月 → 06-30, a span 2024—2025年 → its end, “十四五” → 2025-12-31). A phrase that names no
 * year takes doc_year (and says so in year_assumed); 明年 takes doc_year + 1. Nothing is read
 * from a 文号 (〔2022〕1号), a number that is no year (2.5万人, PM2.5, 5G), or a year with 起,
 * 以来 or 开始 after it (a start, not an end).
 * @param out       receives the deadline; kind FG_DEADLINE_NONE when s starts with none.
 * @param s         UTF-8 text, len bytes; borrowed.
 * @param doc_year  the document's year (from its 文号 or date), or 0 when unknown.
 * @return FG_OK (also when nothing was found), or FG_EINVAL when out is NULL or s is NULL
 *         with len > 0.
 * Complexity: O(length of the phrase).
 */
int fg_deadline_parse(fg_deadline *out, const char *s, size_t len, int doc_year);

/**
 * Find the next deadline phrase in text[from .. len): a sentence or a clause of a task
 * (`…，2024年底前完成。`). Conservative: a date counts only with a deadline marker (前, 底,
 * 末, 内, 完成, 期间: `2024年6月30日前`, `6月底`, `年内`, `“十四五”期间`) or as the whole of a
 * bracket at month or day precision (`（2023年12月）`); a bare date in prose (a date of issue
 * 2022年1月19日, 到2025年) is no deadline, nor is a date after 比, 较, 与, 截至 (a base or a
 * status date) or before 以来, 起, 相比. Ongoing and recurring words count only as a phrase
 * of their own (`，长期坚持。`, `（…牵头，每季度）`) or, recurring, with a marker (`每季度末`):
 * 持续推进 at the start of a sentence is a verb.
 * @param out       receives the deadline; off is an offset into text.
 * @param found     receives whether one was found; when false, out->kind is FG_DEADLINE_NONE.
 * @param text      UTF-8 text, len bytes; borrowed.
 * @param from      where to start (the end of the previous phrase to go on).
 * @param doc_year  as for fg_deadline_parse().
 * @return FG_OK, or FG_EINVAL when out or found is NULL, or text is NULL with len > 0.
 * Complexity: O(len - from).
 */
int fg_deadline_find(fg_deadline *out, bool *found, const char *text, size_t len, size_t from,
                     int doc_year);

/**
 * Whether w (len bytes, no colon) is the word of a deadline label: 完成时限, 时限, 完成时间,
 * 时间节点, 时间要求, 时间安排, 进度安排, 完成期限, 时间进度 … (a word of at most 10
 * characters ending in 时限, 时间, 期限, 节点, 时间安排, 进度安排, 时间要求, 进度要求 or 时间进度).
 */
bool fg_deadline_label_word(const char *w, size_t len);

/** "none" / "date" / "recurring" / "ongoing": stable names for output. */
const char *fg_deadline_kind_name(fg_deadline_kind kind);
/** "" / "year" / "half-year" / "quarter" / "month" / "week". */
const char *fg_deadline_every_name(fg_deadline_every every);

#ifdef __cplusplus
}
#endif
#endif
