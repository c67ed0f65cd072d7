"""Tests of helpers.quantities, mostly on snippets copied from the five articles.

Every expected value below was worked out by reading the cleaned paragraph the
snippet comes from (and, for the spaced cases, the raw seed file), not copied
from the extractor's output. ``test_snippet_occurs_in_its_article`` keeps the
table tied to the texts: if the cleaner changes a paragraph, the case fails
there instead of silently testing text that no longer exists.
"""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_info import seeds_in

import helpers
from helpers.corpus.tables import quantities_frame
from helpers.quantities import COLUMNS, extract_quantities, parse_number
from helpers.script import to_simplified, to_traditional

CORPUS = helpers.load_corpus()
NAN = math.nan
ABE, US, CJ = "abe-beijing-2018", "japan-us-2021", "china-japan-2025"
CA, KR = "central-asia-2007", "japan-korea-2024"


def case(article, snippet, raw, value, unit, qualifier="", high=NAN, ordinal=False):
    return pytest.param(article, snippet, raw, value, high, unit, qualifier, ordinal, id=f"{article}:{raw}")


# (article, snippet from a cleaned paragraph, raw, value, unit, qualifier, high, ordinal)
CASES = [
    # abe-beijing-2018
    case(ABE, "重新開啟停滯7年之久的兩國領袖互訪機制", "7年之久", 7, "year"),
    case(ABE, "日「中」雙方歷經三年多的長時間摸索", "三年多", 3, "year", "多"),
    case(ABE, "2017年雙方貿易總額為33兆日圓", "33兆日圓", 33e12, "JPY"),
    case(ABE, "比前一年成長9.8%", "9.8%", 9.8, "percent"),
    case(ABE, "日本出口大陸為15兆日圓", "15兆日圓", 15e12, "JPY"),
    case(ABE, "占日本對外出口比率19%", "19%", 19, "percent"),
    case(ABE, "共有3萬2349家日本企業", "3萬2349家", 32349, "家"),
    case(ABE, "約占日本企業在海外據點的43%", "43%", 43, "percent"),
    case(ABE, "慶祝日「中」兩國締結和平條約40週年名義", "40週年", 40, "anniversary", ordinal=True),
    case(ABE, "利用安倍在北京訪問期間召開第1次會議", "第1次", 1, "次", ordinal=True),
    case(ABE, "包括雙方企業高層約一千五百人出席與會", "約一千五百人", 1500, "人", "約"),
    case(ABE, "共締結52項(總金額達180億美元)的合作協定", "52項", 52, "項"),
    case(ABE, "共締結52項(總金額達180億美元)的合作協定", "達180億美元", 18e9, "USD", "達"),
    case(ABE, "經濟效益性等四項條件", "四項", 4, "項"),
    case(ABE, "等12項備忘錄或協定", "12項", 12, "項"),
    case(ABE, "當時的互換上限為3300億日圓", "3300億日圓", 3300e8, "JPY"),
    case(ABE, "此次重新簽署為期3年的貨幣互換機制", "3年", 3, "year"),
    case(ABE, "大幅提高互換上限達十倍的3.4兆日圓", "達十倍", 10, "times", "達"),
    case(ABE, "大幅提高互換上限達十倍的3.4兆日圓", "3.4兆日圓", 3.4e12, "JPY"),
    case(ABE, "將提供2000億人民幣(約三點四兆日圓)規模", "2000億人民幣", 2000e8, "CNY"),
    case(ABE, "將提供2000億人民幣(約三點四兆日圓)規模", "約三點四兆日圓", 3.4e12, "JPY", "約"),
    case(ABE, "共同設立超過1,000億日圓的基金", "超過1,000億日圓", 1000e8, "JPY", "超過"),
    case(ABE, "尚有13項領域未完成談判、僅5項達成妥協", "13項", 13, "項"),
    case(ABE, "尚有13項領域未完成談判、僅5項達成妥協", "5項", 5, "項"),
    case(ABE, "防衛預算限縮在GDP 1%以下", "1%以下", 1, "percent", "以下"),
    case(ABE, "今後5年內將大幅提高至GDP 1.3%", "5年", 5, "year"),
    case(ABE, "今後5年內將大幅提高至GDP 1.3%", "1.3%", 1.3, "percent"),
    case(ABE, "將增購最多100架第五代隱形戰機F-35", "最多100架", 100, "架", "最多"),
    case(ABE, "將增購最多100架第五代隱形戰機F-35", "第五代", 5, "代", ordinal=True),
    case(ABE, "加上先前已採購42架", "42架", 42, "架"),
    case(ABE, "屆時將讓日本擁有140架第五代戰機", "140架", 140, "架"),
    case(ABE, "執行三個月的長期演訓任務", "三個月", 3, "month"),
    case(ABE, "率領6位將領赴東京", "6位", 6, "位"),
    case(ABE, "進行中斷近8年的軍事交流", "近8年", 8, "year", "近"),
    case(ABE, "亦高達史上第二高", "第二", 2, "", ordinal=True),
    case(ABE, "安倍亦將第二次內閣成立以來", "第二次", 2, "次", ordinal=True),
    case(ABE, "美日「中」三組雙邊關係的變化", "三組", 3, "組"),
    # japan-us-2021
    case(US, "發展中國家GDP總和全球佔比已達40%", "達40%", 40, "percent", "達"),
    case(US, "其中中國為16%", "16%", 16, "percent"),
    case(US, "2019年雙方領導人在各種場合舉行了5次首腦會談", "5次", 5, "次"),
    case(US, "總時長約415分鐘", "約415分鐘", 415, "minute", "約"),
    case(US, "將駐日美軍費用負擔額提高至80億美元左右", "80億美元左右", 80e8, "USD", "左右"),
    case(US, "經歷了逾1年時間", "逾1年", 1, "year", "逾"),
    case(US, "通過15次首腦、部長級及事務級會談", "15次", 15, "次"),
    case(US, "日本對約合72億美元的美國進口農產品", "約合72億美元", 72e8, "USD", "約合"),
    case(US, "拉動日本實際GDP增長0.8%", "0.8%", 0.8, "percent"),
    case(US, "新增就業崗位28萬個", "28萬個", 280000, "個"),
    case(US, "農業產值預計將減少600~1100億日元", "600~1100億日元", 600e8, "JPY", high=1100e8),
    case(US, "日方主導的第七屆非洲開發會議", "第七屆", 7, "屆", ordinal=True),
    case(US, "日本海上自衛隊連續第三年實施", "第三年", 3, "年", ordinal=True),
    case(US, "日美印澳四國外長在紐約舉行", "四國", 4, "國"),
    case(US, "日美歐三次召開貿易部長會議", "三次", 3, "次"),
    case(US, "導致峰會44年來首次未發表聯合公報", "44年", 44, "year"),
    case(US, "《新日美安全條約》締約60周年", "60周年", 60, "anniversary", ordinal=True),
    case(US, "面臨同盟關係60年歷史節點", "60年", 60, "year"),
    case(US, "美海軍第五艦隊司令部", "第五", 5, "", ordinal=True),
    # china-japan-2025
    case(CJ, "区间(—3分至-6分)持续波动", "—3分至-6分", -6, "point", high=-3),
    case(CJ, "临界点(-6.0分)", "-6.0分", -6, "point"),
    case(CJ, "两国关系分值逐步回升,并于2024年12月升至-5.0后维持", "-5.0", -5, "point"),
    case(CJ, "两国执政党时隔近7年重启交流", "近7年", 7, "year", "近"),
    case(CJ, "历经16年磋商的中日防务部门", "16年", 16, "year"),
    case(CJ, "占比则在多个月份达到80%以上", "80%以上", 80, "percent", "以上"),
    case(CJ, "其防卫费将于2027财年达到GDP的2%", "2%", 2, "percent"),
    case(CJ, "中日韩三国有望于日本举办第十次领导人会谈", "三国", 3, "国"),
    case(CJ, "中日韩三国有望于日本举办第十次领导人会谈", "第十次", 10, "次", ordinal=True),
    case(CJ, "相较于七年前", "七年", 7, "year"),
    case(CJ, "支持率基本在20%至40%左右的低位区间徘徊", "20%至40%左右", 20, "percent", "左右", high=40),
    case(CJ, "反法西斯战争胜利80周年", "80周年", 80, "anniversary", ordinal=True),
    case(CJ, "中日两国在未来一年内(2025年7月至2026年6月)", "一年", 1, "year"),
    case(CJ, "这些结构性矛盾主要体现在三个方面", "三个", 3, "个"),
    case(CJ, "鉴于特朗普第二任期外交政策", "第二任", 2, "任", ordinal=True),
    # central-asia-2007
    case(CA, "吉尔吉斯斯坦中亚4国", "4国", 4, "国"),
    case(CA, "日本的中亚政策经历了三个阶段", "三个", 3, "个"),
    case(CA, "各承诺提供1亿美元的紧急人道主义援助", "1亿美元", 1e8, "USD"),
    case(CA, "其中一部分提供给中亚五国", "五国", 5, "国"),
    case(CA, "向吉提供了价值66亿日元的", "66亿日元", 66e8, "JPY"),
    case(CA, "并向哈提供了2.2亿美元的援助和1.28亿美元的贷款", "2.2亿美元", 2.2e8, "USD"),
    case(CA, "并向哈提供了2.2亿美元的援助和1.28亿美元的贷款", "1.28亿美元", 1.28e8, "USD"),
    case(CA, "日本国际发展基金会向哈提供了73亿日元", "73亿日元", 73e8, "JPY"),
    case(CA, "日本向乌兹别克斯坦提供了127亿日元的", "127亿日元", 127e8, "JPY"),
    case(CA, "提供9000万美元的贷款和100万日元的无偿贷款", "9000万美元", 9000e4, "USD"),
    case(CA, "提供9000万美元的贷款和100万日元的无偿贷款", "100万日元", 100e4, "JPY"),
    case(CA, "日本向哈萨克斯坦提供了215.3亿日元贷款", "215.3亿日元", 215.3e8, "JPY"),
    case(CA, "日本承诺1993—1995年从中亚五国接收300名研修生", "300名", 300, "名"),
    case(CA, "中亚国家经过独立后5年的发展", "5年", 5, "year"),
    case(CA, "从1997年的1.56亿美元上升至2003年的2.42亿美元", "1.56亿美元", 1.56e8, "USD"),
    case(CA, "从1997年的1.56亿美元上升至2003年的2.42亿美元", "2.42亿美元", 2.42e8, "USD"),
    case(CA, "2006年6月，第二届“中亚+日本”外长会议", "第二届", 2, "届", ordinal=True),
    case(CA, "日本的第三个外交基轴", "第三个", 3, "个", ordinal=True),
    case(CA, "分别拥有里海南部三个油田10%和3.92%的股份", "3.92%", 3.92, "percent"),
    case(CA, "分别拥有该管道3.4%和2.5%的股份", "2.5%", 2.5, "percent"),
    case(CA, "提供了5.8亿美元的贷款", "5.8亿美元", 5.8e8, "USD"),
    case(CA, "两家日本公司分别占25%和10%的股份", "两家", 2, "家"),
    case(CA, "两家日本公司分别占25%和10%的股份", "25%", 25, "percent"),
    case(CA, "该项目一期投资预计1亿美元", "预计1亿美元", 1e8, "USD", "预计"),
    case(CA, "2010年前每年可开采铀矿1000吨", "1000吨", 1000, "吨"),
    case(CA, "两次“中亚+日本”对话会议", "两次", 2, "次"),
    case(CA, "日本在中亚的利益主要有三方面", "三方面", 3, "方面"),
    # japan-korea-2024
    case(KR, "特別是文在寅執政5年期間", "5年", 5, "year"),
    case(KR, "布局中的兩個重要支柱", "兩個", 2, "個"),
    case(KR, "“深度和解”三種態勢", "三種", 3, "種"),
    case(KR, "150公里以外的海域", "150公里", 150, "km"),
    case(KR, "這也是三國時隔5年再次舉行", "5年", 5, "year"),
    case(KR, "所謂第三屆“民主峰會”", "第三屆", 3, "屆", ordinal=True),
    case(KR, "尹錫悅以微弱優勢在第20屆韓國總統競選中當選", "第20屆", 20, "屆", ordinal=True),
    case(KR, "因領土問題中斷12年之久", "12年之久", 12, "year"),
    case(KR, "僅時隔50餘天", "50餘天", 50, "day", "餘"),
    case(KR, "《協商約定》三份文件", "三份", 3, "份"),
    case(KR, "日韓明確重啓中斷5年的部長級安全對話", "5年", 5, "year"),
    case(KR, "時隔9年重啓", "9年", 9, "year"),
    case(KR, "共同出席第九次中日韓領導人會議", "第九次", 9, "次", ordinal=True),
    case(KR, "以泛在野黨陣營192席的巨大勝利結束", "192席", 192, "席"),
    case(KR, "第22屆國會", "第22屆", 22, "屆", ordinal=True),
    case(KR, "不締結美日韓三國軍事同盟", "三國", 3, "國"),
    case(KR, "該事件成為日韓關係第一輪改善", "第一輪", 1, "輪", ordinal=True),
]

