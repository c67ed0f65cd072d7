"""Exercises: every solution runs and is accepted, odd answers get a message, and check() is fair.

"Fair" means it accepts what a careful student would write: any order for sets,
ids with or without the article prefix, either script, any case, spaces, numbers
as strings (tests below, on exercises built in a temporary folder, so that they
hold whatever the shipped exercise files say).
"""

import html
import re
import textwrap

import pandas as pd
import pytest

from helpers.exercises import (
    ExerciseError,
    Kind,
    Verdict,
    check,
    exercise,
    load_exercises,
    loading,
    model_answer,
    question,
    run_solution,
    solution,
)
from helpers.exercises.options import _option_index

EXERCISES = sorted(load_exercises())
#: Ten odd answers: none may raise, each must get a message.
ODD_ANSWERS = [None, 42, 3.5, "文字", ["x"], {"a": 1}, pd.DataFrame({"a": [1]}), object(), [None], float("nan")]


def test_every_seed_article_has_at_least_three_exercises():
    from seed_info import SEED_IDS

    # A teacher's new article may have none yet; the five seeds must each have three.
    for article_id in SEED_IDS:
        assert len([e for e in EXERCISES if e.startswith(article_id + "/")]) >= 3, article_id


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_right_answer_is_accepted(exercise_id):
    task = exercise(exercise_id)
    if not task.checkable:
        assert check(exercise_id, "My answer.").status == "open"
        return
    verdict = check(exercise_id, run_solution(exercise_id))
    assert isinstance(verdict, Verdict) and verdict.right, (exercise_id, str(verdict))
    assert "✓" in verdict._repr_html_() and str(verdict).startswith("✓")


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_odd_answers_get_a_message_not_a_traceback(exercise_id):
    right = run_solution(exercise_id)
    for answer in ODD_ANSWERS:
        verdict = check(exercise_id, answer)
        assert isinstance(verdict, Verdict) and verdict.message, (exercise_id, answer)
        assert str(verdict) and verdict._repr_html_().startswith("<div")
        same = isinstance(answer, (int, float)) and isinstance(right, (int, float)) and answer == right
        if not same:
            assert not verdict.right, (exercise_id, answer)
    assert check(exercise_id, None).status == "empty"


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_solution_is_folded_and_the_question_is_shown(exercise_id):
    shown = solution(exercise_id).data
    assert shown.startswith("<details>") and "<summary>" in shown
    shown_question = html.unescape(re.sub(r"<[^>]+>", "", question(exercise_id).data))
    assert exercise(exercise_id).question in shown_question


@pytest.mark.parametrize("exercise_id", [e for e in EXERCISES if exercise(e).kind is Kind.IDS])
def test_expected_paragraph_ids_exist(exercise_id, corpus):
    known = {p.id for article in corpus for p in article.paragraphs}
    for article, number in loading._expected(exercise_id):
        assert f"{article}:p{number:03d}" in known, exercise_id


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(ExerciseError, match="seems-hedge"):
        check("central-asia-2007/no-such-exercise", 1)


# --- Fairness, on exercises written for the test -------------------------------------------


@pytest.fixture()
def written(tmp_path, monkeypatch):
    """Write exercise files into a temporary folder and make check() read them."""

    def write(text: str, name: str = "abe-beijing-2018") -> None:
        (tmp_path / f"{name}.toml").write_text(textwrap.dedent(text), encoding="utf-8")
        monkeypatch.setattr(loading, "EXERCISES_DIR", tmp_path)

    return write


def test_a_teachers_edit_is_seen_on_the_next_check_without_a_restart(written):
    exercise_text = """
        [[exercise]]
        id = "count"
        question = "q"
        kind = "number"
        hint = "h"
        answer = {answer}
    """
    written(exercise_text.format(answer=3))
    assert check("abe-beijing-2018/count", 3).right
    written(exercise_text.format(answer=14))  # a different size, so the edit is seen even within one clock tick
    assert check("abe-beijing-2018/count", 14).right
    assert not check("abe-beijing-2018/count", 3).right
    written(exercise_text.format(answer=1), name="japan-us-2021")
    assert "japan-us-2021/count" in load_exercises()


def test_ids_in_any_form_and_order(written):
    written("""
        [[exercise]]
        id = "hedges"
        question = "q"
        kind = "ids"
        hint = "look for 或許"
        answer = ["abe-beijing-2018:p005", "abe-beijing-2018:p011"]
    """)
    for answer in (
        ["p011", "p005"],
        ["P11", "abe-beijing-2018:p005"],
        " p005 , p11 ",
        {"p5", "p011"},
        pd.Series(["p005", "p011"]),
        pd.DataFrame({"para_id": ["abe-beijing-2018:p011", "p005"]}),
        (5, 11),
        "p005 and p011",
        "p011 和 p005",
    ):
        assert check("abe-beijing-2018/hedges", answer).right, answer
    wrong = check("abe-beijing-2018/hedges", ["p005", "p012"])
    assert wrong.status == "wrong" and "1 is missing" in wrong.message and "p012" in wrong.message
    assert "或許" in str(wrong)
    assert not check("abe-beijing-2018/hedges", ["japan-us-2021:p005", "p011"]).right
    assert check("abe-beijing-2018/hedges", ["paragraph five"]).status == "unreadable"


