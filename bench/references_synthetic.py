"""References written for fontes (MIT, as the project): the forms neither corpus has enough of.

AnyStyle's data have no *ibid.* and no archival references; LinkedBooks has a few hundred
archival tokens, Italian, and one *ibid.* So training adds, from the templates below and a
fixed seed, short forms as notes print them (`Ibid., p. 45.`, `Id., Title, p. 3.`,
`Surname, op. cit., pp. 12-14.`, `Cf. ibid.`), archival references in English, French,
German and Italian (`The National Archives, HO 42/119, f. 23.`, `Letter of ..., 3 May 1812,
BL Add. MS 35154, fol. 4r.`) and edited books (`Marlow, R., ed. Title. Place: Publisher,
1911.`, `Title. Edited by ...`; AnyStyle's editors are mostly those of a chapter's book).
Every name, title, repository and number is invented or
generic; `examples()` gives `references_data.Example`s, the same every run.
"""

from __future__ import annotations

import random

from references_data import Example

SEED = 20240611
COUNT = 150  # of each kind

SURNAMES = """Ashworth Bellamy Carver Dunstan Ellery Fairbairn Garside Holroyd Ingram Jessop
Kettle Lomax Marsden Nuttall Oldroyd Pickles Quarmby Ramsden Sowerby Thwaite Uttley Varley
Whiteley Yarwood Bertin Chauvet Delorme Fabre Girard Lemoine Moreau Rivière Vasseur Baumann
Eckert Hoffmann Krüger Lindner Neumann Scholz Wagner Bassi Contarini Ferrante Gritti Morosini
Pellegrini Rinaldi Tiepolo Zanetti""".split()
INITIALS = "A B C D E F G H J K L M N P R S T W".split()
FORENAMES = """John Mary William Anne Thomas Margaret Henry Jane Richard Eliza Pierre Jeanne
Louis Marie Karl Anna Friedrich Giovanni Maria Pietro""".split()
TITLE_WORDS = """History Trade Labour Parish Weavers Harbour Riots Letters Chronicle Survey
Guilds Commerce Famine Enclosure Mills Shipping Reform Poor Church Estates Customs
Navigation Accounts Memoirs Records""".split()
TITLE_PATTERNS = [
    "The {0} of the {1}",
    "{0} and {1}",
    "A {0} of {1}",
    "{0} in the {1}",
    "The {0}: Studies in {1}",
    "Essays on {0}",
    "{0}, {1} and Society",
]
PAGES = ["p. {a}", "pp. {a}-{b}", "p. {a}f.", "pp. {a}, {b}", "{a}", "pp. {a}-{c}"]
REPOSITORIES = [
    ["The National Archives", "TNA", "Public Record Office", "PRO"],
    ["British Library", "BL"],
    ["Bodleian Library", "Bodl."],
    ["County Record Office", "Borough Archives", "Diocesan Record Office"],
    ["Archives nationales", "AN"],
    ["Bibliothèque nationale de France", "BnF"],
    ["Archives départementales du Nord", "AD Nord"],
    ["Bundesarchiv", "Staatsarchiv", "Hauptstaatsarchiv"],
    ["Archivio di Stato di Venezia", "ASV", "Archivio di Stato di Firenze", "ASF"],
    ["Biblioteca Nazionale Marciana", "BNM"],
]
SERIES = [
    "{L}{L} {n}/{m}",
    "{L}{L}{L} {n}/{m}/{k}",
    "Add. MS {big}",
    "MS {n}",
    "Egerton MS {big}",
    "F/{n}/{m}",
    "{L} {n}",
    "Rep. {n} Nr. {m}",
    "Senato, Terra, filza {n}",
    "Consiglio dei Dieci, Misti, reg. {n}",
    "série {L} {n}",
    "carton {n}, dossier {m}",
    "box {n}, folder {m}",
    "busta {n}, fasc. {m}",
]
FOLIOS = [
    "f. {a}",
    "ff. {a}-{b}",
    "fol. {a}r",
    "fols. {a}v-{b}r",
    "c. {a}r",
    "cc. {a}-{b}",
    "fo {a}",
]
MONTHS = "January February March April May June July August September October November December"
DOCUMENTS = [
    "Letter of {w} to {x}",
    "{w} to {x}",
    "Petition of the inhabitants of {p}",
    "Deposition of {w}",
    "Minutes of the vestry",
    "Report of the inspector",
    "Memorandum by {w}",
]


def _name(rng: random.Random, style: int) -> str:
    surname = rng.choice(SURNAMES)
    if style == 0:
        return f"{surname}, {rng.choice(INITIALS)}."
    if style == 1:
        return f"{rng.choice(FORENAMES)} {surname}"
    if style == 2:
        return f"{rng.choice(INITIALS)}. {surname}"
    return surname


def _title(rng: random.Random) -> str:
    first, second = rng.sample(TITLE_WORDS, 2)
    return rng.choice(TITLE_PATTERNS).format(first, second)


def _pages(rng: random.Random) -> str:
    a = rng.randint(1, 480)
    return rng.choice(PAGES).format(a=a, b=a + rng.randint(1, 9), c=(a + rng.randint(1, 30)) % 100)


def _date(rng: random.Random) -> str:
    year, day = rng.randint(1550, 1920), rng.randint(1, 28)
    month = rng.choice(MONTHS.split())
    return rng.choice([f"{day} {month} {year}", f"{month} {day}, {year}", str(year)])


def _example(pieces: list[tuple[str, str]]) -> Example:
    """Pieces of text with their labels, joined as written (each piece says its spacing)."""
    text, spans = "", []
    for index, (piece, label) in enumerate(pieces):
        if index and piece.startswith(".") and text.endswith("."):  # `ed.` ends the sentence
            piece = piece[1:]
            if not piece:
                continue
        spans.append((len(text), len(text) + len(piece), label))
        text += piece
    units = [span for span in spans if text[span[0] : span[1]].strip()]
    return Example(text, spans, units, "synthetic")


