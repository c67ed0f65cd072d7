"""Which option a choice answer names: its letter ("b", "(b)", "option b"), its text or the start of it,
a gloss it gives, the part that tells it apart from the others, or a letter with the student's own
words, and when an answer hedges between two options or its words contradict its letter."""

from __future__ import annotations

import re
import unicodedata

from .answers import _EXCLUDING, HEDGE_WORD, _without_excluded_letters, normalise
from .records import Exercise, _option_text


def _option_index(task: Exercise, value: object) -> int | None:
    """The index of the option a student's answer names, or None if it names none (or two).

    Accepted: the letter ("b", "(b)", "B.", "option b"); the option's text, its start cut at a word's
    end, or a gloss it gives in brackets ("respect for diversity" for "a 尊重多样性 (respect for
    diversity)"), with its paragraph tag anywhere or nowhere ("p022: …", "… (p022)", "… p022") and
    its punctuation as the student types it ("… s2t, 并 …" for "… s2t; 并 …"); the option's head
    before its colon ("the ROC" for "the ROC: …"), alone or before the student's words ("the ROC, a
    reading …"); a letter followed by words ("(c) neither ...", "b, because ...", "a 主要目的",
    "b (seems)", "b seems", "b - because ..."), unless those words name another option or are a short
    reason made of its own words only ("b (hedge)" where only option a says "hedge"), or "a" before
    words that do not fit option a (the article: "a slip"); the paragraph, then the letter ("p021, a");
    and every other letter excluded ("not a, not c, not d").
    """
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    given = normalise(value)
    letters = "abcdefghijklmnopqrstuvwxyz"[: len(task.options)]
    letter = re.fullmatch(r"(?:(?:option|answer|choice)\s*:?\s*)?\(?([a-z])[).:]?", given)
    if letter and letter.group(1) in letters:
        return letters.index(letter.group(1))
    # Every other letter excluded ("not a, not c, not d"), or the letter after its exclusions ("not a, c or d: b").
    if _EXCLUDING.search(given):
        kept = _without_excluded_letters(given)
        left = re.sub(r"^[\s,;:()]+|[\s,;:().]+$", "", kept) if kept is not None else None
        named_letters = set(re.findall(r"(?<![a-z])[a-z](?![a-z])", given))
        if left is not None and len(left) == 1 and left in letters:
            return letters.index(left)
        if left == "" and named_letters <= set(letters) and len(named_letters) == len(letters) - 1:
            return letters.index(next(letter for letter in letters if letter not in named_letters))
    # The paragraph first, then the letter: "p021, a", "p022: c" (the paragraph must be the option's own).
    tagged = _tag_then_letter(task, given)
    if tagged:
        return tagged[0] if not tagged[1] else None
    named = _named_options(task, given)
    if len(named) == 1:
        return named[0]
    # Words that fit several options, then the letter of one of them: "yes (a)", "yes, a".
    letter_after = re.fullmatch(r"(.+?)\s*(?:\(([a-z])\)?|[,:;]\s*\(?([a-z])\)?)", given)
    if letter_after and len(named) > 1:
        chosen = ord(letter_after.group(2) or letter_after.group(3)) - 97
        if chosen in named and chosen in _named_options(task, normalise(letter_after.group(1))):
            return chosen
    # A letter, then the student's own words: "(c) neither ...", "c) because ...", "b, since ...",
    # "b - because ...", "b (seems)" and "a 主要目的" (a letter, a space and Chinese). A bare "a" before
    # English words is read as a letter only when the words are the start of that option's text:
    # "a slip" may be the article.
    lead = _letter_and_words(task, given)
    if lead:
        index, words, spaced = lead
        named_by_words = _named_options(task, normalise(words), distinct=False)
        # An explicit letter wins when its own option is among those the words name: "a) p021" where
        # p021 starts options a and b. Words that name another option contradict it: "b (to hedge)",
        # and so does a short reason that is nothing but another option's own words: "b (hedge)" when
        # only (a) says hedge. A bare "a" before English words may be the article ("a slip").
        if index in named_by_words:
            return index
        if named_by_words or (spaced and not _read_as_letter(task, index, words)):
            return None
        return index if _quoted_option(task, index, words) is None else None
    if not named and not re.search(r"\d", given):
        # A short answer in one option's own words only: "hedging" for "'to hedge': …", "perhaps"
        own = _quoted_option(task, None, given)
        if own is not None:
            return own
    if not named:
        # The option's head, then the student's own words after a comma, a dash or "because":
        # "the ROC, a reading of one occurrence". The words must name no other option.
        clause = re.match(r"(.+?)\s*(?:[,;:，；：]|\s[-–—]+\s|\s+because\s)\s*(.+)", given)
        if clause:
            head = _named_options(task, normalise(clause.group(1)))
            rest = _named_options(task, normalise(clause.group(2)))
            if len(head) == 1 and set(rest) <= set(head):
                return head[0]
    return None