def test_the_reply_to_a_right_set_reads_naturally_for_one_two_and_more(written):
    written("""
        [[exercise]]
        id = "one"
        question = "q"
        kind = "ids"
        hint = "h"
        answer = ["abe-beijing-2018:p012"]

        [[exercise]]
        id = "two"
        question = "q"
        kind = "ids"
        hint = "h"
        answer = ["abe-beijing-2018:p001", "abe-beijing-2018:p010"]

        [[exercise]]
        id = "three"
        question = "q"
        kind = "ids"
        hint = "h"
        answer = ["abe-beijing-2018:p001", "abe-beijing-2018:p010", "abe-beijing-2018:p015"]
    """)
    assert check("abe-beijing-2018/one", "p012").message == "Right."
    assert check("abe-beijing-2018/two", ["p010", "p001"]).message == "Right: both paragraph ids."
    assert check("abe-beijing-2018/three", ["p1", "p10", "p15"]).message == "Right: all 3 paragraph ids."


def test_one_paragraph_id_as_a_bare_number(written):
    written("""
        [[exercise]]
        id = "one"
        question = "q"
        kind = "ids"
        hint = "h"
        answer = ["abe-beijing-2018:p027"]
    """)
    for answer in (27, "27", [27], "p027"):
        assert check("abe-beijing-2018/one", answer).right, answer
    assert not check("abe-beijing-2018/one", 30).right
    assert check("abe-beijing-2018/one", True).status == "unreadable"


def test_sets_lists_and_text_in_either_script_and_any_case(written):
    written("""
        [[exercise]]
        id = "terms"
        question = "q"
        kind = "set"
        hint = "h"
        answer = ["硬避險", "軟避險"]

        [[exercise]]
        id = "order"
        question = "q"
        kind = "list"
        hint = "h"
        answer = ["Hard Hedging", "Soft Hedging"]

        [[exercise]]
        id = "term"
        question = "q"
        kind = "text"
        hint = "h"
        answer = "霸權護持"
        accept = ["hegemonic maintenance", "maintaining hegemony"]
    """)
    assert check("abe-beijing-2018/terms", ["软避险", " 硬避險 "]).right
    assert check("abe-beijing-2018/terms", "软避险、硬避险").right
    assert not check("abe-beijing-2018/terms", ["软避险"]).right
    assert check("abe-beijing-2018/order", ["hard hedging", "SOFT  HEDGING"]).right
    assert "order" in check("abe-beijing-2018/order", ["soft hedging", "hard hedging"]).message
    for answer in ("霸权护持", " 「霸權護持」", "Maintaining hegemony", "ＨＥＧＥＭＯＮＩＣ maintenance"):
        assert check("abe-beijing-2018/term", answer).right, answer
    assert check("abe-beijing-2018/term", "hegemony").status == "wrong"


def test_a_year_answer_may_say_in_or_use_chinese_numerals(written):
    written("""
        [[exercise]]
        id = "year"
        question = "q"
        kind = "text"
        hint = "h"
        answer = "2014"
        accept = ["2014年", "October 2014"]
    """)
    for answer in ("In 2014", "in 2014.", "the year 2014", "二〇一四年", "二零一四年", "in October 2014"):
        assert check("abe-beijing-2018/year", answer).right, answer
    for answer in ("in 2015", "二〇一五年", "in Seoul"):
        assert check("abe-beijing-2018/year", answer).status == "wrong", answer


