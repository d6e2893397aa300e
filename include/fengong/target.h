/* fengong: quantitative targets of a task (地区生产总值增长6.5%以上, 单位GDP能耗下降3%). */
#ifndef FENGONG_TARGET_H
#define FENGONG_TARGET_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What the value measures: a change of the subject, or a level it reaches. */
typedef enum fg_target_change {
    FG_CHANGE_LEVEL = 0,    /* 达到90%, 控制在5.5%以内, 提高到60%, 突破1000亿元, 实现…800亿元 */
    FG_CHANGE_INCREASE = 1, /* 增长6.5%, 提高5个百分点, 新增…70万人, 增加 */
    FG_CHANGE_DECREASE = 2  /* 下降3%, 降低, 减少, 压减, 缩短 */
} fg_target_change;

/** How the value bounds the subject, as written. */
typedef enum fg_target_bound {
    FG_BOUND_EQ = 0,    /* 增长6.5%, 达到90% */
    FG_BOUND_GE = 1,    /* 以上, 不低于, 不少于 */
    FG_BOUND_GT = 2,    /* 超过, 突破, 高于, 大于 */
    FG_BOUND_LE = 3,    /* 以内, 以下, 不超过, 不高于, 控制在…以内 */
    FG_BOUND_LT = 4,    /* 低于, 小于 */
    FG_BOUND_ABOUT = 5, /* 左右, 上下 */
    FG_BOUND_RANGE = 6  /* 5%—6%, 5-6个百分点: value .. value_hi */
} fg_target_bound;

/**
 * One target found in a text. Offsets are into the text that was searched.
 * value is normalised: 万, 亿, 千 are multiplied out (70万人 → 700000 人), 两成 → 20 %,
 * 三倍 → 3 倍; the unit is what remains (%, 个百分点, 人, 亿元 → 元, 万吨 → 吨 …).
 */
typedef struct fg_target {
    size_t off;              /* the whole target: subject, verb, value, bound word */
    size_t len;
    size_t subject_off;      /* the subject (地区生产总值); subject_len 0 when none is written */
    size_t subject_len;
    fg_target_change change;
    fg_target_bound bound;
    double value;
    double value_hi;         /* the upper end of a range; value otherwise */
    char unit[32];           /* NUL-terminated UTF-8: "%", "个百分点", "人", "元", "倍", "" */
} fg_target;

/**
 * Find the next quantitative target in text[from .. len). A target is a number with a unit
 * and a comparison: a verb right before it (增长, 提高到, 下降, 控制在, 达到, 突破, 超过, 不低于,
 * 不超过 …), or a bound word right after it (以上, 以内, 以下, 左右), or a leading 新增/新建/
 * 累计/完成/实现 with the subject between it and the number (新增城镇就业70万人以上). A number
 * with neither (2.5万人 in prose), a year (2025年), an ordinal (第三), a list number (1．,
 * 一是), a 文号 (〔2022〕1号) and a number inside a Latin word (PM2.5, 5G) are no target.
 * The subject is the text before the verb back to the previous separator (，；。、：, a
 * bracket or a line end), without the words that only introduce it (力争, 确保, 全年, 其中
 * …) and without 同比/年均 before the verb; at most 24 characters (the last ones).
 * @param out    receives the target; offsets into text.
 * @param found  receives whether one was found.
 * @param text   UTF-8 text, len bytes; borrowed.
 * @param from   where to start (the end of the previous target to go on).
 * @return FG_OK, or FG_EINVAL when out or found is NULL, or text is NULL with len > 0.
 * Complexity: O(len - from).
 */
int fg_target_find(fg_target *out, bool *found, const char *text, size_t len, size_t from);

/** "level" / "increase" / "decrease". */
const char *fg_target_change_name(fg_target_change change);
/** "eq" / "ge" / "gt" / "le" / "lt" / "about" / "range". */
const char *fg_target_bound_name(fg_target_bound bound);

#ifdef __cplusplus
}
#endif
#endif