_LETTER_AND_WORDS = re.compile(
    r"(?:(?:option|answer|choice)\s*:?\s*)?(\(?([a-z])(?:[).:,;]|\s*[-–—]+|\s+(?=[\u3400-\u9fff(])|(\s+)))\s*(.+)"
)


def _letter_and_words(task: Exercise, given: str) -> tuple[int, str, bool] | None:
    """A normalised answer that is an option's letter and then words ("b (seems)", "c) because …",
    "a 主要目的", "b seems"): the option's index, the words, and whether only a space separates them
    (then an "a" may be the English article). None otherwise, and for a range ("a - c")."""
    lead = _LETTER_AND_WORDS.match(given)
    if not lead or lead.group(2) not in "abcdefghijklmnopqrstuvwxyz"[: len(task.options)]:
        return None
    words = lead.group(4)
    other = re.fullmatch(r"\(?([a-z])\)?", words)
    if other and other.group(1) != lead.group(2):
        return None
    # "b c d", "b a, c": more letters, not a reason; "b is wrong, a": the letter refused, not chosen.
    more = _MORE_LETTERS.match(words)
    if (more and more.group(1) != lead.group(2)) or _REFUSING.match(words):
        return None
    return ord(lead.group(2)) - 97, words, lead.group(3) is not None


# A second letter standing alone after the first: at the end, or before a separator or a third letter.
_MORE_LETTERS = re.compile(
    r"\(?([a-z])(?![a-z'’])\)?\s*(?:$|[,;/&、]|(?:or|and)\b|\(?[a-z](?![a-z'’])\)?(?:[\s,;/&、]|$))"
)


# Words after a letter that say the letter is wrong ("b is wrong, a"): the student does not choose it.
_REFUSING = re.compile(r"(?:is\s+|are\s+)?(?:wrong|incorrect|false|not right|not correct|isn't|is not)\b")


def _tag_then_letter(task: Exercise, given: str) -> tuple[int, list[str]] | None:
    """For "p021, a" (a paragraph tag, then a letter): the letter's option, and its own tags if the
    given one is not among them ([] when it is, or the option has none); None for any other answer."""
    tagged = re.fullmatch(r"(p\d{3})\s*[,:;]?\s*\(?([a-z])\)?", given)
    if not tagged or tagged.group(2) not in "abcdefghijklmnopqrstuvwxyz"[: len(task.options)]:
        return None
    index = ord(tagged.group(2)) - 97
    tags = sorted(set(_PARA_TAG.findall(normalise(_option_text(task, index)))))
    return index, ([] if not tags or tagged.group(1) in tags else tags)


