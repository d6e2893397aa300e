/* Unit tests for src/clause.c: one responsibility clause → (role, unit, kind) rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "clause.h"
#include "fengong/lexicon.h"
#include "fengong/error.h"
#include "str.h"
#include "simd_env.h"
#include "test_util.h"

#define NOT_CLAUSE "(not a clause)"

/* Formatted result of the last parse; large enough for every case below. */
static char fmt_buf[4096];

/* "lead:X|co:Y" for units [first, n), or with kinds "lead:X/agency|co:Y/generic". */
static const char *fmt_units(const fg_units *u, size_t first, bool with_kind)
{
    size_t len = 0;

    fmt_buf[0] = '\0';
    for (size_t k = first; k < u->n; k++) {
        const fg_unit *un = &u->v[k];
        int n = snprintf(fmt_buf + len, sizeof fmt_buf - len, "%s%s:%.*s%s%s", k > first ? "|" : "",
                         un->role == FG_ROLE_LEAD ? "lead" : "co", (int)un->len,
                         u->names.ptr + un->off, with_kind ? "/" : "",
                         !with_kind                   ? ""
                         : un->kind == FG_KIND_AGENCY ? "agency"
                         : un->kind == FG_KIND_GROUP  ? "group"
                                                      : "generic");

        assert_true(n > 0 && (size_t)n < sizeof fmt_buf - len);
        len += (size_t)n;
    }
    return fmt_buf;
}

/* The list a test fills; disposed by the teardown, so a failed assertion leaks nothing. */
static fg_units units;

static int dispose_units(void **state)
{
    (void)state;
    fg_units_dispose(&units);
    return 0;
}

/* Parse text with flags into an emptied list; the formatted units, or NOT_CLAUSE. */
static const char *parse_with(const char *text, unsigned flags, bool with_kind)
{
    bool is_clause = true;

    fg_units_clear(&units);
    assert_int_equal(fg_clause__parse(&units, &is_clause, fg_sv(text, strlen(text)), flags), FG_OK);
    if (!is_clause) {
        /* A text that is not a clause appends nothing. */
        assert_int_equal(units.n, 0);
        return NOT_CLAUSE;
    }
    return fmt_units(&units, 0, with_kind);
}

static const char *parse(const char *text)
{
    return parse_with(text, 0, false);
}

static const char *split(const char *text, fg_role role)
{
    fg_units_clear(&units);
    assert_int_equal(fg_clause__split_list(&units, fg_sv(text, strlen(text)), role), FG_OK);
    return fmt_units(&units, 0, true);
}