# Raw-style input: the seed files put spaces between digits and Han characters.
RAW_CASES = [
    case(ABE, "10 月，共有 3 萬 2349 家日本企業", "3 萬 2349 家", 32349, "家"),
    case(ABE, "定共同設立超過 1,000 億日圓的基金", "超過 1,000 億日圓", 1000e8, "JPY", "超過"),
    case(ABE, "加上先前已採購 42 架", "42 架", 42, "架"),
    case(KR, "因領土問題中斷 12 年之久", "12 年之久", 12, "year"),
    case(KR, "演，這也是三國時隔 5 年再次舉行", "5 年", 5, "year"),
    case(KR, "以微弱優勢在第 20 屆韓國總統競選", "第 20 屆", 20, "屆", ordinal=True),
    case(KR, "以泛在野黨陣營 192 席的巨大勝利", "192 席", 192, "席"),
]

# Snippets with numbers that are not quantities. "text" = a cleaned paragraph,
# "raw" = the seed file (markers, URLs and grant numbers only survive there).
NEGATIVES = [
    (ABE, "text", "自2014年11月北京亞太經合會"),
    (ABE, "text", "於2018年5月8至11日訪問東京"),
    (ABE, "text", "同年10月25至27日回訪北京"),
    (ABE, "text", "一直到2017年下半期"),
    (ABE, "text", "《中期防衛力整備計畫》(2019~2023年)"),
    (ABE, "text", "所設定在明(2019)年秋達成共識"),
    (ABE, "text", "日本連續於2014、2015年應邀參加"),
    (ABE, "text", "李克強訪問東京前後的4~6月間"),
    (ABE, "text", "其中包括垂直起降的F-35B戰機"),
    (ABE, "text", "更企圖以「21世紀海上絲綢之路」為名"),
    (ABE, "text", "比前一年"),
    (ABE, "text", "兩國關係"),
    (ABE, "raw", "(2019~2023 年 )"),
    (ABE, "raw", "東京前後的 4~6 月間"),
    (US, "text", "川普又出席大阪G20峰會"),
    (US, "text", "在同年8月法國比亞裡茨G7峰會上"),
    (US, "text", "兩國外交與防務「2+2」部長級會談"),
    (US, "text", "2019年5~6月,川普多次聲稱"),
    (US, "text", "5G通信、人工智慧"),
    (US, "text", "(參見表1)"),
    (US, "text", "(1)通過實戰化訓演"),
    (US, "text", "「百年未有之大變局」"),
    (CJ, "text", "(2025年7月至2026年6月)"),
    (CJ, "text", "(见图1)"),
    (CJ, "text", "其防卫费将于2027财年"),
    (CJ, "raw", "(项目批准号:218ZD167)"),
    (CJ, "raw", "<https://www.mofa.go.jp/mofaj/files/100791691.pdf>"),
    (CJ, "raw", "<sup>①</sup>"),
    (CA, "text", "20世纪90年代初期"),
    (CA, "text", "即1992-1997年的起步阶段"),
    (CA, "text", "9·11事件的发生"),
    (CA, "text", "共同开发哈境内Kharasan-1和Kharasan-2铀矿"),
    (CA, "text", "经历了一个调整变化的过程"),
    (CA, "text", "十分有限"),
    (CA, "raw", "[2]（P.65）"),
    (KR, "text", "1998年8月朝鮮試射大浦洞1號導彈"),
    (KR, "text", "面向21世紀的共同宣言"),
    (KR, "text", "2023年3月16至17日"),
    (KR, "text", "5月7日至8日，岸田文雄訪韓"),
    (KR, "text", "在1950年代冷戰開始之際"),
    (KR, "text", "二十世紀以來"),
    (KR, "text", "2023年5月七國集團廣島峰會期間"),
    (KR, "text", "“1965年體制”"),
    (KR, "raw", "關係交換意見。〔12〕以應對朝鮮"),
]


