"""Where the code raises errors with message templates, read the way Python reads it (no import).

Shared by tests/model/test_messages.py (every raise site uses a literal template) and
tests/ui/test_errors.py (the list lupdate sees holds exactly these templates).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "neuron_sim"
TEMPLATE_LIST = PACKAGE / "ui" / "i18n" / "error_templates.py"

# Errors whose first argument is a message template (neuron_sim/model/messages.py). CycleError is one
# too, but takes the loop: its template is in its super().__init__ call, found as such.
TEMPLATE_ERRORS = {"MessageError", "ModelError", "NetworkFileError", "FigureError", "TrainingError", "NeuronifyNotice"}


@dataclass(frozen=True)
class Site:
    path: str
    line: int
    function: str
    template: str | None  # None: not a literal (an f-string, a call…)
    wraps: bool  # the first argument is a variable: another error re-raised (MessageError(error, …))


class _Finder(ast.NodeVisitor):
    def __init__(self, path: str):
        self.path = path
        self.classes: list[ast.ClassDef] = []
        self.functions: list[str] = []
        self.sites: list[Site] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # noqa: N802
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        if self._is_template_error(node.func) and node.args:
            first = node.args[0]
            literal = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
            self.sites.append(Site(self.path, node.lineno, self.functions[-1] if self.functions else "",
                                   literal, isinstance(first, (ast.Name, ast.Attribute))))
        self.generic_visit(node)

    def _is_template_error(self, func: ast.AST) -> bool:
        if isinstance(func, ast.Name):
            return func.id in TEMPLATE_ERRORS
        if isinstance(func, ast.Attribute) and func.attr == "__init__":
            # super().__init__(template, …) in a subclass of a template error (CycleError)
            called_on_super = (isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name)
                               and func.value.func.id == "super")
            bases = ({base.id for base in self.classes[-1].bases if isinstance(base, ast.Name)}
                     if self.classes else set())
            return called_on_super and bool(bases & TEMPLATE_ERRORS)
        return False


def raise_sites() -> list[Site]:
    sites: list[Site] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "__pycache__" in path.parts or path == TEMPLATE_LIST:
            continue
        relative = str(path.relative_to(ROOT))
        finder = _Finder(relative)
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        sites += finder.sites
    return sites


def templates_in_code() -> set[str]:
    return {site.template for site in raise_sites() if site.template is not None}


def templates_listed() -> list[str]:
    """The texts of the QT_TRANSLATE_NOOP calls in neuron_sim/ui/i18n/error_templates.py's TEMPLATES."""
    tree = ast.parse(TEMPLATE_LIST.read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = [
                call.args[1].value for call in ast.walk(node.value)
                if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "QT_TRANSLATE_NOOP"]
    return found.get("TEMPLATES", [])