/* Clauses parsed with no flag. */
static const fg_phrase_case clauses[] = {
    /* lead then co */
    {"省发展改革委牵头，省财政厅、省自然资源厅按职责分工负责",
     "lead:省发展改革委|co:省财政厅|co:省自然资源厅"},
    /* by function is co */
    {"省商务厅牵头，省财政厅、长沙海关按职能分工负责", "lead:省商务厅|co:省财政厅|co:长沙海关"},
    /* respectively lead */
    {"省发展改革委、省财政厅分别牵头，省商务厅按职能分工负责",
     "lead:省发展改革委|lead:省财政厅|co:省商务厅"},
    /* lead and responsible */
    {"省发展改革委、省财政厅牵头负责", "lead:省发展改革委|lead:省财政厅"},
    /* lead alone */
    {"省教育厅牵头", "lead:省教育厅"},
    /* no lead all co */
    {"省财政厅、省教育厅按职责分工负责", "co:省财政厅|co:省教育厅"},
    {"省数据局负责", "co:省数据局"},
    /* cooperate and participate */
    {"省科技厅牵头，省工业和信息化厅、湘潭大学参与",
     "lead:省科技厅|co:省工业和信息化厅|co:湘潭大学"},
    {"省财政厅牵头，省地方金融监管局配合", "lead:省财政厅|co:省地方金融监管局"},
    /* responsible with helpers leads */
    {"省委组织部负责，省人力资源社会保障厅配合", "lead:省委组织部|co:省人力资源社会保障厅"},
    /* together with */
    {"省工业和信息化厅会同省财政厅、省发展改革委负责",
     "lead:省工业和信息化厅|co:省财政厅|co:省发展改革委"},
    /* first is lead flag */
    /* Without the declaration nobody leads. */
    {"省卫生健康委、省发展改革委、省财政厅等按职责分工负责",
     "co:省卫生健康委|co:省发展改革委|co:省财政厅"},
    /* bare list */
    /* A list with no role word is a clause only when the caller allows a bare list. */
    {"市教育局、市财政局", NOT_CLAUSE},
    /* labels */
    {"牵头单位：省发展改革委；配合单位：省财政厅、省商务厅",
     "lead:省发展改革委|co:省财政厅|co:省商务厅"},
    {"牵头单位：省妇联", "lead:省妇联"},
    /* responsible label */
    {"责任单位：市自然资源和规划局、市生态环境局；完成时限：2024年6月底前",
     "co:市自然资源和规划局|co:市生态环境局"},
    /* half width colon and semicolon */
    {"牵头单位:市财政局;参与单位:市商务局", "lead:市财政局|co:市商务局"},
    /* half width commas */
    {"省发展改革委牵头,省财政厅,省商务厅按职能分工负责",
     "lead:省发展改革委|co:省财政厅|co:省商务厅"},
    /* and between complete units */
    {"市文化旅游广电局牵头，市商务局和天心区人民政府按职责分工负责",
     "lead:市文化旅游广电局|co:市商务局|co:天心区人民政府"},
    /* and inside name not split */
    {"省文化和旅游厅牵头，省工业和信息化厅、省粮食和物资储备局按职责分工负责",
     "lead:省文化和旅游厅|co:省工业和信息化厅|co:省粮食和物资储备局"},
    /* trailing deng dropped */
    {"省教育厅等按职责分工负责", "co:省教育厅"},
    {"由市财政局牵头，市地方金融监管局、市商务局等部门配合",
     "lead:市财政局|co:市地方金融监管局|co:市商务局"},
    {"牵头单位：市公共资源交易中心；配合单位：市发展改革委、市水利局等",
     "lead:市公共资源交易中心|co:市发展改革委|co:市水利局"},
    /* shared suffix bare places */
    {"长沙、株洲市人民政府按职责分工负责", "co:长沙市人民政府|co:株洲市人民政府"},
    {"省发展改革委牵头，长沙、株洲、湘潭、郴州市人民政府按职责分工负责",
     "lead:省发展改革委|co:长沙市人民政府|co:株洲市人民政府"
     "|co:湘潭市人民政府|co:郴州市人民政府"},
    /* shared suffix with level */
    {"岳阳市、湘西自治州人民政府按职责分工负责", "co:岳阳市人民政府|co:湘西自治州人民政府"},
    {"市发展改革委牵头，望城区、长沙县人民政府按职责分工负责",
     "lead:市发展改革委|co:望城区人民政府|co:长沙县人民政府"},
    /* A complete unit before the places does not take the suffix. */
    {"省交通运输厅、岳阳、衡阳市人民政府按职责分工负责",
     "co:省交通运输厅|co:岳阳市人民政府|co:衡阳市人民政府"},
    /* lead mark after unit */
    {"省发展改革委（牵头）、省财政厅、省商务厅按职责分工负责",
     "lead:省发展改革委|co:省财政厅|co:省商务厅"},
    {"省财政厅、省教育厅(牵头)按职责分工负责", "co:省财政厅|lead:省教育厅"},
    /* co marks (会办, 协办, 配合 …) after a unit; a bracket of marked units needs no role word */
    {"责任单位：县教育局（主办）、县自然资源局（会办）、县财政局（协办）",
     "lead:县教育局|co:县自然资源局|co:县财政局"},
    {"县发展和改革局（牵头）、县财政局、县市场监督管理局",
     "lead:县发展和改革局|co:县财政局|co:县市场监督管理局"},
    {"县行政审批服务局（主办单位）、县发展和改革局（协办单位）",
     "lead:县行政审批服务局|co:县发展和改革局"},
    {"责任单位：县市场监督管理局（牵头）　县司法局　县商务局",
     "lead:县市场监督管理局|co:县司法局|co:县商务局"},
    {"责任单位：县委机构编制委员会办公室（牵头）、县财政局",
     "lead:县委机构编制委员会办公室|co:县财政局"},
    /* slash labels over slash values; an unknown label with no unit leaves the others */
    {"牵头单位/责任单位：市公安局交警支队/各区人民政府", "lead:市公安局交警支队|co:各区人民政府"},
    {"牵头单位／配合单位：市公安局／市交通运输局；完成时限：2024年底", "lead:市公安局|co:市交通运输局"},
    {"业主单位：省住房城乡建设厅；承建单位：通过招标确定。", "co:省住房城乡建设厅"},
    {"责任单位及完成时限：各中小学校，2021年9月底前。", "co:各中小学校"},
    /* page break blank inside name dropped */
    {"省发展改革委牵头，省自\n\n然资源厅按职责分工负责", "lead:省发展改革委|co:省自然资源厅"},
    {"省人力资 源社会保障厅牵头，省财政厅按职责分工\n负责",
     "lead:省人力资源社会保障厅|co:省财政厅"},
    /* blank between complete units separates */
    {"市发展改革委 市财政局按职责分工负责", "co:市发展改革委|co:市财政局"},
    {"牵头单位：市商务局\u3000市文化旅游广电局", "lead:市商务局|lead:市文化旅游广电局"},
    /* nested parenthetical dropped */
    {"省教育厅牵头，各市州人民政府（含湘江新区）按职责分工负责", "lead:省教育厅|co:各市州人民政府"},
    /* tail after marker */
    {"省民政厅负责落实", "co:省民政厅"},
    {"省住房城乡建设厅牵头组织实施，省财政厅配合", "lead:省住房城乡建设厅|co:省财政厅"},
    /* time after marker is not a unit */
    {"省住房城乡建设厅牵头，省财政厅按职责分工负责，2025年底前完成",
     "lead:省住房城乡建设厅|co:省财政厅"},
    {"省财政厅负责，年内完成", "co:省财政厅"},
    /* time after label is not a unit */
    {"责任单位：省教育厅，2025年底前完成", "co:省教育厅"},
    {"牵头单位：省发展改革委；配合单位：省财政厅，年内完成", "lead:省发展改革委|co:省财政厅"},
    /* duplicate unit one row */
    {"省财政厅、省教育厅、省财政厅按职责分工负责", "co:省财政厅|co:省教育厅"},
    {"长沙、长沙市人民政府按职责分工负责", "co:长沙市人民政府"},
    /* open labels in clauses */
    {"负责部门：省工业和信息化厅、省发展改革委；完成时限：2023年底",
     "co:省工业和信息化厅|co:省发展改革委"},
    {"牵头机构：省生态环境厅；配合机构：省林业局", "lead:省生态环境厅|co:省林业局"},
    {"牵 头 单 位：省人事考试院；配 合 处 室：事业单位人事管理处",
     "lead:省人事考试院|co:事业单位人事管理处"},
    {"推进单位：省数据局、省通信管理局", "co:省数据局|co:省通信管理局"},
    /* A role word after a label's units is theirs: it takes its own phrase. */
    {"责任单位：省发展改革委牵头，省财政厅、省商务厅配合",
     "lead:省发展改革委|co:省财政厅|co:省商务厅"},
    {"牵头单位：省商务厅，省外办、长沙海关配合", "lead:省商务厅|co:省外办|co:长沙海关"},
    /* An unknown label followed by narrative is no clause. */
    {"新型研发机构：支持建设500家面向市场的省级新型研发机构", NOT_CLAUSE},
    /* A name holding a “ or 《 that is no quoted word of a unit's name: no clause. */
    {"“十四五”时期经济社会发展指导思想", NOT_CLAUSE},
    {"《湖南省乡村全面振兴重点任务分工方案》已经省人民政府同意，现印发给你们，请认真组织实施",
     NOT_CLAUSE},
    /* Persons and other fields give no units. */
    {"牵头领导：张三；牵头单位：省商务厅；适用范围：全省各市州", "lead:省商务厅"},
    /* lead marks in lists */
    {"责任单位：省商务厅（牵头）、省文化和旅游厅", "lead:省商务厅|co:省文化和旅游厅"},
    {"省应急管理厅（主责）、省公安厅按职责分工负责", "lead:省应急管理厅|co:省公安厅"},
    {"省教育厅、省人力资源社会保障厅(牵头单位)、省财政厅负责",
     "co:省教育厅|lead:省人力资源社会保障厅|co:省财政厅"},
    /* closers and joiners */
    {"省商务厅、海关总署等和各省级人民政府负责", "co:省商务厅|co:海关总署|co:各省级人民政府"},
    {"人民银行、银保监会等部门和有关地方人民政府按职责分工负责",
     "co:人民银行|co:银保监会|co:有关地方人民政府"},
    {"市商务局牵头，市发展改革委等部门和和平区、河西区人民政府按职责分工负责",
     "lead:市商务局|co:市发展改革委|co:和平区人民政府|co:河西区人民政府"},
    /* A short bracket ending a side is not how it ends; X及其Y is X and XY. */
    {"县住房城乡建设局牵头，县市场监管局和各乡镇（街道）配合",
     "lead:县住房城乡建设局|co:县市场监管局|co:各乡镇（街道）"},
    {"县安委会及其成员单位、县教育局及其所属学校按职责分工负责",
     "co:县安委会|co:县安委会成员单位|co:县教育局|co:县教育局所属学校"},
    /* 和 inside a name never splits, nor is it dropped at a name's start. */
    {"工业和信息化部、文化和旅游部按职责分工负责", "co:工业和信息化部|co:文化和旅游部"},
    {"市商务局牵头，和平区人民政府、河西区人民政府负责",
     "lead:市商务局|co:和平区人民政府|co:河西区人民政府"},
    /* An adverb before 由 goes with it. */
    {"具体由市教育局负责，市财政局配合", "lead:市教育局|co:市财政局"},
    /* level affixes */
    {"各区、县级市人民政府负责", "co:各区人民政府|co:各县级市人民政府"},
    {"市财政局、各有关区、县级市负责", "co:市财政局|co:各有关区|co:各有关县级市"},
    {"省民政厅牵头，各市、县（市、区）人民政府负责",
     "lead:省民政厅|co:各市人民政府|co:各县（市、区）人民政府"},
    /* brackets inside names */
    {"省住房城乡建设厅牵头，各市（含定州、辛集市，下同）政府、雄安新区管委会按职责分工负责",
     "lead:省住房城乡建设厅|co:各市（含定州、辛集市，下同）政府|co:雄安新区管委会"},
    {"省市场监管局（省知识产权局）牵头，省公安厅配合",
     "lead:省市场监管局（省知识产权局）|co:省公安厅"},
    /* no role word is not a clause */
    {"含专利", NOT_CLAUSE},
    {"湖南", NOT_CLAUSE},
    {"经费跟着人才走、人才跟着任务走", NOT_CLAUSE},
    {"", NOT_CLAUSE},
    /* blank inside short name joins */
    /* 省委 组织部 is one name broken by a blank; 省财政厅 省商务厅 are two. */
    {"省委 组织部牵头，省财政厅 省商务厅按职责分工负责", "lead:省委组织部|co:省财政厅|co:省商务厅"},
    /* helper before lead */
    /* 由X配合Y牵头: Y leads, X helps; Y used to be swallowed as the tail of 配合. */
    {"由省甲厅配合省乙厅牵头", "co:省甲厅|lead:省乙厅"},
};

