"""check() on the real exercises with the hedges that the second probe of 1 December
(reviews7/check_probe2.md) found accepted: a choice answer that offers a second option in its note,
a number hedged between two values, a text answer that denies itself, a second year in brackets and a
set hedged in a note. Careful students' answers that reject another option stay accepted. Each answer
also goes through the student edition's check (digests), which must agree."""

import pytest

from helpers.exercises import check
from tests.test_exercises_careful_students import _student_edition_agrees

G7, CHAOXIAN, COUNTRY, SEVEN = (
    "japan-us-2021/g7-years",
    "sources/two-chaoxian",
    "sources/our-country",
    "abe-beijing-2018/seven-years",
)

#: 1.1: a choice answer whose note offers a second option (right letter b on each of these exercises).
CHOICE_HEDGES = [
    *(
        (G7, answer)
        for answer in (
            "b (or maybe a)",
            "b (or perhaps a)",
            "b (or, maybe, a)",
            "b, or a",
            "b, or maybe a",
            "b or maybe a",
            "b or possibly a",
            "b maybe a",
            "b perhaps a",
            "b, maybe a",
            "b, perhaps a",
            "b, possibly a",
            "b — or a",
            "b (a?)",
            "b [a]",
            "b (a also possible)",
            "b (could also be a)",
            "b, though a is possible",
            "b, but it might be a",
            "b, although a could be right",
            "b, unless a",
            "b; a also fits",
            "b, a is close",
            "b (leaning a)",
            "b (second choice a)",
            "b (i think a)",
            "b (not sure, could be a)",
            "b but also a",
        )
    ),
    (CHAOXIAN, "b (or maybe c)"),
    (CHAOXIAN, "b, though c is possible"),
    (CHAOXIAN, "c, though b is possible"),
    (CHAOXIAN, "b [c]"),
    (SEVEN, "b, or a or c"),
    (SEVEN, "b, calendar years (or a)"),
    (SEVEN, "not an error (or an error)"),
    (SEVEN, "not an error, though maybe an error"),
    ("japan-us-2021/kwic-two-sign-characters", "either b or d"),
    ("abe-beijing-2018/zhongri-word-order", "either b or d"),
    ("abe-beijing-2018/zhongri-word-order", "b (d also possible)"),
    (COUNTRY, "b; c also"),
    (COUNTRY, "b (c perhaps)"),
    (COUNTRY, "ROC (or PRC)"),
    (COUNTRY, "the ROC, though maybe the PRC"),
]


@pytest.mark.parametrize("exercise_id, answer", CHOICE_HEDGES)
def test_a_choice_answer_that_offers_a_second_option_is_a_hedge(exercise_id, answer):
    verdict = check(exercise_id, answer)
    assert not verdict.right, (exercise_id, answer, str(verdict))
    assert "Give the letter of one option" in verdict.message, verdict.message
    _student_edition_agrees(exercise_id, answer, False)


#: Reasons that reject another option, or use the article "a", are not hedges.
CHOICE_REASONS = [
    (G7, "b, not a"),
    (G7, "b (not a)"),
    (G7, "b (a is wrong)"),
    (G7, "b, a is wrong"),
    (G7, "b; a is wrong too"),
    (G7, "b, the summit number would be 45"),
    (CHAOXIAN, "b (not c)"),
    (SEVEN, "b (a is more hedged; c and d are unchanged)"),
    (SEVEN, "b, not a or c"),
    (SEVEN, "b, calendar years"),
    (SEVEN, "b, maybe a slip of the pen by others but not here"),
    (COUNTRY, "b, not the PRC"),
    (COUNTRY, "b (not PRC)"),
    ("japan-korea-2024/duichong-offset", "b, not hedging"),
    ("japan-korea-2024/duichong-offset", "b (a hedge would keep options open)"),
]


@pytest.mark.parametrize("exercise_id, answer", CHOICE_REASONS)
def test_a_reason_that_rejects_another_option_is_not_a_hedge(exercise_id, answer):
    verdict = check(exercise_id, answer)
    assert verdict.right, (exercise_id, answer, str(verdict))
    _student_edition_agrees(exercise_id, answer, True)


TAI, NOTES, MINUTES = "china-japan-2025/tai-hits", "sources/notes-without-text", "japan-us-2021/trade-minutes"

