/*
 * Work teams and committees (工作专班, 领导小组, 部际联席会议, 指挥部, 工作组, 委员会).
 *
 * A text that may hold a team (fg_parse__team_signal(): 召集人, 组长, 指挥, 成员, 委员, 办公室设在 or a
 * team ending; 组　　长, 成　　员, 委　　员 spaced with blanks too) is read as a list of
 * segments: the text between ，。；！？ (outside brackets) and the line breaks that end a list
 * line (team_text(): a line of at most 24 characters or holding a U+3000, that does not end
 * with 、 or ，, or a line ending with 。：；, or a line followed by one that opens a label, an
 * office or a group (opens_group_line(): 投诉处置组 over its labels, never the end of the
 * last member's name), or the line two above a date of issue alone (the
 * issuer's name is then a line of its own), is a line of its own; other lines are prose
 * wrapped or cut by a page break and are joined with no separator, as everywhere else; a
 * label's 、-list line ending with a comma before a line that goes on with units reads the
 * comma as a 、: list_comma_wrapped(); a list line is joined to the next, as a PDF wraps a
 * 名单, when it ends inside a bracket (吴海涛（市城管局局长 | ）、…), inside a unit's name whose
 * post the next line holds (…、市公 | 安局副局长, …，各 | 区人民政府分管负责同志), in a unit
 * whose post title opens the next line (省人力资源社会保障厅 | 副厅长　李　明), or in a team's
 * name cut after its verb (…决定成立滨江市 | 城市排水防涝应急指挥部，…): name_wrapped()). A
 * label of rule 2 run into the text before it, after a colon or a name's last ideograph
 * (组　长：张三　县长副组长：李四　副县长成员：…, a 名单 whose line breaks were lost), opens a
 * line of its own too (append_run_in()), and so does an office's phrase run into the list
 * before it (成员：A、B领导小组办公室设在C: office_run_in()).
 * The team named last in a part is the current team, also for the items after it. Rules,
 * applied to each segment:
 *
 * 1. Team name: a noun phrase ending in one of team_endings. It names a new team (or the
 *    one of that name already seen in the document) after 成立/组建/设立/建立/调整: the name is
 *    what follows the verb (the one nearest the name when a heading holding a verb runs into
 *    the sentence: 一、建立工作机制成立X指挥部 → X指挥部, nearest_verb_end()), after a 的
 *    (建立由X牵头的Y联席会议制度 → Y联席会议; a trailing 制度 is dropped), and the words
 *    before the 的 are read as segments (由省长任组长的, 以X为组长、Y为副组长的; each part up
 *    to a ，). From a verb followed by 以 or 由 (not
 *    成立以来) to the 。 is one segment when a team's name comes before the 。 (frame_end():
 *    成立以市长为组长，副市长为副组长，X、Y主要负责同志为成员的Z领导小组). A line that is
 *    only a name is a title line (XX领导小组, 附：XX部际联席会议成员名单, XX指挥部组成人员,
 *    XX工作专班方案, XX领导小组工作规则: the team a document constitutes or rules may be
 *    named in its title only). A name at a segment's start that is the subject of its roster
 *    names a new team with no verb too (roster_subject(): X领导小组组长由县长担任,
 *    X领导小组组成如下：, X联席会议由A、B组成; not 该/本/各/其/此 X). A 名单's title (附：X领导小组成员名单, X指挥部组成人员名单:
 *    fg_parse__roster_title()) also ends the item above it (process_line() in parse.c), so
 *    that the roster is read as text outside items, never as the last item's units.
 *    委员会 names a team only after a verb, or on a title line with the words of a 名单
 *    after it (X委员会组成人员名单, roster_tail()): 发展和改革委员会 is an agency. A 委员会
 *    after a verb also signals a team (committee_after_verb()), so
 *    that a notice 关于成立X委员会的通知 opens the team its numbered sections (一、组成人员 /
 *    主　任：… / 二、主要职责 / 三、办公室) then fill. Any other mention is a reference to the current team,
 *    but a role word that starts with a team's ending (专班长：, 专班长由市长担任) is no
 *    mention: it is read as the role word (rule 2).
 *    Under a current team, a title line of 3 to 10 ideographs ending in a group's noun (组,
 *    专班 and the other team endings a verb need not announce, or a squad's 队 that is no
 *    unit's: group_noun_end()), with no word of a sentence (group_name(): 综合协调组,
 *    综合协调专班, 督导服务队), names a group of that team, a team of its own; a mention of
 *    a team's name after its groups (指挥部办公室设在X) refers to the team above them again.
 *    An item whose text starts with a team's or a group's name and then one of the labels of
 *    rule 2 (（一）综合协调组 / 组长单位：X, （二）X产业链工作专班 /
 *    链　长：…) is that team's heading and no task (fg_parse__team_heading(), asked by
 *    fg_parse__close_item()): no clause is read from it, so its 组长单位 and 牵头单位 give no task rows. A
 *    group's name may also be a line's first sentence, followed by who leads it (（一）环境整治组。
 *    由市城管局牵头，市住房城乡建设局、市生态环境局参加。), or stand before a colon and who
 *    leads it (1．综合协调组：由党政综合办牵头，社会事务办参与。), or before a blank and the
 *    labels of rule 2 on the same line (1．考务组　组长单位：研究生院；成员单位：教务处,
 *    group_label_after()): in a group, in the text that names it (its name's line, the
 *    line after it and the lines of its labels and lists, not a heading or a task's
 *    paragraph below them), (由)X牵头 gives the
 *    convenor and X参加, X参与, X配合 the members, and such an item is a heading too; so is
 *    one whose first sentence, a group's name, is followed by the labels of rule 2
 *    (（一）综合协调组。组长单位：X；成员单位：Y): its 组长单位 gives no task row.
 * 2. Labels at the start of a segment, their characters possibly spaced with U+0020, U+00A0,
 *    U+3000 (召 集 人：, 组　　长：), ending in ： or : (or, at the start of a line, in a blank
 *    or the line's end), possibly with a note on the list in brackets before it (成员（按姓氏
 *    笔画排序）：, 委员（按单位排序）：, label_note_end()):
 *    召集人/召集单位/组长/第一组长/组长单位/总指挥/指挥长/政委/第一政委/主任/主任委员/链长/
 *    总链长/专班长/总河长/总湖长/总林长 (of a 河长制, 湖长制, 林长制: team names too) →
 *    convenor (第一组长 and 组长 of a team with two heads, 创建 teams, are both convenors, and
 *    so are a 指挥部's 指挥长 and its 政委, who heads it beside him),
 *    副召集人/副召集单位/副组长/副组长单位/常务副组长/副总指挥/副指挥长/执行指挥长/副政委/
 *    副主任/副主任委员/副链长/副总链长/副专班长/副总河长/副总湖长/副总林长 → deputy
 *    (执行指挥长 runs a 指挥部 under its 指挥长, as 执行副组长 and 常务副指挥长 do),
 *    成员/成员单位/组员/委员 and a 产业链 专班's 链主企业/链主单位 (the chain's leading
 *    companies, which work in it beside the member units) → member, 办公室主任 → office,
 *    联络员/秘书长/办公室副主任 → no rows. The units follow the label; the next segments
 *    (list lines under 成员：, or ，-separated) continue the label's role as long as each of
 *    their names looks like a unit, up to a 。 or the next label; a label the team reader
 *    does not know (牵头单位：X, fg_parse__other_label()) ends the list and gives no row (but
 *    in a group, 监测预警组 / 牵头单位：X, the clauses' lead label gives its convenor), and so does
 *    a list line right above a line that is only a date (YYYY年M月D日, signed_below()): the
 *    issuer's name in the signature (某市人民政府办公室 / 2024年3月1日) is no member.
 *    Under a label alone on its line (成员单位：, fg_parse__team_label_alone()) the list may come one
 *    unit a numbered line (（1）县自然资源局, 1．县林业局, as 预案 and 名单 write it): such a
 *    line, its number dropped, is a list line and no item (fg_parse__team_list_line(), asked by
 *    process_line()); the first line that is not ends the list.
 * 3. Sentences: (由|以)X(担任|任|兼任|出任|为|作为)(TEAM)?ROLE → X has ROLE (ROLE one of the
 *    label words); ROLE由X(担任|兼任|出任) likewise; 成员单位(包括|为|：|由)LIST,
 *    成员(包括|为|由)LIST, (TEAM)?由LIST(等N个部门和单位)?组成 (not 由以下人员组成),
 *    LIST(等)?为(TEAM)?成员单位 → members; 办公室设在X → office, and so do (TEAM)?下设办公室，
 *    设在X and 下设办公室（(办公室)?设在X）; a 下设办公室 gives no row of its own, ends the
 *    list before it, and opens a line of its own as 办公室设在 does (team_text()). A segment
 *    holding 联络员 gives no rows and does not end a list.
 * 4. Names: a list is split on 、 (outside brackets), on a 和/及 after a post title and on
 *    U+3000 between two or more units (省发展改革委　省财政厅, not 王　五　财政部副部长; any
 *    units, 教务处　　　　宣传部, when a run of U+3000 stands between them: split_blank_units()),
 *    on runs of two blanks or more between persons side by side, each a name, a blank and a
 *    post (张　三　市财政局局长　　李　四　市公安局副局长, a 名单 printed two-up) or a post, a
 *    blank and a name (市政府秘书长　赵东明　　市住房城乡建设局局长　孙晓峰), or names and
 *    posts in turn (张　三　　市财政局局长　　李　四　　市公安局副局长: two_up_persons(); as
 *    tab-separated cells: two_up_row()), then as the units of a clause (和/及 between units, shared
 *    suffixes, trailing 等, and shared prefixes: 县发展改革局、财政局 → 县财政局, 县委宣传部、
 *    组织部 → 县委组织部).
 *    Each name given as a post
 *    yields its unit (post_unit()): a person's name is dropped (the words before the last
 *    blank: 张三　省政府副省长, 王　五　财政部副部长; the name before a bracketed post:
 *    李四（省发展改革委主任）; the name between a post and 同志: 省政府副省长李文华同志), and a
 *    bracketed note after a unit (省水利厅（名单附后）, not an alias such as X（Y局） nor a short
 *    alternative of its end that the clauses keep: 学生工作部（处）, 各学院（部）) or on the
 *    person after a post (drop_note(): 市发展改革委主任（兼秘书长）, 常务副市长（常务）, 市公安局
 *    副局长（正厅级）, and any bracket that starts with 兼), then a
 *    trailing post title (post_titles: 副部长, 主要负责人, 分管负责同志 …) and a 常务/分管/主管/
 *    主要/有关 before it; a charge before the post (drop_charge(): 分管水利工作的副县长 →
 *    县人民政府, 县政府分管教育工作的副县长 → 县政府; with no 的 after a unit, charge_no_de():
 *    市公安局分管治安副局长 → 市公安局) describes the person and is dropped; a
 *    person's 2 or 3 characters after a post go with it (市发展改革委主任赵六). A post with
 *    nothing before it is kept whole (常务副市长), but a head of
 *    government's stands for its government (市长, 副省长, 盟长, 林区长: 市人民政府, 省人民政府,
 *    盟行政公署, 林区人民政府: govs[]; 自治区副主席 → 自治区人民政府), as it does
 *    after a place named by its level, which no post's unit is (各区区长, 各乡镇镇长, 某县县长,
 *    各县（市、区）县（市、区）长: 各区人民政府 …, place_gov()); a place's 党委书记 gives its
 *    党委 (各乡镇党委书记 → 各乡镇党委, as 镇党委书记 → 镇党委), and an
 *    或-alternative of posts (省政府副秘书长或省政府办公厅副主任, the seeds' convenor) is kept
 *    whole. A person holds several posts as one name, and the last gives the unit: in
 *    brackets (王建国（县委副书记、县长）) or, after a name and a blank, a post alone following
 *    (周涛　县委常委、副县长), but never after a person's name in brackets after a post (镇党委
 *    副书记（李红）、副镇长（王磊）: two persons, bracket_person()), or posts alone before a
 *    post with a name after it and a blank (县政府副县长、县文旅局局长　罗小芳 → 县文旅局,
 *    name_ends_posts()); a post title alone there
 *    names no unit of its own (刘建国　区交通
 *    集团党委书记、董事长 → 区交通集团), and a 工会 or a department in 部 or 室 is the first
 *    post's unit's (…党委副书记、工会主席 → 区交通集团工会, rank_unit()). A name of 2 padded
 *    with a blank between its characters is a name (何　静　市水利局局长), also before a
 *    bracketed post, several persons a line (周　强（县政府办公室主任）　吴　斌（…）:
 *    padded_name_blank()). A name of 2 or 3
 *    after the post and a blank is dropped too (drop_name_after(): 市长　王　明 → 市人民政府,
 *    市财政局局长　孙　丽 → 市财政局); such a person is a list line's name also when his post
 *    alone names no unit (　　　　　　副院长　　孙丽华 under 副组长：, post_led()). Without
 *    a person's name before it, a post after a rank (rank_posts: 常委, 党组书记, 党组成员,
 *    党委委员 …; after 副书记 a post alone only: 市委副书记、市长 is one person, 镇党委副书记、
 *    镇人大主席 two) is the same person's too: a post title
 *    alone gives no row of its own, the rank's unit stays (市水利局党组书记、局长 → 市水利局),
 *    a head of government's post names the unit instead (市委常委、常务副市长 → 市人民政府), and
 *    so does a post in a unit (市政府党组成员、市发展改革委主任 → 市发展改革委; 市委常委、市纪委
 *    书记 → 市纪委): one person, one row. A department written there without its level is the
 *    rank's unit's (rank_unit(), as the clauses share prefixes: 市委常委、宣传部部长 →
 *    市委宣传部, 县政府党组成员、办公室主任 → 县政府办公室; 厅 局 委 办 take the level only:
 *    县委常委、政法委书记 → 县政法委), and so are posts in brackets after a name
 *    (李春生（县委常委、宣传部部长） → 县委宣传部: bracket_posts()). After a 书记, a post title
 *    alone is the same person's too (集团党委书记、董事长 → 集团), a head of government's post
 *    another person's (市委书记、市长 → 市委, 市人民政府).
 *    The lexicon holds the posts of townships (镇长, 副乡长: 镇人民政府, 乡人民政府; 所长,
 *    站长, 大队长, 支队长), companies, associations and media (经理, 董事长, 总裁, 总会计师,
 *    理事长, 会长, 社长, 台长, 馆长), courts' and procuratorates' (院长, 检察长), a
 *    指挥部's (总指挥, 指挥长: X指挥部总指挥 → X指挥部), any head named by its unit's last
 *    character and 长 (own_head_post(): 立案庭庭长, 法制科副科长), ranks (常委: 市委常委 → 市委; 一级–四级
 *    调研员), Party posts (党组成员, 党委书记) and a township 党委's members' posts (政法委员,
 *    宣传委员 …: 镇党委委员、政法委员 → 镇党委); stripping a post never leaves a
 *    one-character name (镇党委书记 → 镇党委, not 镇; 镇党委委员 → 镇党委; 局党组成员 → 局党组, as 成员 is a post
 *    title after 党组成员), and what a post leaves is a unit however short (镇人大主席 →
 *    镇人大). A person's post that names no unit once its post is dropped
 *    (李　一　市财政局首席数据官, an unknown post) costs that name only: no row, and the list
 *    lines under the label go on. A 、 inside brackets does not split a name: 各县（市、区）人民
 *    政府 is one row, and the unit's other names in brackets at its end are dropped, as in
 *    the clauses (市委宣传部（市新闻出版局、市电影局） → 市委宣传部); a 和 or 及 after its
 *    bracket between two names that look like units joins two units, as in the clauses
 *    (各县（市、区）人民政府和市直有关单位分管负责同志 → 各县（市、区）人民政府, 市直有关单位;
 *    各县（市、区）文化和旅游局 stays whole). A name of at most 4
 *    characters that is neither a unit nor what a post left is a person's
 *    and gives no row (王海涛同志兼任办公室主任), nor do names that speak of the members
 *    (其他成员单位…; but X及其成员单位 names X and X成员单位, as in the clauses). A name of 2
 *    or 3 ideographs ending in 军 is a person's, not a unit, unless it is an armed service
 *    (周建军　镇长 → 镇人民政府; 驻军, 解放军: unit_not_name()).
 * 5. Rows: one per unit; a unit named twice in one role of a team is kept once. A team's rows
 *    come out as convenor, deputies, members, office, each in the document's order
 *    (fg_parse__order_team_rows()); a name with no rows is not a team.
 *
 * Each segment is read a bounded number of times, so this is linear in the text, apart from
 * the search of a new name among the last 64 teams.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "clause.h"
#include "error.h"
#include "parse_int.h"
#include "str.h"

/* The first characters of the team_endings of team_name_in(). */
static const char team_ending_firsts[] = "工专领部联指委河湖林";
/* The last characters of the post_titles of post_unit(). */
static const char post_lasts[] = "人志长任记导席员理师委裁挥";
/*
 * The characters fg_parse__team_signal() stops at: the last characters of 召集人, 组长, 小组, 工作组,
 * 指挥, 成员, 委员(会), 办公室设在, 专班 and 联席 that are rare in other words, and 河 of a
 * 河长制's 河长.
 */
static const char team_signal_firsts[] = "召组挥员办班席河";
/* The first and last characters of the role words of team_words[]. */
static const char team_word_firsts[] = "办常副第总召执组指主成委联秘链专政";
static const char team_word_lasts[] = "任人长挥员位委业";

/* Character sets of this file, built once (fg_parse__team_sets_init()). */
static struct {
    fg_charscan team_signal; /* team_signal_firsts: what fg_parse__team_signal() stops at */
    fg_cjkset team_ending_firsts;
    fg_cjkset post_lasts;
    fg_cjkset team_word_firsts;
    fg_cjkset team_word_lasts;
    unsigned team_endings_alone; /* see team_endings_alone() */
} sets;

static unsigned team_endings_alone(void);

void fg_parse__team_sets_init(void)
{
    fg_charscan_init(&sets.team_signal, team_signal_firsts, sizeof team_signal_firsts - 1);
    fg_cjkset_add(&sets.team_ending_firsts, team_ending_firsts, sizeof team_ending_firsts - 1);
    fg_cjkset_add(&sets.post_lasts, post_lasts, sizeof post_lasts - 1);
    fg_cjkset_add(&sets.team_word_firsts, team_word_firsts, sizeof team_word_firsts - 1);
    fg_cjkset_add(&sets.team_word_lasts, team_word_lasts, sizeof team_word_lasts - 1);
    sets.team_endings_alone = team_endings_alone();
}

bool fg_parse__date_line(fg_strview line, long *y, long *mo, long *d)
{
    size_t n1;
    size_t n2;
    size_t n3;

    *y = fg_parse__arabic_number(line, 0, &n1, 4);
    if (*y < 1949 || *y > 2100 || n1 != 4 || !AT(line, n1, "年"))
        return false;
    *mo = fg_parse__arabic_number(line, n1 + 3, &n2, 2);
    if (*mo < 1 || *mo > 12 || !AT(line, n1 + 3 + n2, "月"))
        return false;
    *d = fg_parse__arabic_number(line, n1 + 6 + n2, &n3, 2);
    return *d >= 1 && *d <= 31 && AT(line, n1 + 6 + n2 + n3, "日") &&
           n1 + 9 + n2 + n3 >= line.len - 9;
}

size_t fg_parse__find_from(fg_strview s, size_t from, const char *lit)
{
    size_t r;

    if (from > s.len)
        return SIZE_MAX;
    r = fg_sv_find(fg_sv(s.ptr + from, s.len - from), lit);
    return r == SIZE_MAX ? SIZE_MAX : from + r;
}

/*
 * The first 、 of s at or after from that stands outside brackets, or SIZE_MAX: a person's
 * posts in brackets (李明（县委常委、常务副县长）) are one name of a team list.
 */
static size_t list_sep_from(fg_strview s, size_t from)
{
    int depth = 0;

    for (size_t i = from; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i])) {
        if (AT(s, i, "（") || s.ptr[i] == '(')
            depth++;
        else if ((AT(s, i, "）") || s.ptr[i] == ')') && depth > 0)
            depth--;
        else if (depth == 0 && AT(s, i, "、"))
            return i;
    }
    return SIZE_MAX;
}

/* Roles beyond fg_team_role for the words of team_words[]. */
enum { TEAM_SKIP = -1 }; /* 联络员 and other persons' roles: no rows */

typedef struct team_word {
    const char *s;
    int role; /* fg_team_role or TEAM_SKIP */
} team_word;

/*
 * The role words, longer before shorter where one ends with another (副组长 before 组长,
 * 办公室主任 before 主任), so that the first match at a position or at an end is the right one.
 */
static const team_word team_words[] = {
    {"办公室副主任", TEAM_SKIP},     {"办公室主任", FG_TEAM_OFFICE},
    {"常务副召集人", FG_TEAM_DEPUTY}, {"副召集人", FG_TEAM_DEPUTY},
    {"第一召集人", FG_TEAM_CONVENOR}, {"总召集人", FG_TEAM_CONVENOR},
    {"召集人", FG_TEAM_CONVENOR},    {"副召集单位", FG_TEAM_DEPUTY},
    {"第一组长", FG_TEAM_CONVENOR},   {"执行指挥长", FG_TEAM_DEPUTY},
    {"召集单位", FG_TEAM_CONVENOR},   {"副组长单位", FG_TEAM_DEPUTY},
    {"组长单位", FG_TEAM_CONVENOR},   {"常务副组长", FG_TEAM_DEPUTY},
    {"执行副组长", FG_TEAM_DEPUTY},   {"副组长", FG_TEAM_DEPUTY},
    {"组长", FG_TEAM_CONVENOR},      {"常务副总指挥", FG_TEAM_DEPUTY},
    {"副总指挥", FG_TEAM_DEPUTY},     {"总指挥", FG_TEAM_CONVENOR},
    {"常务副指挥长", FG_TEAM_DEPUTY}, {"副指挥长", FG_TEAM_DEPUTY},
    {"指挥长", FG_TEAM_CONVENOR},    {"第一政委", FG_TEAM_CONVENOR},
    {"副政委", FG_TEAM_DEPUTY},       {"政委", FG_TEAM_CONVENOR},
    {"副主任委员", FG_TEAM_DEPUTY},
    {"主任委员", FG_TEAM_CONVENOR},   {"常务副主任", FG_TEAM_DEPUTY},
    {"副主任", FG_TEAM_DEPUTY},       {"主任", FG_TEAM_CONVENOR},
    {"成员单位", FG_TEAM_MEMBER},     {"成员", FG_TEAM_MEMBER},
    {"组员", FG_TEAM_MEMBER},         {"委员", FG_TEAM_MEMBER},
    {"副总链长", FG_TEAM_DEPUTY},     {"总链长", FG_TEAM_CONVENOR},
    {"副链长", FG_TEAM_DEPUTY},       {"链长", FG_TEAM_CONVENOR},
    {"副总河长", FG_TEAM_DEPUTY},     {"总河长", FG_TEAM_CONVENOR},
    {"副总湖长", FG_TEAM_DEPUTY},     {"总湖长", FG_TEAM_CONVENOR},
    {"副总林长", FG_TEAM_DEPUTY},     {"总林长", FG_TEAM_CONVENOR},
    {"副专班长", FG_TEAM_DEPUTY},     {"专班长", FG_TEAM_CONVENOR},
    {"链主企业", FG_TEAM_MEMBER},     {"链主单位", FG_TEAM_MEMBER},
    {"联络员", TEAM_SKIP},            {"副秘书长", TEAM_SKIP},
    {"秘书长", TEAM_SKIP},            {NULL, 0}};

