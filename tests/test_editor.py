"""The editor speaks Dutch: the real YAML language server (what VS Code's YAML extension runs),
driven over stdio with the schemas `init` writes.

A wrong leefdomein gives a Dutch diagnostic at the same line and column as `samenplan check`,
a bad id a Dutch pattern message, hovers show the Dutch descriptions and field names complete.
The server comes from npm (.ci/tools installs it in .ci/lsp); the test fails without it.
"""

import json
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from samenplan.check.run import check_plan
from samenplan.plan.schema import render_schemas
from support import ROOT, copy_example

SERVER = ROOT / ".ci" / "lsp" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
TIMEOUT = 60
MODELINE = "# yaml-language-server: $schema=schemas/05-aanpak.schema.json\n"
SETTINGS = {
    "yaml": {
        "validate": True,
        "hover": True,
        "completion": True,
        "schemaStore": {"enable": False},
        "schemas": {},
    }
}


class LanguageServer:
    """A JSON-RPC client for the language server on the other end of a pipe."""

    def __init__(self, root: Path) -> None:
        node = shutil.which("node")
        assert node is not None, "node is not installed"
        assert SERVER.is_file(), f"yaml-language-server is not installed at {SERVER}: run .ci/tools"
        self.proc = subprocess.Popen(
            [node, str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=root,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        message = self.wait(lambda m: m.get("id") == ident and "method" not in m)
        assert "error" not in message, message
        return message.get("result")

    def wait(self, wanted: Any) -> dict[str, Any]:
        """The next message for which ``wanted`` is true; answers the server's own requests."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                message = self.messages.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError("the language server did not answer in time") from None
            if "method" in message and "id" in message:  # a request from the server
                self._answer(message)
            if wanted(message):
                return message

    def _answer(self, request: dict[str, Any]) -> None:
        result: Any = None
        if request["method"] == "workspace/configuration":
            result = [SETTINGS.get(item.get("section", "")) for item in request["params"]["items"]]
        self.send({"id": request["id"], "result": result})

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """The heidedorpen plan with its schemas, 05-aanpak.yaml pointing at its schema."""
    plan = copy_example(tmp_path, into="plan")
    (plan / "schemas").mkdir()
    for name, text in render_schemas().items():
        (plan / "schemas" / name).write_text(text, encoding="utf-8")
    aanpak = plan / "05-aanpak.yaml"
    aanpak.write_text(MODELINE + aanpak.read_text(encoding="utf-8"), encoding="utf-8")
    return plan


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LanguageServer]:
    """One language server for the tests of this module (it takes a second to start), with
    the folder that holds each test's workspace as its root; each test opens its own files."""
    root = tmp_path_factory.getbasetemp()
    lsp = LanguageServer(root)
    try:
        lsp.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "locale": "nl",
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        lsp.notify("initialized", {})
        lsp.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})
        yield lsp
    finally:
        lsp.close()


def open_file(lsp: LanguageServer, path: Path, *, problems: bool = True) -> list[dict[str, Any]]:
    """Open ``path`` in the server; the diagnostics it publishes (once the schema is read, when
    ``problems`` says there are some)."""
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    lsp.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
    )
    message = lsp.wait(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and (bool(m["params"]["diagnostics"]) or not problems)
        )
    )
    diagnostics: list[dict[str, Any]] = message["params"]["diagnostics"]
    return diagnostics