#: 1.2: a number hedged between two values, in any script (the digit forms were refused already).
NUMBER_HEDGES = [
    (TAI, "四或五"),
    (TAI, "四或者五"),
    (TAI, "四 (或五)"),
    (TAI, "four (or five)"),
    (TAI, "4 (5?)"),
    (TAI, "4 (or 5)"),
    (NOTES, "二十八或二十九"),
    (NOTES, "28 (29?)"),
    (NOTES, "28 or 29"),
    (MINUTES, "260 (270?)"),
    (MINUTES, "260 (or 270)"),
]


@pytest.mark.parametrize("exercise_id, answer", NUMBER_HEDGES)
def test_a_number_hedged_between_two_values_is_refused(exercise_id, answer):
    verdict = check(exercise_id, answer)
    assert not verdict.right, (exercise_id, answer, str(verdict))
    assert "gives two numbers" in verdict.message, verdict.message
    _student_edition_agrees(exercise_id, answer, False)


@pytest.mark.parametrize(
    "exercise_id, answer",
    [
        (TAI, "four"),
        (TAI, "四"),
        (NOTES, "28 (15 + 13)"),
        (NOTES, "二十八"),
        (MINUTES, "二百六十分钟"),
        (MINUTES, "4 hours 20 minutes"),
    ],
)
def test_a_number_with_its_working_is_not_a_hedge(exercise_id, answer):
    assert check(exercise_id, answer).right, (exercise_id, answer)
    _student_edition_agrees(exercise_id, answer, True)


YANRAN, RECONCILING, YEAR = (
    "japan-us-2021/hedge-encirclement",
    "abe-beijing-2018/reconciling-sentence",
    "japan-korea-2024/previous-dialogue-year",
)
SENTENCE = "但是，此舉並非意味安倍放棄對大陸的平衡措施"

#: 1.3: a text answer that says it is not the answer.
DENIALS = [
    (YANRAN, "not 儼然"),
    (YANRAN, "儼然 (not)"),
    (YANRAN, "儼然 (wrong)"),
    (YANRAN, "儼然 (no)"),
    (YANRAN, "儼然 (not the answer)"),
    (RECONCILING, f"not {SENTENCE}"),
    (RECONCILING, f"{SENTENCE} (not the answer)"),
]


@pytest.mark.parametrize("exercise_id, answer", DENIALS)
def test_a_text_answer_that_denies_itself_is_refused(exercise_id, answer):
    verdict = check(exercise_id, answer)
    assert not verdict.right, (exercise_id, answer, str(verdict))
    assert "says it is not the answer" in verdict.message, verdict.message
    _student_edition_agrees(exercise_id, answer, False)


#: 1.4: a year answer with a second year, or with working that does not give it, in its note.
SECOND_YEARS = [
    (YEAR, "2014 (2015)"),
    (YEAR, "2014 (2013)"),
    (YEAR, "2014 (2015?)"),
    (YEAR, "2014（2015年）"),
    (YEAR, "2014年10月 (或2015年)"),
    (YEAR, "2014 (twenty fifteen)"),
    (YEAR, "2014 (二〇一五)"),
    (YEAR, "2014 (October 2015)"),
    (YEAR, "2014 (2023 - 8)"),
    (YEAR, "2014 (2024 - 9)"),
    (YEAR, "2014 (2023 - 10)"),
    (YEAR, "2014 (2023 - 9 = 2015)"),
    (YEAR, "2014, 9 years before 2024"),
    (YEAR, "2014 (or 2015)"),
]


@pytest.mark.parametrize("exercise_id, answer", SECOND_YEARS)
def test_a_second_year_or_wrong_working_in_a_note_is_refused(exercise_id, answer):
    verdict = check(exercise_id, answer)
    assert not verdict.right, (exercise_id, answer, str(verdict))
    assert "gives a second year" in verdict.message, verdict.message
    _student_edition_agrees(exercise_id, answer, False)


@pytest.mark.parametrize(
    "exercise_id, answer",
    [
        (YANRAN, "儼然 (not 似乎)"),
        (YANRAN, "儼然 (as if)"),
        (RECONCILING, f"{SENTENCE} (p012)"),
        (YEAR, "2014 (not 2015)"),
        (YEAR, "2014 (2015 - 1)"),
        (YEAR, "2014, 10 years before 2024"),
        (YEAR, "2014年（2023年减9年）"),
        (YEAR, "2014 (p020)"),
    ],
)
def test_a_text_answer_with_a_careful_note_stays_right(exercise_id, answer):
    assert check(exercise_id, answer).right, (exercise_id, answer)
    _student_edition_agrees(exercise_id, answer, True)


REPORTED = "central-asia-2007/reported-or-author"