/* Words that end a team's name; 委员会 only after a verb (rule 1). */
static const fg_lit team_endings[] = {
    FG_LIT("工作专班"), FG_LIT("专班"),         FG_LIT("领导小组"), FG_LIT("工作小组"),
    FG_LIT("工作组"),   FG_LIT("部际联席会议"), FG_LIT("联席会议"), FG_LIT("指挥部"),
    FG_LIT("委员会"),   FG_LIT("河湖长制"),     FG_LIT("河长制"),   FG_LIT("湖长制"),
    FG_LIT("林长制")};
#define N_TEAM_ENDINGS (sizeof team_endings / sizeof team_endings[0])
_Static_assert(N_TEAM_ENDINGS <= 32, "team_endings_alone() has a bit for each ending");

/*
 * Bit e set when no other of team_endings[] (shorter, or as long and listed before) lies
 * inside team_endings[e]: a text holds one of them when it holds one of these (工作专班
 * holds 专班, 部际联席会议 联席会议).
 */
static unsigned team_endings_alone(void)
{
    unsigned alone = 0;

    for (size_t e = 0; e < N_TEAM_ENDINGS; e++) {
        bool inside = false;

        for (size_t f = 0; f < N_TEAM_ENDINGS && !inside; f++)
            inside = (team_endings[f].n < team_endings[e].n ||
                      (team_endings[f].n == team_endings[e].n && f < e)) &&
                     fg_sv_find_n(fg_sv(team_endings[e].s, team_endings[e].n),
                                  team_endings[f].s, team_endings[f].n) != SIZE_MAX;
        if (!inside)
            alone |= 1u << e;
    }
    return alone;
}

/* Verbs that constitute a team. */
static const char *const team_verbs[] = {"成立", "组建", "设立", "建立", "调整", NULL};

/*
 * Post titles that follow a unit in a person's post (rule 4), longer before shorter where one
 * ends with another.
 */
static const fg_lit post_titles[] = {
    FG_LIT("有关负责同志"), FG_LIT("主要负责同志"), FG_LIT("分管负责同志"), FG_LIT("有关负责人"), FG_LIT("主要负责人"),
    FG_LIT("分管负责人"), FG_LIT("负责同志"), FG_LIT("负责人"), FG_LIT("主要领导"), FG_LIT("分管领导"), FG_LIT("党组副书记"),
    FG_LIT("党委副书记"), FG_LIT("党组书记"), FG_LIT("党委书记"), FG_LIT("副书记"), FG_LIT("书记"), FG_LIT("党组成员"),
    FG_LIT("党委委员"), FG_LIT("政法委员"), FG_LIT("组织委员"), FG_LIT("宣传委员"),
    FG_LIT("纪检委员"), FG_LIT("统战委员"), FG_LIT("成员"), FG_LIT("常委"), FG_LIT("总会计师"), FG_LIT("总工程师"),
    FG_LIT("总经济师"), FG_LIT("总审计师"),
    FG_LIT("总规划师"), FG_LIT("副秘书长"), FG_LIT("秘书长"), FG_LIT("副主任"), FG_LIT("主任"), FG_LIT("副部长"),
    FG_LIT("部长"), FG_LIT("副厅长"), FG_LIT("厅长"), FG_LIT("副局长"), FG_LIT("局长"), FG_LIT("副省长"),
    FG_LIT("省长"), FG_LIT("副市长"), FG_LIT("市长"), FG_LIT("副县长"), FG_LIT("县长"), FG_LIT("副林区长"),
    FG_LIT("林区长"), FG_LIT("副区长"), FG_LIT("区长"), FG_LIT("副州长"), FG_LIT("州长"), FG_LIT("副乡长"),
    FG_LIT("乡长"), FG_LIT("副镇长"), FG_LIT("镇长"), FG_LIT("副旗长"), FG_LIT("旗长"), FG_LIT("副盟长"),
    FG_LIT("盟长"), FG_LIT("副主席"), FG_LIT("主席"), FG_LIT("副署长"), FG_LIT("署长"), FG_LIT("副司长"),
    FG_LIT("司长"), FG_LIT("副行长"), FG_LIT("行长"), FG_LIT("副检察长"), FG_LIT("检察长"),
    FG_LIT("副院长"), FG_LIT("院长"), FG_LIT("副校长"),
    FG_LIT("校长"), FG_LIT("副处长"), FG_LIT("处长"), FG_LIT("副所长"), FG_LIT("所长"), FG_LIT("副站长"),
    FG_LIT("站长"), FG_LIT("副总经理"), FG_LIT("总经理"), FG_LIT("副经理"), FG_LIT("经理"), FG_LIT("副董事长"),
    FG_LIT("董事长"), FG_LIT("副理事长"), FG_LIT("理事长"), FG_LIT("副总裁"), FG_LIT("总裁"), FG_LIT("副社长"),
    FG_LIT("社长"), FG_LIT("副台长"), FG_LIT("台长"), FG_LIT("副馆长"), FG_LIT("馆长"), FG_LIT("副厂长"),
    FG_LIT("厂长"), FG_LIT("副会长"), FG_LIT("会长"), FG_LIT("副关长"), FG_LIT("关长"), FG_LIT("副总队长"),
    FG_LIT("总队长"), FG_LIT("副支队长"), FG_LIT("支队长"), FG_LIT("副大队长"), FG_LIT("大队长"),
    FG_LIT("副政委"), FG_LIT("政委"), FG_LIT("常务副总指挥"), FG_LIT("副总指挥"), FG_LIT("总指挥"),
    FG_LIT("常务副指挥长"), FG_LIT("副指挥长"), FG_LIT("指挥长"),
    FG_LIT("一级巡视员"), FG_LIT("二级巡视员"), FG_LIT("副巡视员"), FG_LIT("巡视员"), FG_LIT("一级调研员"),
    FG_LIT("二级调研员"), FG_LIT("三级调研员"), FG_LIT("四级调研员"), FG_LIT("副调研员"), FG_LIT("调研员"), FG_LIT("同志"),
};
#define N_POST_TITLES (sizeof post_titles / sizeof post_titles[0])

/* Words that may stand before a post title (省政府分管副省长, 省政府常务副省长). */
static const fg_lit post_heads[] = {FG_LIT("常务"), FG_LIT("分管"), FG_LIT("主管"),
                                    FG_LIT("主要"), FG_LIT("有关")};
#define N_POST_HEADS (sizeof post_heads / sizeof post_heads[0])

/* Whether s is one of post_titles. */
static bool is_post_title(fg_strview s)
{
    for (size_t t = 0; t < N_POST_TITLES; t++)
        if (s.len == post_titles[t].n && memcmp(s.ptr, post_titles[t].s, s.len) == 0)
            return true;
    return false;
}

/* Whether s ends with one of post_titles, the whole of s included when whole is true. */
/*
 * The length of a head's post at the end of s named by its unit's last character (庭长 after
 * …庭, 副科长 after …科: 市中级人民法院立案庭庭长 → 市中级人民法院立案庭, 市信访局接访科副科长 →
 * 市信访局接访科), or 0: every office whose head is called by its own noun and 长, as 局长 and
 * 所长 are, without a list of the nouns. The unit keeps 2 characters or more.
 */
static size_t own_head_post(fg_strview s)
{
    size_t c;
    size_t q;

    if (s.len < 4 * 3 || !fg_sv_ends(s, "长"))
        return 0;
    c = s.len - 6;
    if ((unsigned char)s.ptr[c] < 0xE4 || (unsigned char)s.ptr[c] > 0xE9 || AT(s, c, "长"))
        return 0;
    q = AT(s, c - 3, "副") ? c - 3 : c;
    if (q < 2 * 3 || memcmp(s.ptr + q - 3, s.ptr + c, 3) != 0)
        return 0;
    return s.len - q;
}

static bool ends_with_post(fg_strview s, bool whole)
{
    /* Most names end with 厅, 委, 局 …, the last character of no post title. */
    if (s.len < 6 || !fg_cjkset_has(&sets.post_lasts, s.ptr + s.len - 3))
        return false;
    if (own_head_post(s) > 0)
        return true;
    for (size_t t = 0; t < N_POST_TITLES; t++)
        if ((whole ? s.len >= post_titles[t].n : s.len > post_titles[t].n) &&
            fg_sv_ends_n(s, post_titles[t].s, post_titles[t].n))
            return true;
    return false;
}

/* Whether s ends with a character of the set of 、，, (a list goes on past a line break). */
static bool ends_open(fg_strview s)
{
    return fg_sv_ends(s, "、") || fg_sv_ends(s, "，") || fg_sv_ends(s, ",");
}

/* Whether s ends with 。：；: (a line that ends a sentence or opens a list). */
static bool ends_closed(fg_strview s)
{
    return fg_sv_ends(s, "。") || fg_sv_ends(s, "：") || fg_sv_ends(s, "；") || fg_sv_ends(s, ":");
}

/*
 * Whether the signal character at t[i] is part of a label spaced with one or more blanks
 * (委　　员, 成　　员 before it, 组　　长 after it), which fg_parse__team_signal()'s plain tests miss.
 */
static bool spaced_signal(fg_strview t, size_t i)
{
    size_t j = i;
    size_t n;

    if (AT(t, i, "员")) {
        for (int k = 0; k < 4 && j > 0; k++) {
            if (j >= 3 && AT(t, j - 3, "\u3000"))
                j -= 3;
            else if (t.ptr[j - 1] == ' ')
                j--;
            else
                break;
        }
        return j < i && j >= 3 && (AT(t, j - 3, "委") || AT(t, j - 3, "成"));
    }
    if (AT(t, i, "组")) {
        j = i + 3;
        for (int k = 0; k < 4 && fg_parse__is_space_at(t, j, &n); k++)
            j += n;
        return j > i + 3 && AT(t, j, "长");
    }
    return false;
}

/*
 * Whether the 委员会 at t[i] follows a team verb in its clause (成立某市数字经济发展委员会,
 * 调整市安全生产委员会): a committee constituted, not an agency (发展和改革委员会). Looks at
 * most 40 characters back, up to a punctuation mark.
 */
static bool committee_after_verb(fg_strview t, size_t i)
{
    size_t j = i;

    for (int c = 0; c < 40 && j > 0; c++) {
        j = fg_cp_start_before(t.ptr, j);
        if (t.ptr[j] == '\n' || AT(t, j, "，") || AT(t, j, "。") || AT(t, j, "；") ||
            AT(t, j, "：") || AT(t, j, "、"))
            return false;
        for (size_t v = 0; team_verbs[v]; v++)
            if (fg_sv_at(t, j, team_verbs[v], 6)) // each verb is two characters
                return true;
    }
    return false;
}

/*
 * Where the office's unit starts after 办公室设在 at t[i], or 0: also with another name of the
 * office in brackets between (市河长制办公室（市河湖长制工作委员会办公室）设在市水利局).
 */
static size_t office_at(fg_strview t, size_t i)
{
    size_t j;
    size_t n;

    if (AT(t, i, "办公室设在"))
        return i + strlen("办公室设在");
    if (!AT(t, i, "办公室") || !fg_parse__is_open(t, i + strlen("办公室"), &n))
        return 0;
    for (j = i + strlen("办公室") + n; j < t.len && j < i + 60 * 3;
         j += fg_cp_len((unsigned char)t.ptr[j]))
        if (fg_parse__is_close(t, j, &n) || fg_parse__is_open(t, j, &n) || AT(t, j, "，") ||
            AT(t, j, "。"))
            break;
    return fg_parse__is_close(t, j, &n) && AT(t, j + n, "设在") ? j + n + strlen("设在") : 0;
}

bool fg_parse__team_signal(fg_strview t)
{
    for (size_t i = fg_charscan_next(&sets.team_signal, t.ptr, t.len, 0, t.len); i < t.len;
         i = fg_charscan_next(&sets.team_signal, t.ptr, t.len, i + 3, t.len)) {
        if (AT(t, i, "召集人") || AT(t, i, "召集单位") || AT(t, i, "组长") ||
            (AT(t, i, "办公室") && office_at(t, i) > 0) || AT(t, i, "河长") ||
            /* 委员 (委员：, 为委员), but not inside …委员会, a common agency word, unless
             * a team verb constitutes it (成立X委员会). */
            (i >= 3 && AT(t, i - 3, "委员") &&
             (!AT(t, i + 3, "会") || committee_after_verb(t, i - 3))) ||
            (i >= 3 && (AT(t, i - 3, "成员") || AT(t, i - 3, "指挥") ||
                        AT(t, i - 3, "小组") || AT(t, i - 3, "专班") || AT(t, i - 3, "联席"))) ||
            (i >= 6 && AT(t, i - 6, "工作组")) || spaced_signal(t, i))
            return true;
    }
    return false;
}

static const struct team_word *team_word_at(fg_strview s, size_t i, size_t *end, bool *spaced);

/* Whether a line starts a team's list or office: a role label (成员：), or 办公室设在 (also
 * with the office's other name in brackets: office_at()) or 下设办公室 after a name at its
 * start (领导小组办公室设在市数据局, 专班下设办公室，设在…; not
 * 教育局等，专班办公室设在…, the end of a list broken by a page). */
static bool opens_team_line(fg_strview line)
{
    size_t after;
    size_t at;
    fg_strview head;
    fg_strview start;

    line = fg_parse__trim(line);
    if (line.len > 0 && fg_parse__team_label(line, true, &after) != NULL)
        return true;
    start = fg_sv(line.ptr, line.len < 60 ? line.len : 60);
    at = fg_sv_find(start, "办公室");
    if (at != SIZE_MAX && office_at(line, at) == 0)
        at = SIZE_MAX;
    if (at == SIZE_MAX)
        at = fg_sv_find(start, "下设办公室");
    if (at == SIZE_MAX)
        return false;
    head = fg_sv(line.ptr, at);
    return !fg_sv_contains(head, "，") && !fg_sv_contains(head, "、") &&
           !fg_sv_contains(head, ",") && !fg_sv_contains(head, "。");
}

/*
 * Whether t[from .. to), a line of t (its end, to, at the next '\n' when it comes first), is
 * a date of issue alone (fg_parse__date_line()): the line above it is the issuer's name, a
 * signature.
 */
static bool signed_below(fg_strview t, size_t from, size_t to)
{
    size_t e = from;
    long y;
    long mo;
    long d;

    if (from >= t.len || !((t.ptr[from] >= '0' && t.ptr[from] <= '9') ||
                           (unsigned char)t.ptr[from] == 0xEF))
        return false;
    while (e < to && e < t.len && t.ptr[e] != '\n' && e - from < 64)
        e++;
    return fg_parse__date_line(fg_parse__trim(fg_sv(t.ptr + from, e - from)), &y, &mo, &d);
}

/* Whether s is only CJK ideographs of the common block (lead bytes E4 to E9). */
static bool all_ideographs(fg_strview s)
{
    if (s.len == 0 || s.len % 3 != 0)
        return false;
    for (size_t i = 0; i < s.len; i += 3)
        if ((unsigned char)s.ptr[i] < 0xE4 || (unsigned char)s.ptr[i] > 0xE9)
            return false;
    return true;
}

/*
 * Whether s looks like a unit and is no person's name. 军 ends units (解放军, 驻军), but
 * far more given names (周建军, 李志军, 刘军): a name of 2 or 3 ideographs ending in 军 is a
 * unit only when it is one of the armed services.
 */
static bool unit_not_name(fg_strview s)
{
    static const char *const armies[] = {"解放军", "志愿军", "火箭军", "集团军", "驻军",
                                         "海军",   "空军",   "陆军",   "红军",   NULL};

    if (!fg_clause__looks_like_unit(s))
        return false;
    if ((s.len != 6 && s.len != 9) || !fg_sv_ends(s, "军") || !all_ideographs(s))
        return true;
    for (size_t k = 0; armies[k]; k++)
        if (fg_sv_eq(s, fg_sv_cstr(armies[k])))
            return true;
    return false;
}

/*
 * Whether a table cell is a person's name: 2 to 4 ideographs, possibly padded with blanks
 * (张三, 张　三, 欧阳明华), neither a unit nor a post title.
 */
static bool name_cell(fg_strview c)
{
    size_t cps = 0;
    size_t n;

    for (size_t i = 0; i < c.len;) {
        if (fg_parse__is_space_at(c, i, &n)) {
            i += n;
            continue;
        }
        if (!all_ideographs(fg_sv(c.ptr + i, i + 3 <= c.len ? 3 : 0)) || ++cps > 4)
            return false;
        i += 3;
    }
    return cps >= 2 && !unit_not_name(c) && !is_post_title(c);
}

/*
 * Whether a line is a row of a 名单 table laid out two-up (or more), tab-separated cells of
 * units each followed by a post (县自然资源局 | 局长 | 县农业农村局 | 局长), or of persons each
 * followed by a post (张三 | 市财政局局长 | 李四 | 市公安局副局长): then *is_row is true and out
 * gets each unit joined to its post, each person to his post after a U+3000, the pairs
 * separated by 、 (县自然资源局局长、县农业农村局局长; 张三　市财政局局长、李四　市公安局副局长),
 * which the team lists read as one name each. A row of one pair is read as it stands.
 * FG_OK or FG_ENOMEM.
 */
static int two_up_row(fg_str *out, bool *is_row, fg_strview line)
{
    fg_strview cells[16];
    size_t n = 0;
    size_t start = 0;
    int rc = FG_OK;

    *is_row = false;
    if (memchr(line.ptr, '\t', line.len) == NULL)
        return FG_OK;
    for (size_t i = 0; i <= line.len; i++) {
        if (i == line.len || line.ptr[i] == '\t') {
            fg_strview c = fg_parse__trim(fg_sv(line.ptr + start, i - start));

            if (c.len > 0) {
                if (n == sizeof cells / sizeof cells[0])
                    return FG_OK;
                cells[n++] = c;
            }
            start = i + 1;
        }
    }
    if (n < 4 || n % 2 != 0)
        return FG_OK;
    for (size_t k = 0; k < n; k += 2)
        if (!(unit_not_name(cells[k]) && is_post_title(cells[k + 1])) &&
            !(name_cell(cells[k]) && ends_with_post(cells[k + 1], true)))
            return FG_OK;
    fg_str_clear(out);
    for (size_t k = 0; k < n; k += 2) {
        if (k > 0)
            FG_TRY(fg_str_append(out, "、", 3));
        FG_TRY(fg_str_append(out, cells[k].ptr, cells[k].len));
        /* 张三 | 市财政局局长: the person, a blank, his post (person_led()) */
        if (!is_post_title(cells[k + 1]) || !unit_not_name(cells[k]))
            FG_TRY(fg_str_append(out, "\u3000", 3));
        FG_TRY(fg_str_append(out, cells[k + 1].ptr, cells[k + 1].len));
    }
    *is_row = true;
out:
    return rc;
}

/*
 * Where the first cell of a line of cells ends: at the first tab, or at the first run of two
 * U+3000 or more (a table of two columns written as text, as a PDF gives it); line.len when
 * the line has neither.
 */
static size_t first_cell_end(fg_strview line)
{
    const char *tab = memchr(line.ptr, '\t', line.len);
    size_t end = tab ? (size_t)(tab - line.ptr) : line.len;
    size_t gap = fg_sv_find(fg_sv(line.ptr, end), "\u3000\u3000");

    return gap == SIZE_MAX ? end : gap;
}

/* The first cell of a line of cells (first_cell_end()), trimmed. */
static fg_strview first_cell(fg_strview line)
{
    return fg_parse__trim(fg_sv(line.ptr, first_cell_end(line)));
}

/*
 * Whether a line is the header of a table of a team's members and their duties, as a 预案
 * lists them (成员单位 | 主要职责): its first cell 成员单位 and a cell after it naming 职责.
 */
static bool member_table_header(fg_strview line)
{
    size_t end = first_cell_end(line);

    return end < line.len && fg_sv_eq(first_cell(line), fg_sv_cstr("成员单位")) &&
           fg_sv_contains(fg_sv(line.ptr + end, line.len - end), "职责");
}

bool fg_parse__run_in_label(fg_strview s, size_t i)
{
    static const char *const openers[] = {"各", "其", "等", "的", "为", "及", "和", "与", "由",
                                          "在", "全", "本", "该", "副", "常", "总", "执",
                                          "第", NULL};
    size_t end;
    size_t n;
    size_t before;
    bool spaced;

    if (i == 0 || team_word_at(s, i, &end, &spaced) == NULL)
        return false;
    while (fg_parse__is_space_at(s, end, &n))
        end += n;
    if (!AT(s, end, "：") && !AT(s, end, ":"))
        return false;
    if (s.ptr[i - 1] == ':' || (i >= 3 && AT(s, i - 3, "：")))
        return true;
    before = fg_cp_start_before(s.ptr, i);
    if (!all_ideographs(fg_sv(s.ptr + before, i - before)))
        return false;
    for (size_t k = 0; openers[k]; k++)
        if (fg_sv_at_str(s, before, openers[k]))
            return false;
    return true;
}