def test_a_set_of_letters_separated_by_spaces_or_and(written):
    written("""
        [[exercise]]
        id = "voices"
        question = "q"
        kind = "set"
        hint = "h"
        answer = ["a", "b", "c"]

        [[exercise]]
        id = "phrases"
        question = "q"
        kind = "set"
        hint = "h"
        answer = ["hard hedging", "soft hedging"]
    """)
    for answer in ("a b c", "c  b a", "abc", "a and b and c", "(a) (b) (c)", "a, b & c", "(a)(b)(c)", "a/b/c"):
        assert check("abe-beijing-2018/voices", answer).right, answer
    # Several letters run together in a way the check cannot split: say how to write them.
    run_together = check("abe-beijing-2018/voices", "a-c")
    assert run_together.status == "unreadable" and "separated by commas or spaces" in run_together.message
    assert "0 of your 1" in check("abe-beijing-2018/voices", "d").message  # one wrong letter is just wrong
    wrong = check("abe-beijing-2018/voices", "a b d")
    assert wrong.status == "wrong" and "(d)" in wrong.message and "1 is missing" in wrong.message
    assert not check("abe-beijing-2018/voices", "ab").right
    # The letters with what they stand for, in brackets or after a colon, are the letters.
    for answer in ("a, b, c (Aso, Hashimoto, Amari)", "a, b, c: Aso, Hashimoto and Amari", "a: Aso; b: H; c: A"):
        assert check("abe-beijing-2018/voices", answer).right, answer
    assert "(d)" in check("abe-beijing-2018/voices", "a, b, d (Aso, Hashimoto)").message
    # Names instead of letters: ask for the letters, not "7 should not be there (h, i, m)".
    names = check("abe-beijing-2018/voices", "Aso, Hashimoto, Amari")
    assert names.status == "unreadable" and "only the letters" in names.message
    # Items of several words are never split at spaces.
    assert check("abe-beijing-2018/phrases", "soft hedging, hard hedging").right
    assert not check("abe-beijing-2018/phrases", "hard soft hedging").right


def test_numbers_as_numbers_or_strings_with_tolerance(written):
    written("""
        [[exercise]]
        id = "count"
        question = "q"
        kind = "number"
        hint = "h"
        solution = "6 * 2"

        [[exercise]]
        id = "share"
        question = "q"
        kind = "number"
        hint = "h"
        answer = 3.92
        tolerance = 0.01
    """)
    for answer in (
        12,
        12.0,
        "12",
        " 12 ",
        "１２",
        "12.0",
        "12 minutes",
        "12倍",
        "+12",
        "twelve",
        "Twelve lines",
        "十二",
    ):
        assert check("abe-beijing-2018/count", answer).right, answer
    assert "too high" in check("abe-beijing-2018/count", 13).message
    assert check("abe-beijing-2018/count", "thirteen").status == "wrong"
    assert check("abe-beijing-2018/count", True).status == "unreadable"
    for unreadable in ("12 or 13", "1 2", "12.5.1", "many", "十十"):
        assert check("abe-beijing-2018/count", unreadable).status == "unreadable", unreadable
    assert check("abe-beijing-2018/share", "3.9").right and check("abe-beijing-2018/share", "3.92%").right
    assert not check("abe-beijing-2018/share", 3.8).right
    assert check("abe-beijing-2018/share", "−3.92").status == "wrong"  # a typographic minus is read as minus


def test_choice_by_letter_or_text(written):
    written("""
        [[exercise]]
        id = "voice"
        question = "Whose words are 其目的就是要牵制中俄?"
        kind = "choice"
        hint = "who 评论称?"
        options = ["a the author's", "b the Yomiuri Shimbun's", "c Kawaguchi's"]
        answer = "b"
        explanation = "日本读卖新闻…评论称"
    """)
    for answer in ("b", "B", "(b)", "b)", "the Yomiuri Shimbun's", "b the yomiuri shimbun's", "the Yomiuri"):
        assert check("abe-beijing-2018/voice", answer).right, answer
    assert check("abe-beijing-2018/voice", "a").status == "wrong"
    assert check("abe-beijing-2018/voice", "Kawaguchi").status == "wrong"  # the start of one option's text
    assert check("abe-beijing-2018/voice", "z").status == "unreadable"
    assert check("abe-beijing-2018/voice", "the").status == "unreadable"  # the start of two options
    assert check("abe-beijing-2018/voice", "the Yomi").status == "unreadable"  # not cut at a word's end
    for answer in ("option b", "Answer: (B)", "b, because 评论称", "b the Yomiuri"):
        assert check("abe-beijing-2018/voice", answer).right, answer
    assert check("abe-beijing-2018/voice", "a slip").status == "unreadable"  # "a" before English may be the article
    assert "(b)" in solution("abe-beijing-2018/voice").data and "评论称" in solution("abe-beijing-2018/voice").data
    assert "(c) Kawaguchi" in question("abe-beijing-2018/voice").data.replace("&#x27;", "'")


def test_choice_by_a_letter_before_the_key_term_or_by_the_gloss(written):
    written("""
        [[exercise]]
        id = "principle"
        question = "Which principle sits least easily with values diplomacy?"
        kind = "choice"
        hint = "h"
        options = ["a 尊重多样性 (respect for diversity)", "b 竞争和协调 (competition and coordination)"]
        answer = "a"
    """)
    for answer in ("a 尊重多样性", "a 尊重多樣性", "尊重多样性", "(a) 尊重多样性", "respect for diversity", "A) 尊重"):
        assert check("abe-beijing-2018/principle", answer).right, answer
    assert check("abe-beijing-2018/principle", "b 竞争和协调").status == "wrong"
    # A letter and a key term that name different options: neither is taken.
    assert check("abe-beijing-2018/principle", "a 竞争和协调").status == "unreadable"