def _read_as_letter(task: Exercise, index: int, words: str) -> bool:
    """Whether a letter followed by a space and words ("b seems", "a s2t only") is that letter with a note.

    "b", "c", "d" … before words can only be letters. "a" can be the English article ("a slip"), so it
    is read as the letter only when the words fit option a: they are the start of its text or of the
    words that tell it from the others ("a s2t only"), or every word of theirs is option a's and one
    of them is only option a's.

    >>> from helpers.exercises.records import Kind
    >>> task = Exercise(id="x", question="q", kind=Kind.CHOICE, hint="h", options=("a 著 rules out s2t only", "b 著 rules out both"))
    >>> [_read_as_letter(task, i, words) for i, words in ((1, "both"), (1, "anything"), (0, "s2t only"), (0, "s2t"), (0, "slip"))]
    [True, True, True, True, False]
    """
    if index != 0:
        return True
    if 0 in _named_options(task, normalise(words)):
        return True
    given = _content_words(words)
    options = [_content_words(_option_text(task, i)) for i in range(len(task.options))]
    return (
        bool(given)
        and all(_has_word(options[0], w) for w in given)
        and any(not any(_has_word(options[j], w) for j in range(1, len(options))) for w in given)
    )


def _contradicted_letter(task: Exercise, answer: object) -> tuple[int, int] | None:
    """(the letter's option, the other option its words name) for "b (hedge)" when (a) says "hedge"; else None."""
    lead = _letter_and_words(task, normalise(answer)) if isinstance(answer, str) else None
    if lead is None or (lead[2] and not _read_as_letter(task, lead[0], lead[1])):
        return None
    index, words, _ = lead
    named = [i for i in _named_options(task, normalise(words), distinct=False) if i != index]
    if named:
        return index, named[0]
    other = _quoted_option(task, index, words)
    return None if other is None else (index, other)


#: Words too common to tell options apart, left out when a letter's reason is compared with the options.
_COMMON_WORDS = set(
    "a an the of to in on at by for as and or but if so is are was were be been it its his her their they this "
    "that these those with from into than then there here which who what how one all also has have had did does "
    "do only just very".split()
)


#: A reason that says what an option is not ("b, not hedging", "b (rather than hedge)") names it to refuse it.
_NEGATION = re.compile(r"\b(?:not|no|nor|rather than|instead of|unlike|never|neither)\b|n['’]t\b|不是|而非|并非")


def _content_words(text: str) -> set[str]:
    """The words of a text that can tell options apart: English words of three letters or more, stemmed
    crudely ("hedging", "hedged" and "hedge" are one word), and each run of Chinese characters."""
    text = re.sub(r"['’]s\b", "", normalise(text))  # "the author's" is "the author"
    english = {
        stem if len(stem := re.sub(r"(?:ing|ed|es|e|s)$", "", word)) >= 3 else word
        for word in re.findall(r"[a-z]{3,}", text)
        if word not in _COMMON_WORDS
    }
    return english | set(re.findall(r"[\u3400-\u9fff]{2,}", text))


def _has_word(option: set[str], word: str) -> bool:
    """Whether an option's content words include ``word``; a Chinese run is in an option whose text contains it."""
    return word in option or (
        "\u3400" <= word[0] <= "\u9fff" and any(word in other for other in option if "\u3400" <= other[0] <= "\u9fff")
    )


#: A reason longer than this (in words, or in content words) is the student's own argument, whatever its words.
_SHORT_REASON_WORDS, _SHORT_REASON_CONTENT = 6, 4