/*
 * Append line to out with a '\n' before each role label run into the text before it
 * (fg_parse__run_in_label(): 组　长：张三　县长副组长：李四　副县长成　员：…, a 名单 whose line breaks
 * were lost), so that each label opens a list line of its own.
 */
static int append_run_in(fg_str *out, fg_strview line)
{
    size_t from = 0;
    int rc = FG_OK;

    for (size_t i = 0; i < line.len; i += fg_cp_len((unsigned char)line.ptr[i])) {
        size_t end;
        bool spaced;

        if (!fg_cjkset_has(&sets.team_word_firsts, line.ptr + i) ||
            team_word_at(line, i, &end, &spaced) == NULL)
            continue;
        if (fg_parse__run_in_label(line, i)) {
            FG_TRY(fg_str_append(out, line.ptr + from, i - from));
            FG_TRY(fg_str_appendc(out, '\n'));
            from = i;
        }
        /* a role word is no place for another (副组长 holds 组长, 执行指挥长 指挥长) */
        i = fg_cp_start_before(line.ptr, end);
    }
    FG_TRY(fg_str_append(out, line.ptr + from, line.len - from));
out:
    return rc;
}

/*
 * Whether after, the text of the next line, goes on with the name that the end of before cut
 * (…、党委学生工作 | 部、保卫处…, …、各学 | 院, as a page's width wraps a list): after
 * starts, with no blank, a piece (up to its first separator or blank) that makes one unit
 * of at most 24 characters with the name at before's end (after its last separator or
 * blank), which is no post: a piece that is no unit on its own (部, 院), or one that is,
 * after a name of a list (after a 、) that is none (…、党委研究生 | 工作部, …、市财 | 政局;
 * not after a label's colon, where a person's name stands: 成员：张三 | 市财政局, nor
 * after a line of prose: 工作组根据工作需要召开全体会议 | 省林业局).
 */
bool fg_parse__name_goes_on(fg_strview before, fg_strview after)
{
    static const char *const seps[] = {"、", "，", ",", "；", ";", "。", "：", ":", "\u3000", " ",
                                       "\t", "\n", NULL};
    size_t from = 0;
    size_t to = after.len;
    size_t n;
    fg_strview last;
    fg_strview first;
    char buf[192];

    before = fg_parse__trim(before);
    if (before.len == 0 || after.len == 0 || fg_parse__is_space_at(after, 0, &n))
        return false;
    for (size_t k = 0; seps[k]; k++) {
        size_t at;

        n = strlen(seps[k]);
        for (size_t i = 0; (at = fg_parse__find_from(before, i, seps[k])) != SIZE_MAX; i = at + n)
            if (at + n > from)
                from = at + n;
        at = fg_sv_find(after, seps[k]);
        if (at != SIZE_MAX && at < to)
            to = at;
    }
    last = fg_sv(before.ptr + from, before.len - from);
    first = fg_sv(after.ptr, to);
    if (last.len == 0 || first.len == 0 || last.len + first.len > sizeof buf ||
        ends_with_post(last, true) ||
        (fg_clause__looks_like_unit(first) &&
         (fg_clause__looks_like_unit(last) || !(from >= 3 && AT(before, from - 3, "、")))))
        return false;
    memcpy(buf, last.ptr, last.len);
    memcpy(buf + last.len, first.ptr, first.len);
    return fg_parse__cps_upto(fg_sv(buf, last.len + first.len), 25) <= 24 &&
           fg_clause__looks_like_unit(fg_sv(buf, last.len + first.len));
}

static bool group_name(fg_strview seg);
static bool group_noun_end(fg_strview name);
static size_t group_label_after(fg_strview seg);

/*
 * Whether next, the line after line, a list line (no ，or 。 in it: not prose, whose wrapped
 * end may be a team's name, …决定成立某县地 | 质灾害防治指挥部。), opens a group of the
 * team (rule 1): its name alone on the line, with a label opening the line after (投诉处置组 /
 * 组长单位：X), or followed by a blank and its labels (投诉处置组　组长单位：X).
 */
static bool opens_group_line(fg_strview line, fg_strview next, fg_strview after)
{
    if (fg_sv_contains(line, "，") || fg_sv_contains(line, "。") ||
        memchr(line.ptr, ',', line.len) != NULL)
        return false;
    next = fg_parse__trim(next);
    return group_name(next) ? opens_team_line(after) : group_label_after(next) > 0;
}

static fg_strview post_unit(char *buf, fg_strview name);
static fg_strview gov_of_post(fg_strview name);
static bool level_at(fg_strview s, size_t i);
static const fg_lit *team_ending_end(fg_strview s);

/*
 * Whether line, a team list line, ends inside a bracket (吴海涛（市城管局局长 | ）、郑　伟…, a
 * person's post cut by the line break): an opening bracket after its last closing one.
 */
static bool ends_in_bracket(fg_strview line)
{
    size_t n;
    int depth = 0;

    for (size_t i = 0; i < line.len; i += fg_cp_len((unsigned char)line.ptr[i]))
        if (fg_parse__is_open(line, i, &n))
            depth++;
        else if (fg_parse__is_close(line, i, &n) && depth > 0)
            depth--;
    return depth > 0;
}

/* The separators and blanks that end a name in a team list line (see cut_pieces()). */
static const char *const name_seps[] = {"、", "，", ",", "；", ";", "。", "：", ":", "\u3000",
                                        " ",  "\t", "（", "(", "）", ")", NULL};

/*
 * The piece of line after its last separator of seps (a NULL-ended list) in *last, and the
 * piece of next before its first in *first (both trimmed first); *sep receives the separator
 * before *last, or an empty view. Whether both are non-empty.
 */
static bool cut_pieces(fg_strview line, fg_strview next, const char *const *seps,
                       fg_strview *last, fg_strview *first, fg_strview *sep)
{
    size_t from = 0;
    size_t to;

    line = fg_parse__trim(line);
    next = fg_parse__trim(next);
    to = next.len;
    *sep = fg_sv(NULL, 0);
    for (size_t k = 0; seps[k]; k++) {
        size_t n = strlen(seps[k]);
        size_t at;

        for (size_t i = 0; (at = fg_parse__find_from(line, i, seps[k])) != SIZE_MAX; i = at + n)
            if (at + n > from) {
                from = at + n;
                *sep = fg_sv(line.ptr + at, n);
            }
        at = fg_sv_find(next, seps[k]);
        if (at != SIZE_MAX && at < to)
            to = at;
    }
    *last = fg_sv(line.ptr + from, line.len - from);
    *first = fg_sv(next.ptr, to);
    return last->len > 0 && first->len > 0;
}

/*
 * cut_pieces() with name_seps, the two pieces written one after the other into buf (of size
 * cap): the name the line break cut, or an empty view when a piece is empty or they don't fit.
 */
static fg_strview join_pieces(fg_strview line, fg_strview next, char *buf, size_t cap,
                              fg_strview *last, fg_strview *first, fg_strview *sep)
{
    if (!cut_pieces(line, next, name_seps, last, first, sep) || last->len + first->len > cap)
        return fg_sv(buf, 0);
    memcpy(buf, last->ptr, last->len);
    memcpy(buf + last->len, first->ptr, first->len);
    return fg_sv(buf, last->len + first->len);
}

/*
 * Whether the team list line line goes on in next with a person's post whose unit the line
 * break cut: line's last name, after a 、 or a comma, starts with a level or 各 and is no unit and no
 * post of its own, and with the piece next opens with (up to a separator or a blank) it makes
 * a unit and its post (…、市公 | 安局副局长　蒋　勇, …，各 | 区人民政府分管负责同志, …、市交通运输局党 |
 * 组书记、局长韩　磊). A person's name cut there never starts with a level.
 */
static bool post_wrapped(fg_strview line, fg_strview next)
{
    fg_strview last;
    fg_strview first;
    fg_strview sep;
    fg_strview u;
    char joined[192];
    fg_strview name = join_pieces(line, next, joined, sizeof joined, &last, &first, &sep);
    char buf[64];

    if (name.len == 0 ||
        !(fg_sv_eq(sep, fg_sv("、", 3)) || fg_sv_eq(sep, fg_sv("，", 3)) ||
          fg_sv_eq(sep, fg_sv(",", 1))) ||
        !(level_at(last, 0) || fg_sv_starts(last, "各")) || fg_clause__looks_like_unit(last) ||
        ends_with_post(last, true) || !ends_with_post(name, false))
        return false;
    u = post_unit(buf, name);
    return u.len > 0 && u.len < name.len && fg_clause__looks_like_unit(u);
}

/*
 * Whether the line break cut a post title of a team list line (…李红梅　省商务厅厅 | 长, …局党 |
 * 组书记、…): line's last piece and next's first make a unit and a post title, and that title
 * starts before the break (not …常务副县长成 | 员：, a label's characters apart).
 */
static bool post_title_cut(fg_strview line, fg_strview next)
{
    fg_strview last;
    fg_strview first;
    fg_strview sep;
    char joined[192];
    size_t n = join_pieces(line, next, joined, sizeof joined, &last, &first, &sep).len;

    for (size_t t = 0; t < N_POST_TITLES; t++) {
        size_t head = n - post_titles[t].n;

        if (n > post_titles[t].n && memcmp(joined + head, post_titles[t].s, post_titles[t].n) == 0)
            return post_titles[t].n > first.len &&
                   fg_clause__looks_like_unit(fg_sv(joined, head));
    }
    return false;
}

/*
 * Whether the team list line line ends with a unit whose post next opens with: a post title
 * alone before a blank or the line's end, no head of government's (省人力资源社会保障厅 |
 * 副厅长　李　明: one person's post wrapped, whose unit the line above holds; 市长 alone stands
 * for its government).
 */
static bool unit_post_below(fg_strview line, fg_strview next)
{
    fg_strview last;
    fg_strview first;
    fg_strview sep;

    return cut_pieces(line, next, name_seps, &last, &first, &sep) &&
           fg_clause__looks_like_unit(last) && !ends_with_post(last, true) &&
           is_post_title(first) &&
           gov_of_post(first).ptr == first.ptr && !fg_sv_eq(first, fg_sv("同志", 6));
}

/*
 * Whether line ends in a team's name cut by the line break after its verb (…市政府决定成立滨江市 |
 * 城市排水防涝应急指挥部，组成人员如下：, a short line): its last sentence part holds a team verb
 * and no team ending after it, and next's first part (up to ，。；：) ends with one and opens
 * with no verb of its own (一、建立工作机制 | 成立X指挥部: a heading over the sentence).
 */
static bool team_name_wrapped(fg_strview line, fg_strview next)
{
    static const char *const stops[] = {"，", "。", "；", "：", ",", ";", ":", NULL};
    fg_strview last;
    fg_strview first;
    fg_strview sep;
    size_t verb = SIZE_MAX;
    fg_strview tail;

    (void)cut_pieces(line, next, stops, &last, &first, &sep);
    line = fg_parse__trim(line);
    for (size_t v = 0; team_verbs[v]; v++) {
        size_t at = fg_parse__find_from(line, (size_t)(last.ptr - line.ptr), team_verbs[v]);

        if (at != SIZE_MAX && (verb == SIZE_MAX || at > verb))
            verb = at;
    }
    if (verb == SIZE_MAX || team_ending_end(first) == NULL)
        return false;
    for (size_t v = 0; team_verbs[v]; v++)
        if (fg_sv_starts(first, team_verbs[v]))
            return false;
    tail = fg_sv(line.ptr + verb, line.len - verb);
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
        if (fg_sv_find_n(tail, team_endings[e].s, team_endings[e].n) != SIZE_MAX)
            return false;
    return true;
}

/*
 * Whether the team list line line goes on in next with a name its end cut
 * (fg_parse__name_goes_on(), post_wrapped(), unit_post_below(), team_name_wrapped()), inside
 * a post title (post_title_cut()) or inside a bracket (ends_in_bracket()): line
 * ends with no separator (no 、，。；：) and next opens no list of its own (领导小组办公室设在…,
 * 副组长：…) and no group (opens_group_line(); after is the line after next).
 */
static bool name_wrapped(fg_strview line, fg_strview next, fg_strview after)
{
    line = fg_parse__trim(line);
    return !ends_open(line) && !ends_closed(line) && !opens_team_line(next) &&
           !opens_group_line(line, next, after) &&
           (fg_parse__name_goes_on(line, next) || post_wrapped(line, next) ||
            unit_post_below(line, next) || post_title_cut(line, next) ||
            ends_in_bracket(line) || team_name_wrapped(line, next));
}

/*
 * Whether line, a label's list (成员单位：A、B、C，) that ends with a comma, goes on in next
 * (　　　　　　　各村（社区）党组织。): next opens no list or group of its own, holds no other
 * comma or colon, and its first name looks like a unit or is a 各 of units (各村（社区）
 * 党组织); the comma is then read as a 、 of the list, so that next's names are the label's
 * as after a 、 (not a list line of their own, which only names that look like units go on).
 */
static bool list_comma_wrapped(fg_strview line, fg_strview next, fg_strview after)
{
    size_t at;
    size_t e;
    const team_word *w;
    fg_strview rest;

    line = fg_parse__trim(line);
    next = fg_parse__trim(next);
    if (!(fg_sv_ends(line, "，") || fg_sv_ends(line, ",")) || next.len == 0 ||
        (w = fg_parse__team_label(line, true, &at)) == NULL || w->role == TEAM_SKIP)
        return false;
    rest = fg_sv(line.ptr + at, line.len - at - (fg_sv_ends(line, ",") ? 1 : 3));
    if (list_sep_from(rest, 0) == SIZE_MAX || fg_sv_contains(rest, "，") ||
        fg_sv_contains(rest, "。") || memchr(rest.ptr, ',', rest.len) != NULL ||
        opens_team_line(next) || opens_group_line(line, next, after) || fg_sv_contains(next, "，") ||
        fg_sv_contains(next, "：") || memchr(next.ptr, ',', next.len) != NULL ||
        memchr(next.ptr, ':', next.len) != NULL)
        return false;
    e = list_sep_from(next, 0);
    if (e == SIZE_MAX)
        e = next.len;
    while (e > 0 && (fg_sv_ends(fg_sv(next.ptr, e), "。") || fg_sv_ends(fg_sv(next.ptr, e), "；")))
        e -= 3;
    next = fg_parse__trim(fg_sv(next.ptr, e));
    return fg_clause__looks_like_unit(next) || (fg_sv_starts(next, "各") && next.len > 6);
}

/*
 * Copy t into p->team_text with a '\n' after every list line (the header comment above);
 * lm[0 .. n_lm) are the offsets of t's input lines. p->team_lm receives the offsets of the
 * lines in the copy, with their input line numbers.
 */
static int team_text(parser *p, fg_strview t, const linemap *lm, size_t n_lm)
{
    bool member_rows = false; /* under a 成员单位 | 主要职责 header */
    int rc = FG_OK;

    fg_str_clear(&p->team_text);
    p->n_team_lm = 0;
    for (size_t k = 0; k < n_lm; k++) {
        size_t a = lm[k].off;
        size_t b = k + 1 < n_lm ? lm[k + 1].off : t.len;
        fg_strview line;
        fg_strview next = fg_sv(NULL, 0);  /* the next line */
        fg_strview after = fg_sv(NULL, 0); /* the line after it */
        bool two_up;

        if (a > t.len || b > t.len || b < a)
            continue;
        line = fg_sv(t.ptr + a, b - a);
        if (k + 1 < n_lm) {
            size_t c = k + 2 < n_lm && lm[k + 2].off <= t.len ? lm[k + 2].off : t.len;
            size_t d = k + 3 < n_lm && lm[k + 3].off <= t.len ? lm[k + 3].off : t.len;

            next = fg_sv(t.ptr + b, c - b);
            if (c < d)
                after = fg_sv(t.ptr + c, d - c);
        }
        FG_TRY(fg_parse__grow((void **)&p->team_lm, &p->cap_team_lm, p->n_team_lm,
                              sizeof *p->team_lm));
        p->team_lm[p->n_team_lm].off = p->team_text.len;
        p->team_lm[p->n_team_lm].line = lm[k].line;
        p->n_team_lm++;
        /*
         * Under a 成员单位 | 主要职责 header, each row's first cell is a member unit: the
         * header is read as the label 成员单位： alone on its line, and each row as its unit
         * alone, a list line, while the rows' first cells look like units.
         */
        if (member_rows && !(first_cell_end(line) < line.len &&
                             fg_clause__looks_like_unit(first_cell(line))))
            member_rows = false;
        if (member_rows) {
            line = first_cell(line);
        } else if (member_table_header(line)) {
            line = fg_sv_cstr("成员单位：");
            member_rows = true;
        }
        FG_TRY(two_up_row(&p->team_row, &two_up, line));
        if (two_up)
            FG_TRY(fg_str_append(&p->team_text, p->team_row.ptr, p->team_row.len));
        else if (!list_comma_wrapped(line, next, after))
            FG_TRY(append_run_in(&p->team_text, line));
        else {
            /* 成员单位：A、B，| C。: the comma at the line's end is the list's 、 */
            line = fg_parse__trim(line);
            FG_TRY(append_run_in(&p->team_text,
                                 fg_sv(line.ptr, line.len - (fg_sv_ends(line, ",") ? 1 : 3))));
            FG_TRY(fg_str_append(&p->team_text, "、", 3));
        }
        /*
         * A list line: a two-up row, short, closed, laid out with U+3000 (prose never is),
         * or followed by a line that opens a list of its own (成员：…, 领导小组办公室设在…)
         * or a group (投诉处置组 over its labels), which a name wrapped onto the next line
         * never does.
         */
        if (k + 1 < n_lm && !ends_open(line) && !name_wrapped(line, next, after) &&
            (two_up || ends_closed(line) || fg_parse__cps_upto(line, 25) <= 24 ||
             fg_sv_contains(line, "\u3000") ||
             opens_team_line(next) || opens_group_line(line, next, after) ||
             (k + 2 < n_lm && lm[k + 2].off <= t.len &&
              signed_below(t, lm[k + 2].off, k + 3 < n_lm ? lm[k + 3].off : t.len))))
            FG_TRY(fg_str_appendc(&p->team_text, '\n'));
    }
out:
    return rc;
}

/* The role word of team_words[] that starts at s[i], its characters possibly spaced. */
/* The nouns of a label that stand for 单位 (成员部门：, 牵头处室：). */
static const char *const label_nouns[] = {"部门", "处室", "科室", NULL};

static const team_word *team_word_at(fg_strview s, size_t i, size_t *end, bool *spaced)
{
    if (i + 3 > s.len || !fg_cjkset_has(&sets.team_word_firsts, s.ptr + i))
        return NULL;
    for (const team_word *w = team_words; w->s; w++) {
        size_t j = i;
        size_t n;
        const char *c = w->s;

        *spaced = false;
        while (*c) {
            size_t cl = fg_cp_len((unsigned char)*c);

            if (!fg_sv_at(s, j, c, cl))
                break;
            j += cl;
            c += cl;
            while (*c && fg_parse__is_space_at(s, j, &n)) {
                j += n;
                *spaced = true;
            }
        }
        if (*c == '\0') {
            *end = j;
            return w;
        }
        /* 成员部门, 组长处室: a team label's 单位 may be any label noun, as a clause's is */
        if ((unsigned char)c[0] == 0xE5 && (unsigned char)c[1] == 0x8D && strcmp(c, "单位") == 0)
            for (size_t k = 0; label_nouns[k]; k++)
                if (fg_sv_at(s, j, label_nouns[k], 6)) { // each noun is two characters
                    *end = j + 6;
                    return w;
                }
    }
    return NULL;
}

/*
 * Where a note on a label's list in brackets at seg[open] ends (（按姓氏笔画排序）, （以姓氏笔画
 * 为序）, （按单位排序）: 1 to 12 characters, no bracket or list inside), when a ： or : or the
 * end of seg follows it; else SIZE_MAX.
 */
static size_t label_note_end(fg_strview seg, size_t open)
{
    size_t i = open + (seg.ptr[open] == '(' ? 1 : 3);
    size_t start = i;
    size_t n;

    for (int cps = 0; i < seg.len && cps <= 12; cps++) {
        if (AT(seg, i, "）") || seg.ptr[i] == ')') {
            size_t e = i + (seg.ptr[i] == ')' ? 1 : 3);

            if (i == start)
                return SIZE_MAX;
            while (fg_parse__is_space_at(seg, e, &n))
                e += n;
            return e == seg.len || AT(seg, e, "：") || AT(seg, e, ":")
                       ? i + (seg.ptr[i] == ')' ? 1 : 3)
                       : SIZE_MAX;
        }
        if (AT(seg, i, "（") || seg.ptr[i] == '(' || AT(seg, i, "、") || AT(seg, i, "：") ||
            seg.ptr[i] == ':' || seg.ptr[i] == '\n')
            return SIZE_MAX;
        i += fg_cp_len((unsigned char)seg.ptr[i]);
    }
    return SIZE_MAX;
}

const team_word *fg_parse__team_label(fg_strview seg, bool line_start, size_t *after)
{
    size_t end;
    size_t n;
    bool spaced;
    bool blank = false;
    const team_word *w = team_word_at(seg, 0, &end, &spaced);

    if (w == NULL)
        return NULL;
    while (fg_parse__is_space_at(seg, end, &n)) {
        end += n;
        blank = true;
    }
    /* 成员（按姓氏笔画排序）：, 委员（以姓氏笔画为序）：: a note on the list, not a name */
    if (AT(seg, end, "（") || AT(seg, end, "(")) {
        size_t close = label_note_end(seg, end);

        if (close != SIZE_MAX) {
            end = close;
            while (fg_parse__is_space_at(seg, end, &n))
                end += n;
            blank = true;
        }
    }
    if (AT(seg, end, "：") || AT(seg, end, ":")) {
        *after = end + (AT(seg, end, ":") ? 1 : 3);
        return w;
    }
    /* 组　长　张三　省政府副省长, or 副组长 alone on its line above its names. */
    if (line_start && (blank || end == seg.len)) {
        *after = end;
        return w;
    }
    return NULL;
}

