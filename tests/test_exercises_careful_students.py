"""check() on the real exercises with the answers a careful student wrote in the probe of 1 December
(reviews7/check_probe.md): right answers it refused, wrong ones it accepted, and messages that said
something false. Each answer is also passed through the student edition's check (digests of the
answers), which must agree with check()."""

import dataclasses

import pytest

from helpers.exercises import Kind, answer_digests, check, exercise, ids_article
from helpers.exercises.digests import _check_digest


def _student_edition_agrees(exercise_id: str, answer: object, right: bool) -> None:
    task = exercise(exercise_id)
    if task.kind is Kind.NUMBER and task.tolerance:
        return  # a digest cannot compare a number within a tolerance: the student edition does not check it
    withheld = dataclasses.replace(
        task, withheld=True, answer_digests=answer_digests(exercise_id), ids_article=ids_article(exercise_id)
    )
    assert _check_digest(withheld, answer).right is right, (exercise_id, answer)


#: Right answers the probe found refused (1.1–1.6), with the exercise each was given for.
RIGHT = [
    # 1.2: a correct reason that argues against another option or mirrors its words
    ("china-japan-2025/hedge-p021", "b, the first is certain and the second hedged"),
    ("china-japan-2025/hedge-p021", "b: the first outcome is stated as certain (将), the second hedged (或将)"),
    ("japan-korea-2024/note-ten", "a: 〔2〕 stands after the sentence it documents"),
    ("japan-korea-2024/note-ten", "a, markers stand after what they document"),
    ("japan-korea-2024/note-ten", "a, the position tells us something"),
    ("japan-korea-2024/note-ten", "a, sometimes before the 。, sometimes after, but always after what they document"),
    ("japan-korea-2024/bound-to", "b, 勢必 doesn't mean 'perhaps'"),
    ("japan-korea-2024/bound-to", "b, 勢必 isn't 'perhaps'"),
    ("abe-beijing-2018/seven-years", "b, Abe's 2014 trip was for APEC so the visits had stalled"),
    ("sources/our-country", "b, the PLA's title was 總參謀長"),
    ("japan-us-2021/g7-years", "b, the summit number would be 45"),
    # 1.1: a letter, a space, then words
    ("central-asia-2007/seems-hedge", "b seems"),
    ("central-asia-2007/seems-hedge", "b 'seems'"),
    ("central-asia-2007/seems-hedge", "b seems not to have realised"),
    ("abe-beijing-2018/seven-years", "b calendar years"),
    ("abe-beijing-2018/seven-years", "b; 6 years 10 months rounds to seven"),
    ("sources/conversion-forms", "a s2t only"),
    ("sources/conversion-forms", "a s2t"),
    # 1.5: numbers
    ("japan-us-2021/trade-minutes", "二百六十"),
    ("japan-us-2021/trade-minutes", "两百六十"),
    ("japan-us-2021/trade-minutes", "二百六十分钟"),
    ("japan-us-2021/trade-minutes", "二六〇"),
    ("japan-us-2021/trade-minutes", "two hundred and sixty"),
    ("japan-us-2021/trade-minutes", "two hundred sixty"),
    ("japan-us-2021/trade-minutes", "260 minutes in all"),
    ("japan-us-2021/trade-minutes", "about 260"),
    ("sources/notes-without-text", "28 (15 + 13)"),
    ("sources/notes-without-text", "15 + 13 = 28"),
    ("sources/notes-without-text", "28 (15 in central-asia-2007, 13 in japan-korea-2024)"),
    ("sources/notes-without-text", "廿八"),
    ("china-japan-2025/tai-hits", "4, all 上台"),
    # 1.3: ids
    ("abe-beijing-2018/separation-joined", "p012."),
    ("abe-beijing-2018/separation-joined", "p012: 以「21世紀海上絲綢之路」為名"),
    ("abe-beijing-2018/separation-joined", "p012 (21世紀海上絲綢之路 used for a military presence)"),
    ("abe-beijing-2018/separation-joined", "paragraph 12"),
    ("abe-beijing-2018/separation-joined", "para 12"),
    ("abe-beijing-2018/separation-joined", "p.12"),
    ("abe-beijing-2018/separation-joined", "¶12"),
    ("abe-beijing-2018/reported-possibility", "p001, p010."),
    ("abe-beijing-2018/reported-possibility", "p001 (Abe), p010 (Whiton)"),
    ("abe-beijing-2018/reported-possibility", "p001 p010 (not p015)"),
    ("abe-beijing-2018/reported-possibility", "paragraphs 1 and 10"),
    ("abe-beijing-2018/reported-possibility", "abe-beijing-2018 p001, p010"),
    ("japan-us-2021/duichong-offset", "p027 (對衝美方壓力)"),
    ("japan-us-2021/duichong-offset", "p027 (offset US pressure)"),
    ("japan-us-2021/duichong-offset", "p027, not p030"),
    ("japan-us-2021/duichong-offset", "paragraph 27"),
    ("japan-korea-2024/so-called-threat", "p010, p015."),
    ("japan-korea-2024/so-called-threat", "p010, p015, not p017"),
    ("japan-korea-2024/so-called-threat", "p010 p015 (not p017)"),
    ("japan-korea-2024/so-called-threat", "p010 and p015 (所謂朝鮮威脅)"),
    ("japan-korea-2024/reported-decisions", "p013,p015,p016,p017,p018 (not p009, p026, p027)"),
    ("japan-korea-2024/reported-decisions", "p013, p015–p018"),
    ("japan-korea-2024/reported-decisions", "p013, p015-p018"),
    ("japan-korea-2024/reported-decisions", "p013, p015 to p018"),
    ("japan-korea-2024/reported-decisions", "p13-p18 except p14"),
    # 1.4: text with a gloss, a tag or a working note
    ("japan-us-2021/hedge-encirclement", "儼然 (as if)"),
    ("japan-us-2021/hedge-encirclement", "儼然 'as if'"),
    ("japan-us-2021/hedge-encirclement", "儼然 (p021)"),
    ("japan-us-2021/hedge-encirclement", "yanran 儼然"),
    ("japan-korea-2024/previous-dialogue-year", "2014 (2023 - 9)"),
    ("japan-korea-2024/previous-dialogue-year", "2014, 9 years before 2023"),
    ("japan-korea-2024/previous-dialogue-year", "2014年（2023年减9年）"),
    ("abe-beijing-2018/reconciling-sentence", "但是，此舉並非意味安倍放棄對大陸的平衡措施 (p011)"),
    ("abe-beijing-2018/reconciling-sentence", "但是，此舉並非意味安倍放棄對大陸的平衡措施 (the last sentence of p011)"),
    ("abe-beijing-2018/reconciling-sentence", "p011: 但是，此舉並非意味安倍放棄對大陸的平衡措施"),
    ("abe-beijing-2018/reconciling-sentence", "但是、此舉並非意味安倍放棄對大陸的平衡措施"),
    ("abe-beijing-2018/reconciling-sentence", "但是，此舉並非意味安倍放棄對大陸的平衡措施；"),
    # 1.6: dates
    ("japan-us-2021/gsomia-dates", "Aug 2019, Nov 2019, Nov 22 2019"),
    ("japan-us-2021/gsomia-dates", "Aug 2019, Nov 2019, 22 Nov 2019"),
    ("japan-us-2021/gsomia-dates", "Aug. 2019, Nov. 2019, 22 Nov. 2019"),
    ("japan-us-2021/gsomia-dates", "Aug 2019, 2019-11, 2019-11-22"),
    ("japan-us-2021/gsomia-dates", "2019-08, 2019-11, November 22, 2019"),
    # 2.1: a bare "yes" fits two options of note-ten, but "yes (a)" names one
    ("japan-korea-2024/note-ten", "yes (a)"),
    # 1.5, 2.2: a duration in hours and minutes where the question asks for minutes
    ("japan-us-2021/trade-minutes", "4 hours 20 minutes"),
    # 1.7: the paragraph, then the letter; a choice by excluding the others
    ("china-japan-2025/duichong-need", "p021, a"),
    ("china-japan-2025/reconciling-sentence", "p022, c"),
    ("central-asia-2007/seems-hedge", "not a, not c, not d"),
    ("central-asia-2007/seems-hedge", "not a, c or d: b"),
    ("sources/two-chaoxian", "the second"),
    ("sources/conversion-forms", "only s2t"),
    # 1.8: a set of letters as a range, as "all except", with a note after a dash
    ("central-asia-2007/reported-or-author", "all except d and e"),
    ("central-asia-2007/reported-or-author", "a–c"),
    ("central-asia-2007/reported-or-author", "a, b, c — d and e are the author's own"),
]