/* Clauses parsed with no flag, rows with their kinds. */
static const fg_phrase_case clauses_with_kinds[] = {
    /* no lead all co */
    {"各市州人民政府分别负责", "co:各市州人民政府/generic"},
    /* and between complete units */
    {"有关部门和市人民政府按职责分工负责", "co:有关部门/generic|co:市人民政府/generic"},
    {"长株潭一体化发展领导小组成员单位及省长株潭一体化发展事务中心按职责分工负责",
     "co:长株潭一体化发展领导小组成员单位/group|co:省长株潭一体化发展事务中心/agency"},
    /* generic unit takes no place suffix */
    /*
     * Levels of local government share their prefix and suffix (各区、县级市人民政府 →
     * 各区人民政府, 各县级市人民政府), but a full name never takes a place's suffix.
     */
    {"各市州、县市区人民政府按职责分工负责",
     "co:各市州人民政府/generic|co:各县市区人民政府/generic"},
    {"共青团中央、全国妇联、各省级人民政府按职责分工负责",
     "co:共青团中央/agency|co:全国妇联/agency|co:各省级人民政府/generic"},
    {"省直相关部门、各市州人民政府按职责分工负责",
     "co:省直相关部门/generic|co:各市州人民政府/generic"},
    /* kinds in clause */
    {"省安全生产委员会成员单位牵头，有关部门、各市州人民政府、市直各有关单位、"
     "省财政厅按职责分工负责",
     "lead:省安全生产委员会成员单位/group|co:有关部门/generic|co:各市州人民政府/generic"
     "|co:市直各有关单位/generic|co:省财政厅/agency"},
};