def _quoted_option(task: Exercise, index: int | None, words: str) -> int | None:
    """The other option whose own wording a letter's short reason is ("b (hedge)" where only option a
    says "hedge"), or None.

    The rule is narrow, since a correct reason often argues against another option or mirrors its
    words ("b, the first is certain and the second hedged" where (c) says the reverse): the reason
    must be short (at most six words, four of them content words), say nothing negative ("not",
    "isn't", 不是), and be nothing but another option's words, with none of its own option's, and one
    at least that no other option has. Anything else is the student's own words: the letter stands.
    With no letter (``index`` None), the one option whose words alone a short answer is made of
    ("hedging", "perhaps"), if there is one.

    >>> from helpers.exercises.records import Kind
    >>> task = Exercise(id="x", question="q", kind=Kind.CHOICE, hint="h", options=("a) 'to hedge': to keep options open", "b) 'to offset': to weigh one thing against another", "c) 'to collide'"))
    >>> [_quoted_option(task, 1, reason) for reason in ("hedge", "hedging, keeping options open", "weigh", "a guess", "not hedging", "isn't hedging")]
    [0, 0, None, None, None, None]
    >>> _quoted_option(task, 1, "hedge, and to weigh"), _quoted_option(task, 1, "it is rather more than just hedging options open")
    (None, None)
    """
    normal = normalise(words)
    given = _content_words(words)
    if not given or _NEGATION.search(normal):
        return None
    if len(normal.split()) > _SHORT_REASON_WORDS or len(given) > _SHORT_REASON_CONTENT:
        return None
    options = [_content_words(_option_text(task, i)) for i in range(len(task.options))]
    if index is not None and any(_has_word(options[index], w) for w in given):
        return None
    quoted = [
        other
        for other in range(len(options))
        if other != index
        and all(_has_word(options[other], w) for w in given)
        and any(not any(_has_word(options[j], w) for j in range(len(options)) if j != other) for w in given)
    ]
    if index is None:
        # no letter to weigh the words against: every word must be that option's alone ("the ROC, the
        # PRC" names two options, though option b's text has both)
        alone = [
            other
            for other in quoted
            if all(not any(_has_word(options[j], w) for j in range(len(options)) if j != other) for w in given)
        ]
        return alone[0] if len(alone) == 1 else None
    return quoted[0] if quoted else None


def _named_options(task: Exercise, given: str, distinct: bool = True) -> list[int]:
    """The options whose text (without its letter), its start cut at a word's end, or a bracketed gloss in it is ``given``.

    The whole answer is tried first ("…平稳 (p022)" is option c's text even if "(p022)" tags option e
    too). A key term with its gloss in brackets, either way round ("主要目的 (main aim)", "respect for
    diversity (尊重多样性)"), names the options that both parts name; quotes around a gloss do not count.
    With ``distinct``, the start of an option's distinguishing words names it too ("s2t", see
    :func:`_distinct_parts`); a letter's reason is matched without them.
    """
    whole = _options_named_by(task, given, distinct)
    if len(whole) == 1:
        return whole
    if not whole and distinct and len(given) >= 3:
        # "only" on the other side: "only s2t" for "… s2t only", "the second" for "only the second: …"
        moved = given[5:] + " only" if given.startswith("only ") else "only " + given
        by_only = _options_named_by(task, moved, distinct)
        if len(by_only) == 1:
            return by_only
    # (normalise has stripped a closing bracket that ended the answer)
    bracketed = re.findall(r"[(（]([^()（）]+)(?:[)）]|$)", given)
    outside = normalise(re.sub(r"[(（][^()（）]+(?:[)）]|$)", " ", given))
    if not (bracketed and outside):
        return whole
    named = set(_options_named_by(task, outside, distinct))
    if not named:
        return whole
    for gloss in map(normalise, bracketed):
        by_gloss = _options_named_by(task, gloss, distinct)
        if by_gloss:
            named &= set(by_gloss)  # a gloss narrows what the term names; one that names another option contradicts it
    return sorted(named) or whole


# A paragraph tag such as "p022", as an option gives it ("(p022)" at the end, "p022:" at the start).
_PARA_TAG = re.compile(r"(?<![a-z0-9])p\d{3}(?![a-z0-9])")


def _bare(text: str) -> str:
    """A normalised text without its punctuation and paragraph tags, for comparing an option with a copy of it."""
    text = _PARA_TAG.sub(" ", text)
    text = "".join(" " if unicodedata.category(char).startswith("P") else char for char in text)
    return normalise(text)