def paragraphs_with(article_id, snippet):
    return [p for p in CORPUS[article_id].paragraphs if snippet in p.text]


def only_row(frame, raw):
    rows = frame[frame.raw == raw]
    assert len(rows) == 1, f"{raw!r} found {len(rows)} times in {frame.raw.tolist()}"
    return rows.iloc[0]


def assert_row(row, value, high, unit, qualifier, ordinal):
    assert row.value == pytest.approx(value)
    if math.isnan(high):
        assert math.isnan(row.value_high)
    else:
        assert row.value_high == pytest.approx(high)
    assert (row.unit, row.qualifier, bool(row.ordinal)) == (unit, qualifier, ordinal)


# --- Cases from the texts -----------------------------------------------------------


def test_the_table_covers_every_article_with_enough_cases():
    articles = {param.values[0] for param in CASES}
    assert articles == set(seeds_in(CORPUS.ids))
    assert len(CASES) >= 60
    assert len(NEGATIVES) >= 30


@pytest.mark.parametrize("article, snippet, raw, value, high, unit, qualifier, ordinal", CASES)
def test_snippet_occurs_in_its_article(article, snippet, raw, value, high, unit, qualifier, ordinal):
    assert paragraphs_with(article, snippet), f"{snippet!r} is not in any paragraph of {article}"
    assert raw in snippet