def test_a_key_term_with_its_gloss_in_brackets_either_way_round(written):
    written("""
        [[exercise]]
        id = "aims"
        question = "q"
        kind = "choice"
        hint = "h"
        options = ["a 主要目的 ('main aim'): 主要目的不是针对中国", "b 重大 ('major'): 不会造成重大战略压力"]
        answer = "a"
    """)
    for answer in ("主要目的 (main aim)", "主要目的 ('main aim')", "main aim (主要目的)", "a 主要目的"):
        assert check("abe-beijing-2018/aims", answer).right, answer
    assert (
        check("abe-beijing-2018/aims", "main aim").right and check("abe-beijing-2018/aims", "main").right
    )  # a gloss's start
    assert check("abe-beijing-2018/aims", "重大 (major)").status == "wrong"
    assert check("abe-beijing-2018/aims", "主要目的 (major)").status == "unreadable"  # names both options


def test_a_letter_before_a_start_its_option_shares_with_another(written):
    # "p021" starts options a and b; the letter says which one the student means.
    written("""
        [[exercise]]
        id = "shared-start"
        question = "Which sentence gives the condition?"
        kind = "choice"
        hint = "h"
        options = ["a p021: the second condition", "b p021: the first condition", "c p022: the conclusion"]
        answer = "a"
    """)
    for answer in ("a) p021", "a p021", "(a) p021", "a, p021", "a) p021, the second condition", "p021: the second"):
        assert check("abe-beijing-2018/shared-start", answer).right, answer
    assert check("abe-beijing-2018/shared-start", "b) p021").status == "wrong"
    assert check("abe-beijing-2018/shared-start", "p021").status == "unreadable"  # two options start so
    assert "fits (a) and (b)" in check("abe-beijing-2018/shared-start", "p021").message
    assert check("abe-beijing-2018/shared-start", "c) p021").status == "unreadable"  # the letter's option is not named


def test_choice_refuses_two_letters_whichever_comes_first(written):
    written("""
        [[exercise]]
        id = "sense"
        question = "q"
        kind = "choice"
        hint = "h"
        options = ["a against China", "b a balanced diplomacy (平衡外交)", "c against Japan", "d against Russia"]
        answer = "b"
    """)
    for hedge in ("b, d", "d, b", "b or d", "(b) (d)", "b/d", "b and d", "b 或 d", "B, D"):
        assert check("abe-beijing-2018/sense", hedge).status == "unreadable", hedge
    # A gloss after the letter, even one opening with a letter-like word, is still an answer.
    for answer in (
        "b",
        "b) balanced diplomacy",
        "b, a balanced diplomacy",
        "b) 平衡外交",
        "b, because 平衡外交",
        "b, b",
    ):
        assert check("abe-beijing-2018/sense", answer).right, answer
    assert check("abe-beijing-2018/sense", "d) against Russia").status == "wrong"


def test_open_questions_show_a_model_answer(written):
    written("""
        [[exercise]]
        id = "dating"
        question = "When was the article written?"
        kind = "open"
        model_answer = "Early 2020 at least as likely as late August 2019."
        must_contain = ["the evidence of p017", "a check against the journal issue"]
    """)
    assert check("abe-beijing-2018/dating", None).status == "empty"
    verdict = check("abe-beijing-2018/dating", "In 2020, because ...")
    assert verdict.status == "open" and not verdict.right and "model_answer" in verdict.message
    shown = model_answer("abe-beijing-2018/dating").data
    assert shown.startswith("<details>") and "journal issue" in shown and "Early 2020" in shown


@pytest.mark.parametrize(
    "body, problem",
    [
        ('kind = "colour"\nhint = "h"\nanswer = 1', "kind must be one of"),
        ('kind = "number"\nhint = "h"\nsolution = "1 +"', "not valid Python"),
        ('kind = "number"\nhint = "h"\nsolution = "x = 1"', "must end with an expression"),
        ('kind = "number"\nhint = "h"\nanswer = 1\nsolution = "1"', "not both or neither"),
        ('kind = "number"\nhint = "h"', "not both or neither"),
        ('kind = "number"\nanswer = 1', "missing hint"),
        ('kind = "number"\nhint = "h"\nanswer = "many"', "does not fit kind"),
        ('kind = "choice"\nhint = "h"\noptions = ["a x", "b y"]\nanswer = "c"', "not one of the options"),
        ('kind = "choice"\nhint = "h"\nanswer = "a"', "needs options"),
        ('kind = "open"\nmodel_answer = "m"', "needs must_contain"),
        ('kind = "text"\nhint = "h"\nanswer = "x"\nsoluton = "1"', "unknown field"),
    ],
)
def test_malformed_exercises_name_the_file_and_exercise(tmp_path, body, problem):
    (tmp_path / "bad.toml").write_text(f'[[exercise]]\nid = "a"\nquestion = "q"\n{body}\n', encoding="utf-8")
    with pytest.raises(ExerciseError, match=rf"bad\.toml, exercise 1 \('a'\): .*{problem}"):
        load_exercises(tmp_path)


