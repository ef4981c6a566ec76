"""One root exception; subclasses carry where the problem is and a hint."""

from __future__ import annotations

from dataclasses import dataclass


class TreatywatchError(Exception):
    """Root of every error treatywatch raises on purpose."""

    exit_code = 1


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the data: where it is, what it is, how to fix it."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    value: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file or ""
        if self.line is not None:
            where += f":{self.line}"
        parts = [f"{where}: " if where else ""]
        parts.append(self.message)
        if self.field is not None:
            parts.append(f" [field {self.field}={self.value!r}]")
        if self.hint:
            parts.append(f" (hint: {self.hint})")
        return "".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "value": self.value,
            "hint": self.hint,
        }


class DataError(TreatywatchError):
    """The data (bundled or supplied) is malformed or breaks the law of its treaty.

    ``problems`` holds every problem; the message lists the first ``SHOWN`` of them and
    then how many more there are, so that a file of a million bad rows gives a readable
    report (``validate --format json`` lists them all).
    """

    #: How many problems the message lists before it only counts the rest.
    SHOWN = 50

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        head = f"{len(problems)} problem(s) in the data" if len(problems) != 1 else "invalid data"
        lines = [f"  {p}" for p in problems[: self.SHOWN]]
        if len(problems) > self.SHOWN:
            lines.append(f"  … and {len(problems) - self.SHOWN} more problem(s)")
        super().__init__(head + ":\n" + "\n".join(lines))


class NotFound(TreatywatchError):
    """A state, treaty or record that does not exist; carries a suggestion."""

    exit_code = 2

    def __init__(
        self,
        what: str,
        value: str,
        suggestions: list[str] | None = None,
        hint: str | None = None,
    ) -> None:
        self.what = what
        self.value = value
        self.suggestions = suggestions or []
        self.hint = hint
        msg = f"unknown {what}: {value!r}"
        if self.suggestions:
            msg += " (did you mean " + " or ".join(self.suggestions) + "?)"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class UsageError(TreatywatchError):
    """A request that cannot be answered as asked (bad date, bad option value)."""

    exit_code = 2


class FileError(UsageError):
    """A file named on the command line that cannot be used as given (missing, a folder,
    binary, not text, not a database, not writable); carries the Problem that says where."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))