@pytest.mark.parametrize("article, snippet, raw, value, high, unit, qualifier, ordinal", CASES)
def test_quantity_in_snippet(article, snippet, raw, value, high, unit, qualifier, ordinal):
    row = only_row(extract_quantities(snippet), raw)
    assert_row(row, value, high, unit, qualifier, ordinal)
    assert snippet[row.start : row.end] == raw


@pytest.mark.parametrize("article, snippet, raw, value, high, unit, qualifier, ordinal", CASES)
def test_quantity_reads_the_same_in_its_paragraph(article, snippet, raw, value, high, unit, qualifier, ordinal):
    paragraph = paragraphs_with(article, snippet)[0].text
    offset = paragraph.index(snippet) + snippet.index(raw)
    found = extract_quantities(paragraph)
    rows = found[found.start == offset]
    assert len(rows) == 1, f"nothing starts at {raw!r} in {found.raw.tolist()}"
    assert rows.iloc[0].raw == raw
    assert_row(rows.iloc[0], value, high, unit, qualifier, ordinal)


@pytest.mark.parametrize("article, snippet, raw, value, high, unit, qualifier, ordinal", RAW_CASES)
def test_spaced_raw_text(article, snippet, raw, value, high, unit, qualifier, ordinal):
    assert snippet in CORPUS[article].raw
    assert_row(only_row(extract_quantities(snippet), raw), value, high, unit, qualifier, ordinal)