def short_form(rng: random.Random) -> Example:
    """A note's short form: ibid., id., op. cit., loc. cit., with what goes with them."""
    word = rng.choice(["Ibid.", "Ibid", "ibid.", "Ibidem", "Id.", "Idem", "Ead."])
    kind = rng.randrange(6)
    lead = [("Cf. ", "other")] if rng.random() < 0.15 else []
    if kind == 0:
        return _example([*lead, (word, "abbreviation"), (".", "other")])
    if kind == 1:
        return _example(
            [*lead, (word, "abbreviation"), (", ", "other"), (_pages(rng), "pages"), (".", "other")]
        )
    if kind == 2:
        return _example(
            [
                (word, "abbreviation"),
                (", ", "other"),
                (_title(rng), "title"),
                (", ", "other"),
                (_pages(rng), "pages"),
                (".", "other"),
            ]
        )
    if kind == 3:
        short = rng.choice(["op. cit.", "op. cit", "Op. cit.", "loc. cit.", "cit."])
        return _example(
            [
                *lead,
                (_name(rng, rng.randrange(4)), "author"),
                (", ", "other"),
                (short, "abbreviation"),
                (", ", "other"),
                (_pages(rng), "pages"),
                (".", "other"),
            ]
        )
    if kind == 4:
        return _example(
            [
                (_name(rng, 3), "author"),
                (", ", "other"),
                (_title(rng).split(":")[0], "title"),
                (", ", "other"),
                (rng.choice(["op. cit.", "cit."]), "abbreviation"),
                (", ", "other"),
                (_pages(rng), "pages"),
            ]
        )
    return _example(
        [
            (_name(rng, 3), "author"),
            (", ", "other"),
            (rng.choice(["loc. cit.", "op. cit."]), "abbreviation"),
            (".", "other"),
        ]
    )


def archival(rng: random.Random) -> Example:
    """A document in an archive: what it is, its date, the repository, series and folio."""
    group = rng.choice(REPOSITORIES)
    repository = rng.choice(group)
    letters = "ABCDEFGHJKLMNPRSTW"
    series = (
        rng.choice(SERIES)
        .replace("{L}", "\0")
        .format(
            n=rng.randint(1, 250),
            m=rng.randint(1, 120),
            k=rng.randint(1, 40),
            big=rng.randint(10000, 45000),
        )
    )
    series = "".join(rng.choice(letters) if char == "\0" else char for char in series)
    a = rng.randint(1, 400)
    folio = rng.choice(FOLIOS).format(a=a, b=a + rng.randint(1, 12))
    pieces: list[tuple[str, str]] = []
    if rng.random() < 0.5:
        document = rng.choice(DOCUMENTS).format(
            w=_name(rng, 1), x=_name(rng, 1), p=rng.choice(["Bolton", "Leeds", "Rouen", "Padua"])
        )
        pieces += [(document, "title"), (", ", "other"), (_date(rng), "date"), (", ", "other")]
    pieces.append((f"{repository}, {series}", "signature"))
    if rng.random() < 0.8:
        pieces += [(", ", "other"), (folio, "pages")]
    pieces.append((".", "other"))
    return _example(pieces)


PLACES = """London Edinburgh Manchester Leeds Bristol Norwich York Dublin Boston Paris Lyon
Leipzig Venezia Padova Bolton Halifax Preston Truro""".split()
PUBLISHERS = [
    "{s} and Sons",
    "{s} & Co.",
    "{p} University Press",
    "{s}",
    "Printed for the Author",
    "The {w} Society",
    "{s}, {t} and Company",
]


def _publisher(rng: random.Random) -> str:
    surname, other = rng.sample(SURNAMES, 2)
    return rng.choice(PUBLISHERS).format(
        s=surname, t=other, p=rng.choice(PLACES), w=rng.choice(TITLE_WORDS)
    )


def edited_book(rng: random.Random) -> Example:
    """A book under its editor's name, or its title first and the editor after it."""
    first = rng.random() < 0.6  # the editor's name first, else the title
    styles = [0, 0, 1, 2] if first else [1, 2]
    names = [_name(rng, rng.choice(styles)) for _ in range(rng.choice([1, 1, 1, 2]))]
    plural = len(names) > 1
    who = " and ".join(names)
    mark = rng.choice(
        [", eds." if plural else ", ed.", " (eds.)" if plural else " (ed.)", " (Hrsg.)"]
    )
    year = str(rng.randint(1790, 1990))
    imprint: list[tuple[str, str]] = []
    if rng.random() < 0.3:
        imprint += [(f"Vol. {rng.randint(1, 6)}", "volume"), (". ", "other")]
    imprint += [(rng.choice(PLACES), "location"), (": ", "other"), (_publisher(rng), "publisher")]
    imprint += [(", ", "other"), (year, "date"), (".", "other")]
    if first:
        return _example(
            [
                (who + mark, "editor"),
                (". ", "other"),
                (_title(rng), "title"),
                (". ", "other"),
                *imprint,
            ]
        )
    role = rng.choice(["ed. ", "edited by ", "Edited by "])
    return _example(
        [(_title(rng), "title"), (". ", "other"), (role + who, "editor"), (". ", "other"), *imprint]
    )


def examples() -> list[Example]:
    rng = random.Random(SEED)
    return (
        [short_form(rng) for _ in range(COUNT)]
        + [archival(rng) for _ in range(COUNT)]
        + [edited_book(rng) for _ in range(COUNT)]
    )