#: 1.5: a set of letters that offers one more in a note with a hedge.
SET_HEDGES = [
    "a, b, c (maybe d)",
    "a, b, c (or d)",
    "a, b, c (d?)",
    "a, b, c (d perhaps)",
    "a, b, c (d maybe)",
    "a, b, c (probably d)",
    "a b c (also d)",
    "a, b, c — d?",
    "a, b, c (not e; d?)",
    "a, b, c, not d (or d)",
]


@pytest.mark.parametrize("answer", SET_HEDGES)
def test_a_set_hedged_in_a_note_is_refused(answer):
    verdict = check(REPORTED, answer)
    assert not verdict.right, (answer, str(verdict))
    assert "offers another letter" in verdict.message, verdict.message
    _student_edition_agrees(REPORTED, answer, False)


@pytest.mark.parametrize("answer", ["a, b, c", "a, b, c (not d)", "a, b, c, not d or e", "a–c", "a, b, c (reported)"])
def test_a_set_with_a_careful_note_stays_right(answer):
    assert check(REPORTED, answer).right, answer
    _student_edition_agrees(REPORTED, answer, True)


#: 1.6: an approximate or unsure count where the question asks for an exact count ("How many …?").
APPROXIMATE = [
    *(
        (TAI, answer)
        for answer in ("about 4", "approximately 4", "around four", "4 or so", "4-ish", "4 approx", "4 (roughly)")
    ),
    *((TAI, answer) for answer in ("约4", "4左右", "4个左右", "大约四个", "4+", "4?", "~4", "at most 4")),
    *((NOTES, answer) for answer in ("about 28", "around 28", "28 (roughly)", "28ish", "28左右", "约二十八", "28?")),
    (MINUTES, "260?"),
]


@pytest.mark.parametrize("exercise_id, answer", APPROXIMATE)
def test_an_approximate_count_is_not_the_exact_count(exercise_id, answer):
    verdict = check(exercise_id, answer)
    assert not verdict.right, (exercise_id, answer, str(verdict))
    assert "give the number itself" in verdict.message, verdict.message
    _student_edition_agrees(exercise_id, answer, False)


#: 1.7: a unit that is not the question's, in any script or abbreviation.
WRONG_UNITS = [
    *((NOTES, f"28 {unit}") for unit in ("minutes", "hours", "days", "years", "km", "seconds", "pages", "people")),
    (NOTES, "28 articles"),
    (TAI, "4 minutes"),
    (TAI, "4 hours"),
    (TAI, "4 pages"),
    *(
        (MINUTES, answer)
        for answer in ("二百六十秒", "二百六十天", "二百六十小时", "260 h", "260 s", "260 years", "260 pages")
    ),
]


@pytest.mark.parametrize("exercise_id, answer", WRONG_UNITS)
def test_a_unit_the_question_does_not_ask_for_is_refused(exercise_id, answer):
    verdict = check(exercise_id, answer)
    assert not verdict.right, (exercise_id, answer, str(verdict))
    _student_edition_agrees(exercise_id, answer, False)


@pytest.mark.parametrize(
    "exercise_id, answer",
    [
        (MINUTES, "about 260"),
        (MINUTES, "260 minutes"),
        (MINUTES, "260 min"),
        (MINUTES, "二百六十分钟"),
        (NOTES, "28 notes"),
        (NOTES, "28 footnotes"),
        (NOTES, "15 + 13 = 28"),
        (NOTES, "28 (15 + 13)"),
        (TAI, "4 hits"),
        (TAI, "4个"),
    ],
)
def test_a_count_with_the_questions_unit_or_a_measure_about_right_stays_right(exercise_id, answer):
    assert check(exercise_id, answer).right, (exercise_id, answer)
    _student_edition_agrees(exercise_id, answer, True)


#: 1.8 (the part that is arithmetic): working whose own sum is not the answer it gives.
@pytest.mark.parametrize(
    "exercise_id, answer",
    [
        (NOTES, "14 + 13 = 28"),
        (NOTES, "15 + 14 = 28"),
        (NOTES, "28 (15 + 14)"),
        (NOTES, "28 (15 + 12)"),
        (TAI, "4 (2 + 3)"),
    ],
)
def test_working_that_does_not_give_the_answer_is_refused(exercise_id, answer):
    verdict = check(exercise_id, answer)
    assert not verdict.right, (exercise_id, answer, str(verdict))
    assert "your working" in verdict.message, verdict.message
    _student_edition_agrees(exercise_id, answer, False)