@pytest.mark.parametrize("article, where, snippet", NEGATIVES)
def test_numbers_that_are_not_quantities(article, where, snippet):
    source = CORPUS[article].raw if where == "raw" else "\n".join(p.text for p in CORPUS[article].paragraphs)
    assert snippet in source
    assert extract_quantities(snippet).raw.tolist() == []


def test_every_yen_amount_in_the_abe_commentary():
    # Read from p003 (33兆, 15兆), p008 (3300億, 3.4兆) and p009 (約三點四兆, 超過1,000億).
    frame = quantities_frame(CORPUS)
    yen = frame[(frame.article_id == ABE) & (frame.unit == "JPY")]
    assert sorted(yen.value) == pytest.approx(sorted([33e12, 15e12, 3300e8, 3.4e12, 3.4e12, 1000e8]))


def test_every_dollar_amount_in_the_central_asia_article():
    # p005: 1亿, 2.2亿, 1.28亿, 9000万; p008: 1.56亿, 2.42亿; p014: 5.8亿, 预计1亿.
    frame = quantities_frame(CORPUS)
    dollars = frame[(frame.article_id == CA) & (frame.unit == "USD")]
    expected = [1e8, 2.2e8, 1.28e8, 9000e4, 1.56e8, 2.42e8, 5.8e8, 1e8]
    assert sorted(dollars.value) == pytest.approx(sorted(expected))


