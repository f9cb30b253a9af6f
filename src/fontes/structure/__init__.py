"""Structure: the scholarly apparatus — sections, glossary, bibliography, notes, citations,
quotations and cross-references."""
