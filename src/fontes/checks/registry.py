"""The rule registry: each check is a function registered with its code, category and severity.

A rule's docstring is its documentation, written for a historian in three parts (what it
finds, why it matters, an example); `fontes rules` prints it.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from fontes.model import Category, Document, Finding, Severity


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check reports; the registry turns it into a `Finding`."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    # How sure the check is (0-1), where it weighs its evidence; None where it does not.
    confidence: float | None = None


Check = Callable[[Document], Iterable[Problem]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    check: Check

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]

    def run(self, doc: Document) -> Iterator[Finding]:
        for problem in self.check(doc):
            line, column = doc.line_column(problem.start)
            yield Finding(
                rule=self.code,
                category=self.category,
                severity=self.severity,
                message=problem.message,
                start=problem.start,
                end=problem.end,
                line=line,
                column=column,
                suggestion=problem.suggestion,
                confidence=problem.confidence,
            )


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, category: Category, severity: Severity) -> Callable[[Check], Check]:
    """Register a check under a stable code: `@rule("XR001", "unknown-cross-reference", ...)`."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, name, category, severity, check)
        return check

    return register


def selected_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules whose code, code prefix, name or category is selected and not ignored, as in ruff."""
    select, ignore = list(select), list(ignore)

    def matches(rule: Rule, patterns: list[str]) -> bool:
        return any(
            rule.code.upper().startswith(p.upper()) or p.lower() in (rule.name, rule.category)
            for p in patterns
        )

    return [
        rule
        for code, rule in sorted(RULES.items())
        if (not select or matches(rule, select)) and not matches(rule, ignore)
    ]


def unknown_selectors(patterns: Iterable[str]) -> list[str]:
    """Selectors that match no rule, so the CLI can refuse a typo rather than check nothing."""
    return [p for p in patterns if not selected_rules([p])]


def run_checks(doc: Document, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Run `rules` (all by default), assign the findings to `doc` in text order (once: a
    document's findings are never replaced), and return them."""
    findings = [
        finding
        for r in (rules if rules is not None else selected_rules())
        for finding in r.run(doc)
    ]
    findings.sort(key=lambda f: (f.start, f.rule))
    seen: Counter[str] = Counter()
    for index, finding in enumerate(findings):
        digest = _context_digest(doc, finding)
        seen[digest] += 1
        findings[index] = replace(finding, fingerprint=f"{digest}:{seen[digest]}")
    if doc.findings:
        raise ValueError("the document has been checked already: its findings are assigned")
    doc.findings.extend(findings)
    return findings


# How much of the text either side of a finding its fingerprint covers, at most: words, not
# characters, so that the same passage laid out otherwise (re-wrapped, indented, read from
# a PDF rather than a text) keeps its fingerprints.
CONTEXT_WORDS = 8
# The stretch either side searched for those words: more than they can take up.
_REACH = 400
_BLANK_LINE = re.compile(r"\n\s*\n")


def _context_digest(doc: Document, finding: Finding) -> str:
    """The rule and the words of and around a finding, hashed: what identifies it across runs.

    The context stops at a blank line, so an edit in another paragraph (even the one just
    before) leaves it alone; offsets, line numbers and the message are left out, because
    they change when text is inserted above, and so is white space. Findings with the same
    digest are told apart by their rank (`:1`, `:2`), as in SARIF's `partialFingerprints`.
    """
    text = doc.folded
    before = _BLANK_LINE.split(text[max(finding.start - _REACH, 0) : finding.start])[-1]
    after = _BLANK_LINE.split(text[finding.end : finding.end + _REACH], maxsplit=1)[0]
    parts = (
        finding.rule,
        " ".join(before.split()[-CONTEXT_WORDS:]),
        text[finding.start : finding.end],
        " ".join(after.split()[:CONTEXT_WORDS]),
    )
    normal = "\x1f".join(" ".join(part.casefold().split()) for part in parts)
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()[:16]