def position(path: Path, needle: str, offset: int = 0) -> dict[str, int]:
    """The 0-based LSP position of ``needle`` (its first occurrence) plus ``offset`` characters."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if needle in line:
            return {"line": number, "character": line.index(needle) + offset}
    raise AssertionError(f"{needle!r} not in {path}")


def break_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_wrong_leefdomein_is_dutch_and_where_check_puts_it(workspace: Path, server: LanguageServer) -> None:
    aanpak = workspace / "05-aanpak.yaml"
    break_file(aanpak, "leefdomeinen: [school, thuis]", "leefdomeinen: [school, vrije tijd]")
    [ours] = [d for d in check_plan(workspace).diagnostics if d.location.file == "05-aanpak.yaml"]
    editor = open_file(server, aanpak)
    [diagnostic] = [d for d in editor if d["range"]["start"]["line"] == ours.location.line - 1]
    assert diagnostic["range"]["start"]["character"] == ours.location.col - 1
    assert diagnostic["message"] == (
        "Deze waarde is niet toegestaan. Kies uit: thuis, school, vrije_tijd, online of wijk."
    )


def test_bad_id_gets_a_dutch_pattern_message(workspace: Path, server: LanguageServer) -> None:
    aanpak = workspace / "05-aanpak.yaml"
    break_file(aanpak, "- id: i_sterk_op_school", "- id: Sterk op school")
    messages = [d["message"] for d in open_file(server, aanpak)]
    assert any(m.startswith("Een id bestaat uit kleine letters, cijfers, - en _") for m in messages), messages
    assert not any("pattern" in m or "^[a-z0-9]" in m for m in messages), messages


def hover_text(server: LanguageServer, path: Path, at: dict[str, int]) -> str:
    result = server.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()}, "position": at})
    assert result is not None, f"no hover at {at}"
    contents = result["contents"]
    return str(contents["value"] if isinstance(contents, dict) else contents)


def test_hover_shows_dutch(workspace: Path, server: LanguageServer) -> None:
    aanpak = workspace / "05-aanpak.yaml"
    open_file(server, aanpak, problems=False)
    field = hover_text(server, aanpak, position(aanpak, "leefdomeinen:", 2))
    assert "In welke leefdomeinen de interventie werkt" in field, field
    value = hover_text(server, aanpak, position(aanpak, "[school, thuis]", 2))
    assert "Waar een kind leeft" in value, value
    for text in (field, value):
        assert "Where a child" not in text and "lives its life" not in text


def test_field_names_complete(workspace: Path, server: LanguageServer) -> None:
    aanpak = workspace / "05-aanpak.yaml"
    break_file(aanpak, "interventies:\n", "interventies:\n  - id: nieuw\n    \n")  # a new interventie
    open_file(server, aanpak)
    at = {"line": position(aanpak, "- id: nieuw")["line"] + 1, "character": 4}
    result = server.request(
        "textDocument/completion", {"textDocument": {"uri": aanpak.as_uri()}, "position": at}
    )
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    assert {"bereik", "begroting", "gebieden", "onderbouwing"} <= labels, labels
    documented = {item["label"]: item.get("documentation") for item in items}
    assert "Hoeveel kinderen" in json.dumps(documented["bereik"], ensure_ascii=False)


def test_wrong_date_and_a_value_instead_of_a_list_are_dutch(workspace: Path, server: LanguageServer) -> None:
    aanpak = workspace / "05-aanpak.yaml"
    break_file(aanpak, "      van: 2023-09-01", "      van: 1 september 2023")
    break_file(aanpak, "leefdomeinen: [school, thuis]", "leefdomeinen: school")
    by_line = {d["range"]["start"]["line"]: d["message"] for d in open_file(server, aanpak)}
    assert by_line[position(aanpak, "van: 1 september")["line"]] == (
        "Schrijf een datum als 2022-03-15 (dag), 2021-10 (maand), 2022 (jaar), 2022-2023 "
        "(schooljaar) of onbekend."
    )
    assert by_line[position(aanpak, "leefdomeinen: school")["line"]].startswith("Schrijf hier een lijst")


def _completion_labels(server: LanguageServer, path: Path, at: dict[str, int]) -> dict[str, str]:
    result = server.request(
        "textDocument/completion", {"textDocument": {"uri": path.as_uri()}, "position": at}
    )
    items = result["items"] if isinstance(result, dict) else result
    return {item["label"]: json.dumps(item.get("documentation"), ensure_ascii=False) for item in items}


def _end_of_line(path: Path, whole: str) -> dict[str, int]:
    """The LSP position at the end of the line that is exactly ``whole``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {"line": lines.index(whole), "character": len(whole)}


def _samenwerking(workspace: Path) -> Path:
    path = workspace / "02-samenwerking.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("# yaml-language-server: $schema=schemas/02-samenwerking.schema.json\n" + text, "utf-8")
    return path


def test_regeling_completes_with_the_catalog_ids_and_their_dutch_names(
    workspace: Path, server: LanguageServer
) -> None:
    from samenplan.plan.catalog import load_catalog

    path = _samenwerking(workspace)
    break_file(path, "    regeling: npo_scholen\n", "    regeling: \n")
    open_file(server, path, problems=False)
    at = _end_of_line(path, "    regeling: ")
    labels = _completion_labels(server, path, at)
    catalog = load_catalog()
    assert set(catalog) <= set(labels), set(catalog) - set(labels)
    assert catalog["brede_spuk"].naam in labels["brede_spuk"]


def test_bestedingsdoelen_complete_with_the_doelen_of_the_chosen_regeling(
    workspace: Path, server: LanguageServer
) -> None:
    from samenplan.plan.catalog import load_catalog

    path = _samenwerking(workspace)
    old = "    bestedingsdoelen: [c_sociaal_emotioneel_fysiek, d_executieve_functies]\n"
    break_file(path, "    regeling: npo_scholen\n", "    regeling: brede_spuk\n")
    break_file(path, old, "    bestedingsdoelen:\n      - \n")
    open_file(server, path, problems=False)
    at = _end_of_line(path, "      - ")
    labels = _completion_labels(server, path, at)
    doelen = {d.id for d in load_catalog()["brede_spuk"].bestedingsdoelen}
    assert doelen <= set(labels), doelen - set(labels)
    assert "bovenschools" not in labels  # a doel of npo_gemeenten, not of the Brede SPUK


def test_formaatversie_1_says_migrate_in_the_editor(workspace: Path, server: LanguageServer) -> None:
    manifest = workspace / "samenplan.yaml"
    text = manifest.read_text(encoding="utf-8").replace("formaatversie: 2\n", "formaatversie: 1\n", 1)
    manifest.write_text(
        "# yaml-language-server: $schema=schemas/samenplan.schema.json\n" + text, encoding="utf-8"
    )
    messages = [d["message"] for d in open_file(server, manifest)]
    assert messages and all(
        m.startswith("Deze samenplan leest formaatversie 2. Staat hier 1") for m in messages
    ), messages