def test_an_ids_question_shows_the_form_of_one_id_when_one_is_wanted(written):
    written("""
        [[exercise]]
        id = "one"
        question = "Which paragraph? Give its id."
        kind = "ids"
        hint = "h"
        answer = ["abe-beijing-2018:p002"]

        [[exercise]]
        id = "two"
        question = "Which paragraphs? Give their ids."
        kind = "ids"
        hint = "h"
        answer = ["abe-beijing-2018:p002", "abe-beijing-2018:p003"]
    """)
    one = html.unescape(question("abe-beijing-2018/one").data)
    two = html.unescape(question("abe-beijing-2018/two").data)
    assert 'a paragraph id, "p" and its number, such as "p…"' in one and '["p…", "p…"]' not in one
    assert '["p…", "p…"]' in two
    assert check("abe-beijing-2018/one", "p002").right and check("abe-beijing-2018/one", ["p002"]).right
    assert 'such as "p…"' in check("abe-beijing-2018/one", None).message
    assert '["p…", "p…"]' in check("abe-beijing-2018/two", None).message


def test_an_options_printed_text_is_accepted_though_its_tag_names_two_options(written):
    # Options c and e both end in "(p022)": the exact text is tried first, and a tag only narrows
    # what the text names (the intersection), never widens it (review 06, 2.1).
    written("""
        [[exercise]]
        id = "reconcile"
        question = "q"
        kind = "choice"
        hint = "h"
        options = [
            "a) 预测组认为,…双边关系分值将保持相对平稳 (p001)",
            "b) 当然,相较于七年前,特朗普因素… (p018)",
            "c) 双边关系分值可能在石破茂继续执政的情况下维持相对平稳 (p022)",
            "d) 如果特朗普在此期间继续采取… (p021)",
            "e) 然而,考虑到中日结构性矛盾未能化解…这在一定程度上会限制两国关系的改善幅度 (p022)",
        ]
        answer = "c"
    """)
    for answer in (
        "双边关系分值可能在石破茂继续执政的情况下维持相对平稳 (p022)",
        "雙邊關係分值可能在石破茂繼續執政的情況下維持相對平穩 (p022)",
        "双边关系分值可能在石破茂继续执政的情况下维持相对平稳（p022）",
        "双边关系分值可能在石破茂继续执政的情况下维持相对平稳 p022",
        "p022: 双边关系分值可能在石破茂继续执政的情况下维持相对平稳",
        "双边关系分值可能在石破茂继续执政的情况下维持相对平稳",
        "c) 双边关系分值可能在石破茂继续执政的情况下维持相对平稳 (p022)",
        "c) p022",
    ):
        assert check("abe-beijing-2018/reconcile", answer).right, answer
    for answer in ("然而,考虑到中日结构性矛盾未能化解…这在一定程度上会限制两国关系的改善幅度 (p022)", "e) p022"):
        assert check("abe-beijing-2018/reconcile", answer).status == "wrong", answer
    assert check("abe-beijing-2018/reconcile", "p022").status == "unreadable"  # c or e
    assert (
        check("abe-beijing-2018/reconcile", "双边关系分值可能在石破茂继续执政的情况下维持相对平稳 (p021)").status
        == "unreadable"
    )
    assert check("abe-beijing-2018/reconcile", "a) p022").status == "unreadable"  # the letter and the tag disagree


def test_a_right_letter_with_a_reason_in_brackets_or_after_a_dash(written):
    # Reviews 02 (B2) and 05 (B8): a letter, then the student's reason or a gloss.
    written("""
        [[exercise]]
        id = "seems"
        question = "q"
        kind = "choice"
        hint = "h"
        options = ["a did not realise", "b seems not to have realised", "c refused to recognise", "d realised only gradually"]
        answer = "b"

        [[exercise]]
        id = "offset"
        question = "q"
        kind = "choice"
        hint = "h"
        options = ["a) 'to hedge': to keep one's options open", "b) 'to offset, counterbalance': to weigh one thing against another", "c) 'to collide head-on'"]
        answer = "b"
    """)
    for answer in (
        "b (seems)",
        "b (it keeps 似乎)",
        "b — keeps the hedge",
        "b - because it keeps 似乎",
        "(b) (2004 is after 2003)",
    ):
        assert check("abe-beijing-2018/seems", answer).right, answer
    for answer in ("b (offset)", "b (offset, counterbalance)", "b (to offset)", "b) offset", "b: offset"):
        assert check("abe-beijing-2018/offset", answer).right, answer
    # Words that name another option contradict the letter; a range is two options.
    for answer in ("b (to hedge)", "a (to offset)", "b (refused to recognise)"):
        task = "offset" if "hedge" in answer or "to offset" in answer else "seems"
        assert check(f"abe-beijing-2018/{task}", answer).status == "unreadable", answer
    assert check("abe-beijing-2018/seems", "a - c").status == "unreadable"
    assert check("abe-beijing-2018/seems", "c (seems)").status == "unreadable"  # "seems" starts option b
    assert (
        check("abe-beijing-2018/seems", "c (a guess)").status == "wrong"
    )  # the gloss names no option: the letter stands