/* Clauses under a declaration that the first unit listed leads (FG_CLAUSE_FIRST_IS_LEAD). */
static const fg_phrase_case clauses_first_is_lead[] = {
    /* first is lead flag */
    {"省卫生健康委、省发展改革委、省财政厅等按职责分工负责",
     "lead:省卫生健康委|co:省发展改革委|co:省财政厅"},
    /* An explicit 牵头 keeps its own roles. */
    {"省卫生健康委牵头，省妇联、省财政厅按职责分工负责", "lead:省卫生健康委|co:省妇联|co:省财政厅"},
    /* responsible label */
    {"责任单位：市自然资源和规划局、市生态环境局；完成时限：2024年6月底前",
     "lead:市自然资源和规划局|co:市生态环境局"},
    /* open labels in clauses */
    /* Under a declaration the first unit of a 推进单位 list leads. */
    {"推进单位：省数据局、省通信管理局", "lead:省数据局|co:省通信管理局"},
    /* A co mark on the first unit: it does not lead; one on a later unit leaves the first. */
    {"责任单位：县自然资源局（会办）、县教育局（主办）", "co:县自然资源局|lead:县教育局"},
    {"县自然资源局（配合）、县教育局、县财政局负责", "co:县自然资源局|co:县教育局|co:县财政局"},
    {"责任单位：县教育局、县财政局（配合）", "lead:县教育局|co:县财政局"},
    /* declaration is never a unit */
    {"省发展改革委、省财政厅负责，列第一位者为牵头单位，下同", "lead:省发展改革委|co:省财政厅"},
    {"省商务厅、省财政厅负责，第一个单位为牵头单位，其他为配合单位", "lead:省商务厅|co:省财政厅"},
};

/* A list with no role word is a clause only when the caller allows a bare list. */
static const fg_phrase_case clauses_bare_list[] = {
    {"市教育局、市财政局", "co:市教育局|co:市财政局"},
    {"以下简称“生活圈”", NOT_CLAUSE},
};

/* A bare list under a declaration. */
static const fg_phrase_case clauses_bare_list_first_is_lead[] = {
    {"市教育局、市财政局", "lead:市教育局|co:市财政局"},
};

/* Clauses parsed strictly (FG_CLAUSE_STRICT): sentences are role sentences or no clauses. */
static const fg_phrase_case clauses_strict[] = {
    /* declaration is never a unit */
    /* A sentence that declares is no role sentence. */
    {"以上各项任务中，排名第一的单位牵头，其他单位配合", NOT_CLAUSE},
    /* strict narrative is not a clause */
    {"建立机制，由省政府常务副省长总牵头，成立协调组", NOT_CLAUSE},
    {"市数据资源局负责建设全市政务云平台", NOT_CLAUSE},
    /* strict role sentences */
    {"由市工业和信息化局牵头，市发展改革委、市科技局等部门配合",
     "lead:市工业和信息化局|co:市发展改革委|co:市科技局"},
    {"市委组织部负责，市人力资源社会保障局配合", "lead:市委组织部|co:市人力资源社会保障局"},
    {"市民政局负责落实", "co:市民政局"},
    /* narrative is not a unit */
    {"附件2所列任务由各地负责", NOT_CLAUSE},
};