/* The role word of team_words[] that ends seg exactly, or NULL; *start receives its start. */
static const team_word *team_word_end(fg_strview seg, size_t *start)
{
    if (seg.len < 6 || !fg_cjkset_has(&sets.team_word_lasts, seg.ptr + seg.len - 3))
        return NULL;
    for (const team_word *w = team_words; w->s; w++) {
        if (fg_sv_ends(seg, w->s)) {
            *start = seg.len - strlen(w->s);
            return w;
        }
    }
    return NULL;
}

/* The team ending of team_endings[] that ends s, or NULL. */
static const fg_lit *team_ending_end(fg_strview s)
{
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
        if (fg_sv_ends_n(s, team_endings[e].s, team_endings[e].n))
            return &team_endings[e];
    return NULL;
}

/*
 * The levels of government, each with its head's post and its government (a lexicon): 省长
 * 市长 县长 区长 州长 乡长 镇长 and the regions' 旗长, 林区长 (人民政府) and 盟长 (a 盟's
 * government is its 行政公署); an 自治区's or 自治州's head is its 主席 or 州长 after the level
 * written (自治区副主席: bare_level_gov()).
 */
static const char *const govs[][3] = {
    {"省长", "省人民政府", "省"},     {"市长", "市人民政府", "市"},
    {"县长", "县人民政府", "县"},     {"区长", "区人民政府", "区"},
    {"州长", "州人民政府", "州"},     {"乡长", "乡人民政府", "乡"},
    {"镇长", "镇人民政府", "镇"},     {"旗长", "旗人民政府", "旗"},
    {"林区长", "林区人民政府", "林区"}, {"盟长", "盟行政公署", "盟"},
    {"", "自治区人民政府", "自治区"}, {"", "自治州人民政府", "自治州"},
    {"", "自治县人民政府", "自治县"}};

/*
 * The government of a level written bare before its head's post, whose unit post_unit() left
 * (自治区副主席, 自治州州长 → 自治区人民政府, 自治州人民政府): name when it is a level of govs[]
 * alone, else an empty view.
 */
static fg_strview bare_level_gov(fg_strview name)
{
    for (size_t g = 0; g < sizeof govs / sizeof *govs; g++)
        if (fg_sv_eq(name, fg_sv_cstr(govs[g][2])))
            return fg_sv_cstr(govs[g][1]);
    return fg_sv(NULL, 0);
}

/*
 * The government a head of government's post stands for, when name is such a post alone
 * (市长, 常务副市长, 副省长, 县长, 镇长, 盟长 …: 市人民政府, 省人民政府, 县人民政府, 镇人民政府,
 * 盟行政公署; govs[]), as 市人民政府市长 gives 市人民政府; else name.
 */
static fg_strview gov_of_post(fg_strview name)
{
    fg_strview post = name;

    for (size_t h = 0; h < N_POST_HEADS; h++)
        if (fg_sv_starts_n(post, post_heads[h].s, post_heads[h].n)) {
            post = fg_sv(post.ptr + post_heads[h].n, post.len - post_heads[h].n);
            break;
        }
    if (fg_sv_starts(post, "副"))
        post = fg_sv(post.ptr + 3, post.len - 3);
    /* every head's post of govs[] ends with 长 */
    if (!fg_sv_ends(post, "长"))
        return name;
    for (size_t g = 0; g < sizeof govs / sizeof *govs; g++)
        if (govs[g][0][0] != '\0' && fg_sv_eq(post, fg_sv_cstr(govs[g][0])))
            return fg_sv_cstr(govs[g][1]);
    return name;
}

static size_t open_bracket(fg_strview s);

/* Whether s[i] is a level of government: 省 市 县 区 州 旗 乡 镇. */
static bool level_at(fg_strview s, size_t i)
{
    static const char *const levels[] = {"省", "市", "县", "区", "州", "旗", "乡", "镇", NULL};

    for (size_t k = 0; levels[k]; k++)
        if (fg_sv_at(s, i, levels[k], 3))
            return true;
    return false;
}

/*
 * Where a level written at s[i] ends, with the levels it stands for in brackets after it
 * (县, 县（市、区）, 县（市）, 县(市、区)); SIZE_MAX when s[i] is no level.
 */
static size_t levels_end(fg_strview s, size_t i)
{
    size_t j;
    size_t open;

    if (!level_at(s, i))
        return SIZE_MAX;
    i += 3;
    if (!AT(s, i, "（") && !AT(s, i, "("))
        return i;
    open = AT(s, i, "(") ? 1 : 3;
    for (j = i + open; level_at(s, j) || AT(s, j, "、"); j += 3)
        ;
    if (j == i + open)
        return i;
    return AT(s, j, "）") ? j + 3 : AT(s, j, ")") ? j + 1 : i;
}

/*
 * Whether s is a place of 2 characters or more named by its level, which a post's unit never
 * is: 各区, 各乡镇, 长沙市, 各县（市、区）.
 */
static bool place_name(fg_strview s)
{
    size_t open;

    if (fg_parse__cps_upto(s, 2) < 2)
        return false;
    if (!fg_sv_ends(s, "）") && !fg_sv_ends(s, ")"))
        return s.len >= 3 && level_at(s, s.len - 3);
    open = open_bracket(s);
    return open != SIZE_MAX && open >= 6 && levels_end(s, open - 3) == s.len;
}

/*
 * The government of a place whose head of government's post name is (各区区长, 各乡镇镇长,
 * 长沙市副市长, 各县（市、区）县（市、区）长: 各区人民政府 …, the place's 人民政府), in buf (64
 * bytes); an empty view when name is no such post.
 */
static fg_strview place_gov(char *buf, fg_strview name)
{
    if (name.len < 12 || !fg_sv_ends(name, "长"))
        return fg_sv(NULL, 0);
    for (size_t p = 6; p + 6 <= name.len; p += fg_cp_len((unsigned char)name.ptr[p])) {
        size_t q = p;
        size_t e;

        for (size_t h = 0; h < N_POST_HEADS; h++)
            if (fg_sv_at(name, q, post_heads[h].s, post_heads[h].n)) {
                q += post_heads[h].n;
                break;
            }
        if (AT(name, q, "副"))
            q += 3;
        e = levels_end(name, q);
        if (e == name.len - 3 && place_name(fg_sv(name.ptr, p)) && p + 12 <= 63) {
            memcpy(buf, name.ptr, p);
            memcpy(buf + p, "人民政府", 12);
            return fg_sv(buf, p + 12);
        }
    }
    return fg_sv(NULL, 0);
}

/*
 * raw without the person's name written after its post and a blank (市长　王　明, 市发展改革委
 * 主任　赵　刚 → 市长, 市发展改革委主任): 2 or 3 ideographs, possibly spaced; else raw.
 */
static fg_strview drop_name_after(fg_strview raw)
{
    size_t i = 0;
    size_t n;
    size_t cps = 0;
    fg_strview head;

    while (i < raw.len && !fg_parse__is_space_at(raw, i, &n))
        i += fg_cp_len((unsigned char)raw.ptr[i]);
    if (i == raw.len)
        return raw;
    head = fg_sv(raw.ptr, i);
    if (!is_post_title(head) && !ends_with_post(head, true))
        return raw;
    while (i < raw.len) {
        if (fg_parse__is_space_at(raw, i, &n)) {
            i += n;
        } else if (all_ideographs(fg_sv(raw.ptr + i, i + 3 <= raw.len ? 3 : 0)) && cps < 4) {
            i += 3;
            cps++;
        } else {
            return raw;
        }
    }
    return cps >= 2 && cps <= 3 ? head : raw;
}

/*
 * Where the last opening bracket of name starts when name ends with a closing one after some
 * text (李四（省发展改革委主任）, 副镇长（王磊）), either width; else SIZE_MAX.
 */
static size_t final_bracket(fg_strview name)
{
    size_t open = SIZE_MAX;

    if (!fg_sv_ends(name, "）") && !fg_sv_ends(name, ")"))
        return SIZE_MAX;
    for (size_t i = 0; i < name.len; i += fg_cp_len((unsigned char)name.ptr[i]))
        if (AT(name, i, "（") || name.ptr[i] == '(')
            open = i;
    return open == 0 ? SIZE_MAX : open;
}

/*
 * name without a note on its person in brackets at its end (市发展改革委主任（兼秘书长）,
 * 市应急管理局局长（兼办公室主任）, 常务副市长（常务）, 市公安局副局长（正厅级）): a bracket after a
 * post title, or one that starts with 兼; else name. A post in brackets after a person's name
 * (李四（省发展改革委主任）) and a unit's other names (市委宣传部（市新闻出版局）) stay.
 */
static fg_strview drop_note(fg_strview name)
{
    size_t open = final_bracket(name);
    fg_strview in;

    if (open == SIZE_MAX)
        return name;
    in = fg_sv(name.ptr + open, name.len - open);
    if (ends_with_post(fg_sv(name.ptr, open), true) || AT(in, 0, "（兼") || AT(in, 0, "(兼"))
        return fg_parse__trim(fg_sv(name.ptr, open));
    return name;
}

/*
 * Whether name, as written, is a post with its person's name in brackets after it
 * (镇党委副书记（李红）, 副镇长（王磊）): 2 to 4 ideographs after a post title, none a note on
 * the person (drop_note(): 兼…, a rank 正厅级, 常务 or another word that stands before posts).
 * The person ends there: the next name of the list is another person's, never his next post.
 */
static bool bracket_person(fg_strview name)
{
    size_t open = final_bracket(name);
    size_t n;
    char buf[15];
    fg_strview in;

    if (open == SIZE_MAX || !ends_with_post(fg_sv(name.ptr, open), true))
        return false;
    n = AT(name, open, "（") ? 3 : 1;
    in = fg_sv(name.ptr + open + n, name.len - open - n - (fg_sv_ends(name, "）") ? 3 : 1));
    /* 高　翔: a name of 2 padded with a blank */
    for (size_t i = 0, w = 0; i <= in.len; i += n) {
        if (i == in.len || w + 3 > sizeof buf) {
            in = fg_sv(buf, w);
            break;
        }
        if (fg_parse__is_space_at(in, i, &n))
            continue;
        n = fg_cp_len((unsigned char)in.ptr[i]);
        if (n != 3 || i + n > in.len)
            return false;
        memcpy(buf + w, in.ptr + i, n);
        w += n;
    }
    if (!all_ideographs(in) || in.len < 6 || in.len > 12 || fg_sv_starts(in, "兼") ||
        fg_sv_starts(in, "正") || fg_sv_starts(in, "副") || fg_sv_ends(in, "级") ||
        ends_with_post(in, true) || fg_clause__looks_like_unit(in))
        return false;
    for (size_t h = 0; h < N_POST_HEADS; h++)
        if (fg_sv_starts_n(in, post_heads[h].s, post_heads[h].n))
            return false;
    return true;
}

/*
 * name without the charge written with no 的 between 分管 (or 协助分管) and the post that ends
 * name (各学院（部）分管教学副院长 → 各学院（部）, 市公安局分管治安副局长 → 市公安局): the field
 * of charge is 1 to 8 ideographs that do not end in 部门 or 单位 (分管部门负责人 are the
 * heads of units), and what is before 分管 is a unit; else name.
 */
static fg_strview charge_no_de(fg_strview name)
{
    size_t c = fg_sv_find(name, "分管");
    fg_strview before;
    fg_strview core;

    if (c == SIZE_MAX || c == 0)
        return name;
    before = fg_parse__trim(fg_sv(name.ptr, c >= 6 && AT(name, c - 6, "协助") ? c - 6 : c));
    core = before;
    /* 各学院（部）: the name before its bracket */
    if ((fg_sv_ends(before, "）") || fg_sv_ends(before, ")")) && open_bracket(before) > 0 &&
        open_bracket(before) != SIZE_MAX)
        core = fg_sv(before.ptr, open_bracket(before));
    if (!fg_clause__looks_like_unit(core))
        return name;
    for (size_t t = 0; t < N_POST_TITLES; t++) {
        size_t n = post_titles[t].n;
        fg_strview field;

        if (name.len < c + 6 + n || !fg_sv_ends_n(name, post_titles[t].s, n))
            continue;
        field = fg_sv(name.ptr + c + 6, name.len - n - c - 6);
        if (field.len > 0 && fg_parse__cps_upto(field, 9) <= 8 && all_ideographs(field) &&
            !fg_sv_ends(field, "部门") && !fg_sv_ends(field, "单位"))
            return before;
        return name;
    }
    return name;
}

/*
 * name without the charge its person holds, written before his post (分管水利工作的副县长 →
 * 副县长, 县政府分管教育工作的副县长 → 县政府, 协助分管教育工作的县政府办公室副主任 → 县政府
 * 办公室副主任): from 分管, 协助分管, 主管, 负责 or 联系 to the first 的 after it, at most 20
 * characters with no bracket or separator, when a post ends what follows. With a unit before the
 * charge and a post alone after it, the unit is the name; else what follows.
 */
static fg_strview drop_charge(fg_strview name)
{
    static const fg_lit charges[] = {FG_LIT("协助分管"), FG_LIT("分管"), FG_LIT("主管"),
                                     FG_LIT("负责"), FG_LIT("联系")};
    size_t d = fg_sv_find(name, "的");
    size_t c = SIZE_MAX;
    fg_strview before;
    fg_strview after;

    if (d == SIZE_MAX)
        return charge_no_de(name);
    for (size_t i = 0; i < d && c == SIZE_MAX; i += fg_cp_len((unsigned char)name.ptr[i]))
        for (size_t k = 0; k < sizeof charges / sizeof charges[0] && c == SIZE_MAX; k++)
            if (fg_sv_at(name, i, charges[k].s, charges[k].n))
                c = i;
    if (c == SIZE_MAX || fg_parse__cps_upto(fg_sv(name.ptr + c, d - c), 21) > 20 ||
        open_bracket(fg_sv(name.ptr + c, d - c)) != SIZE_MAX ||
        fg_sv_contains(fg_sv(name.ptr + c, d - c), "，"))
        return name;
    before = fg_sv(name.ptr, c);
    after = fg_sv(name.ptr + d + 3, name.len - d - 3);
    if (!ends_with_post(after, true) && !is_post_title(after))
        return name;
    if (before.len && is_post_title(after) && fg_clause__looks_like_unit(before))
        return before;
    return after;
}

static bool next_post(fg_strview prev, fg_strview raw, fg_strview u);
static fg_strview rank_unit(char *buf, fg_strview r, fg_strview u);

/* Copy s into buf (64 bytes) unless it is there already or too long; the copy, or s. */
static fg_strview keep_in(char *buf, fg_strview s)
{
    if (s.ptr == buf || s.len > 63)
        return s;
    memmove(buf, s.ptr, s.len);
    return fg_sv(buf, s.len);
}

/*
 * The unit of a person's posts in brackets, in (县委常委、宣传部部长, without the brackets),
 * read as a list's names after his name are (add_team_list()): a post after a rank is the
 * same person's (next_post()), and a department written there without its level is the
 * rank's unit's (rank_unit(): 县委常委、宣传部部长 → 县委宣传部), a post title alone leaves
 * the rank's unit (市水利局党组书记、局长 → 市水利局). True with *out in buf (64 bytes) when
 * the last post is such a next post; else false, and the last post gives the unit, as before.
 */
static bool bracket_posts(char *buf, fg_strview in, fg_strview *out)
{
    char rb[64];
    char ub[64];
    char jb[64];
    fg_strview prev;
    fg_strview r;
    bool joined = false;
    size_t sep = fg_sv_find(in, "、");

    if (sep == SIZE_MAX)
        return false;
    prev = fg_parse__trim(fg_sv(in.ptr, sep));
    if (open_bracket(prev) != SIZE_MAX)
        return false;
    r = keep_in(rb, post_unit(rb, prev));
    while (sep != SIZE_MAX) {
        size_t from = sep + 3;
        fg_strview q;
        fg_strview u;

        sep = fg_parse__find_from(in, from, "、");
        q = fg_parse__trim(fg_sv(in.ptr + from, (sep == SIZE_MAX ? in.len : sep) - from));
        if (q.len == 0 || open_bracket(q) != SIZE_MAX)
            return false;
        u = post_unit(ub, q);
        joined = next_post(prev, q, u);
        if (!joined)
            r = u;
        else if (!is_post_title(u))
            r = rank_unit(jb, r, u);
        r = keep_in(rb, r);
        prev = q;
    }
    if (!joined || r.len == 0 || r.len > 63)
        return false;
    memcpy(buf, r.ptr, r.len);
    *out = fg_sv(buf, r.len);
    return true;
}

/*
 * The unit of one name given as a person's post (rule 4), a view into name (or name itself,
 * or a static string: gov_of_post(), or buf, 64 bytes: place_gov()).
 */
static fg_strview post_unit(char *buf, fg_strview name)
{
    size_t n;
    size_t k;
    fg_strview last = fg_sv(NULL, 0);
    fg_strview before = fg_sv(NULL, 0);
    fg_strview gov;
    bool stripped = true;
    size_t whole; /* the length of name before its post titles are stripped */

    name = drop_charge(drop_name_after(drop_note(fg_parse__trim(name))));
    if (fg_sv_contains(name, "或"))
        return name;
    /*
     * 李四（省发展改革委主任）: a short name, then the post in brackets; 省水利厅（名单附后）: a
     * unit, then a note.
     */
    k = fg_sv_find(name, "（");
    if (k == SIZE_MAX)
        k = fg_sv_find(name, "(");
    if (k != SIZE_MAX && k > 0 && (fg_sv_ends(name, "）") || fg_sv_ends(name, ")"))) {
        size_t open = AT(name, k, "(") ? 1 : 3;
        size_t cps = fg_parse__cps_upto(fg_sv(name.ptr, k), 6);
        fg_strview in = fg_sv(name.ptr + k + open, name.len - k - open);

        if (fg_sv_ends(in, "）"))
            in.len -= 3;
        else if (fg_sv_ends(in, ")"))
            in.len -= 1;
        in = fg_parse__trim(in);
        if (cps >= 2 && cps <= 4 && !unit_not_name(fg_sv(name.ptr, k))) {
            size_t sep;
            fg_strview ranked;

            /* 李春生（县委常委、宣传部部长）: a rank's unit and the next post (bracket_posts()) */
            if (bracket_posts(buf, in, &ranked))
                return ranked;
            /* 王建国（县委副书记、县长）: a person's posts, the last one his unit's. */
            while ((sep = fg_sv_find(in, "、")) != SIZE_MAX)
                in = fg_parse__trim(fg_sv(in.ptr + sep + 3, in.len - sep - 3));
            name = in;
        }
        /* 省水利厅（名单附后）: a note; not an alias, nor 学生工作部（处） as the clauses read it */
        else if (!fg_clause__looks_like_unit(in) && !ends_with_post(in, true) &&
                 fg_clause__name_bracket(fg_sv(name.ptr, k), name, k) != name.len - k)
            name = fg_parse__trim(fg_sv(name.ptr, k));
    }
    /* 张三　省政府副省长, 王　五　财政部副部长: the last part that is not a post alone. */
    for (size_t i = 0; i < name.len;) {
        size_t e = i;

        while (e < name.len && !fg_parse__is_space_at(name, e, &n))
            e += fg_cp_len((unsigned char)name.ptr[e]);
        if (e > i) {
            before = last;
            last = fg_sv(name.ptr + i, e - i);
        }
        i = e;
        while (i < name.len && fg_parse__is_space_at(name, i, &n))
            i += n;
    }
    if (last.len && last.len < name.len) {
        fg_strview cut = last;

        /* 省发展改革委　主任: the unit before a post alone; 张三　市长: the post */
        if (is_post_title(last) && unit_not_name(before))
            cut = before;
        if (cut.len)
            name = cut;
    }
    /* 市发展改革委主任赵六: a person's name of 2 or 3 characters after the post. */
    if (!fg_clause__looks_like_unit(name) && !ends_with_post(name, true)) {
        for (size_t cut = 6; cut <= 9 && cut < name.len; cut += 3) {
            fg_strview head = fg_sv(name.ptr, name.len - cut);

            if (ends_with_post(head, false) &&
                all_ideographs(fg_sv(name.ptr + head.len, name.len - head.len))) {
                name = head;
                break;
            }
        }
    }
    /* 省政府副省长李文华同志: the person's name after the post goes with 同志. */
    if (fg_sv_ends(name, "同志") && !fg_sv_ends(name, "负责同志") && name.len > 6) {
        name.len -= 6;
        for (size_t cut = 6; cut <= 9 && cut < name.len; cut += 3) {
            fg_strview head = fg_sv(name.ptr, name.len - cut);

            if (ends_with_post(head, false)) {
                name = head;
                break;
            }
        }
    }
    /*
     * A trailing post title, then a 常务/分管 … before it; never the whole name: a post alone
     * (常务副市长) stays, and a head of government's stands for its government (gov_of_post()).
     */
    gov = place_gov(buf, name);
    if (gov.len)
        return gov;
    whole = name.len;
    stripped = ends_with_post(name, false);
    while (stripped) {
        fg_strview rest = name;

        stripped = false;
        for (size_t t = 0; t < N_POST_TITLES; t++) {
            size_t len = post_titles[t].n;

            /* 副县长 is a post whole, not 副 and 县长 */
            if (rest.len == len && fg_sv_ends_n(rest, post_titles[t].s, len))
                break;
            /*
             * 镇党委委员: 镇党委 and 委员, as 镇党委书记 is 镇党委 and 书记 (no unit is one
             * character): a 党委 post after one character keeps the 党委.
             */
            if (rest.len == len + 3 && len > 6 && fg_sv_ends_n(rest, post_titles[t].s, len) &&
                fg_sv_starts_n(fg_sv(post_titles[t].s, len), "党委", 6)) {
                rest.len -= len - 6;
                break;
            }
            /* 镇党委书记: 镇党委 and 书记, as no unit is one character (镇) */
            if (rest.len > len + 3 && fg_sv_ends_n(rest, post_titles[t].s, len)) {
                rest.len -= len;
                stripped = true;
                /*
                 * 武装部长, 县委组织部长, 镇派出所长: the unit's last character and 长 (部长 of
                 * 武装部), written once; the unit is what is before with that character.
                 */
                if (len == 6 && AT(name, rest.len + 3, "长") &&
                    !fg_clause__looks_like_unit(rest) &&
                    fg_clause__looks_like_unit(fg_sv(rest.ptr, rest.len + 3))) {
                    rest.len += 3;
                    stripped = false;
                    break;
                }
                /* 各乡镇党委书记: a place's 党委 is the unit, 各乡镇党委 */
                if (fg_sv_starts_n(fg_sv(post_titles[t].s, len), "党委", 6) &&
                    place_name(rest)) {
                    rest.len += 6;
                    stripped = false;
                    break;
                }
                for (size_t h = 0; h < N_POST_HEADS; h++) {
                    size_t hl = post_heads[h].n;

                    if (rest.len >= hl && fg_sv_ends_n(rest, post_heads[h].s, hl)) {
                        rest.len -= hl;
                        break;
                    }
                }
                break;
            }
        }
        /* 市公安局法制科科长: a head's post named by its unit's noun (own_head_post()) */
        if (!stripped && rest.len == name.len && own_head_post(rest) > 0) {
            rest.len -= own_head_post(rest);
            stripped = true;
        }
        if (rest.len == 0)
            break;
        name = rest;
    }
    if (name.len < whole && bare_level_gov(name).len > 0)
        return bare_level_gov(name);
    return gov_of_post(name);
}