def _options_named_by(task: Exercise, given: str, distinct: bool = True) -> list[int]:
    exact, bare, starts = [], [], []
    given_tags = set(_PARA_TAG.findall(given))
    given_bare = _bare(given)
    # (a letter's reason is not matched with the options' distinguishing words: in "b (realised)",
    # "realised" is b's word too, though it also starts d's "realised … only gradually")
    parts = _distinct_parts(task) if distinct else [""] * len(task.options)
    for index, option in enumerate(task.options):
        stripped = _option_text(task, index)
        glosses = [normalise(gloss) for gloss in re.findall(r"[(（]([^()（）]+)[)）]", stripped)]
        unquoted = re.sub(r"[(（]\s*['‘“\"]?([^()（）'’”\"]+)['’”\"]?\s*[)）]", r"(\1)", normalise(stripped))
        # The head before the option's first colon ("the ROC" of "the ROC: 參謀總長 is …"), with or
        # without a leading article ("ROC").
        head = normalise(stripped).split(":", 1)[0]
        heads = {head, re.sub(r"^(?:the|a|an)\s+", "", head)} if ":" in normalise(stripped) else set()
        tagged = given_tags <= set(_PARA_TAG.findall(normalise(stripped)))
        if given in (normalise(option), normalise(stripped), *glosses):
            exact.append(index)
        elif given in heads and len(given) >= 2:
            # the head names its option as a start does: "yes" fits both "yes: here …" and "yes, and …"
            starts.append(index)
        elif given_bare and tagged and given_bare in (_bare(stripped), _bare(unquoted)):
            bare.append(index)
        elif len(given) >= 3 and (
            _starts_with_words(normalise(stripped), given)
            or _starts_with_words(unquoted, given)
            or any(_starts_with_words(gloss, given) for gloss in glosses)
            or _starts_with_words(parts[index], given)
        ):
            starts.append(index)
        elif len(given_bare) >= 3 and tagged and given_tags and _starts_with_words(_bare(stripped), given_bare):
            starts.append(index)  # "p022: 双边关系分值…" for "双边关系分值… (p022)"
    return exact or bare or starts


def _distinct_parts(task: Exercise) -> list[str]:
    """Each option's text (normalised) after the words that every option begins with, so that the
    part that tells the options apart can be given alone: "s2t" for "著 rules out s2t only" among
    "著 rules out s2tw only", "著 rules out both" … ("" for an option that is only those words).

    >>> from helpers.exercises.records import Kind
    >>> task = Exercise(id="x", question="q", kind=Kind.CHOICE, hint="h", options=("a 著 rules out s2t only", "b 著 rules out both"))
    >>> _distinct_parts(task)
    ['s2t only', 'both']
    """
    texts = [normalise(_option_text(task, index)).split(" ") for index in range(len(task.options))]
    shared = 0
    while all(len(words) > shared + 1 for words in texts) and len({words[shared] for words in texts}) == 1:
        shared += 1
    return [" ".join(words[shared:]) if shared else "" for words in texts]


def _starts_with_words(text: str, start: str) -> bool:
    """Whether ``text`` begins with ``start`` and ``start`` ends at a word's end (or in Chinese)."""
    if not start or not text.startswith(start):
        return False
    rest = text[len(start) :]
    return not rest or not (rest[0].isalnum() and start[-1].isalnum()) or "\u3400" <= start[-1] <= "\u9fff"


# A letter, a separator ("," ";" "/" "&" "or" "and" 或 和 、 or a space) and a second letter standing alone:
# "b, d", "b or d", "(b) (d)". The second letter must end there or before a separator, so a gloss that
# begins with a letter-like word ("b, a balanced diplomacy", "b) balanced diplomacy") is not caught.
# "b (or a)", "b (maybe c)": a second letter offered in brackets is a hedge between two options too.
_LETTER_OR_LETTER = re.compile(rf"\(?([a-z])\)?\s*\(\s*(?:{HEDGE_WORD}|或)\s*\(?([a-z])\)?\s*\)?$")


_TWO_LETTERS = re.compile(
    r"(?:(?:option|answer|choice)s?\s*:?\s*)?\(?([a-z])\)?[.:]?\s*(?:[,;/&、]|\bor\b|\band\b|或|和)?\s*"
    r"\(?([a-z])\)?(?=$|[,;/&、.:]|\s*\(|\s+(?:or|and)\b|\s*[或和])"
)


