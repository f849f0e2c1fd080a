"""Render a new plan from templates/plan: answers in, file name → text out. Writes nothing."""

import functools
import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from samenplan.files.resources import examples_dir, templates_dir
from samenplan.plan.schema import render_schemas, schema_file_name
from samenplan.plan.steps import BY_FILE, DOCUMENTS
from samenplan.scaffold.answers import Answers, slug
from samenplan.scaffold.install import InstallSource
from samenplan.scaffold.regelingkeuze import template_globals

if TYPE_CHECKING:
    import jinja2

SCHEMA_DIR = "schemas"

# Characters a YAML file may not hold as they are (DEL, C1 controls, U+FFFE/U+FFFF), or that
# YAML reads as a line break inside quotes (NEL, U+2028, U+2029): written as escapes instead.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _yaml_scalar(value: object) -> str:
    # A double-quoted YAML scalar is a JSON string: safe for any text, once the characters
    # above are escaped (JSON's \uXXXX is also a YAML escape).
    text = json.dumps(str(value), ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render_plan(answers: Answers) -> dict[str, str]:
    """Every file of a new plan folder, including the JSON Schemas editors use."""
    env = _environment("")
    files = {doc.file: env.get_template(f"{doc.file}.j2").render(a=answers, doc=doc) for doc in DOCUMENTS}
    files.update({f"{SCHEMA_DIR}/{name}": text for name, text in render_schemas().items()})
    return files


@functools.cache
def _environment(folder: str) -> "jinja2.Environment":
    """The environment of the templates in templates/plan/``folder``, made once a process, so
    that each template is compiled once (as document/render.py does for the document)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir() / "plan" / folder),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML output: values go through the yaml filter
    )
    env.filters["yaml"] = _yaml_scalar
    if not folder:
        env.globals.update(template_globals())  # regelingen open for the plan's periode
    return env


def example_names() -> list[str]:
    """Names of the example plans that `init --voorbeeld` can copy."""
    root = examples_dir()
    return sorted(p.name for p in root.iterdir() if (p / "samenplan.yaml").is_file())


def example_files(name: str) -> dict[str, str]:
    """Every file of a shipped example plan, plus the JSON Schemas it now points at."""
    root = examples_dir() / name
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            name_in_plan = path.relative_to(root).as_posix()
            files[name_in_plan] = _with_modeline(name_in_plan, path.read_text(encoding="utf-8"))
    files.update({f"{SCHEMA_DIR}/{n}": text for n, text in render_schemas().items()})
    return files


def _with_modeline(name: str, text: str) -> str:
    # The line that tells VS Code's YAML extension which schema a plan file follows.
    doc = BY_FILE.get(name)
    if doc is None or text.startswith("# yaml-language-server:"):
        return text
    return f"# yaml-language-server: $schema={SCHEMA_DIR}/{schema_file_name(doc)}\n{text}"


@dataclass(frozen=True)
class ExtrasContext:
    """What the CI and pre-commit templates need for one plan in one repository."""

    plan: str  # the plan folder relative to the repository root, '/' separated; '.' for the root
    source: InstallSource

    @property
    def at_root(self) -> bool:
        """Whether the plan is the repository root itself."""
        return self.plan == "."

    @property
    def slug(self) -> str:
        """The plan folder as a name part for jobs and files; '' at the root."""
        return "" if self.at_root else slug(self.plan)

    @property
    def plan_shown(self) -> str:
        """How messages name the plan's place in the repository."""
        return "de hoofdmap van de repository" if self.at_root else f"de map {self.plan}"

    @property
    def check_command(self) -> str:
        """The shell command that checks this plan."""
        return f"samenplan check {shlex.quote(self.plan)}"

    def diff_command(self, base: str) -> str:
        """The shell command that says what changed in this plan since ``base``."""
        return f"samenplan diff {base} --plan {shlex.quote(self.plan)}"

    def since_command(self, base: str) -> str:
        """The shell command that reports only the findings that are new since ``base``."""
        return f"{self.check_command} --sinds {base} --format text"

    @property
    def changes_job_name(self) -> str:
        """The name of the GitLab job that runs on a merge request only."""
        return f"{self.job_name}-wijzigingen"

    @property
    def changes_file(self) -> str:
        """The Markdown report of a merge request's changes (a GitLab artifact)."""
        return "samenplan-wijzigingen.md" if self.at_root else f"samenplan-wijzigingen-{self.slug}.md"

    @property
    def changes_title(self) -> str:
        """How the merge request names that report."""
        return "samenplan wijzigingen" if self.at_root else f"samenplan wijzigingen {self.slug}"

    @property
    def workflow_name(self) -> str:
        """The name of the GitHub workflow."""
        return "samenplan" if self.at_root else f"samenplan {self.plan}"

    @property
    def job_name(self) -> str:
        """The name of the CI job."""
        return "samenplan" if self.at_root else f"samenplan-{self.slug}"

    @property
    def hook_id(self) -> str:
        """The id of the pre-commit hook."""
        return self.job_name.replace("samenplan", "samenplan-check", 1)

    @property
    def report_file(self) -> str:
        """The GitLab Code Quality report of this plan."""
        return "gl-code-quality-report.json" if self.at_root else f"gl-code-quality-{self.slug}.json"

    @property
    def files_pattern(self) -> str:
        """The files that trigger the pre-commit hook."""
        return r"\.ya?ml$" if self.at_root else f"^{re.escape(self.plan)}/.*\\.ya?ml$"

    @property
    def dependencies(self) -> list[str]:
        """What pip installs for the hook: the pinned requirement, with its index."""
        index = [f"--index-url={self.source.index_url}"] if self.source.index_url else []
        return [*index, self.source.requirement]


CI_SYSTEMS = ("github", "gitlab")


def extra_files(ci: list[str], *, pre_commit: bool, context: ExtrasContext) -> dict[str, str]:
    """CI jobs and a pre-commit configuration, by path from the repository root."""
    env = _environment("extra")
    files: dict[str, str] = {}
    if "github" in ci:
        name = "samenplan.yml" if context.at_root else f"samenplan-{context.slug}.yml"
        files[f".github/workflows/{name}"] = env.get_template("github.yml.j2").render(x=context)
    if "gitlab" in ci:
        files[".gitlab-ci.yml"] = env.get_template("gitlab-ci.yml.j2").render(x=context)
    if pre_commit:
        files[".pre-commit-config.yaml"] = env.get_template("pre-commit.yaml.j2").render(x=context)
    return files


def relative(path: Path, root: Path) -> str:
    """A path as shown to users: relative to the plan folder, '/' separated."""
    return path.relative_to(root).as_posix()