/*
 * Whether a name left by post_unit() is a person's (王海涛同志兼任办公室主任): at most 4
 * characters, not a unit, not a post title kept whole (省长).
 */
static bool is_person(fg_strview u)
{
    if (fg_parse__cps_upto(u, 5) > 4 || unit_not_name(u))
        return false;
    return !is_post_title(u);
}

/*
 * Whether post_unit() took a post title other than 同志 off raw to leave u (镇人大主席 →
 * 镇人大): what is left of a post is a unit, however short.
 */
static bool post_stripped(fg_strview raw, fg_strview u)
{
    fg_strview rest;

    if (u.len == 0 || u.ptr < raw.ptr || u.ptr + u.len >= raw.ptr + raw.len)
        return false;
    rest = fg_sv(u.ptr + u.len, (size_t)(raw.ptr + raw.len - (u.ptr + u.len)));
    for (size_t h = 0; h < N_POST_HEADS; h++)
        if (fg_sv_starts_n(rest, post_heads[h].s, post_heads[h].n)) {
            rest = fg_sv(rest.ptr + post_heads[h].n, rest.len - post_heads[h].n);
            break;
        }
    for (size_t t = 0; t < N_POST_TITLES; t++)
        if (fg_sv_starts_n(rest, post_titles[t].s, post_titles[t].n))
            return !fg_sv_starts(rest, "同志");
    /* 市公安局法制科 of 市公安局法制科科长 (own_head_post()) */
    for (size_t n = 6; n <= 9 && n <= rest.len; n += 3)
        if (own_head_post(fg_sv(u.ptr, (size_t)(rest.ptr - u.ptr) + n)) == n)
            return true;
    return false;
}

/* The offset of the first bracket of s, full- or half-width, or SIZE_MAX. */
static size_t open_bracket(fg_strview s)
{
    for (size_t i = 0; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i]))
        if (AT(s, i, "（") || s.ptr[i] == '(')
            return i;
    return SIZE_MAX;
}

/*
 * Whether u holds a 、 inside brackets (各县（市、区）人民政府): one name, which the list
 * splitter of the clauses would cut there.
 */
static bool inner_sep(fg_strview u)
{
    return list_sep_from(u, 0) == SIZE_MAX && fg_sv_contains(u, "、");
}

/*
 * Where a 和 or 及 after the last closing bracket of u, a name whose bracket holds a 、
 * (inner_sep()), joins two units (各县（市、区）人民政府和市直有关单位: both halves look like
 * units, as the clauses split them); else SIZE_MAX.
 */
static size_t joiner_after_bracket(fg_strview u)
{
    size_t close = SIZE_MAX;

    for (size_t i = 0; i < u.len; i += fg_cp_len((unsigned char)u.ptr[i]))
        if (AT(u, i, "）") || u.ptr[i] == ')')
            close = i;
    if (close == SIZE_MAX)
        return SIZE_MAX;
    for (size_t i = close; i < u.len; i += fg_cp_len((unsigned char)u.ptr[i]))
        if ((AT(u, i, "和") || AT(u, i, "及")) && i + 3 < u.len &&
            fg_clause__looks_like_unit(fg_sv(u.ptr, i)) &&
            fg_clause__looks_like_unit(fg_sv(u.ptr + i + 3, u.len - i - 3)))
            return i;
    return SIZE_MAX;
}

/*
 * The unit of one name of a team list: post_unit(), then a list of the unit's other names in
 * brackets at its end dropped, as the clauses drop it (市委宣传部（市新闻出版局、市电影局）);
 * buf (64 bytes) may hold it (post_unit()).
 */
static fg_strview list_unit(char *buf, fg_strview raw)
{
    fg_strview u = post_unit(buf, raw);

    if (inner_sep(u) && (fg_sv_ends(u, "）") || fg_sv_ends(u, ")"))) {
        size_t k = open_bracket(u);

        if (k > 0 && k != SIZE_MAX && fg_clause__looks_like_unit(fg_parse__trim(fg_sv(u.ptr, k))))
            u = fg_parse__trim(fg_sv(u.ptr, k));
    }
    return u;
}

/*
 * The index of the team named name, or SIZE_MAX. Only the last 64 teams are looked at, so
 * that a document naming a team on every line stays linear; no real one names that many.
 */
static size_t team_named(const parser *p, fg_strview name)
{
    for (size_t i = p->n_teams; i-- > 0 && i + 64 >= p->n_teams;)
        if (strlen(p->teams[i].name) == name.len && memcmp(p->teams[i].name, name.ptr,
                                                           name.len) == 0)
            return i;
    return SIZE_MAX;
}

/* A hash of row k's team, role and name. */
static uint64_t row_hash(const parser *p, size_t k)
{
    const fg_unit *u = &p->team_units.v[k];
    const unsigned char *c = (const unsigned char *)p->team_units.names.ptr + u->off;
    uint64_t h = 1469598103934665603u ^ ((uint64_t)p->team_of[k] << 8) ^ (uint64_t)u->role;

    for (size_t i = 0; i < u->len; i++)
        h = (h ^ c[i]) * 1099511628211u;
    return h ^ (h >> 29);
}

static bool same_row(const parser *p, size_t a, size_t b)
{
    const fg_unit *x = &p->team_units.v[a];
    const fg_unit *y = &p->team_units.v[b];

    return p->team_of[a] == p->team_of[b] && x->role == y->role && x->len == y->len &&
           memcmp(p->team_units.names.ptr + x->off, p->team_units.names.ptr + y->off,
                  x->len) == 0;
}

/*
 * Row k in the table of rows (p->row_set, slots hold a row index + 1): the index of an equal
 * row already there, or SIZE_MAX after adding k.
 */
static size_t row_set_add(parser *p, size_t k)
{
    size_t mask = p->cap_row_set - 1;

    for (size_t j = row_hash(p, k) & mask;; j = (j + 1) & mask) {
        if (p->row_set[j] == 0) {
            p->row_set[j] = k + 1;
            return SIZE_MAX;
        }
        if (same_row(p, p->row_set[j] - 1, k))
            return p->row_set[j] - 1;
    }
}

/* Make room in p->row_set for n rows (at most half full), rehashing rows 0 .. first. */
static int row_set_reserve(parser *p, size_t n, size_t first)
{
    size_t cap = p->cap_row_set ? p->cap_row_set : 64;
    size_t *v;

    if (n * 2 <= p->cap_row_set)
        return FG_OK;
    while (cap < n * 2)
        cap *= 2;
    v = calloc(cap, sizeof *v);
    if (v == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    free(p->row_set);
    p->row_set = v;
    p->cap_row_set = cap;
    for (size_t k = 0; k < first; k++)
        (void)row_set_add(p, k);
    return FG_OK;
}

/*
 * Drop the rows from first on that repeat an earlier row of their team and role. Expected
 * linear in the rows: each row is hashed once (and again when the table grows).
 */
static int drop_repeats(parser *p, size_t first)
{
    fg_units *tu = &p->team_units;
    size_t w = first;
    int rc = row_set_reserve(p, tu->n, first);

    if (rc < 0)
        return rc;
    for (size_t k = first; k < tu->n; k++) {
        tu->v[w] = tu->v[k];
        p->team_of[w] = p->team_of[k];
        if (row_set_add(p, w) == SIZE_MAX)
            w++;
    }
    tu->n = w;
    return FG_OK;
}

/* Record team for the rows from first on. */
static int own_rows(parser *p, size_t first, size_t team)
{
    int rc = FG_OK;

    while (p->cap_team_of < p->team_units.n)
        FG_TRY(fg_parse__grow((void **)&p->team_of, &p->cap_team_of, p->cap_team_of,
                              sizeof *p->team_of));
    for (size_t k = first; k < p->team_units.n; k++)
        p->team_of[k] = team;
    FG_TRY(drop_repeats(p, first));
out:
    return rc;
}

/*
 * One name kept whole (an 或-alternative of posts, a name with a list in its brackets): a row
 * of its own and kind, not split.
 */
static int add_whole(parser *p, fg_team_role role, fg_strview who, fg_kind kind)
{
    fg_units *tu = &p->team_units;
    size_t off = tu->names.len;
    int rc = FG_OK;

    /* The name and its NUL, as fg_units keeps them. */
    FG_TRY(fg_str_reserve(&tu->names, who.len + 1));
    FG_TRY(fg_parse__grow((void **)&tu->v, &tu->cap, tu->n, sizeof *tu->v));
    FG_TRY(fg_str_append(&tu->names, who.ptr, who.len));
    tu->names.len++;
    tu->names.ptr[tu->names.len] = '\0';
    tu->v[tu->n].role = (fg_role)role;
    tu->v[tu->n].kind = kind;
    tu->v[tu->n].off = off;
    tu->v[tu->n].len = who.len;
    tu->v[tu->n].key = 0; // no unit is compared with a whole name
    tu->n++;
out:
    return rc;
}

/* Split the list in p->team_list into rows of role. */
static int flush_list(parser *p, fg_team_role role)
{
    size_t before = p->team_units.n;
    size_t extra = 0;
    int rc = FG_OK;

    if (p->team_list.len == 0)
        return FG_OK;
    FG_TRY(fg_clause__split_list(&p->team_units, fg_sv(p->team_list.ptr, p->team_list.len),
                                 FG_ROLE_LEAD));
    /*
     * share_prefixes() appends each name it changes (a level of at most 6 bytes, the name, a
     * NUL) from views into the names: room for all of them first, so that none moves.
     */
    for (size_t k = before; k < p->team_units.n; k++)
        extra += p->team_units.v[k].len + 8;
    FG_TRY(fg_units_reserve(&p->team_units, 1, extra));
    FG_TRY(fg_clause__share_prefixes(&p->team_units, before));
    for (size_t k = before; k < p->team_units.n; k++)
        p->team_units.v[k].role = (fg_role)role;
    fg_str_clear(&p->team_list);
out:
    return rc;
}

/*
 * Whether u is a unit and no person's name: a unit of 4 characters or more, or a shorter one
 * ending in 部委局厅署办院 (财政部, 省委); 吴建军 ends like a unit (军) but is a name.
 */
static bool surely_unit(fg_strview u)
{
    static const char *const ends[] = {"部", "委", "局", "厅", "署", "办", "院", NULL};

    if (u.len == 0 || !fg_clause__looks_like_unit(u))
        return false;
    if (fg_parse__cps_upto(u, 4) >= 4)
        return true;
    for (size_t k = 0; ends[k]; k++)
        if (fg_sv_ends(u, ends[k]))
            return true;
    return false;
}

static bool person_led(fg_strview s);

/*
 * Where the first run of two blanks or more of s at or after from starts, or s.len; *n
 * receives its length in bytes (0 at s.len).
 */
static size_t blank_gap_from(fg_strview s, size_t from, size_t *n)
{
    size_t k;

    for (size_t i = from; i < s.len;) {
        size_t j = i;
        int blanks = 0;

        while (fg_parse__is_space_at(s, j, &k)) {
            j += k;
            blanks++;
        }
        if (blanks >= 2) {
            *n = j - i;
            return i;
        }
        i = blanks > 0 ? j : i + fg_cp_len((unsigned char)s.ptr[i]);
    }
    *n = 0;
    return s.len;
}

static bool post_led(fg_strview raw);

/*
 * Whether el is two or more persons side by side, apart by runs of two blanks or more, each a
 * name, a blank and a post (张　三　市财政局局长　　李　四　市公安局副局长: a 名单 printed
 * two-up) or each a post, a blank and a name (省民政厅副厅长　郑　军　　　省财政厅副厅长　王　芳,
 * 市政府秘书长　赵东明　　市住房城乡建设局局长　孙晓峰: post_led()), or each a name and a post
 * apart by such a run too (张　三　　市财政局局长　　　李　四　　市公安局副局长: a two-up table
 * drawn without its rules, as a PDF gives it); *paired receives the last. Those runs then
 * separate names as 、 does. 王建民　　市人民政府常务副市长 is one person (one name and one post
 * are no two persons).
 */
static bool two_up_persons(fg_strview el, bool *paired)
{
    fg_strview parts[16];
    size_t np = 0;
    size_t n;
    bool led = true;
    bool post_first = true;
    bool pairs = true;

    *paired = false;
    /* most names hold no run of blanks: U+3000 U+3000, or ASCII blanks at all */
    if (memchr(el.ptr, ' ', el.len) == NULL && memchr(el.ptr, '\t', el.len) == NULL &&
        fg_sv_find(el, "\u3000\u3000") == SIZE_MAX)
        return false;
    if (blank_gap_from(el, 0, &n) == el.len)
        return false;
    for (size_t a = 0; a < el.len;) {
        size_t b = blank_gap_from(el, a, &n);

        if (np == sizeof parts / sizeof parts[0])
            return false;
        parts[np++] = fg_parse__trim(fg_sv(el.ptr + a, b - a));
        a = b + n;
    }
    for (size_t k = 0; k < np; k++) {
        led = led && person_led(parts[k]);
        post_first = post_first && post_led(parts[k]);
        pairs = pairs && (k % 2 == 0 ? name_cell(parts[k]) : ends_with_post(parts[k], true));
    }
    *paired = !led && !post_first && pairs && np % 2 == 0 && np >= 4;
    return ((led || post_first) && np >= 2) || *paired;
}

/*
 * Copy list into out with the U+3000 runs of each 、-element turned into 、 when two or more
 * of its parts are units (省发展改革委　省财政厅), or when every part is a unit and a run of two
 * U+3000 or more stands between them (教务处　　　　宣传部, a 名单 printed two-up without
 * colons: no name of 3 characters in 处 or 科 is a person's), but not when one is a person's
 * name or a post alone (王　五　财政部副部长, 国家发展改革委　副主任).
 */
static int split_blank_units(fg_str *out, fg_strview list)
{
    char gov[64]; /* post_unit() */
    bool paired;  /* two_up_persons() */
    int rc = FG_OK;

    fg_str_clear(out);
    for (size_t i = 0; i <= list.len;) {
        size_t e = list_sep_from(list, i);
        fg_strview el;
        size_t units = 0;

        if (e == SIZE_MAX)
            e = list.len;
        el = fg_sv(list.ptr + i, e - i);
        if (two_up_persons(fg_parse__trim(el), &paired)) {
            size_t n;
            size_t k = 0;

            el = fg_parse__trim(el);
            for (size_t a = 0; a < el.len; k++) {
                size_t b = blank_gap_from(el, a, &n);

                /* 张　三　　市财政局局长: a person, a blank, his post (person_led()) */
                if (paired && k % 2 == 1)
                    FG_TRY(fg_str_append(out, "\u3000", 3));
                else if (out->len)
                    FG_TRY(fg_str_append(out, "、", 3));
                FG_TRY(fg_str_append(out, el.ptr + a, b - a));
                a = b + n;
            }
            i = e + 3;
            continue;
        }
        if (fg_sv_contains(el, "\u3000")) {
            size_t parts = 0;
            bool all = true; /* every part gives a unit, none is a person's name */

            for (size_t a = 0; a < el.len;) {
                size_t b = fg_parse__find_from(el, a, "\u3000");
                fg_strview u;

                if (b == SIZE_MAX)
                    b = el.len;
                if (b > a) {
                    u = post_unit(gov, fg_sv(el.ptr + a, b - a));
                    units += surely_unit(u);
                    all = all && unit_not_name(u);
                    parts++;
                }
                a = b + 3;
            }
            /* 教务处　　　　宣传部, 总务科　　　　保卫科: units side by side, a 名单 printed
             * two-up, apart by a run of blanks that no name holds */
            if (units < 2 && all && parts >= 2 && fg_sv_contains(el, "\u3000\u3000"))
                units = parts;
        }
        if (out->len)
            FG_TRY(fg_str_append(out, "、", 3));
        for (size_t a = 0; a < el.len;) {
            size_t b = units >= 2 ? fg_parse__find_from(el, a, "\u3000") : SIZE_MAX;

            if (b == SIZE_MAX)
                b = el.len;
            if (b > a) {
                if (a > 0 && units >= 2)
                    FG_TRY(fg_str_append(out, "、", 3));
                FG_TRY(fg_str_append(out, el.ptr + a, b - a));
            }
            a = b + (b < el.len ? 3 : 0);
            while (units >= 2 && AT(el, a, "\u3000"))
                a += 3;
        }
        i = e + 3;
    }
out:
    return rc;
}

bool fg_parse__has_blank(fg_strview s)
{
    size_t n;

    for (size_t i = 0; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i]))
        if (fg_parse__is_space_at(s, i, &n))
            return true;
    return false;
}

/*
 * Whether s is a person's name of 2 to 4 characters, a blank, then more (李明　市委常委); a
 * name of 2 padded to the width of 3 with a blank between its characters (何　静　市水利局局长)
 * is one name.
 */
static bool person_led(fg_strview s)
{
    size_t n;
    size_t i = 0;
    fg_strview head;

    while (i < s.len && !fg_parse__is_space_at(s, i, &n))
        i += fg_cp_len((unsigned char)s.ptr[i]);
    if (i == 3 && all_ideographs(fg_sv(s.ptr, 3)) && fg_parse__is_space_at(s, i, &n)) {
        size_t j = i + n;

        /* 何　静: one character, a blank, one character, a blank */
        if (j + 3 < s.len && all_ideographs(fg_sv(s.ptr + j, 3)) &&
            fg_parse__is_space_at(s, j + 3, &n))
            return true;
    }
    if (i >= s.len)
        return false;
    head = fg_sv(s.ptr, i);
    return all_ideographs(head) && head.len >= 6 && head.len <= 12 &&
           !unit_not_name(head) && !is_post_title(head);
}

/* Ranks a person holds beside a post that names his unit (市委常委、常务副市长). */
static const fg_lit rank_posts[] = {FG_LIT("常委"), FG_LIT("党组书记"), FG_LIT("党组副书记"),
                                    FG_LIT("党组成员"), FG_LIT("党委委员")};

/*
 * Whether raw, a post with no blank of its own, comes right after a name ending with a rank
 * (rank_posts): the same person's next post, a post alone (市水利局党组书记、局长; 市委常委、
 * 常务副市长) or a post in a unit (市委常委、宣传部部长; 市政府党组成员、市发展改革委主任).
 * After a 副书记, a post of its own rather than a rank, only a post alone is (市委副书记、市长
 * is one person, 镇党委副书记、镇人大主席 two), after a 书记 only a post title alone that names
 * no unit (集团党委书记、董事长; 市委书记、市长 are two); u is raw once read by post_unit().
 */
static bool next_post(fg_strview prev, fg_strview raw, fg_strview u)
{
    bool rank = false;

    raw = drop_name_after(raw); // 市委副书记、市长　王明: the person's name ends his posts
    if (prev.len == 0 || fg_parse__has_blank(raw) || !ends_with_post(raw, true))
        return false;
    for (size_t r = 0; r < sizeof rank_posts / sizeof rank_posts[0] && !rank; r++)
        rank = fg_sv_ends_n(prev, rank_posts[r].s, rank_posts[r].n);
    /* a post title alone, or a head of government's post alone (镇长, 常务副县长) */
    if (!rank && fg_sv_ends(prev, "副书记"))
        rank = is_post_title(u) || gov_of_post(raw).ptr != raw.ptr;
    /*
     * After a 书记, a post title alone that names no unit (集团党委书记、董事长: one person, as
     * a company's secretary chairs its board); a head of government is another person
     * (市委书记、市长, 镇党委书记、镇长: post_unit() gives his government, no post title).
     */
    if (!rank && fg_sv_ends(prev, "书记"))
        rank = is_post_title(u);
    return rank;
}

/*
 * The unit of a person's next post u after the unit r of his rank or first post (both once
 * read by post_unit()): a department written without its level (2 to 6 characters, none of
 * 省市县区州 in it, not 国家… or 各…) is r's, as in the clauses' shared prefixes: one ending in
 * 部 or 室, or a 工会, takes r whole, whatever r is (市委 + 宣传部 → 市委宣传部, 县委 + 办公室 →
 * 县委办公室, 区水务集团 + 工会 → 区水务集团工会), one ending in 厅 局 委 办 takes r's level when r
 * is a unit of at most 5 characters that starts with its level (市委 + 政法委 → 市政法委, 市政府
 * + 财政局 → 市财政局). Else u; buf (64 bytes) holds a joined name.
 */
static fg_strview rank_unit(char *buf, fg_strview r, fg_strview u)
{
    static const char *const levels[] = {"省", "市", "县", "区", "州", NULL};
    static const char *const whole[] = {"部", "室", NULL};
    static const char *const dept[] = {"厅", "局", "委", "办", NULL};
    size_t cps = fg_parse__cps_upto(u, 7);
    bool has_whole = false;
    bool has_dept = false;
    bool has_level = false;
    fg_strview pre;

    if (cps < 2 || cps > 6 || !fg_clause__looks_like_unit(r) || fg_sv_starts(r, "市场") ||
        fg_sv_starts(u, "国家") || fg_sv_starts(u, "国务院") || fg_sv_starts(u, "各"))
        return u;
    for (size_t i = 0; i < u.len; i += fg_cp_len((unsigned char)u.ptr[i]))
        for (size_t k = 0; levels[k]; k++)
            if (fg_sv_at(u, i, levels[k], 3) && !AT(u, i, "市场"))
                return u;
    for (size_t k = 0; levels[k] && !has_level; k++)
        has_level = fg_sv_starts(r, levels[k]);
    for (size_t k = 0; whole[k]; k++)
        has_whole = has_whole || fg_sv_ends(u, whole[k]);
    has_whole = has_whole || fg_sv_eq(u, fg_sv_cstr("工会"));
    for (size_t k = 0; dept[k]; k++)
        has_dept = has_dept || fg_sv_ends(u, dept[k]);
    /* a body of r's own takes r however it is named; a department r's level only */
    pre = has_whole ? r : fg_sv(r.ptr, 3);
    if (!has_whole && (!has_dept || !has_level || fg_parse__cps_upto(r, 6) > 5))
        return u;
    if (pre.len + u.len > 63)
        return u;
    memcpy(buf, pre.ptr, pre.len);
    memcpy(buf + pre.len, u.ptr, u.len);
    return fg_sv(buf, pre.len + u.len);
}