@pytest.mark.parametrize(("exercise_id", "answer"), RIGHT)
def test_a_careful_students_right_answer_is_accepted(exercise_id, answer):
    verdict = check(exercise_id, answer)
    assert verdict.right, (answer, verdict.message)
    _student_edition_agrees(exercise_id, answer, True)


#: Wrong or hedging answers, and the words the message must contain.
NOT_RIGHT = [
    # 2.1: "yes" fits (a) and (d) of note-ten
    ("japan-korea-2024/note-ten", "yes", "fits (a) and (d)"),
    ("japan-us-2021/g7-years", "yes", "fits (a) and (c)"),
    # 3.1: a wrong letter with a note is a wrong letter, not "give the letter"
    ("abe-beijing-2018/sankei-voice", "b the statistics", "(b) is not the best answer"),
    ("central-asia-2007/seems-hedge", "c refused", "(c) is not the best answer"),
    ("central-asia-2007/seems-hedge", "b is wrong, a", ""),
    ("central-asia-2007/seems-hedge", "b c d", ""),
    ("central-asia-2007/seems-hedge", "b a, c", ""),
    # 1.2: the narrow rule still refuses a short reason that is nothing but another option's words
    ("central-asia-2007/seems-hedge", "b (refused)", "those of (c)"),
    ("central-asia-2007/seems-hedge", "c seems", "those of (b)"),
    # 2.4, 3.3: numbers
    ("abe-beijing-2018/separation-joined", "p0012", "not a paragraph id"),
    ("japan-us-2021/trade-minutes", "二百五十", "250 is too low"),
    ("japan-us-2021/trade-minutes", "十十", "wants a number"),
    ("sources/notes-without-text", "28 (or 29)", "gives two numbers"),
    ("sources/notes-without-text", "28, or maybe 29", "gives two numbers"),
    # 1.3, 3.4, 3.8: ids
    ("abe-beijing-2018/reported-possibility", "p001, p010, not p015, p011", "1 should not be there (p011)"),
    ("japan-korea-2024/reported-decisions", "p13-p18", "1 should not be there (p014)"),
    ("japan-us-2021/duichong-offset", "japan-korea-2024:p027", "another article (japan-korea-2024)"),
    ("abe-beijing-2018/reported-possibility", "central-asia-2007:p001, central-asia-2007:p010", "another article"),
    ("japan-us-2021/duichong-offset", "p030", "0 of your 1 is right"),
    ("japan-us-2021/duichong-offset", "not p027", "leaves out every id"),
    # 2.2, 2.3: a unit the question does not ask for
    ("japan-us-2021/trade-minutes", "260 hours", "asks for minutes, not hours"),
    ("china-japan-2025/tai-hits", "4%", "not a percentage"),
    # 1.7: a paragraph tag that is another option's
    ("china-japan-2025/duichong-need", "p022, a", "(a) is about p021"),
    ("central-asia-2007/seems-hedge", "not a, not b, not d", "(c) is not the best answer"),
    ("central-asia-2007/reported-or-author", "all except a", "should not be there (d, e)"),
    # 3.7: words that plainly name a wrong option
    ("japan-korea-2024/duichong-offset", "hedging", "(a) is not the best answer"),
    ("japan-korea-2024/bound-to", "perhaps", "(a) is not the best answer"),
    ("sources/two-chaoxian", "the first", "(c) is not the best answer"),
    ("sources/our-country", "the ROC, the PRC", ""),
    # 3.6: text with additions that is not right says to give only the answer
    ("japan-us-2021/hedge-encirclement", "彷彿 (as if)", "Give only the answer itself"),
    ("japan-us-2021/hedge-encirclement", "儼然 (or 彷彿)", "is not the answer"),
    ("japan-korea-2024/previous-dialogue-year", "2014, or 2013", "gives a second year"),
    # 3.5: dates
    ("japan-us-2021/gsomia-dates", "8月, 11月, 11月22日", "with its year"),
    ("japan-us-2021/gsomia-dates", "2019-08, 2019-12, November 22, 2019", "2 of the 3 items are right"),
]


@pytest.mark.parametrize(("exercise_id", "answer", "says"), NOT_RIGHT)
def test_a_wrong_or_hedging_answer_is_refused_with_a_true_message(exercise_id, answer, says):
    verdict = check(exercise_id, answer)
    assert not verdict.right and says in verdict.message, (answer, verdict.message)
    assert "Give the letter of one option" not in verdict.message or not says, (answer, verdict.message)
    _student_edition_agrees(exercise_id, answer, False)


def test_a_range_of_ids_keeps_an_article_id_of_any_form():
    # A teacher's sixth article may have an id without a year ("demo"): every id of the range is its.
    from helpers.exercises.answers import _id_items

    items, excluded = _id_items("demo:p015–p017, demo:p020")
    assert items == ["demo:p015", "demo:p016", "demo:p017", "demo:p020"] and excluded == []