def test_a_letter_after_not_is_left_out_of_a_set_never_added(written):
    # Review 02 (B3): "not" was read as the letters n, o, t.
    written("""
        [[exercise]]
        id = "voices"
        question = "Which? (a) one (b) two (c) three (d) four (e) five"
        kind = "set"
        hint = "h"
        answer = ["a", "b", "c"]
    """)
    for answer in ("a, b, c, not d", "a, b, c but not d or e", "a b c, not d, e", "a, b, c except d"):
        assert check("abe-beijing-2018/voices", answer).right, answer
    wrong = check("abe-beijing-2018/voices", "a, b, not c")
    assert wrong.status == "wrong" and "1 is missing" in wrong.message and "(n" not in wrong.message
    for answer in ("a, b, c, not c", "a, b, c, not the others"):
        unreadable = check("abe-beijing-2018/voices", answer)
        assert unreadable.status == "unreadable" and "not" in unreadable.message, answer
    # A word whose letters are not the question's labels is a word, not letters run together.
    assert check("abe-beijing-2018/voices", "a b c not").status == "unreadable"


def test_a_date_with_spaces_as_the_articles_print_it(written):
    # Review 05 (B5): "2014 年", as the article prints 2022 年 5 月 7 日.
    written("""
        [[exercise]]
        id = "year"
        question = "q"
        kind = "text"
        hint = "h"
        answer = "2014"
        accept = ["2014年", "2014年10月"]
    """)
    for answer in ("2014 年", "2014 年 10 月", "2014年 10月", "in the year 2014", "二〇一四"):
        assert check("abe-beijing-2018/year", answer).right, answer
    for answer in ("2015 年", "2014 年 11 月", "二〇一五"):
        assert check("abe-beijing-2018/year", answer).status == "wrong", answer


def test_a_hedged_choice_and_an_options_text_with_other_punctuation(written):
    # Review 00-01 (N3): the option's head with the student's own words; a comma for its semicolon.
    written("""
        [[exercise]]
        id = "country"
        question = "q"
        kind = "choice"
        hint = "h"
        options = [
            "a the PRC: 我國 is how PRC authors name China",
            "b the ROC: 參謀總長 is the ROC's title, and the article calls the PRC 大陸/陸方, never 我國",
            "c the PRC: 參謀總長 was the title of the PLA's chief of the general staff",
            "d Japan: 相當於 compares one Japanese rank with another",
        ]
        answer = "b"

        [[exercise]]
        id = "forms"
        question = "q"
        kind = "choice"
        hint = "h"
        options = ["a 著 rules out s2tw; 并 rules out s2t only", "b 著 rules out s2t; 并 rules out both", "c 著 rules out both; 并 rules out neither"]
        answer = "b"
    """)
    for answer in (
        "the ROC, a reading of one occurrence",
        "ROC",
        "the ROC",
        "the ROC - but only a reading",
        "b: the ROC, but only a reading",
    ):
        assert check("abe-beijing-2018/country", answer).right, answer
    assert check("abe-beijing-2018/country", "the ROC, not the PRC").right
    for answer in ("the PRC", "PRC, a reading", "the ROC, the PRC"):
        assert check("abe-beijing-2018/country", answer).status == "unreadable", answer
    assert check("abe-beijing-2018/country", "Japan, since 相當於 compares ranks").status == "wrong"
    for answer in (
        "著 rules out s2t, 并 rules out both",
        "著 rules out s2t 并 rules out both",
        "著 rules out s2t; 并 rules out both.",
    ):
        assert check("abe-beijing-2018/forms", answer).right, answer
    assert check("abe-beijing-2018/forms", "著 rules out both, 并 rules out neither").status == "wrong"


@pytest.mark.parametrize("exercise_id", [e for e in EXERCISES if exercise(e).kind is Kind.CHOICE])
def test_every_options_printed_text_names_that_option(exercise_id):
    # A student who copies the option they mean, with or without its letter, names it (review 06, 2.1).
    task = exercise(exercise_id)
    for index, option in enumerate(task.options):
        letter = chr(97 + index)
        without_letter = re.sub(rf"^\(?{letter}[).:]?\s+", "", option, flags=re.IGNORECASE)
        for form in (option, without_letter):
            assert _option_index(task, form) == index, form