/*
 * The next name of a team list from list[*i] on, as written (*raw, its note dropped) and as a
 * unit (*u, list_unit() with its buffer gov); *closed tells whether its person's name in
 * brackets ends it (bracket_person()); *i moves past its separator. False at the end.
 */
static bool next_list_name(fg_strview list, size_t *i, char *gov, fg_strview *raw, fg_strview *u,
                           bool *closed)
{
    size_t e;

    if (*i > list.len)
        return false;
    e = list_sep_from(list, *i);
    if (e == SIZE_MAX)
        e = list.len;
    *raw = fg_parse__trim(fg_sv(list.ptr + *i, e - *i));
    *closed = bracket_person(*raw);
    *raw = drop_note(*raw);
    *u = list_unit(gov, *raw);
    *i = e + 3;
    return true;
}

/* Whether raw is a post written alone, no person's name before or after it (市政府副市长). */
static bool bare_post(fg_strview raw)
{
    return !fg_parse__has_blank(raw) && ends_with_post(raw, true) && !person_led(raw);
}

/*
 * Whether the names of list from list[i] on are posts alone up to one with a person's name
 * after it and a blank (市公安局局长　王建军): then the bare posts before them in the list are
 * that person's too (市政府副市长、市公安局局长　王建军 is one person), and the last of them
 * gives his unit, as in brackets (王建国（县委副书记、县长）).
 */
static bool name_ends_posts(fg_strview list, size_t i)
{
    char gov[64];
    fg_strview raw;
    fg_strview u;
    bool closed;

    while (next_list_name(list, &i, gov, &raw, &u, &closed)) {
        fg_strview post = drop_name_after(raw);

        if (post.len < raw.len)
            return bare_post(post);
        if (!bare_post(raw) || closed)
            return false;
    }
    return false;
}

/*
 * Whether raw is a post followed by a blank and a person's name (院长　林志远, 市财政局局长　孙　丽:
 * drop_name_after()): a person, also when the post alone names no unit (a head of the
 * institution, kept whole), so that such a list line goes on the label's list.
 */
static bool post_led(fg_strview raw)
{
    fg_strview post = drop_name_after(raw);

    return post.len < raw.len && !fg_parse__has_blank(post);
}

/*
 * Whether the blank at list[i] pads a person's name of 2 characters that a bracketed post
 * follows (周　强（县政府办公室主任）　吴　斌（…）, several persons a line): one ideograph
 * after the list's start, a blank, a 、 or a closing bracket, the blank, one ideograph and
 * the bracket. Such a name is one person, and the blank in it is no separator of units.
 */
static bool padded_name_blank(fg_strview list, size_t i)
{
    size_t n;
    size_t m;

    if (i < 3 || !all_ideographs(fg_sv(list.ptr + i - 3, 3)) ||
        !fg_parse__is_space_at(list, i, &n) || i + n + 3 >= list.len ||
        !all_ideographs(fg_sv(list.ptr + i + n, 3)) ||
        !(AT(list, i + n + 3, "（") || list.ptr[i + n + 3] == '('))
        return false;
    if (i == 3 || (i >= 6 && (AT(list, i - 6, "、") || AT(list, i - 6, "）"))) ||
        list.ptr[i - 4] == ')')
        return true;
    /* a blank before the first character: U+3000, U+00A0 or an ASCII blank or tab */
    for (size_t b = i - 3 > 3 ? i - 3 - 3 : 0; b < i - 3; b++)
        if (fg_parse__is_space_at(list, b, &m) && b + m == i - 3)
            return true;
    return false;
}

/*
 * Add the names of list (、-separated, rule 4) to team with role. With only_units, nothing
 * is added unless every name looks like a unit once its post is dropped (a list line that
 * continues a label); *took tells whether names were taken.
 */
static int add_team_list(parser *p, size_t team, fg_team_role role, fg_strview list,
                         bool only_units, bool *took)
{
    size_t before = p->team_units.n;
    fg_strview prev = fg_sv(NULL, 0); /* the name before, for next_post() */
    size_t person = SIZE_MAX; /* where the unit of the last person starts in team_list */
    bool named = false;       /* that person was named (李明　市委常委): his posts follow */
    bool more;                /* a post alone after a named person's: his next post */
    char joined[64];          /* rank_unit() */
    char gov[64];             /* list_unit() */
    fg_strview raw;           /* a name of the list as written */
    fg_strview u;             /* its unit */
    bool chain = false;       /* the name before is a post of the person named further on */
    bool alone = false;       /* the name before is a post alone of the person before it */
    bool run = false;         /* and so was the name before it: chain holds for the whole run */
    bool closed;              /* a person's name in brackets ends the name (bracket_person()) */
    bool skipped = false;
    int rc = FG_OK;

    *took = false;
    list = fg_parse__trim(list);
    while (fg_sv_ends(list, "。") || fg_sv_ends(list, "；"))
        list = fg_parse__trim(fg_sv(list.ptr, list.len - 3));
    if (list.len == 0)
        return FG_OK;
    /*
     * 省政府分管副省长和省政府秘书长: a 和/及 after a post joins two names; 周　强（县政府办公室
     * 主任）: the blank padding a name before its bracketed post goes.
     */
    fg_str_clear(&p->team_posts);
    for (size_t i = 0; i < list.len;) {
        size_t n = fg_cp_len((unsigned char)list.ptr[i]);
        bool after_post = false;

        if (AT(list, i, "和") || AT(list, i, "及"))
            after_post = ends_with_post(fg_sv(list.ptr, i), false);
        if (after_post) {
            FG_TRY(fg_str_append(&p->team_posts, "、", 3));
        } else if (padded_name_blank(list, i)) {
            /* 周　强（县政府办公室主任）: one person, read as 周强（…） */
            fg_parse__is_space_at(list, i, &n);
        } else {
            FG_TRY(fg_str_append(&p->team_posts, list.ptr + i, n));
        }
        i += n;
    }
    list = fg_sv(p->team_posts.ptr, p->team_posts.len);
    FG_TRY(split_blank_units(&p->team_blanks, list));
    list = fg_sv(p->team_blanks.ptr, p->team_blanks.len);
    if (only_units) {
        for (size_t i = 0; next_list_name(list, &i, gov, &raw, &u, &closed);) {
            more = named && ends_with_post(raw, true) && !fg_parse__has_blank(raw);
            if (!more)
                named = person_led(raw);
            /*
             * 李　一　市财政局总会计师: an unknown post costs its person's name only; 刘建国
             * 区交通集团党委书记、董事长: a post alone is the named person's next one.
             */
            if (u.len && !fg_clause__looks_like_unit(u) && !person_led(raw) && !more &&
                !post_stripped(raw, u) && !next_post(prev, raw, u) && !post_led(raw))
                return FG_OK;
            prev = closed ? fg_sv(NULL, 0) : raw;
        }
        prev = fg_sv(NULL, 0);
        named = false;
    }
    fg_str_clear(&p->team_list);
    for (size_t i = 0; next_list_name(list, &i, gov, &raw, &u, &closed);) {
        bool posted = post_stripped(raw, u);
        /*
         * 集团党委书记、董事长、总经理: a post title alone after one that was the same person's
         * next post is his too, however many follow (a run of posts joined by 、).
         */
        bool rank = next_post(prev, raw, u) || chain || (alone && is_post_title(u));
        bool same;

        /*
         * A run of bare posts ends at the same name for each of them: it is looked for once
         * (name_ends_posts()), at the run's first post.
         */
        if (!bare_post(raw) || closed) {
            chain = false;
            run = false;
        } else if (!run) {
            chain = name_ends_posts(list, i);
            run = true;
        }

        /* 镇党委副书记（李红）、副镇长（王磊）: a person's name in brackets ends his posts */
        prev = closed ? fg_sv(NULL, 0) : raw;
        /*
         * 李明　市委常委、常务副市长: a post alone after a named person's post is the same
         * person's next post; so is a post after a rank (next_post()). The last one names
         * his unit.
         */
        more = named && ends_with_post(raw, true) && !fg_parse__has_blank(raw);
        if (!more) {
            named = person_led(raw);
            if (named)
                person = p->team_list.len;
        }
        same = rank || more;
        alone = same && is_post_title(u) && !closed && !fg_parse__has_blank(raw);
        /*
         * 市水利局党组书记、局长 and 刘建国　区交通集团党委书记、董事长: a post title alone after
         * a rank or a named person's post names no unit of its own (the first unit stays);
         * 市委常委、常务副市长: a head of government's post alone after a rank names the unit
         * instead of the rank's. 李　一　市财政局首席数据官: a person's post that names no unit
         * gives no row.
         */
        if ((same && is_post_title(u)) ||
            (!posted && person_led(raw) && !fg_clause__looks_like_unit(u) && !is_post_title(u))) {
            skipped = true;
            continue;
        }
        /*
         * 其他成员单位 speaks of the team's own members: no row; but X及其成员单位 names X
         * and X's members (X成员单位, split as in the clauses).
         */
        if (u.len == 0 || (!posted && is_person(u)) ||
            (fg_sv_contains(u, "成员") && !fg_sv_contains(u, "及其成员") &&
             !fg_sv_contains(u, "和其成员")))
            continue;
        if (fg_sv_contains(u, "或") || inner_sep(u)) {
            fg_kind kind = fg_sv_contains(u, "或") ? FG_KIND_AGENCY : fg_clause__kind(u);
            size_t h = fg_sv_contains(u, "或") ? SIZE_MAX : joiner_after_bracket(u);

            FG_TRY(flush_list(p, role));
            if (h != SIZE_MAX) {
                /* 各县（市、区）人民政府和市直有关单位: two units, the first whole */
                FG_TRY(add_whole(p, role, fg_sv(u.ptr, h), fg_clause__kind(fg_sv(u.ptr, h))));
                u = fg_sv(u.ptr + h + 3, u.len - h - 3);
                kind = fg_clause__kind(u);
            }
            FG_TRY(add_whole(p, role, u, kind));
            named = false;
            person = SIZE_MAX;
            continue;
        }
        /* The same person's unit replaces his rank's (市委常委、宣传部部长 → 市委宣传部). */
        if (same && person != SIZE_MAX) {
            size_t from = person + (AT(fg_sv(p->team_list.ptr, p->team_list.len), person,
                                       "、") ? 3 : 0);

            if (u.ptr >= raw.ptr && u.ptr < raw.ptr + raw.len && from <= p->team_list.len)
                u = rank_unit(joined, fg_sv(p->team_list.ptr + from, p->team_list.len - from),
                              u);
            p->team_list.len = person;
        } else {
            person = p->team_list.len;
        }
        if (p->team_list.len)
            FG_TRY(fg_str_append(&p->team_list, "、", 3));
        FG_TRY(fg_str_append(&p->team_list, u.ptr, u.len));
    }
    FG_TRY(flush_list(p, role));
    *took = p->team_units.n > before || skipped;
    FG_TRY(own_rows(p, before, team));
out:
    return rc;
}

/* A new team named name at input line line, or the one of that name; its index in *team. */
/*
 * Whether name is one of team_endings[] with nothing before it (领导小组, 联席会议); not a
 * 河长制, which is the whole team's name (调整后的河长制组织体系, team_river_chiefs.txt).
 */
static bool bare_ending(fg_strview name)
{
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
        if (name.len == team_endings[e].n && memcmp(name.ptr, team_endings[e].s, name.len) == 0)
            return !fg_sv_ends(name, "长制");
    return false;
}

/*
 * The team a bare ending refers to (联席会议成员单位：…, 调整后的领导小组成员名单): the current
 * team, or the nearest team above it, whose name ends with it; else SIZE_MAX.
 */
static size_t bare_team(const parser *p, size_t team, fg_strview ending)
{
    for (int up = 0; team != SIZE_MAX && up < 8; up++, team = p->teams[team].parent)
        if (fg_sv_ends_n(fg_sv_cstr(p->teams[team].name), ending.ptr, ending.len))
            return team;
    return SIZE_MAX;
}

static int open_team(parser *p, fg_strview name, size_t line, size_t *team)
{
    size_t k = team_named(p, name);
    const fg_lit *e;
    pteam *tm;
    int rc = FG_OK;

    if (k != SIZE_MAX) {
        *team = k;
        return FG_OK;
    }
    /*
     * A team first met as a bare ending (领导小组办公室设在X before the annex's 名单 names the
     * 领导小组) is the first team named in full with that ending: it takes the full name.
     */
    e = team_ending_end(name);
    k = e != NULL && name.len > e->n && bare_ending(fg_sv(e->s, e->n))
            ? team_named(p, fg_sv(e->s, e->n))
            : SIZE_MAX;
    if (k != SIZE_MAX) {
        /* named where its full name is, as a team first met there (its part and line) */
        p->teams[k].name = fg_parse__arena_dup(p, name);
        p->teams[k].part = fg_parse__part_name(p);
        if (p->teams[k].name == NULL || p->teams[k].part == NULL)
            FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
        p->teams[k].line = line;
        *team = k;
        return FG_OK;
    }
    FG_TRY(fg_parse__grow((void **)&p->teams, &p->cap_teams, p->n_teams, sizeof *p->teams));
    tm = &p->teams[p->n_teams];
    tm->name = fg_parse__arena_dup(p, name);
    tm->part = fg_parse__part_name(p);
    if (tm->name == NULL || tm->part == NULL)
        FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
    tm->line = line;
    tm->unit_first = 0;
    tm->n_units = 0;
    tm->parent = SIZE_MAX;
    *team = p->n_teams++;
out:
    return rc;
}

/* A name's words after the last 的 or ： before it (建立由X牵头的Y联席会议, 附：Y成员名单). */
static fg_strview name_after(fg_strview s)
{
    size_t cut = 0;

    for (size_t i = 0; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i]))
        if (AT(s, i, "的") || AT(s, i, "：") || s.ptr[i] == ':')
            cut = i + (s.ptr[i] == ':' ? 1 : 3);
    return fg_parse__trim(fg_sv(s.ptr + cut, s.len - cut));
}

/*
 * Whether a team's name is plausible: at most 40 characters, no list in it, and no bracket
 * but a short one inside the name, after its first character (清源县村（社区）“两委”换届工作
 * 领导小组, 市（县、区）X领导小组: a 、 only inside it); not a number or a note
 * (（一）X领导小组).
 */
static bool name_like(fg_strview name)
{
    int depth = 0;
    size_t inner = 0;

    if (fg_parse__cps_upto(name, 41) > 40)
        return false;
    for (size_t i = 0; i < name.len; i += fg_cp_len((unsigned char)name.ptr[i])) {
        if (AT(name, i, "（") || name.ptr[i] == '(') {
            if (depth > 0 || i == 0)
                return false;
            depth = 1;
            inner = 0;
        } else if (AT(name, i, "）") || name.ptr[i] == ')') {
            if (depth == 0 || inner == 0)
                return false;
            depth = 0;
        } else if (depth > 0) {
            if (++inner > 6)
                return false;
        } else if (AT(name, i, "、")) {
            return false;
        }
    }
    return depth == 0;
}

/*
 * Whether seg[from ..] is the words of a 名单 that follow a 委员会's name on a title line
 * (组成人员名单, 成员单位名单, 成员名单, 组成人员).
 */
static bool roster_tail(fg_strview seg, size_t from)
{
    static const char *const tails[] = {"组成人员名单", "成员单位名单", "成员名单", "组成人员",
                                        NULL};
    fg_strview r = fg_parse__trim(fg_sv(seg.ptr + from, seg.len - from));

    for (size_t t = 0; tails[t]; t++)
        if (fg_sv_eq(r, fg_sv_cstr(tails[t])))
            return true;
    return false;
}

/*
 * Whether a team of a 河长制 (湖长制, 林长制) follows in the same name: 市河湖长制工作领导小组
 * names the 领导小组, not the 河湖长制 (up to the next separator, at most 12 characters on).
 */
static bool system_team_after(fg_strview seg, size_t i)
{
    for (size_t n = 0; i < seg.len && n < 12; n++, i += fg_cp_len((unsigned char)seg.ptr[i])) {
        if (AT(seg, i, "，") || AT(seg, i, "。") || AT(seg, i, "；") || AT(seg, i, "、"))
            return false;
        for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
            if (fg_sv_at(seg, i, team_endings[e].s, team_endings[e].n) &&
                !fg_sv_ends(fg_sv(team_endings[e].s, team_endings[e].n), "长制"))
                return true;
    }
    return false;
}

/*
 * Whether seg[k ..], the words after a team's name at the start of seg, make that name the
 * subject of its roster (rule 1): a role word and 由 (组长由县长担任, 成员由A、B组成), 组成如下 or
 * 组成人员如下 (the labels follow), or 由 and a list to 组成 (由A、B、C组成).
 */
static bool roster_subject(fg_strview seg, size_t k)
{
    fg_strview rest = fg_parse__trim(fg_sv(seg.ptr + k, seg.len - k));
    size_t end;
    size_t n;
    bool spaced;
    const team_word *w = team_word_at(rest, 0, &end, &spaced);

    if (w != NULL && w->role != TEAM_SKIP) {
        while (fg_parse__is_space_at(rest, end, &n))
            end += n;
        return AT(rest, end, "由");
    }
    if (fg_sv_starts(rest, "组成如下") || fg_sv_starts(rest, "组成人员如下"))
        return true;
    while (fg_sv_ends(rest, "：") || fg_sv_ends(rest, ":"))
        rest = fg_parse__trim(fg_sv(rest.ptr, rest.len - (fg_sv_ends(rest, ":") ? 1 : 3)));
    return fg_sv_starts(rest, "由") && fg_sv_ends(rest, "组成");
}

/*
 * Where the name after the team verb ending at seg[from] and before the team ending at seg[to]
 * starts: after the last team verb between them, when at least two characters stand between the
 * two verbs and no 的 (一、建立工作机制成立X指挥部: a heading run into its sentence, the verb
 * nearest the name starts it; 成立调整…, 建立由X牵头的Y联席会议 keep the first); else from.
 */
static size_t nearest_verb_end(fg_strview seg, size_t from, size_t to)
{
    size_t best = from;

    for (size_t i = from + 6; i + 6 <= to; i += fg_cp_len((unsigned char)seg.ptr[i])) {
        if (AT(seg, i, "的"))
            return from;
        for (size_t v = 0; team_verbs[v]; v++)
            if (fg_sv_at(seg, i, team_verbs[v], 6)) // each verb is two characters
                best = i + 6;
    }
    return best;
}

/*
 * Rule 1 on one segment: the name of a new team (a view into seg), or an empty view when the
 * segment names none. *ref_end receives where the rest of the segment starts: after the name,
 * after a team mention at its start (领导小组办公室设在 …), or 0. *pre receives the words
 * between the verb and the name (由省长任组长的, 以省长为组长、…为副组长的), or an empty view.
 */
