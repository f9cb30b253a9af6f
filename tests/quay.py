"""A small text with the whole apparatus, shared by the command-line and runner tests:
a dated heading, an asterisked name, testimony, a citation, a glossary and a bibliography.
`BROKEN` asterisks a name the glossary lacks."""

TEXT = """The Quay (1901-03)

The foreman, Mary Halloran*, told the inquiry: "We were paid by the hour."
(Marlow, Edith: Evidence, in: Peter Quill (Ed.): op. cit.; p. 4).

HALLORAN, Mary, dock foreman (1860-1921); union organiser (1889-1901).

Quill, Peter (Ed.): 'The Quay Inquiry'; Bristol; 1904.
"""
BROKEN = TEXT.replace("Mary Halloran*", "Mary Quennell*")