def _names_two_letters(task: Exercise, answer: object) -> bool:
    """Whether a choice answer opens with two different option letters ("b, d", "b or d"): a hedge
    between two options is not an answer, whichever letter comes first.

    >>> from helpers.exercises.records import Kind
    >>> task = Exercise(id="x", question="q", kind=Kind.CHOICE, hint="h", options=("a one", "b two", "c three"))
    >>> [_names_two_letters(task, answer) for answer in ("b, c", "c or b", "b) two", "b, because", "b, a two", "b (or a)")]
    [True, True, False, False, False, True]
    """
    if not isinstance(answer, str):
        return False
    letters = "abcdefghijklmnopqrstuvwxyz"[: len(task.options)]
    given = normalise(answer)
    pair = _TWO_LETTERS.match(given) or _LETTER_OR_LETTER.match(given)
    if pair is not None and pair.group(1) != pair.group(2) and {pair.group(1), pair.group(2)} <= set(letters):
        return True
    return _hedged_letter(given, letters) or _hedged_words(task, given)


#: Words and marks in a letter's note that offer a second option: "b (or maybe a)", "b, though a is possible".
#: 也许 and 可能 are matched as words: their characters alone are in other words (能源, 可以).
_HEDGE = re.compile(
    rf"(?<![a-z])(?:{HEDGE_WORD}|possible|likely|might|could|though|although|unless|also|"
    r"either|leaning|second choice|think|guess|sure|unsure|close|fits|too|as well)(?![a-z])|[?？或]|也许|可能"
)

#: A letter the note rules out: "not a", "rather than a", "not a or c" (a run of letters after the negation).
_NEGATED_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:not|no|nor|than|instead of|unlike|except|excluding|without|neither)|不是|而非|并非|非)\s*"
    r"(?:\(?[a-z]\)?\s*(?:,|/|&|or|and|nor)\s*)*[(\[]?$"
)
_NEGATED_AFTER = re.compile(
    r"^[)\]]?\s*(?:(?:,|/|&|or|and)\s*\(?[a-z]\)?\s*)*(?:is|are|seems?)\s+"
    r"(?:not|wrong|incorrect|false|out|ruled out|excluded|unchanged)(?![a-z])|^[)\]]?\s*(?:isn|aren|doesn|don|can)['’]?t\b"
)

#: After a lone "a" (or "i"), what makes it a letter rather than the article: the end, a mark, or a verb.
_LETTER_FOLLOWS = re.compile(
    r"^\s*(?:$|[,.;:!?？)\]/&、]|(?:is|also|could|might|may|would|fits|seems|possib(?:le|ly)(?=\s*(?:$|[,.;:!?)\]]))|perhaps|maybe|"
    r"too|as well|instead|works|again|or|and)(?![a-z]))"
)


def _hedged_letter(given: str, letters: str) -> bool:
    """Whether a letter answer's note offers another option's letter with a hedge word or mark:
    "b (or maybe a)", "b, though a is possible", "b (a?)", "b [a]", "b (leaning a)", "either b or d".
    A letter the note rules out ("b, not a", "b (a is wrong)") is a reason, and "a" before a noun is the
    article ("b (a hedge)").

    >>> [_hedged_letter(answer, "abcd") for answer in ("b (or maybe a)", "b, though a is possible", "b [a]", "b (c perhaps)")]
    [True, True, True, True]
    >>> [_hedged_letter(answer, "abcd") for answer in ("b, not a", "b (a is more hedged; c and d are unchanged)", "b, not hedging", "b (maybe a hedge)", "b, not a or c")]
    [False, False, False, False, False]
    """
    lead = re.match(r"(?:either\s+)?(?:(?:option|answer|choice)\s*:?\s*)?\(?([a-z])(?![a-z0-9'’])\)?", given)
    if not lead or lead.group(1) not in letters:
        return False
    first, note = lead.group(1), given[lead.end() :]
    return _offers_letter(note, letters, {first})