static fg_strview team_name_in(fg_strview seg, bool whole_line, size_t *ref_end,
                               fg_strview *pre)
{
    fg_strview none = fg_sv(NULL, 0);
    size_t verb_end = SIZE_MAX;
    size_t end;
    bool spaced;

    *ref_end = 0;
    *pre = none;
    {
        size_t i = 0;

        while (i + 6 <= seg.len && !fg_cjkset_has(&sets.team_ending_firsts, seg.ptr + i))
            i += fg_cp_len((unsigned char)seg.ptr[i]);
        if (i + 6 > seg.len)
            return none;
    }
    for (size_t v = 0; team_verbs[v]; v++) {
        size_t k = fg_sv_find(seg, team_verbs[v]);

        if (k != SIZE_MAX && (verb_end == SIZE_MAX || k + strlen(team_verbs[v]) < verb_end))
            verb_end = k + strlen(team_verbs[v]);
    }
    /* 成立/组建 … X: the first team ending after the verb. */
    for (size_t i = verb_end; i < seg.len; i += fg_cp_len((unsigned char)seg.ptr[i])) {
        if (i + 6 > seg.len || !fg_cjkset_has(&sets.team_ending_firsts, seg.ptr + i))
            continue;
        for (size_t e = 0; e < N_TEAM_ENDINGS; e++) {
            size_t len = team_endings[e].n;
            fg_strview name;

            if (!fg_sv_at(seg, i, team_endings[e].s, len) ||
                (fg_sv_ends(fg_sv(team_endings[e].s, len), "长制") &&
                 system_team_after(seg, i + len)))
                continue;
            verb_end = nearest_verb_end(seg, verb_end, i);
            name = name_after(fg_sv(seg.ptr + verb_end, i + len - verb_end));
            if (fg_sv_starts(name, "了"))
                name = fg_sv(name.ptr + 3, name.len - 3);
            if (!name_like(name))
                return none;
            *pre =
                fg_parse__trim(fg_sv(seg.ptr + verb_end, (size_t)(name.ptr - seg.ptr) - verb_end));
            if (fg_sv_ends(*pre, "的"))
                pre->len -= 3;
            *ref_end = i + len;
            if (AT(seg, *ref_end, "制度"))
                *ref_end += 6;
            return name;
        }
    }
    for (size_t i = 0; i < seg.len; i += fg_cp_len((unsigned char)seg.ptr[i])) {
        if (i + 6 > seg.len || !fg_cjkset_has(&sets.team_ending_firsts, seg.ptr + i))
            continue;
        for (size_t e = 0; e < N_TEAM_ENDINGS; e++) {
            size_t len = team_endings[e].n;
            fg_strview rest;
            fg_strview name;

            /*
             * 发展和改革委员会 is an agency: a 委员会 is a team only after a verb, or on a
             * title line with the words of a 名单 after it (X委员会组成人员名单).
             */
            if (!fg_sv_at(seg, i, team_endings[e].s, len) ||
                (AT(seg, i, "委员会") && !(whole_line && roster_tail(seg, i + len))) ||
                (fg_sv_ends(fg_sv(team_endings[e].s, len), "长制") &&
                 system_team_after(seg, i + len)))
                continue;
            rest = fg_sv(seg.ptr + i + len, seg.len - i - len);
            if (fg_sv_starts(rest, "制度"))
                rest = fg_sv(rest.ptr + 6, rest.len - 6);
            name = name_after(fg_sv(seg.ptr, i + len));
            /* A title line: the name alone, or with 成员名单 / 组成人员 / 方案 / 工作规则 …. */
            if (whole_line && i >= 6 && name_like(name) &&
                !fg_sv_contains(name, "由") && !fg_sv_contains(name, "为") &&
                !fg_sv_contains(name, "任")) {
                static const char *const tails[] = {"成员单位名单", "组成人员名单", "成员名单",
                                                    "人员名单", "名单", "组成人员", "成员单位",
                                                    "成员", "组成", "工作方案", "实施方案",
                                                    "组建方案", "方案", "工作规则", "议事规则",
                                                    "工作制度", NULL};
                fg_strview r = fg_parse__trim(rest);

                for (size_t t = 0; tails[t] && r.len; t++) {
                    if (fg_sv_eq(r, fg_sv_cstr(tails[t])))
                        r.len = 0;
                }
                if (r.len == 0) {
                    *ref_end = seg.len;
                    return name;
                }
            }
            /*
             * A team named as the subject of its roster, with no verb (X领导小组组长由Y担任,
             * X领导小组组成如下：, X领导小组由A、B组成): the name at the segment's start
             * constitutes the team as a verb would; not a mention (该领导小组, 各工作组).
             */
            if (i >= 6 && roster_subject(seg, i + len)) {
                static const char *const words[] = {"由", "为", "任", "的", "：", ":", NULL};
                static const char *const refs[] = {"该", "本", "各", "其", "此", NULL};
                bool ref = false;

                name = fg_parse__trim(fg_sv(seg.ptr, i + len));
                for (size_t r = 0; refs[r] && !ref; r++)
                    ref = fg_sv_starts(name, refs[r]);
                if (!ref && name_like(name) && !fg_sv_contains_any(name, words)) {
                    *ref_end = i + len;
                    return name;
                }
            }
            /*
             * A mention at the start (领导小组办公室 …, 联席会议由 …), but not a role word
             * that starts with a team's ending (专班长：, 专班长由…担任).
             */
            if (i == 0 && team_word_at(seg, 0, &end, &spaced) != NULL && end > len)
                return none;
            if (i == 0 || (i <= 6 && (AT(seg, 0, "该") || AT(seg, 0, "本"))))
                *ref_end = i + len;
            return none;
        }
    }
    return none;
}

/* Drop a leading 由 (and the team mention before it) or 以 from x. */
static fg_strview holder(fg_strview x)
{
    size_t k = fg_sv_find(x, "由");

    if (k != SIZE_MAX && (k == 0 || team_ending_end(fg_sv(x.ptr, k)) != NULL))
        x = fg_sv(x.ptr + k + 3, x.len - k - 3);
    else if (fg_sv_starts(x, "以"))
        x = fg_sv(x.ptr + 3, x.len - 3);
    return fg_parse__trim(x);
}

/*
 * Whether seg opens an office below its team: (TEAM)?下设办公室, alone or with a bracket
 * （设在X） or （办公室设在X）. Returns where X starts, seg.len when X comes in the next
 * segment (下设办公室，设在X), or SIZE_MAX.
 */
static size_t office_below(fg_strview seg)
{
    size_t k = fg_sv_find(seg, "下设办公室");
    size_t after;
    fg_strview rest;

    if (k == SIZE_MAX)
        return SIZE_MAX;
    after = k + strlen("下设办公室");
    rest = fg_parse__trim(fg_sv(seg.ptr + after, seg.len - after));
    if (rest.len == 0)
        return seg.len;
    if (!fg_sv_starts(rest, "（") && !fg_sv_starts(rest, "("))
        return SIZE_MAX;
    k = fg_parse__find_from(seg, after, "设在");
    return k == SIZE_MAX ? SIZE_MAX : k + strlen("设在");
}

typedef struct team_state {
    size_t team;      /* the current team, SIZE_MAX: none yet */
    int cont;         /* the role list lines continue, or TEAM_SKIP; -2: none */
    bool office_next; /* the segment before was 下设办公室: 设在X names the office */
    bool named_here;  /* the current team was named in this text */
} team_state;

enum { NO_CONT = -2 };

bool fg_parse__other_label(fg_strview seg)
{
    size_t k = fg_sv_find(fg_sv(seg.ptr, seg.len < 30 ? seg.len : 30), "：");
    size_t cps;

    if (k == SIZE_MAX)
        k = fg_sv_find(fg_sv(seg.ptr, seg.len < 30 ? seg.len : 30), ":");
    if (k == SIZE_MAX)
        return false;
    cps = fg_parse__cps_upto(fg_sv(seg.ptr, k), 9);
    /* 牵头单位, 责任部门: a role's label, though it ends like a unit's name */
    return cps >= 2 && cps <= 8 && all_ideographs(fg_sv(seg.ptr, k)) &&
           (!fg_clause__looks_like_unit(fg_sv(seg.ptr, k)) ||
            fg_sv_ends(fg_sv(seg.ptr, k), "单位") || fg_sv_ends(fg_sv(seg.ptr, k), "部门"));
}

/*
 * Where the office's phrase starts when it is run into the list before it (成员：A、B领导小组
 * 办公室设在C, 成员：A、B办公室设在C, the line breaks lost): at the current team's name, or its
 * ending, or 办公室 itself, right after a unit's name (the list's last element looks like a
 * unit); else SIZE_MAX.
 */
static size_t office_run_in(const parser *p, size_t team, fg_strview seg)
{
    fg_strview name = fg_sv_cstr(p->teams[team].name);

    for (size_t j = fg_parse__find_from(seg, 3, "办公室"); j != SIZE_MAX;
         j = fg_parse__find_from(seg, j + 9, "办公室")) {
        bool below = j >= 6 && AT(seg, j - 6, "下设");
        fg_strview head;
        fg_strview last;
        const fg_lit *ending;
        size_t sep;

        if (office_at(seg, j) == 0 && !below)
            continue;
        head = fg_sv(seg.ptr, below ? j - 6 : j);
        if (fg_sv_ends_n(head, name.ptr, name.len))
            head.len -= name.len;
        else if ((ending = team_ending_end(head)) != NULL)
            head.len -= ending->n;
        sep = SIZE_MAX;
        for (size_t i = list_sep_from(head, 0); i != SIZE_MAX; i = list_sep_from(head, i + 3))
            sep = i;
        last = fg_parse__trim(fg_sv(head.ptr + (sep == SIZE_MAX ? 0 : sep + 3),
                                    head.len - (sep == SIZE_MAX ? 0 : sep + 3)));
        {
            size_t colon = fg_sv_find(last, "：");

            if (colon != SIZE_MAX)
                last = fg_parse__trim(fg_sv(last.ptr + colon + 3, last.len - colon - 3));
        }
        return head.len > 0 && fg_clause__looks_like_unit(last) ? head.len : SIZE_MAX;
    }
    return SIZE_MAX;
}

/*
 * The number of 、 in s, and of the blanks after a closing bracket before more text: persons
 * side by side, each with his post in brackets (赵军（县自然资源局局长）　孙伟（…）　钱红（…）).
 */
static size_t list_seps(fg_strview s)
{
    size_t n = 0;
    size_t b;

    for (size_t i = fg_parse__find_from(s, 0, "、"); i != SIZE_MAX;
         i = fg_parse__find_from(s, i + 3, "、"))
        n++;
    for (size_t i = 0; i < s.len; i++) {
        size_t c = AT(s, i, "）") ? 3 : s.ptr[i] == ')' ? 1 : 0;

        if (c > 0 && fg_parse__is_space_at(s, i + c, &b) && i + c + b < s.len)
            n++;
    }
    return n;
}

/* Rules 2 and 3 on one segment of the current team. */
static int team_segment(parser *p, team_state *ts, fg_strview seg, bool line_start)
{
    const team_word *w;
    size_t after;
    size_t k;
    size_t start;
    bool took = false;
    int rc = FG_OK;

    if (ts->team == SIZE_MAX)
        return FG_OK;
    /* 下设办公室，设在X: the segment after names the office. */
    if (ts->office_next) {
        ts->office_next = false;
        if (fg_sv_starts(seg, "设在"))
            return add_team_list(p, ts->team, FG_TEAM_OFFICE, fg_sv(seg.ptr + 6, seg.len - 6),
                                 false, &took);
    }
    /* 成员：A、B领导小组办公室设在C: the list, then the office. */
    k = office_run_in(p, ts->team, seg);
    if (k != SIZE_MAX) {
        FG_TRY(team_segment(p, ts, fg_parse__trim(fg_sv(seg.ptr, k)), line_start));
        ts->cont = NO_CONT;
        return team_segment(p, ts, fg_parse__trim(fg_sv(seg.ptr + k, seg.len - k)), false);
    }
    /* 下设办公室（设在X）, or 下设办公室 with 设在X in the next segment. */
    k = office_below(seg);
    if (k != SIZE_MAX) {
        ts->cont = NO_CONT;
        if (k == seg.len) {
            ts->office_next = true;
            return FG_OK;
        }
        after = fg_parse__find_from(seg, k, "）");
        if (after == SIZE_MAX)
            after = fg_parse__find_from(seg, k, ")");
        return add_team_list(p, ts->team, FG_TEAM_OFFICE,
                             fg_sv(seg.ptr + k, (after == SIZE_MAX ? seg.len : after) - k), false,
                             &took);
    }
    w = fg_parse__team_label(seg, line_start, &after);
    if (w != NULL) {
        ts->cont = w->role;
        if (w->role != TEAM_SKIP)
            FG_TRY(add_team_list(p, ts->team, (fg_team_role)w->role,
                                 fg_sv(seg.ptr + after, seg.len - after), false, &took));
        return FG_OK;
    }
    /*
     * 牵头单位：X under a group's name (监测预警组 / 牵头单位：镇应急办 / 成员单位：…): the
     * clauses' lead label names who convenes the group, as 组长单位 does; a team's own
     * 牵头单位 gives no row (fg_parse__other_label()).
     */
    if (p->teams[ts->team].parent != SIZE_MAX &&
        group_noun_end(fg_sv_cstr(p->teams[ts->team].name)) &&
        fg_clause__label_at(p->units.lex, seg, 0, &after) == FG_LABEL_LEAD && after < seg.len) {
        ts->cont = FG_TEAM_CONVENOR;
        return add_team_list(p, ts->team, FG_TEAM_CONVENOR,
                             fg_sv(seg.ptr + after, seg.len - after), false, &took);
    }
    /* A note on liaison persons (各成员单位确定1名联络员) neither gives rows nor ends a list. */
    if (fg_sv_contains(seg, "联络员"))
        return FG_OK;
    /* 办公室设在X, 办公室（another name）设在X. */
    for (size_t from = fg_sv_contains(seg, "设在") ? 0 : seg.len;
         (k = fg_sv_find(fg_sv(seg.ptr + from, seg.len - from), "办公室")) != SIZE_MAX;
         from += k + strlen("办公室")) {
        after = office_at(seg, from + k);
        if (after == 0)
            continue;
        ts->cont = NO_CONT;
        return add_team_list(p, ts->team, FG_TEAM_OFFICE, fg_sv(seg.ptr + after,
                             seg.len - after), false, &took);
    }
    /* 成员单位包括 LIST, 成员由 LIST 组成, 由 LIST 等N个部门组成. */
    k = fg_sv_find(seg, "成员");
    if (k != SIZE_MAX || fg_sv_ends(seg, "组成")) {
        static const char *const heads[] = {"成员单位包括", "成员单位为",
                                            "成员单位：", "成员单位:", "成员单位由",
                                            "成员包括", "成员为", "成员由", NULL};
        fg_strview list = fg_sv(NULL, 0);
        bool found = false;

        for (size_t h = 0; heads[h] && k != SIZE_MAX; h++) {
            if (fg_sv_at_str(seg, k, heads[h])) {
                after = k + strlen(heads[h]);
                list = fg_sv(seg.ptr + after, seg.len - after);
                found = true;
                break;
            }
        }
        if (!found && fg_sv_ends(seg, "组成")) {
            size_t you = fg_sv_find(seg, "由");

            if (you != SIZE_MAX) {
                list = fg_sv(seg.ptr + you + 3, seg.len - you - 3);
                found = true;
            }
        }
        /* 由以下人员组成, 成员如下: the names follow under labels. */
        if (found && (fg_sv_starts(fg_parse__trim(list), "以下") || fg_sv_contains(list, "如下")))
            found = false;
        if (found) {
            size_t deng;

            if (fg_sv_ends(list, "组成"))
                list.len -= 6;
            /* …等21个部门和单位: the count is not a unit. */
            deng = SIZE_MAX;
            for (size_t i = fg_parse__find_from(list, 0, "等"); i != SIZE_MAX;
                 i = fg_parse__find_from(list, i + 3, "等"))
                deng = i;
            if (deng != SIZE_MAX && fg_parse__find_from(list, deng, "个") != SIZE_MAX)
                list.len = deng;
            ts->cont = NO_CONT;
            return add_team_list(p, ts->team, FG_TEAM_MEMBER, list, false, &took);
        }
    }
    /* ROLE由X(担任|兼任|出任). */
    {
        size_t you = fg_sv_find(seg, "由");

        if (you != SIZE_MAX && you > 0) {
            fg_strview head = fg_sv(seg.ptr, you);
            fg_strview x = fg_sv(seg.ptr + you + 3, seg.len - you - 3);
            static const char *const verbs[] = {"担任", "兼任", "出任", "负责", NULL};

            w = team_word_end(head, &start);
            if (w != NULL) {
                for (size_t v = 0; verbs[v]; v++) {
                    if (fg_sv_ends(x, verbs[v])) {
                        x.len -= strlen(verbs[v]);
                        break;
                    }
                }
                ts->cont = NO_CONT;
                if (w->role == TEAM_SKIP)
                    return FG_OK;
                return add_team_list(p, ts->team, (fg_team_role)w->role, holder(x), false,
                                     &took);
            }
        }
    }
    /* X(担任|任|兼任|出任|为|作为)(TEAM)?ROLE. */
    w = team_word_end(seg, &start);
    if (w != NULL) {
        fg_strview head = fg_sv(seg.ptr, start);
        static const char *const verbs[] = {"担任", "兼任", "出任", "作为", "任", "为", NULL};
        const fg_lit *ending = team_ending_end(head);

        if (ending != NULL) {
            /* 任领导小组组长: the mention between verb and role, up to its verb. */
            size_t cut = head.len - ending->n;

            for (size_t v = 0; verbs[v]; v++) {
                size_t pos = SIZE_MAX;

                for (size_t i = fg_parse__find_from(head, 0, verbs[v]); i != SIZE_MAX && i < cut;
                     i = fg_parse__find_from(head, i + 3, verbs[v]))
                    pos = i;
                if (pos != SIZE_MAX) {
                    head.len = pos + strlen(verbs[v]);
                    break;
                }
            }
        }
        for (size_t v = 0; verbs[v]; v++) {
            if (fg_sv_ends(head, verbs[v])) {
                fg_strview x = fg_sv(head.ptr, head.len - strlen(verbs[v]));

                if (fg_sv_ends(x, "等"))
                    x.len -= 3;
                ts->cont = NO_CONT;
                if (w->role == TEAM_SKIP)
                    return FG_OK;
                return add_team_list(p, ts->team, (fg_team_role)w->role, holder(x), false,
                                     &took);
            }
        }
    }
    /*
     * A group's sentence (环境整治组。由市城管局牵头，市住房城乡建设局参加。), in the text that
     * names the group: a task after the groups (校医院负责，各考点学院配合。) is no group's.
     */
    if (p->teams[ts->team].parent != SIZE_MAX && ts->named_here) {
        static const char *const co[] = {"参加", "参与", "配合", NULL};
        fg_strview x = fg_sv_starts(seg, "由") ? fg_sv(seg.ptr + 3, seg.len - 3) : seg;

        if (fg_sv_ends(x, "牵头")) {
            ts->cont = NO_CONT;
            return add_team_list(p, ts->team, FG_TEAM_CONVENOR, fg_sv(x.ptr, x.len - 6), false,
                                 &took);
        }
        for (size_t c = 0; co[c]; c++)
            if (fg_sv_ends(x, co[c]) && x.len > 6) {
                ts->cont = NO_CONT;
                return add_team_list(p, ts->team, FG_TEAM_MEMBER, fg_sv(x.ptr, x.len - 6), false,
                                     &took);
            }
    }
    /*
     * A list line that continues the last label; another label (牵头单位：X) ends it. A
     * line longer than 32 characters is one only as a list of three names or more (a list
     * line joined with the next that goes on with its last name: name_wrapped(), or three
     * persons with posts in brackets side by side), every one a unit (add_team_list() with
     * only_units).
     */
    if (ts->cont == TEAM_SKIP)
        return FG_OK;
    if (ts->cont >= 0 && (fg_parse__cps_upto(seg, 33) <= 32 || list_seps(seg) >= 2) &&
        !fg_parse__other_label(seg)) {
        FG_TRY(add_team_list(p, ts->team, (fg_team_role)ts->cont, seg, true, &took));
        if (took)
            return FG_OK;
    }
    ts->cont = NO_CONT;
out:
    return rc;
}

/*
 * Whether a part of the words before a team's name says who leads it or joins it (由X牵头,
 * X牵头; Y、Z参加, Y参与, Y配合): *part receives the units and *role their role in the team.
 */
static bool lead_or_joins(fg_strview *part, fg_team_role *role)
{
    static const char *const co[] = {"参加", "参与", "配合"};
    fg_strview x = fg_sv_starts(*part, "由") ? fg_sv(part->ptr + 3, part->len - 3) : *part;

    if (x.len <= 6)
        return false;
    if (fg_sv_ends(x, "牵头")) {
        *part = fg_sv(x.ptr, x.len - 6);
        *role = FG_TEAM_CONVENOR;
        return true;
    }
    for (size_t c = 0; c < sizeof co / sizeof *co; c++) {
        if (fg_sv_ends(x, co[c])) {
            *part = fg_sv(x.ptr, x.len - 6);
            *role = FG_TEAM_MEMBER;
            return true;
        }
    }
    return false;
}

/*
 * The words before a team's name (由省长任组长的, 以省长为组长、省政府副省长为副组长的,
 * 以市长为组长，副市长为副组长，…为成员的): each part up to a ，or ；, and each part that ends
 * with a role word up to a 、, is a segment of its own.
 */
static int team_pre(parser *p, team_state *ts, fg_strview pre)
{
    size_t from = 0;
    size_t comma = 0; /* the next ，or ；at or after i, or pre.len */
    int rc = FG_OK;

    for (size_t i = 0; i <= pre.len;) {
        size_t e = fg_parse__find_from(pre, i, "、");
        size_t start;

        if (comma < i) {
            size_t a = fg_parse__find_from(pre, i, "，");
            size_t b = fg_parse__find_from(pre, i, "；");

            comma = a < b ? a : b;
            if (comma == SIZE_MAX)
                comma = pre.len;
        }
        if (e == SIZE_MAX || e > comma)
            e = comma;
        if (e == pre.len || e == comma ||
            team_word_end(fg_sv(pre.ptr + from, e - from), &start) != NULL) {
            fg_strview part = fg_parse__trim(fg_sv(pre.ptr + from, e - from));
            fg_team_role role;
            bool took;

            /* 由X牵头，Y、Z参加的N联席会议: the convenor and the members, as in a group. */
            if ((e == pre.len || e == comma) && lead_or_joins(&part, &role))
                FG_TRY(add_team_list(p, ts->team, role, part, false, &took));
            else
                FG_TRY(team_segment(p, ts, part, false));
            from = e + 3;
        }
        i = e + 3;
    }
    ts->cont = NO_CONT;
out:
    return rc;
}

/* Whether s[i] ends a segment: ，。；！？, ; or a line break; *n its length. */
static bool team_delim_at(fg_strview s, size_t i, size_t *n)
{
    if (s.ptr[i] == '\n' || s.ptr[i] == ';') {
        *n = 1;
        return true;
    }
    /* A half-width comma between words, not in a number (1,200). */
    if (s.ptr[i] == ',') {
        *n = 1;
        return !(i > 0 && fg_parse__is_digit_at(s, i - 1) && fg_parse__is_digit_at(s, i + 1));
    }
    *n = 3;
    return AT(s, i, "，") || AT(s, i, "。") || AT(s, i, "；") || AT(s, i, "！") ||
           AT(s, i, "？");
}

/*
 * Whether name ends in a noun of a team's group: 组 (综合协调组, 工作组, 小组), one of
 * team_endings[] but those a verb or a 名单 must announce (综合协调专班, 前方指挥部; not
 * 委员会, 河长制), or a squad's 队 (宣传报道小分队, 督导服务队, 抢险突击队) that is no unit's:
 * not a rank of a force (大队, 支队, 中队, 总队) and not a place's (县森林消防队, 市救援队 start
 * with a level).
 */
static bool group_noun_end(fg_strview name)
{
    if (fg_sv_ends(name, "组"))
        return true;
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++) {
        fg_strview ending = fg_sv(team_endings[e].s, team_endings[e].n);

        if (fg_sv_ends_n(name, ending.ptr, ending.len))
            return !fg_sv_eq(ending, fg_sv_cstr("委员会")) && !fg_sv_ends(ending, "长制");
    }
    if (!fg_sv_ends(name, "队") || name.len < 6)
        return false;
    {
        static const char *const ranks[] = {"大队", "支队", "中队", "总队", NULL};
        static const char *const levels[] = {"省", "市", "州", "县", "区", "乡", "镇", "各",
                                             NULL};

        for (size_t r = 0; ranks[r]; r++)
            if (fg_sv_ends(name, ranks[r]))
                return false;
        for (size_t l = 0; levels[l]; l++)
            if (fg_sv_starts(name, levels[l]))
                return false;
    }
    return true;
}