def test_a_second_letter_offered_in_brackets_is_not_an_answer():
    # "b (or a)" hedges between two options, as "b, a" does; "b (seems)" gives a reason.
    answer = run_solution("central-asia-2007/seems-hedge")
    letter = chr(97 + answer) if isinstance(answer, int) else str(answer)
    other = "a" if letter != "a" else "b"
    assert check("central-asia-2007/seems-hedge", f"{letter} (or {other})").status == "unreadable"
    assert check("central-asia-2007/seems-hedge", letter).right


def test_the_part_that_tells_the_options_apart_names_an_option(written):
    # Review of 01 (sources/conversion-forms): "s2t" answers "which of the two does 著 rule out?".
    written("""
        [[exercise]]
        id = "forms"
        question = "Convert with OpenCC('s2t') and OpenCC('s2tw'): which of the two does its 著 rule out?"
        kind = "choice"
        hint = "h"
        options = ["a 著 rules out s2t only", "b 著 rules out s2tw only", "c 著 rules out both", "d 著 rules out neither"]
        answer = "a"

        [[exercise]]
        id = "seems"
        question = "q"
        kind = "choice"
        hint = "h"
        options = [
            "a In the early 1990s Japan did not realise the importance of Central Asia.",
            "b In the early 1990s Japan seems not to have realised the importance of Central Asia.",
            "c In the early 1990s Japan refused to recognise the importance of Central Asia.",
            "d In the early 1990s Japan realised the importance of Central Asia only gradually.",
        ]
        answer = "b"
    """)
    for answer in ("seems not to have realised", "b (realised)", "b (seems)"):
        assert check("abe-beijing-2018/seems", answer).right, answer
    assert check("abe-beijing-2018/seems", "refused to recognise").status == "wrong"
    for answer in ("s2t", "S2T", "s2t only", "'s2t'", "s2t."):
        assert check("abe-beijing-2018/forms", answer).right, answer
    for answer, letter in (("s2tw", "b"), ("both", "c"), ("neither", "d"), ("s2tw only", "b")):
        verdict = check("abe-beijing-2018/forms", answer)
        assert verdict.status == "wrong" and f"({letter})" in verdict.message, answer
    assert check("abe-beijing-2018/forms", "rules out").status == "unreadable"  # words every option has


def test_a_one_item_answer_to_a_set_list_or_ids_question_is_read(written):
    written("""
        [[exercise]]
        id = "standards"
        question = "Which OpenCC standards does the print rule out?"
        kind = "set"
        hint = "h"
        answer = ["s2t", "s2hk"]

        [[exercise]]
        id = "standard"
        question = "Which OpenCC standard fits?"
        kind = "set"
        hint = "h"
        answer = ["s2tw"]

        [[exercise]]
        id = "label"
        question = "Which? (a) x (b) y (c) z"
        kind = "set"
        hint = "h"
        answer = ["b"]

        [[exercise]]
        id = "order"
        question = "q"
        kind = "list"
        hint = "h"
        answer = ["s2t"]

        [[exercise]]
        id = "orders"
        question = "q"
        kind = "list"
        hint = "h"
        answer = ["s2t", "s2tw"]

        [[exercise]]
        id = "paragraphs"
        question = "q"
        kind = "ids"
        hint = "h"
        answer = ["abe-beijing-2018:p012", "abe-beijing-2018:p014"]
    """)
    for task, answer in (
        ("standard", "s2tw"),
        ("standard", ["s2tw"]),
        ("standard", "s2tw only"),
        ("label", "b"),
        ("label", "b only"),
        ("label", "only (b)"),
        ("label", "not a, not c: b"),
        ("order", "s2t"),
        ("orders", "s2t s2tw"),
    ):
        verdict = check(f"abe-beijing-2018/{task}", answer)
        assert verdict.right and verdict.message in ("Right.", "Right: both in the right order."), (task, answer)
    for task, answer, says in (
        ("standards", "s2t", "1 is missing"),
        ("standards", ("s2hk",), "1 is missing"),
        ("standards", "s2t only", "1 is missing"),
        ("standard", "s2t", "should not be there (s2t)"),
        ("label", "a", "should not be there (a)"),
        ("order", "s2tw", "none of your items is right"),
        ("orders", "s2t", "you gave 1, the answer has 2"),
        ("paragraphs", "p012", "1 is missing"),
        ("paragraphs", 14, "1 is missing"),
    ):
        verdict = check(f"abe-beijing-2018/{task}", answer)
        assert verdict.status == "wrong" and says in verdict.message, (task, answer, verdict.message)