/* The tables by how their clauses are parsed: the flags, and whether the rows show kinds. */
static const struct {
    const char *what;
    unsigned flags;
    bool with_kind;
    const fg_phrase_case *cases;
    size_t n;
} clause_tables[] = {
    {"parse", 0, false, clauses, FG_N_OF(clauses)},
    {"parse_kinds", 0, true, clauses_with_kinds, FG_N_OF(clauses_with_kinds)},
    {"parse_first_is_lead", FG_CLAUSE_FIRST_IS_LEAD, false, clauses_first_is_lead,
     FG_N_OF(clauses_first_is_lead)},
    {"parse_bare_list", FG_CLAUSE_BARE_LIST, false, clauses_bare_list, FG_N_OF(clauses_bare_list)},
    {"parse_bare_list_first_is_lead", FG_CLAUSE_BARE_LIST | FG_CLAUSE_FIRST_IS_LEAD, false,
     clauses_bare_list_first_is_lead, FG_N_OF(clauses_bare_list_first_is_lead)},
    {"parse_strict", FG_CLAUSE_STRICT, false, clauses_strict, FG_N_OF(clauses_strict)},
};

/* Every clause of the tables gives its rows (or NOT_CLAUSE); each one that does not is named. */
static void test_clause__clauses_give_rows(void **state)
{
    size_t n_bad = 0;
    size_t n = 0;

    (void)state;
    for (size_t t = 0; t < FG_N_OF(clause_tables); t++) {
        for (size_t k = 0; k < clause_tables[t].n; k++) {
            const fg_phrase_case *c = &clause_tables[t].cases[k];
            const char *got = parse_with(c->in, clause_tables[t].flags, clause_tables[t].with_kind);

            n_bad += fg_phrase_miss(clause_tables[t].what, c->in, got, c->want);
        }
        n += clause_tables[t].n;
    }
    fg_phrases_done(n_bad, n);
}

/* ---- the label grammar ---- */

static fg_label_role label_word(const char *w)
{
    return fg_clause__label_word(NULL, fg_sv(w, strlen(w)));
}

static fg_label_role label_at(const char *s, size_t *len)
{
    return fg_clause__label_at(NULL, fg_sv(s, strlen(s)), 0, len);
}

/* The role a label's head word gives, by name. */
static const char *label_role(const char *word)
{
    static const char *const name[] = {"none", "lead", "co", "resp", "unknown", "other"};

    return FG_NAME_OF(name, label_word(word));
}

/* Label words and the roles they give (label_role). */
static const fg_phrase_case head_words[] = {
    /* Lead heads, with any unit suffix. */
    {"牵头单位", "lead"},
    {"牵头机构", "lead"},
    {"主办部门", "lead"},
    {"主责处室", "lead"},
    {"主要责任单位", "lead"},
    {"牵头", "lead"},
    /* Co heads; 其他责任 is co where 责任 alone may lead under a declaration. */
    {"配合机构", "co"},
    {"协办单位", "co"},
    {"参与部门", "co"},
    {"其他责任单位", "co"},
    {"配合", "co"},
    {"负责部门", "resp"},
    {"责任主体", "resp"},
    {"实施单位", "resp"},
    /* A division of work names units whose role words decide (责任分工：X牵头，Y配合). */
    {"责任分工", "resp"},
    {"任务分工", "resp"},
    /* No head word we know, a unit suffix: a label we report. */
    {"推进单位", "unknown"},
    {"落实主体", "resp"},
    /* Persons and other fields. */
    {"牵头领导", "other"},
    {"责任人", "other"},
    {"完成时限", "other"},
    {"适用范围", "other"},
    /* A head word with more after it that is no unit suffix: a field. */
    {"责任目标", "other"},
    {"落实措施", "other"},
    /* A head and a noun naming a kind of unit (学校, 乡镇, 企业, 医院, 街道, 部室, 园区, 县区). */
    {"责任学校", "resp"},
    {"牵头乡镇", "lead"},
    {"配合企业", "co"},
    {"责任医院", "resp"},
    {"责任街道", "resp"},
    {"牵头部室", "lead"},
    {"责任园区", "resp"},
    {"配合县区", "co"},
    /* …but no noun that is no kind of unit, and a kind noun needs a head before it. */
    {"落实部署", "other"},
    {"所在乡镇", "other"},
    /* A role label and a field of its units joined by 及 or 和. */
    {"责任单位及完成时限", "resp"},
    {"牵头单位及责任人", "lead"},
    {"配合单位和完成时间", "co"},
    {"牵头领导及联系人", "other"},
};