def _offers_letter(note: str, letters: str, chosen: set[str], bracket: bool = True) -> bool:
    """Whether a note offers an option letter not in ``chosen`` with a hedge word or mark, or alone in
    brackets if ``bracket`` ("(or maybe a)", ", though a is possible", "(d?)", "[a]"), a letter it rules out ("not a",
    "a is wrong") and the article "a" before a noun left aside."""
    if not note.strip():
        return False
    for other in re.finditer(r"(?<![a-z0-9'’])([a-z])(?![a-z0-9'’-])", note):
        letter = other.group(1)
        before, after = note[: other.start()], note[other.end() :]
        if letter in chosen or letter not in letters or _NEGATED_BEFORE.search(before) or _NEGATED_AFTER.match(after):
            continue
        if letter in "ai" and not _LETTER_FOLLOWS.match(after):
            continue  # the article: "b (a hedge)", "b, maybe a slip"
        bracketed = re.search(r"[(\[]\s*$", before) and re.match(r"\s*(?:[)\]]|$)", after)
        if (bracket and bracketed) or _HEDGE.search(note):
            return True
    return False


def _hedged_words(task: Exercise, given: str) -> bool:
    """Whether an answer names one option, then a hedge word and another option's words:
    "ROC (or PRC)", "the ROC, though maybe the PRC", "not an error (or an error)"."""
    split = re.match(
        rf"(.+?)\s*(?:[(\[]\s*|[,;—–]\s*|\s-+\s*)?(?<![a-z])(?:{HEDGE_WORD}|though|although|unless|"
        r"but maybe|或)(?![a-z])\s*(.+)",
        given,
    )
    if not split:
        return False
    head = _option_index(task, normalise(split.group(1)))
    tail = split.group(2)
    while True:
        shorter = re.sub(
            rf"^(?:[,;:(\[]|\s|(?:{HEDGE_WORD}|even|it is|it's|could be|might be)(?![a-z]))+",
            "",
            tail,
        )
        if shorter == tail:
            break
        tail = shorter
    tail = normalise(re.sub(r"[)\]?.!]+$", "", tail))
    if head is None or not tail:
        return False
    others = _named_options(task, tail)
    return bool(others) and head not in others


def _chosen_option(task: Exercise, answer: object) -> int | None:
    """The index of the option a choice answer names; None if it names none, or hedges between two ("b or d")."""
    return None if _names_two_letters(task, answer) else _option_index(task, answer)


def _hedged_set(task: Exercise, answer: object) -> bool:
    """Whether a set of letters offers one more letter in a note with a hedge (any letter, when the
    exercise lists its options in its question): "a, b, c (maybe d)",
    "a, b, c (d?)", "a b c (also d)", "a, b, c — d?", "a, b, c, not d (or d)".

    >>> from helpers.exercises.records import Kind
    >>> task = Exercise(id="x", question="q", kind=Kind.SET, hint="h", options=("a one", "b two", "c three", "d four"))
    >>> [_hedged_set(task, answer) for answer in ("a, b, c (maybe d)", "a, b, c (d?)", "a, b, c — d?", "a b c (also d)")]
    [True, True, True, True]
    >>> [_hedged_set(task, answer) for answer in ("a, b, c", "a, b, c (not d)", "a, b, c (Aso, Hashimoto, Amari)", "a, b, c (a hedge)")]
    [False, False, False, False]
    """
    if not isinstance(answer, str):
        return False
    given = normalise(answer)
    letters = "abcdefghijklmnopqrstuvwxyz"[: len(task.options) or 26]
    for note in re.finditer(r"[(（\[]([^()（）\[\]]*)(?:[)）\]]|$)|\s[-–—]+\s*(.*)$", given):
        text = note.group(1) if note.group(1) is not None else note.group(2)
        # (a letter alone in brackets, "abc (d)", is an extra item: the set's check counts it)
        if _offers_letter(" " + text if note.group(1) is None else "(" + text + ")", letters, set(), bracket=False):
            return True
    return False
