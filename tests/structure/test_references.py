"""The reference parser: tokens, the shipped CRF's fields in the usual styles, offsets, Work."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fontes.model import Work
from fontes.structure.references import (
    LABELS,
    MODEL_FILE,
    ParsedReference,
    ReferenceParser,
    parse_reference,
    parse_references,
    split_names,
    tokenize,
    work_fields,
)

CHICAGO = "Thompson, E. P. The Making of the English Working Class. London: Victor Gollancz, 1963."
MLA = (
    'Davis, Natalie Zemon. "The Rites of Violence: Religious Riot in Sixteenth-Century France." '
    "Past & Present, vol. 59, 1973, pp. 51-91."
)
APA = (
    "Hobsbawm, E. J. (1959). Primitive rebels: Studies in archaic forms of social movement. "
    "Manchester: Manchester University Press."
)
HARVARD = "Rudé, G. 1964. The Crowd in History. New York: Wiley."
BAINES = "Baines, E. _History of the Cotton Manufacture._ (London, 1835.)"
PERIODICAL = '"The Old Mill Burns." The County Herald, vol. 12 (May 3, 1921), pp. 4'
JOURNAL = (
    'Jones, Gareth Stedman. "Working-Class Culture and Working-Class Politics in London, '
    '1870-1900." Journal of Social History 7, no. 4 (1974): 460-508.'
)


def fields(parsed: ParsedReference) -> dict[str, str]:
    """Each label's first field, as text."""
    found: dict[str, str] = {}
    for field in parsed.fields:
        found.setdefault(field.label, parsed.text_of(field))
    return found


def test_the_shipped_model_is_package_data_small_and_loads() -> None:
    model = resources.files("fontes.structure").joinpath("data", MODEL_FILE)
    assert model.is_file()
    assert len(model.read_bytes()) < 5_000_000
    labels = set(ReferenceParser().labels)
    assert labels <= set(LABELS)
    assert {"author", "title", "container-title", "date", "pages", "signature"} <= labels


def test_tokens_cover_every_character_but_spaces() -> None:
    text = "Baines, E. _History_ (London, 1835.) pp. 4–9; O'Brien’s dell’arte"
    tokens = tokenize(text)
    covered = "".join(text[t.start : t.end] for t in tokens)
    assert covered == "".join(text.split())
    words = [text[t.start : t.end] for t in tokens]
    assert words[:5] == ["Baines", ",", "E", ".", "_"]
    assert "O'Brien’s" in words and "dell’arte" in words and "–" in words


def test_token_offsets_add_the_callers_offset() -> None:
    assert tokenize("ab cd", offset=10)[1].start == 13


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_tokens_and_fields_inside_it(text: str) -> None:
    parsed = parse_reference(text, offset=7)
    assert len(parsed.tokens) == len(parsed.labels)
    assert "".join(parsed.text_of(t) for t in parsed.tokens) == "".join(text.split())
    for field in parsed.fields:
        assert 7 <= field.start < field.end <= 7 + len(text)
        assert field.label in LABELS


def test_chicago_book() -> None:
    parsed = parse_reference(CHICAGO)
    assert parsed.authors == ["Thompson, E. P."]
    assert parsed.title == "The Making of the English Working Class"
    assert (parsed.place, parsed.publisher, parsed.year) == ("London", "Victor Gollancz", 1963)
    assert parsed.container is None


def test_mla_article() -> None:
    parsed = parse_reference(MLA)
    assert parsed.authors == ["Davis, Natalie Zemon"]
    assert parsed.title == "The Rites of Violence: Religious Riot in Sixteenth-Century France"
    assert parsed.container == "Past & Present"
    assert (parsed.volume, parsed.year, parsed.pages) == ("59", 1973, "51-91")


@pytest.mark.parametrize(
    ("text", "author", "title", "place", "publisher", "year"),
    [
        (
            APA,
            "Hobsbawm, E. J.",
            "Primitive rebels: Studies in archaic forms of social movement",
            "Manchester",
            "Manchester University Press",
            1959,
        ),
        (HARVARD, "Rudé, G.", "The Crowd in History", "New York", "Wiley", 1964),
    ],
)
def test_author_date_books(
    text: str, author: str, title: str, place: str, publisher: str, year: int
) -> None:
    parsed = parse_reference(text)
    assert parsed.authors == [author]
    assert (parsed.title, parsed.place, parsed.publisher, parsed.year) == (
        title,
        place,
        publisher,
        year,
    )