static void test_clause__label_at_spacing_and_colons(void **state)
{
    size_t len = 99;

    (void)state;
    assert_int_equal(label_at("牵 头 单 位：省科技厅", &len), FG_LABEL_LEAD);
    assert_int_equal(len, strlen("牵 头 单 位："));
    assert_int_equal(label_at("配合单位 : 省财政厅", &len), FG_LABEL_CO);
    assert_int_equal(len, strlen("配合单位 :"));
    /* Two role labels joined by a slash are one label, the first one's role. */
    assert_int_equal(label_at("牵头单位/责任单位：市公安局/各区人民政府", &len), FG_LABEL_LEAD);
    assert_int_equal(len, strlen("牵头单位/责任单位："));
    assert_int_equal(label_at("牵头单位/完成时限：市公安局", &len), FG_LABEL_NONE);
    assert_int_equal(label_at("牵头部门（单位）：省商务厅", &len), FG_LABEL_LEAD);
    assert_int_equal(len, strlen("牵头部门（单位）："));
    assert_int_equal(label_at("责任单位\u3000：省商务厅", &len), FG_LABEL_RESP);
    /* A name, a blank and a label are not one label. */
    assert_int_equal(label_at("省商务厅 完成时限：2024年", &len), FG_LABEL_NONE);
    assert_int_equal(len, 0);
    /* No colon: no label. */
    assert_int_equal(label_at("牵头单位为省商务厅", &len), FG_LABEL_NONE);
    assert_int_equal(label_at("省商务厅", &len), FG_LABEL_NONE);
}

static void test_clause__user_lexicon(void **state)
{
    fg_lexicon *lx = NULL;
    size_t n;
    static const char more[] = "class\tword\trole\nhead\t推进\tlead\nhead\t配合\tnone\n"
                               "unit-suffix\t处\t-\n";
    static const char bad[] = "head\t协办\tco\nhead\t主办\tboss\n";

    (void)state;
    assert_int_equal(fg_lexicon_load_default(&lx), FG_OK);
    n = fg_lexicon_n_heads(lx);
    assert_true(n > 20);
    assert_int_equal(fg_clause__label_word(lx, fg_sv_cstr("推进单位")), FG_LABEL_UNKNOWN);
    assert_int_equal(fg_lexicon_merge_tsv(lx, "mine.tsv", more, strlen(more)), FG_OK);
    /* A new head, a head removed (配合责任 still knows its role), a new unit suffix. */
    assert_int_equal(fg_clause__label_word(lx, fg_sv_cstr("推进单位")), FG_LABEL_LEAD);
    assert_int_equal(fg_clause__label_word(lx, fg_sv_cstr("配合单位")), FG_LABEL_UNKNOWN);
    assert_int_equal(fg_clause__label_word(lx, fg_sv_cstr("配合责任单位")), FG_LABEL_CO);
    assert_int_equal(fg_clause__label_word(lx, fg_sv_cstr("牵头处")), FG_LABEL_LEAD);
    assert_int_equal(fg_lexicon_n_heads(lx), n);
    /* A head of another capacity: 成员单位 names a team's members, never a role. */
    assert_int_equal(fg_clause__label_word(lx, fg_sv_cstr("成员单位")), FG_LABEL_OTHER);
    /* A unit suffix alone is no label. */
    assert_int_equal(fg_clause__label_word(lx, fg_sv_cstr("单位")), FG_LABEL_OTHER);
    /* A bad line: an error naming file and line, and the lexicon unchanged. */
    assert_int_equal(fg_lexicon_merge_tsv(lx, "bad.tsv", bad, strlen(bad)), FG_EPARSE);
    assert_string_equal(fg_error_last()->message,
                        "bad.tsv:2: unknown role 'boss' (lead, co, resp, field or none)");
    assert_int_equal(fg_lexicon_n_heads(lx), n);
    /* The bundled lexicon is not touched by a user's. */
    assert_int_equal(fg_clause__label_word(NULL, fg_sv_cstr("推进单位")), FG_LABEL_UNKNOWN);
    /* A supervising unit (督办, 督导, 督查, 监督) acts in another capacity: a field. */
    assert_int_equal(fg_clause__label_word(NULL, fg_sv_cstr("督办单位")), FG_LABEL_OTHER);
    assert_int_equal(fg_clause__label_word(NULL, fg_sv_cstr("监督部门")), FG_LABEL_OTHER);
    fg_lexicon_free(lx);
}

/* A label we do not know is reported: FG_CLAUSE_NOTE_UNKNOWN_LABEL. */
static void test_clause__unknown_label_noted(void **state)
{
    const char *t = "推进单位：省数据局";
    bool is_clause = false;
    unsigned notes = 0;

    (void)state;
    fg_units_clear(&units);
    assert_int_equal(fg_clause__parse_noted(&units, &is_clause, &notes, fg_sv(t, strlen(t)), 0),
                     FG_OK);
    assert_true(is_clause);
    assert_string_equal(fmt_units(&units, 0, false), "co:省数据局");
    assert_int_equal(notes & FG_CLAUSE_NOTE_UNKNOWN_LABEL, FG_CLAUSE_NOTE_UNKNOWN_LABEL);
}

static void test_clause__declaration_link(void **state)
{
    (void)state;
    assert_true(fg_clause__declaration_link(fg_sv_cstr("第一的单位")));
    assert_true(fg_clause__declaration_link(fg_sv_cstr("第一位者为")));
    assert_false(fg_clause__declaration_link(fg_sv_cstr("第一的企业")));
    assert_false(fg_clause__declaration_link(fg_sv_cstr("第一，由省商务厅")));
}

/* ---- kinds ---- */

/* The kind of a unit's name, by name. */
static const char *kind_name(const char *name)
{
    return fg_kind_name(fg_clause__kind(fg_sv(name, strlen(name))));
}