/*
 * Whether a title line under a team names one of its groups (综合协调组, 综合协调专班,
 * 督导服务队): 3 to 10 ideographs ending in a group's noun (group_noun_end()), with no word of
 * a sentence (的 为 由 任 设 等 和).
 */
static bool group_name(fg_strview seg)
{
    static const char *const words[] = {"的", "为", "由", "任", "设", "等", "和", NULL};
    size_t cps = fg_parse__cps_upto(seg, 11);

    return cps >= 3 && cps <= 10 && group_noun_end(seg) && all_ideographs(seg) &&
           !fg_sv_contains_any(seg, words);
}

bool fg_parse__group_title(fg_strview s)
{
    return group_name(fg_parse__trim(s));
}

/*
 * Where who leads a group starts in a segment that opens with the group's name and a colon
 * (综合协调组：由党政综合办牵头): after the colon, when the rest ends in 牵头 (the segment
 * ends at the first ，); else 0.
 */
static size_t group_lead_after(fg_strview seg)
{
    size_t c = fg_sv_find(seg, "：");
    size_t half = fg_sv_find(seg, ":");
    size_t n = 3;

    if (half < c) {
        c = half;
        n = 1;
    }
    if (c == SIZE_MAX || !group_name(fg_parse__trim(fg_sv(seg.ptr, c))) || !fg_sv_ends(seg, "牵头") ||
        seg.len <= c + n + 6)
        return 0;
    return c + n;
}

/*
 * Where who leads a group starts in a segment whose subject is the group's name (风险监测组由
 * X牵头, the segment ends at the first ，): at its 由, when the rest ends in 牵头; else 0.
 */
static size_t group_subject_after(fg_strview seg)
{
    size_t k = fg_sv_find(fg_sv(seg.ptr, seg.len < 11 * 3 ? seg.len : 11 * 3), "由");

    if (k == SIZE_MAX || k == 0 || !fg_sv_ends(seg, "牵头") || seg.len <= k + 3 + 6 ||
        !group_name(fg_parse__trim(fg_sv(seg.ptr, k))))
        return 0;
    return k;
}

bool fg_parse__group_subject(fg_strview s)
{
    size_t k = fg_sv_find(s, "由");
    size_t from = 0;
    size_t end;

    if (k == SIZE_MAX)
        return false;
    for (size_t i = 0; i < k; i += fg_cp_len((unsigned char)s.ptr[i]))
        if (s.ptr[i] == '\n' || s.ptr[i] == ':' || AT(s, i, "："))
            from = i + (AT(s, i, "：") ? 3 : 1);
    end = fg_parse__find_from(s, k, "，");
    if (fg_parse__find_from(s, k, ",") < end)
        end = fg_parse__find_from(s, k, ",");
    return group_name(fg_parse__trim(fg_sv(s.ptr + from, k - from))) &&
           group_subject_after(fg_sv(s.ptr + from, (end == SIZE_MAX ? s.len : end) - from)) > 0;
}

/*
 * Where a label of rule 2 starts in a segment that opens with a group's name and a blank
 * (考务组　组长单位：研究生院, a group numbered on one line with its labels), or 0.
 */
static size_t group_label_after(fg_strview seg)
{
    size_t i = 0;
    size_t k;
    size_t n;
    size_t after;
    const team_word *w;

    while (i < seg.len && i < 11 * 3 && !fg_parse__is_space_at(seg, i, &n))
        i += fg_cp_len((unsigned char)seg.ptr[i]);
    if (i >= seg.len || !fg_parse__is_space_at(seg, i, &n) || !group_name(fg_sv(seg.ptr, i)))
        return 0;
    k = i;
    while (k < seg.len && fg_parse__is_space_at(seg, k, &n))
        k += n;
    w = fg_parse__team_label(fg_sv(seg.ptr + k, seg.len - k), false, &after);
    if (w != NULL && w->role != TEAM_SKIP)
        return k;
    /* 节能技术专项工作组　牵头部门：X: the clauses' lead label names the group's convenor */
    for (size_t j = 0; label_nouns[j]; j++)
        if (AT(seg, k, "牵头") && fg_sv_at(seg, k + 6, label_nouns[j], 6) &&
            (AT(seg, k + 12, "：") || AT(seg, k + 12, ":")))
            return k;
    return AT(seg, k, "牵头单位") && (AT(seg, k + 12, "：") || AT(seg, k + 12, ":")) ? k : 0;
}

bool fg_parse__team_heading(fg_strview t)
{
    static const char *const sentence[] = {"的", "为", "由", "任", "成立", "。", "，", NULL};
    fg_strview span;
    size_t lim = 0;
    size_t k;
    size_t colon;
    size_t end;
    size_t n;
    bool spaced;

    t = fg_parse__trim(t);
    /*
     * Everything looked for lies within the first 40 characters (lim bytes). They are
     * counted only when a 。 then 牵头, or a colon, is found in the 160 bytes that hold them:
     * most items have neither there.
     */
    span = fg_sv(t.ptr, t.len < 160 ? t.len : 160);
    k = fg_sv_find(span, "。");
    if (k != SIZE_MAX && !fg_sv_contains(fg_sv(span.ptr + k, span.len - k), "牵头"))
        k = SIZE_MAX;
    colon = fg_sv_find(span, "：");
    if (k == SIZE_MAX && colon == SIZE_MAX && memchr(span.ptr, ':', span.len) == NULL)
        return false;
    for (size_t n_cp = 0; n_cp < 40 && lim < t.len; n_cp++)
        lim += fg_cp_len((unsigned char)t.ptr[lim]);
    /* 环境整治组。由市城管局牵头，…参加。: a group, then who leads it (within 40 characters) */
    if (k != SIZE_MAX && k + 3 <= lim && fg_sv_contains(fg_sv(t.ptr + k, lim - k), "牵头") &&
        group_name(fg_parse__trim(fg_sv(t.ptr, k))))
        return true;
    /* 综合协调组：由党政综合办牵头，…参与。: the same with a colon after the group's name */
    k = colon != SIZE_MAX ? colon : fg_sv_find(fg_sv(t.ptr, lim), ":");
    if (k != SIZE_MAX && k + 3 <= lim && group_name(fg_parse__trim(fg_sv(t.ptr, k))) &&
        fg_sv_contains(fg_sv(t.ptr + k, lim - k), "牵头"))
        return true;
    k = colon != SIZE_MAX && colon + 3 <= lim ? colon : fg_sv_find(fg_sv(t.ptr, lim), ":");
    if (k == SIZE_MAX)
        return false;
    /* The word ends at the colon: start 16 characters (blanks of a spaced word included) before. */
    size_t from = k;

    for (int c = 0; c < 16 && from > 0; c++)
        from = fg_cp_start_before(t.ptr, from);
    for (size_t i = from; i < k; i += fg_cp_len((unsigned char)t.ptr[i])) {
        const team_word *w = team_word_at(t, i, &end, &spaced);
        fg_strview name;

        if (w == NULL || w->role == TEAM_SKIP)
            continue;
        while (end < k && fg_parse__is_space_at(t, end, &n))
            end += n;
        if (end != k)
            continue;
        name = fg_parse__trim(fg_sv(t.ptr, i));
        /* 综合协调组。组长单位：X: a group's name as the first sentence, its labels after */
        if (fg_sv_ends(name, "。"))
            return group_name(fg_parse__trim(fg_sv(name.ptr, name.len - 3)));
        return group_name(name) ||
               (team_ending_end(name) != NULL && name_like(name) &&
                !fg_sv_contains_any(name, sentence));
    }
    /* （三）环境整治组 / 牵头单位：X, 节能技术专项工作组　牵头部门：X: a group's lead label */
    for (size_t j = 0; label_nouns[j] && k >= 12; j++)
        if (fg_sv_at(t, k - 12, "牵头", 6) &&
            (fg_sv_at(t, k - 6, label_nouns[j], 6) || AT(t, k - 6, "单位")))
            return group_name(fg_parse__trim(fg_sv(t.ptr, k - 12)));
    return false;
}

/*
 * Where a sentence that constitutes a team in a frame (成立以X为组长，Y为副组长，…为成员的NAME;
 * 成立由X任组长，…的NAME) ends, when its first segment tt[s .. i) opens the frame (a team verb,
 * then 以 or 由; not 成立以来) and no team ending follows the verb within the segment, but one
 * does before the sentence's 。 or line break: that position; else SIZE_MAX. The sentence is
 * then read as one segment (rule 1). *seen is where the last sentence looked at without a
 * name ends: the frames opening before it are not looked for again, so that each part of the
 * text is scanned a bounded number of times.
 */
static size_t frame_end(fg_strview tt, size_t s, size_t i, size_t *seen)
{
    fg_strview seg = fg_sv(tt.ptr + s, i - s);
    size_t verb_end = SIZE_MAX;
    size_t stop;

    for (size_t v = 0; team_verbs[v] && verb_end == SIZE_MAX; v++) {
        size_t len = strlen(team_verbs[v]);

        for (size_t k = fg_parse__find_from(seg, 0, team_verbs[v]); k != SIZE_MAX;
             k = fg_parse__find_from(seg, k + len, team_verbs[v])) {
            size_t a = k + len;

            if ((AT(seg, a, "由") || AT(seg, a, "以")) && !AT(seg, a, "以来") &&
                !AT(seg, a, "以后") && !AT(seg, a, "以前") && !AT(seg, a, "以上")) {
                verb_end = s + a;
                break;
            }
        }
    }
    if (verb_end == SIZE_MAX)
        return SIZE_MAX;
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
        if (fg_parse__find_from(seg, verb_end - s, team_endings[e].s) != SIZE_MAX)
            return SIZE_MAX;
    if (i < *seen)
        return SIZE_MAX;
    stop = i;
    while (stop < tt.len && tt.ptr[stop] != '\n' && !AT(tt, stop, "。"))
        stop += fg_cp_len((unsigned char)tt.ptr[stop]);
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
        if (fg_parse__find_from(fg_sv(tt.ptr, stop), i, team_endings[e].s) != SIZE_MAX)
            return stop;
    *seen = stop;
    return SIZE_MAX;
}

int fg_parse__find_teams(parser *p, fg_strview t, const linemap *lm, size_t n_lm, size_t base_line)
{
    team_state ts = {p->cur_team, NO_CONT, false, false};
    size_t frame_seen = 0; /* frame_end(): where the last sentence looked at ends */
    size_t named_lines = 0; /* the line breaks since the current team was named here */
    size_t lm_k = 0; /* the line of team_lm that holds s */
    fg_strview tt;
    int depth = 0;
    size_t s = 0;
    bool line_start = true;
    bool named = false;
    int rc = FG_OK;

    /* With no current team, roles belong to nothing unless the text names a team. */
    for (size_t e = 0; e < N_TEAM_ENDINGS && ts.team == SIZE_MAX && !named; e++) {
        size_t from = n_lm && lm[0].off <= t.len ? lm[0].off : 0;

        if (!(sets.team_endings_alone >> e & 1))
            continue;
        named = fg_sv_find_n(fg_sv(t.ptr + from, t.len - from), team_endings[e].s,
                             team_endings[e].n) != SIZE_MAX;
    }
    if (ts.team == SIZE_MAX && !named)
        return FG_OK;

    FG_TRY(team_text(p, t, lm, n_lm));
    tt = fg_sv(p->team_text.ptr ? p->team_text.ptr : "", p->team_text.len);
    for (size_t i = 0;;) {
        size_t n = 0;
        bool end = i >= tt.len;

        if (!end) {
            unsigned char c = (unsigned char)tt.ptr[i];

            if (c == '\n') {
                n = 1;
                depth = 0;
            } else if (c != ';' && c != ',' && c != '(' && c != ')' && c != 0xEF && c != 0xE3) {
                /* Every delimiter and bracket is one of these or starts with EF or E3. */
                i += fg_cp_len(c);
                continue;
            } else if (depth > 0 || !team_delim_at(tt, i, &n)) {
                if (AT(tt, i, "（") || tt.ptr[i] == '(')
                    depth++;
                else if ((AT(tt, i, "）") || tt.ptr[i] == ')') && depth > 0)
                    depth--;
                i += fg_cp_len((unsigned char)tt.ptr[i]);
                continue;
            }
        }
        /* 成立以X为组长，Y为副组长，…为成员的NAME: the sentence is one segment. */
        if (!end && tt.ptr[i] != '\n' && !AT(tt, i, "。")) {
            size_t stop = frame_end(tt, s, i, &frame_seen);

            if (stop != SIZE_MAX) {
                i = stop;
                end = i >= tt.len;
                n = end ? 0 : tt.ptr[i] == '\n' ? 1 : 3;
            }
        }
        {
            fg_strview seg = fg_parse__trim(fg_sv(tt.ptr + s, i - s));
            bool whole_line = line_start && (end || tt.ptr[i] == '\n');
            size_t ref_end;
            fg_strview pre;
            fg_strview name = team_name_in(seg, whole_line, &ref_end, &pre);
            size_t above = SIZE_MAX; /* the team a group opened here belongs to */
            bool group = false;

            if (name.len == 0 && ts.team != SIZE_MAX) {
                above = p->teams[ts.team].parent;
                if ((whole_line || (line_start && !end && AT(tt, i, "。"))) &&
                    group_name(seg)) {
                    /* 综合协调组 under a 指挥部 (or after another of its groups) */
                    group = true;
                    name = seg;
                    ref_end = seg.len;
                    if (above == SIZE_MAX)
                        above = ts.team;
                } else if (line_start && group_lead_after(seg) > 0) {
                    /* 综合协调组：由X牵头，Y参与。 the group, then its sentence */
                    group = true;
                    ref_end = group_lead_after(seg);
                    name = fg_parse__trim(
                        fg_sv(seg.ptr, ref_end - (seg.ptr[ref_end - 1] == ':' ? 1 : 3)));
                    if (above == SIZE_MAX)
                        above = ts.team;
                } else if (line_start && group_subject_after(seg) > 0) {
                    /* 风险监测组由X牵头，Y参加，负责…: the group as its sentence's subject */
                    group = true;
                    ref_end = group_subject_after(seg);
                    name = fg_parse__trim(fg_sv(seg.ptr, ref_end));
                    if (above == SIZE_MAX)
                        above = ts.team;
                } else if (line_start && group_label_after(seg) > 0) {
                    /* 考务组　组长单位：X；成员单位：Y: the group, then its labels */
                    group = true;
                    ref_end = group_label_after(seg);
                    name = fg_parse__trim(fg_sv(seg.ptr, ref_end));
                    if (above == SIZE_MAX)
                        above = ts.team;
                } else if (ref_end > 0 && above != SIZE_MAX) {
                    /* 指挥部办公室设在X after its groups: the team above them */
                    ts.team = above;
                }
            }
            /* 联席会议 / 成员单位：…: a bare ending names the team that ends with it. */
            if (name.len && ts.team != SIZE_MAX && bare_ending(name) &&
                bare_team(p, ts.team, name) != SIZE_MAX) {
                ts.team = bare_team(p, ts.team, name);
                name.len = 0;
            }
            if (name.len) {
                while (lm_k + 1 < p->n_team_lm && p->team_lm[lm_k + 1].off <= s)
                    lm_k++;
                FG_TRY(open_team(p, name, p->n_team_lm ? p->team_lm[lm_k].line : base_line,
                                 &ts.team));
                ts.named_here = true;
                named_lines = 0;
                if (group && above != ts.team && p->teams[ts.team].parent == SIZE_MAX)
                    p->teams[ts.team].parent = above;
                ts.cont = NO_CONT;
                FG_TRY(team_pre(p, &ts, pre));
            }
            seg = fg_parse__trim(fg_sv(seg.ptr + ref_end, seg.len - ref_end));
            /* The issuer's name over the date of issue ends the list: no member. */
            if (seg.len && whole_line && ts.cont >= 0 && !end && signed_below(tt, i + 1, tt.len)) {
                ts.cont = NO_CONT;
                seg.len = 0;
            }
            if (seg.len)
                FG_TRY(team_segment(p, &ts, seg, line_start && ref_end == 0));
            /*
             * A group's text is its name's line, the line after it and the lines of its labels
             * and lists: a line that opens otherwise (主要任务, a task's paragraph) ends it, so
             * that a task's X牵头，Y配合 below is no group's sentence.
             */
            if (ts.named_here && line_start && name.len == 0 && named_lines >= 2 &&
                ts.cont < 0 && seg.len && p->teams[ts.team].parent != SIZE_MAX) {
                size_t after;

                ts.named_here = fg_parse__team_label(seg, true, &after) != NULL ||
                                fg_parse__other_label(seg);
            }
        }
        if (end)
            break;
        /* A 。 ends the lists that list lines continue. */
        if (AT(tt, i, "。"))
            ts.cont = NO_CONT;
        line_start = tt.ptr[i] == '\n';
        named_lines += line_start;
        i += n;
        s = i;
    }
    p->cur_team = ts.team;
out:
    return rc;
}

int fg_parse__flush_pre_teams(parser *p)
{
    fg_strview t = fg_sv(p->pre_text.ptr ? p->pre_text.ptr : "", p->pre_text.len);
    size_t first = p->pre_lm_done;
    size_t from;

    if (first >= p->n_pre_lm)
        return FG_OK;
    p->pre_lm_done = p->n_pre_lm;
    from = p->pre_lm[first].off;
    if (p->no_teams || !fg_parse__team_signal(fg_sv(t.ptr + from, t.len - from)))
        return FG_OK;
    return fg_parse__find_teams(p, t, p->pre_lm + first, p->n_pre_lm - first,
                                p->pre_lm[first].line);
}

static int team_row_cmp(const void *a, const void *b)
{
    const size_t *x = a;
    const size_t *y = b;

    /* team, then role, then document order */
    for (int k = 0; k < 3; k++)
        if (x[k] != y[k])
            return x[k] < y[k] ? -1 : 1;
    return 0;
}

int fg_parse__order_team_rows(parser *p)
{
    size_t n = p->team_units.n;
    size_t *keys = NULL;
    size_t w = 0;
    int rc = FG_OK;

    if (n) {
        keys = malloc(n * 3 * sizeof *keys);
        p->team_order = malloc(n * sizeof *p->team_order);
        if (keys == NULL || p->team_order == NULL)
            FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
    }
    for (size_t k = 0; k < n; k++) {
        keys[3 * k] = p->team_of[k];
        keys[3 * k + 1] = (size_t)p->team_units.v[k].role;
        keys[3 * k + 2] = k;
    }
    if (n)
        qsort(keys, n, 3 * sizeof *keys, team_row_cmp);
    for (size_t k = 0; k < n; k++)
        p->team_order[k] = keys[3 * k + 2];
    for (size_t i = 0, r = 0; i < p->n_teams; i++) {
        pteam tm = p->teams[i];

        tm.unit_first = r;
        while (r < n && keys[3 * r] == i)
            r++;
        tm.n_units = r - tm.unit_first;
        if (tm.n_units)
            p->teams[w++] = tm;
    }
    p->n_teams = w;
out:
    free(keys);
    return rc;
}

bool fg_parse__team_label_alone(fg_strview s)
{
    size_t after;
    const team_word *w;

    /* ： EF BC 9A: a test of the last byte first */
    if (s.len < 6 || !(s.ptr[s.len - 1] == ':' ||
                       ((unsigned char)s.ptr[s.len - 1] == 0x9A && AT(s, s.len - 3, "："))))
        return false;
    w = fg_parse__team_label(s, true, &after);
    return w != NULL && w->role != TEAM_SKIP && after == s.len;
}

bool fg_parse__team_list_line(fg_strview s, fg_strview *unit)
{
    mark m;
    fg_strview u;

    if (!fg_parse__marker_at(s, 0, true, &m) || m.len >= s.len)
        return false;
    u = fg_parse__trim(fg_sv(s.ptr + m.len, s.len - m.len));
    if (fg_sv_ends(u, "；") || fg_sv_ends(u, "。"))
        u.len -= 3;
    else if (fg_sv_ends(u, ";"))
        u.len -= 1;
    if (u.len == 0 || u.len > 120 || fg_sv_contains(u, "：") ||
        !fg_clause__looks_like_unit(u))
        return false;
    *unit = u;
    return true;
}

bool fg_parse__names_team_role(fg_strview s)
{
    for (size_t i = 0; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i])) {
        size_t end;
        bool spaced;

        if (fg_cjkset_has(&sets.team_word_firsts, s.ptr + i) &&
            team_word_at(s, i, &end, &spaced) != NULL)
            return true;
    }
    return false;
}

bool fg_parse__roster_title(fg_strview s)
{
    static const fg_lit tails[] = {FG_LIT("成员单位名单"), FG_LIT("组成人员名单"),
                                   FG_LIT("成员名单"),     FG_LIT("人员名单"),
                                   FG_LIT("组成人员"),     FG_LIT("名单")};
    fg_strview name = fg_parse__trim(s);
    size_t t;

    if (name.len > 60 * 3)
        return false;
    /* 附： 附件： (附件1：… starts a part of its own: fg_parse__annex_header()) */
    for (size_t n = 3; n <= 6; n += 3)
        if (fg_sv_at(name, 0, "附件", n) && (AT(name, n, "：") || AT(name, n, ":"))) {
            size_t c = AT(name, n, ":") ? 1 : 3;

            name = fg_parse__trim(fg_sv(name.ptr + n + c, name.len - n - c));
            break;
        }
    for (t = 0; t < sizeof tails / sizeof tails[0]; t++)
        if (fg_sv_ends_n(name, tails[t].s, tails[t].n))
            break;
    if (t == sizeof tails / sizeof tails[0])
        return false;
    name.len -= tails[t].n;
    /* A name of a team: its ending after 2 characters or more, no sentence in it. */
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
        if (fg_sv_ends_n(name, team_endings[e].s, team_endings[e].n))
            return name.len >= team_endings[e].n + 6 && name_like(name) &&
                   !fg_sv_contains(name, "，") && !fg_sv_contains(name, "。") &&
                   !fg_sv_contains(name, "：") && !fg_sv_contains(name, "的") &&
                   !fg_sv_contains(name, "由") && !fg_sv_contains(name, "为");
    return false;
}