def test_nineteenth_century_entry_with_italics_and_bracketed_imprint() -> None:
    parsed = parse_reference(BAINES)
    assert parsed.authors == ["Baines, E."]
    assert parsed.title == "History of the Cotton Manufacture"
    assert (parsed.place, parsed.year) == ("London", 1835)


def test_periodical_with_a_quoted_headline() -> None:
    parsed = parse_reference(PERIODICAL)
    assert parsed.authors == []
    assert parsed.title == "The Old Mill Burns"
    assert parsed.container == "The County Herald"
    assert (parsed.volume, parsed.year, parsed.pages) == ("12", 1921, "4")
    assert parsed.date == "May 3, 1921"


def test_journal_volume_and_issue() -> None:
    parsed = parse_reference(JOURNAL)
    assert parsed.container == "Journal of Social History"
    assert (parsed.volume, parsed.issue, parsed.year, parsed.pages) == ("7", "4", 1974, "460-508")


def test_archival_reference() -> None:
    parsed = parse_reference("Lancashire Archives, DDX 1/23, f. 4.")
    found = fields(parsed)
    assert found["signature"] == "Lancashire Archives, DDX 1/23"
    assert found["pages"] == "f. 4"
    assert parsed.title is None and parsed.authors == []


def test_ibid_is_an_abbreviation_with_its_pages() -> None:
    parsed = parse_reference("Ibid., p. 45.")
    assert parsed.abbreviation == "Ibid."
    assert parsed.pages == "45"


def test_offsets_point_into_the_callers_text() -> None:
    document = "Bibliography\n\n" + BAINES + "\n" + PERIODICAL + "\n"
    start = document.index(PERIODICAL)
    parsed = parse_reference(PERIODICAL, offset=start)
    title = parsed.first("title")
    container = parsed.first("container-title")
    pages = parsed.first("pages")
    assert title is not None and container is not None and pages is not None
    assert document[title.start : title.end] == "The Old Mill Burns"
    assert document[container.start : container.end] == "The County Herald"
    assert document[pages.start : pages.end] == "pp. 4"
    assert (parsed.start, parsed.end) == (start, start + len(PERIODICAL))
    assert all(document[t.start : t.end] == parsed.text_of(t) for t in parsed.tokens)


def test_parse_many_is_parse_one_by_one() -> None:
    texts = [CHICAGO, (BAINES, 40), PERIODICAL]
    assert parse_references(texts) == [
        parse_reference(CHICAGO),
        parse_reference(BAINES, 40),
        parse_reference(PERIODICAL),
    ]


def test_empty_text_has_no_tokens() -> None:
    parsed = parse_reference("   ")
    assert parsed.tokens == () and parsed.fields == () and parsed.year is None


def test_work_fields_make_a_work() -> None:
    parsed = parse_reference(CHICAGO, offset=5)
    work = Work(id="work-thompson-1963", **work_fields(parsed))
    assert work.authors == ["Thompson, E. P."] and work.editors == []
    assert (work.title, work.place, work.year, work.volume) == (
        "The Making of the English Working Class",
        "London",
        1963,
        None,
    )
    assert (work.start, work.end) == (5, 5 + len(CHICAGO))


def test_work_fields_carry_editors_and_volume() -> None:
    parsed = parse_reference(
        "Marlow, R., ed. The Dock Papers. Vol. 2. London: Harbour Press, 1911."
    )
    fields = work_fields(parsed)
    assert fields["editors"] == ["Marlow, R."] and fields["authors"] == []
    assert (fields["volume"], fields["year"]) == ("2", 1911)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Bergk, V., Haefeli, W. E. & Gasse, C.", ["Bergk, V.", "Haefeli, W. E.", "Gasse, C."]),
        (
            "Jacoby, H.D., R.G. Prinn and R. Schmalensee",
            ["Jacoby, H.D.", "R.G. Prinn", "R. Schmalensee"],
        ),
        ("ed. Michael Renov,", ["Michael Renov"]),
        ("Marlow, R. (Ed.)", ["Marlow, R."]),
        ("A. Smith et al.", ["A. Smith"]),
        ("Croce, Benedetto.", ["Croce, Benedetto"]),
        ("Smith, Ted, and Jane Doe", ["Smith, Ted", "Jane Doe"]),
        ("Dupont, Jean (dir.)", ["Dupont, Jean"]),
        ("Marlow, R., ed.", ["Marlow, R."]),
        ("John Smith, Jane Doe", ["John Smith", "Jane Doe"]),
    ],
)
def test_split_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names