/* Names of units and their kinds (kind_name). */
static const fg_phrase_case kinds[] = {
    {"省发展改革委", "agency"},
    {"长沙市人民政府", "agency"},
    {"省非公有制经济工作领导小组其他成员单位", "group"},
    {"长株潭一体化发展领导小组成员单位", "group"},
    {"有关部门", "generic"},
    {"各部门单位", "generic"},
    {"各市州人民政府", "generic"},
    {"市人民政府", "generic"},
    {"县市区政府", "generic"},
    {"省直各行政执法主管部门", "generic"},
};

/* "unit" when name looks like a unit's, else "not a unit". */
static const char *unit_or_not(const char *name)
{
    return fg_clause__looks_like_unit(fg_sv(name, strlen(name))) ? "unit" : "not a unit";
}

/* Names that look like units' and texts that do not (unit_or_not). */
static const fg_phrase_case unit_names[] = {
    {"省财政厅", "unit"},
    {"国网湖南省电力公司", "unit"},
    {"岳阳市", "unit"},
    {"市直各有关单位", "unit"},
    {"厅", "not a unit"},
    {"2025年底前完成", "not a unit"},
    {"含专利", "not a unit"},
    {"以下简称“生活圈”", "not a unit"},
    {"农村的合作社", "not a unit"},
    {"市图书馆", "unit"},
    {"省委宣传部〔省新闻出版局〕", "unit"},
    {"各县〔市、区〕人民政府", "unit"},
    {"省委网信办［省互联网信息办公室］", "unit"},
    {"某政办发〔2024〕", "not a unit"},
    {"〔牵头单位〕省财政厅", "not a unit"},
    {"省财政厅〔完成时限", "not a unit"},
    {"二是开设劳动者法律援助工作站", "not a unit"},
    {"十一是建设服务中心", "not a unit"},
    {"其二建设职工服务中心", "not a unit"},
    {"首先组建服务中心", "not a unit"},
    {"三明市人民政府", "unit"},
    {"十堰市财政局", "unit"},
    {"其他有关单位", "unit"},
    {"", "not a unit"},
};

/* ---- split_list ---- */

static void test_clause__split_list(void **state)
{
    (void)state;
    assert_string_equal(split("省财政厅、省商务厅和省教育厅等", FG_ROLE_CO),
                        "co:省财政厅/agency|co:省商务厅/agency|co:省教育厅/agency");
    assert_string_equal(split("省文化和旅游厅，有关部门", FG_ROLE_LEAD),
                        "lead:省文化和旅游厅/agency|lead:有关部门/generic");
    assert_string_equal(split("", FG_ROLE_CO), "");
}

/* ---- not clauses ---- */

static void test_clause__appends_and_keeps_earlier_units(void **state)
{
    fg_units *u = &units;
    bool is_clause = false;
    const char *a = "省财政厅牵头";
    const char *b = "含专利";
    const char *c = "省商务厅、省财政厅按职责分工负责";
    size_t names_len;

    (void)state;
    assert_int_equal(fg_clause__parse(u, &is_clause, fg_sv(a, strlen(a)), 0), 0);
    assert_true(is_clause);
    names_len = u->names.len;
    assert_int_equal(fg_clause__parse(u, &is_clause, fg_sv(b, strlen(b)), 0), 0);
    assert_false(is_clause);
    assert_int_equal(u->n, 1);
    assert_int_equal(u->names.len, names_len);
    /* A unit of an earlier clause does not count as a duplicate in the next one. */
    assert_int_equal(fg_clause__parse(u, &is_clause, fg_sv(c, strlen(c)), 0), 0);
    assert_true(is_clause);
    assert_string_equal(fmt_units(u, 0, false), "lead:省财政厅|co:省商务厅|co:省财政厅");
    assert_string_equal(fmt_units(u, 1, false), "co:省商务厅|co:省财政厅");
    fg_units_clear(u);
    assert_int_equal(u->n, 0);
    assert_int_equal(u->names.len, 0);
    fg_units_dispose(NULL);
}

static void test_clause__many_labels_stay_in_bounds(void **state)
{
    char text[2048];
    size_t len = 0;

    (void)state;
    /* 40 labels: more spans than the parser's fixed table holds. */
    for (int i = 0; i < 20; i++)
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "牵头单位：省财政厅；配合单位：省商务厅；");
    assert_string_equal(parse(text), "lead:省财政厅|co:省商务厅");
}

/* fg_clause__parse_noted(): a unit that reads like a sentence sets FG_CLAUSE_NOTE_LONG_NAME. */
/*
 * fg_clause__sentence_like(): a 的, 为 or 是 at any byte of a name (in the blocks of 16
 * places the vector test reads, or in the bytes after the last), not a character that shares
 * two of its three bytes (皅 E7 9A 85, 盄 E7 9B 84, 丹 E4 B8 B9, 乺 E4 B9 BA, 昮 E6 98 AE, 景
 * E6 99 AF); more than 60 bytes always.
 */