def test_the_japan_us_article_has_one_range():
    frame = quantities_frame(CORPUS)
    ranges = frame[(frame.article_id == US) & frame.value_high.notna()]
    assert ranges.raw.tolist() == ["600~1100億日元"]


# --- Rules on made-up text -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("一千五百", 1500),
        ("三點四兆", 3.4e12),
        ("十", 10),
        ("二十", 20),
        ("兩", 2),
        ("两", 2),
        ("3 萬 2349", 32349),
        ("1,000 億", 1e11),
        ("215.3亿", 2.153e10),
        ("一萬億", 1e12),
        ("一億五千萬", 1.5e8),
        ("三萬二千", 32000),
        ("二〇二四", 2024),
        ("一千零五", 1005),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_parse_number_names_what_it_cannot_read():
    with pytest.raises(ValueError, match="not a numeral: '日本'"):
        parse_number("日本")


def test_extract_quantities_refuses_non_text():
    with pytest.raises(TypeError, match="needs a str, not NoneType"):
        extract_quantities(None)


@pytest.mark.parametrize(
    "text, raw, value, unit",
    [
        ("總額 2000 億人民幣", "2000 億人民幣", 2e11, "CNY"),
        ("韓方出資 100 億韓元", "100 億韓元", 1e10, "KRW"),
        ("歐盟提供 5 億歐元", "5 億歐元", 5e8, "EUR"),
        ("韩方 3 亿韩元", "3 亿韩元", 3e8, "KRW"),
        ("百分之二十", "百分之二十", 20, "percent"),
        ("3個百分點", "3個百分點", 3, "percentage point"),
        ("為期3日", "3日", 3, "day"),
        ("一個多月", "一個多月", 1, "month"),
    ],
)
def test_other_units(text, raw, value, unit):
    row = only_row(extract_quantities(text), raw)
    assert (row.value, row.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text", ["6日出席座談會", "一個過程", "同一天", "大浦洞1號", "三位一體", "見表 2", "2025-01-18"]
)
def test_more_numbers_that_are_not_quantities(text):
    assert extract_quantities(text).empty


# --- Properties -----------------------------------------------------------------------

MAGNITUDE = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
CURRENCY = {"日圓": "JPY", "日元": "JPY", "美元": "USD", "人民幣": "CNY", "韓元": "KRW", "欧元": "EUR"}


@given(
    n=st.integers(min_value=1, max_value=10**6),
    magnitude=st.sampled_from(sorted(MAGNITUDE)),
    currency=st.sampled_from(sorted(CURRENCY)),
    spaces=st.sampled_from(["", " "]),
)
def test_separated_integer_with_magnitude_round_trips(n, magnitude, currency, spaces):
    written = f"{n:,}{spaces}{magnitude}{currency}"
    found = extract_quantities(f"提供{written}的貸款")
    assert found.raw.tolist() == [written]
    assert found.value[0] == n * MAGNITUDE[magnitude]
    assert found.unit[0] == CURRENCY[currency]


