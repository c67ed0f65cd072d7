"""Exercises: every solution runs, every check accepts it, and wrong answers get a message."""

import pandas as pd
import pytest

from helpers.exercises import ExerciseError, check, exercise, load_exercises, run_solution, solution

EXERCISES = sorted(load_exercises())
WRONG_ANSWERS = [None, 42, 3.5, "文字", ["x"], {"a": 1}, pd.DataFrame({"a": [1]}), object(), [None], float("nan")]


def test_every_seed_article_has_at_least_three_exercises():
    from seed_info import SEED_IDS

    # A teacher's new article may have none yet; the five seeds must each have three.
    for article_id in SEED_IDS:
        assert len([e for e in EXERCISES if e.startswith(article_id + "/")]) >= 3, article_id


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_solution_is_accepted(exercise_id):
    answer = run_solution(exercise_id)
    assert check(exercise_id, answer).startswith("Right")


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_wrong_answers_get_a_message_not_a_traceback(exercise_id):
    right = run_solution(exercise_id)
    for answer in WRONG_ANSWERS:
        message = check(exercise_id, answer)
        assert isinstance(message, str) and message
        same = isinstance(answer, (int, float)) and isinstance(right, (int, float)) and answer == right
        if not same:
            assert not message.startswith("Right"), (exercise_id, answer)


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_solution_is_folded(exercise_id):
    shown = solution(exercise_id).data
    assert shown.startswith("<details>") and "<summary>" in shown
    assert exercise(exercise_id).question


def test_ids_answers_show_what_is_missing():
    right = sorted(run_solution("central-asia-2007/uranium-paragraphs"))
    message = check("central-asia-2007/uranium-paragraphs", right[:1] + ["central-asia-2007:p001"])
    assert "missing" in message and "should not be there" in message
    assert "full paragraph ids" in check("central-asia-2007/uranium-paragraphs", ["p002"])
    assert check("central-asia-2007/uranium-paragraphs", pd.Series(right)).startswith("Right")


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(ExerciseError, match="uranium-paragraphs"):
        check("central-asia-2007/no-such-exercise", 1)


def test_malformed_exercise_file_names_the_file(tmp_path):
    (tmp_path / "bad.toml").write_text('[[exercise]]\nid = "a"\nquestion = "q"\nkind = "colour"\nsolution = "1"\n', encoding="utf-8")
    with pytest.raises(ExerciseError, match=r"bad\.toml, exercise 1: kind must be one of"):
        load_exercises(tmp_path)
    (tmp_path / "bad.toml").write_text('[[exercise]]\nid = "a"\nquestion = "q"\nkind = "number"\nsolution = "1 +"\n', encoding="utf-8")
    load_exercises.cache_clear()
    with pytest.raises(ExerciseError, match="not valid Python"):
        load_exercises(tmp_path)
    load_exercises.cache_clear()