static void test_clause__sentence_like(void **state)
{
    static const char *const words[] = {"的", "为", "是"};
    static const char *const near[][2] = {{"皅", "盄"}, {"丹", "乺"}, {"昮", "景"}};
    char name[64];

    (void)state;
    for (size_t w = 0; w < 3; w++) {
        for (size_t at = 0; at + 3 <= 60; at++) {
            /* the word at byte at: last, then followed by bytes up to 60 */
            const size_t lens[] = {at + 3, 60};

            for (size_t k = 0; k < 2; k++) {
                size_t len = lens[k];

                memset(name, 'x', len);
                memcpy(name + at, words[w], 3);
                assert_true(fg_clause__sentence_like(fg_sv(name, len)));
                for (size_t m = 0; m < 2; m++) {
                    memcpy(name + at, near[w][m], 3);
                    assert_false(fg_clause__sentence_like(fg_sv(name, len)));
                }
            }
        }
    }
    memset(name, 'x', 61);
    assert_false(fg_clause__sentence_like(fg_sv(name, 60)));
    assert_true(fg_clause__sentence_like(fg_sv(name, 61)));
}

static void test_clause__notes_long_name(void **state)
{
    static const struct {
        const char *text;
        unsigned notes;
    } cases[] = {
        {"省发展改革委牵头，省财政厅、承担重大项目建设任务的市州人民政府按职责分工负责",
         FG_CLAUSE_NOTE_LONG_NAME},
        {"省商务厅牵头，湖南湘江新区管理委员会及其所属各产业园区管理机构按职责分工负责",
         FG_CLAUSE_NOTE_LONG_NAME},
        {"省政府国资委、省财政厅为牵头单位", 0},
        {"省长江经济带发展领导小组办公室牵头，省发展改革委按职责分工负责", 0},
        {"含专利", 0},
    };

    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bool is_clause = false;
        unsigned notes = 99;

        fg_units_clear(&units);
        assert_int_equal(fg_clause__parse_noted(&units, &is_clause, &notes,
                                                fg_sv(cases[k].text, strlen(cases[k].text)), 0),
                         FG_OK);
        assert_int_equal(notes, cases[k].notes);
        assert_int_equal(is_clause, k < 4);
    }
    assert_false(fg_clause__sentence_like(fg_sv_cstr("省长江经济带发展领导小组办公室")));
    assert_true(fg_clause__sentence_like(fg_sv_cstr("国家发展改革委等二十个部门组成的联席会议")));
    assert_true(fg_clause__sentence_like(fg_sv_cstr("以省为主体")));
}

static void test_clause__format_declaration(void **state)
{
    static const struct {
        const char *text;
        unsigned bits;
    } cases[] = {
        {"（注：加粗的为牵头单位）", FG_CLAUSE_FORMAT_BOLD},
        {"标黑体的为牵头单位", FG_CLAUSE_FORMAT_BOLD},
        {"字体加粗者为牵头部门", FG_CLAUSE_FORMAT_BOLD},
        {"牵头单位以粗体标注", FG_CLAUSE_FORMAT_BOLD},
        {"红色字体为牵头单位", FG_CLAUSE_FORMAT_RED},
        {"注：标红的为牵头单位，加粗的为重点任务", FG_CLAUSE_FORMAT_RED},
        {"责任单位中加粗的为牵头单位，红字为配合单位", FG_CLAUSE_FORMAT_BOLD},
        {"加粗、红色字体均为牵头单位", FG_CLAUSE_FORMAT_BOLD | FG_CLAUSE_FORMAT_RED},
        {"带★的为牵头单位", 0},
        {"加粗的为重点任务", 0},
        {"市发展改革委牵头，市财政局配合", 0},
        /* a format word far from 牵头: a sentence, not a note */
        {"各地要加粗加快推进项目建设进度和各项工作落实，确保按期完成，市发展改革委牵头", 0},
    };

    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        assert_int_equal(fg_clause__format_declaration(fg_sv_cstr(cases[k].text)),
                         cases[k].bits);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clause__sentence_like),
        cmocka_unit_test(test_clause__format_declaration),
        cmocka_unit_test_teardown(test_clause__notes_long_name, dispose_units),
        cmocka_unit_test_teardown(test_clause__clauses_give_rows, dispose_units),
        FG_PHRASE_TEST(test_clause__kind, "kind_name", kind_name, kinds),
        FG_PHRASE_TEST(test_clause__looks_like_unit, "unit_or_not", unit_or_not, unit_names),
        cmocka_unit_test_teardown(test_clause__split_list, dispose_units),
        cmocka_unit_test_teardown(test_clause__appends_and_keeps_earlier_units, dispose_units),
        /* Last: it overflows a stack array in clause.c and aborts under the sanitizers. */
        cmocka_unit_test_teardown(test_clause__many_labels_stay_in_bounds, dispose_units),
        FG_PHRASE_TEST(test_clause__label_role_from_head_word, "label_role", label_role,
                       head_words),
        cmocka_unit_test_teardown(test_clause__label_at_spacing_and_colons, dispose_units),
        cmocka_unit_test_teardown(test_clause__user_lexicon, dispose_units),
        cmocka_unit_test_teardown(test_clause__unknown_label_noted, dispose_units),
        cmocka_unit_test_teardown(test_clause__declaration_link, dispose_units),
    };

    simd_check_env();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
