"""How a notebook shows an exercise: :func:`question` (with a choice's options), :func:`solution` and
:func:`model_answer`, as HTML folded until the student opens it."""

from __future__ import annotations

import html

from IPython.display import HTML

from ..text.fulltable import mark_chinese
from .loading import _expected, exercise, run_solution
from .records import WITHHELD, Exercise, Kind, _form, _option_text


def question(exercise_id: str) -> HTML:
    """The question as a notebook shows it (with the options of a choice exercise).

    >>> "sources/notes-without-text" in question("sources/notes-without-text").data
    True

    An ids exercise whose answer is one paragraph asks for one id, not a list of two:

    >>> "answer: a paragraph id," in question("japan-us-2021/duichong-offset").data
    True
    """
    task = exercise(exercise_id)
    options = ""
    if task.options:
        items = "".join(f"<li>({chr(97 + i)}) {_marked(_option_text(task, i))}</li>" for i in range(len(task.options)))
        options = f"<ul style='list-style:none;padding-left:0.5em;margin:0.3em 0'>{items}</ul>"
    kind = "open question: no automatic check" if task.kind is Kind.OPEN else f"answer: {_form(task)}"
    return HTML(
        f"<div style='border:1px solid #ccc;padding:0.5em 0.8em'><b>Exercise</b> "
        f"<code>{html.escape(task.id)}</code><br>{_marked(task.question)}{options}"
        f"<br><span style='font-size:85%;color:#555'>({html.escape(kind)})</span></div>"
    )


def _marked(text: str) -> str:
    content, lang = mark_chinese(html.escape(text))
    return f'<span lang="{lang}">{content}</span>' if lang else content


def _shown(task: Exercise, value: object) -> str:
    if task.kind is Kind.CHOICE:
        index = _expected(task.id)
        assert isinstance(index, int)
        return f"({chr(97 + index)}) {_option_text(task, index)}"
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    return repr(value)


def solution(exercise_id: str) -> HTML:
    """The solution (code and result, or the answer) and its explanation, folded until the student opens it.

    >>> solution("sources/notes-without-text").data.startswith("<details><summary>Show the solution")
    True
    """
    task = exercise(exercise_id)
    if task.withheld:
        return HTML(f"<p>{html.escape(WITHHELD)}</p>")
    if task.kind is Kind.OPEN:
        return model_answer(exercise_id)
    parts = ["<details><summary>Show the solution (try first!)</summary>"]
    if task.solution:
        parts.append(f"<pre>{html.escape(task.solution)}</pre>")
        parts.append(f"<p>Result: <code>{_marked(_shown(task, run_solution(exercise_id)))}</code></p>")
    else:
        parts.append(f"<p>Answer: <code>{_marked(_shown(task, task.answer))}</code></p>")
    if task.accept:
        parts.append(f"<p>Also accepted: {_marked(', '.join(task.accept))}</p>")
    if task.explanation:
        parts.append(f"<p>{_marked(task.explanation)}</p>")
    parts.append("</details>")
    return HTML("".join(parts))


def model_answer(exercise_id: str) -> HTML:
    """An open question's model answer and the points a good answer must contain, folded.

    >>> model_answer("sources/find-the-original").data.startswith("<details>")
    True
    """
    task = exercise(exercise_id)
    if task.withheld:
        return HTML(f"<p>{html.escape(WITHHELD)}</p>")
    if task.kind is not Kind.OPEN:
        body = "<p>This exercise has an automatic check; its solution:</p>" + solution(exercise_id).data
        return HTML(f"<details><summary>Show the model answer</summary>{body}</details>")
    points = "".join(f"<li>{_marked(point)}</li>" for point in task.must_contain)
    return HTML(
        "<details><summary>Show the model answer (write yours first!)</summary>"
        f"<p>{_marked(task.model_answer)}</p><p>A good answer contains:</p><ul>{points}</ul>"
        + (f"<p>{_marked(task.explanation)}</p>" if task.explanation else "")
        + "</details>"
    )