def test_excluded_letters_may_come_first(written):
    # Review: "not d, not e: a b c" was read as excluding every letter, and the message quoted ''.
    written("""
        [[exercise]]
        id = "voices"
        question = "Which? (a) one (b) two (c) three (d) four (e) five"
        kind = "set"
        hint = "h"
        answer = ["a", "b", "c"]
    """)
    for answer in (
        "not d, not e: a b c",
        "not d or e; a, b, c",
        "not d but a, b and c",
        "a, b, c; not d",
        "a b c (not d)",
    ):
        assert check("abe-beijing-2018/voices", answer).right, answer
    wrong = check("abe-beijing-2018/voices", "not c: a, b")
    assert wrong.status == "wrong" and "1 is missing" in wrong.message
    for answer in ("not d", "except d, e", "not d, not e:"):
        verdict = check("abe-beijing-2018/voices", answer)
        assert verdict.status == "unreadable" and "only letters to leave out" in verdict.message, answer
        assert answer.strip()[:10] in verdict.message and "''" not in verdict.message, answer
    assert check("abe-beijing-2018/voices", "not c: a, b, c").status == "unreadable"  # c both out and in


def test_a_letter_whose_reason_repeats_another_options_words_is_refused(written):
    # Review: "b (hedge)" was accepted where only option (a) says "hedge"; a vague reason still is.
    written("""
        [[exercise]]
        id = "offset"
        question = "q"
        kind = "choice"
        hint = "h"
        options = ["a) 'to hedge': to keep one's options open between great powers", "b) 'to offset, counterbalance': to weigh one thing against another", "c) 'to collide head-on'", "d) 'to invest in, finance'"]
        answer = "b"

        [[exercise]]
        id = "values"
        question = "q"
        kind = "choice"
        hint = "h"
        options = ["a 尊重多样性 (respect for diversity)", "b 竞争和协调 (competition and coordination)", "c 开放的合作 (open cooperation)"]
        answer = "a"
    """)
    for task, answer, other in (
        ("offset", "b (hedge)", "a"),
        ("offset", "b (hedging)", "a"),
        ("offset", "b (keeps options open)", "a"),
        ("offset", "b - hedging between great powers", "a"),
        ("offset", "a (offset)", "b"),
        ("values", "a (coordination)", "b"),
        ("values", "a (开放)", "c"),
    ):
        verdict = check(f"abe-beijing-2018/{task}", answer)
        assert verdict.status == "unreadable" and f"those of ({other})" in verdict.message, (answer, verdict.message)
    for task, answer in (
        ("offset", "b (offset)"),
        ("offset", "b (weighing one against the other)"),
        ("offset", "b (not hedging)"),
        ("offset", "b (seems right)"),
        ("offset", "b (a guess)"),
        ("offset", "b, because of the two triangles"),
        ("values", "a (diversity)"),
        ("values", "a (the first)"),
    ):
        assert check(f"abe-beijing-2018/{task}", answer).right, answer


def _odd_answer_strategy():
    from hypothesis import strategies as st

    words = st.sampled_from(
        "a b c d e f A B (a) (b) b) not except excluding but only and or nor , ; : 、 / & - ( ) . "
        "p012 P3 p999 abe-beijing-2018:p012 s2t s2tw both neither none option answer four 二 十二 "
        "2019-08 2019年11月 in hedge offset 對沖 the ROC PRC because maybe or-a".split()
    )
    text = st.lists(words, max_size=8).map(" ".join)
    return st.one_of(
        text,
        text.map(lambda t: t.replace(" ", "")),
        st.lists(text, max_size=4),
        st.integers(-3, 30),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=12),
    )


#: Odd answers every exercise is tried with, besides those Hypothesis makes up.
ODD_STRINGS = [
    "not d, not e: a b c",
    "not d",
    "except",
    "not",
    "a, not",
    ": a",
    "(",
    "()",
    "-",
    "b (hedge)",
    "a - c",
    "only",
]


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_no_verdict_message_is_empty_over_odd_answers(exercise_id):
    # Every Verdict tells the student something: never an empty message, never a quoted empty answer.
    from hypothesis import HealthCheck, given, settings

    def says_something(answer):
        verdict = check(exercise_id, answer)
        assert isinstance(verdict, Verdict)
        assert verdict.status in ("right", "wrong", "unreadable", "empty", "open")
        assert re.search(r"\w", verdict.message), (answer, verdict.message)
        assert "''" not in verdict.message and "('')" not in verdict.message, (answer, verdict.message)
        assert str(verdict).strip() and verdict._repr_html_().startswith("<div")

    for answer in ODD_STRINGS:
        says_something(answer)

    @settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(_odd_answer_strategy())
    def every_verdict_says_something(answer):
        says_something(answer)

    every_verdict_says_something()