def chinese_numeral(n):
    """Write 1 <= n < 10**8 in Chinese characters, independently of the module."""
    digits = "零一二三四五六七八九"

    def below_10000(k):
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // value % 10
            if d:
                out += ("零" if zero and out else "") + digits[d] + name
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10**4)
    if not high:
        return below_10000(low)
    return below_10000(high) + "萬" + ("零" if 0 < low < 1000 else "") + below_10000(low)


@given(st.integers(min_value=1, max_value=10**8 - 1))
def test_chinese_numerals_round_trip(n):
    assert parse_number(chinese_numeral(n)) == n
    # A lone 一 before a classifier is the indefinite article (一人 "someone"), so 1 is left out.
    assert extract_quantities(chinese_numeral(n) + "人").value.tolist() == ([n] if n > 1 else [])


@given(low=st.integers(1, 999), width=st.integers(1, 999), magnitude=st.sampled_from(sorted(MAGNITUDE)))
def test_a_magnitude_written_once_applies_to_both_ends(low, width, magnitude):
    found = extract_quantities(f"減少{low}~{low + width}{magnitude}美元")
    scale = MAGNITUDE[magnitude]
    assert (found.value[0], found.value_high[0]) == (low * scale, (low + width) * scale)


NUMBERY = st.text(
    alphabet=list("0123456789,.%~-—至第萬億兆千百十一二兩三點年月日天個人架分餘約近()[]〔〕①+·:/ABG 的，。\n"),
    max_size=40,
)


@settings(max_examples=300)
@given(st.one_of(NUMBERY, st.text(max_size=40)))
def test_offsets_slice_back_to_raw_and_never_raise(text):
    found = extract_quantities(text)
    assert found.columns.tolist() == COLUMNS
    for row in found.itertuples():
        assert text[row.start : row.end] == row.raw
        assert row.start < row.end
        assert math.isnan(row.value_high) or row.value <= row.value_high
    assert list(found.start) == sorted(found.start)
    assert all(a <= b for a, b in zip(found.end, found.start[1:]))


# --- The corpus -----------------------------------------------------------------------


def test_quantities_frame_on_the_corpus():
    frame = quantities_frame(CORPUS)
    assert frame.columns.tolist() == ["article_id", "para_id", *COLUMNS]
    texts = {p.id: p.text for article in CORPUS for p in article.paragraphs}
    for row in frame.itertuples():
        assert row.para_id.startswith(row.article_id + ":")
        assert texts[row.para_id][row.start : row.end] == row.raw
    assert set(seeds_in(CORPUS.ids)) <= set(frame.article_id)
    sizes = frame.groupby("article_id").size()
    assert sizes[seeds_in(CORPUS.ids)].min() >= 15  # every seed article cites amounts
    assert not frame[frame.ordinal].qualifier.astype(bool).any()
    # No year, month or day slipped through as an amount.
    assert not frame.raw.str.fullmatch(r"\d{4}年|\d{1,2}月|\d{1,2}日").any()
    assert not ((frame.value >= 1900) & (frame.value <= 2100) & (frame.unit == "")).any()


@pytest.mark.parametrize("article_id", [ABE, US, CJ, CA, KR])
def test_simplified_and_traditional_texts_give_the_same_numbers(article_id):
    article = CORPUS[article_id]
    convert = to_simplified if article.script == "traditional" else to_traditional
    keys = ["start", "end", "value", "value_high", "ordinal"]  # units and hedges change script
    for paragraph in article.paragraphs:
        original = extract_quantities(paragraph.text)
        converted = extract_quantities(convert(paragraph.text))
        pd.testing.assert_frame_equal(original[keys], converted[keys], check_dtype=False)


def test_empty_corpus_gives_an_empty_frame_with_the_columns():
    assert quantities_frame([]).columns.tolist() == ["article_id", "para_id", *COLUMNS]
