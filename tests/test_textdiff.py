"""The diff init --overwrite and migrate show before they replace a file."""

from samenplan.files.textdiff import replace_diff


def test_the_diff_names_the_file_as_it_is_now_and_what_replaces_it() -> None:
    diff = replace_diff("03-aanpak.yaml", "a: 1\nb: 2\n", "a: 1\nb: 3\n", "nieuw")
    assert diff.splitlines() == [
        "--- 03-aanpak.yaml (nu)",
        "+++ 03-aanpak.yaml (nieuw)",
        "@@ -1,2 +1,2 @@",
        " a: 1",
        "-b: 2",
        "+b: 3",
    ]


def test_a_last_line_without_line_break_still_ends_the_diff_with_one() -> None:
    # Printed before a question: without it, the question would stick to the last line.
    diff = replace_diff("x.yaml", "a: 1", "a: 2", "formaatversie 2")
    assert diff.endswith("\n") and diff.count("\n") == len(diff.splitlines())
    assert "+++ x.yaml (formaatversie 2)" in diff


def test_no_change_gives_no_diff() -> None:
    assert replace_diff("x.yaml", "a: 1\n", "a: 1\n", "nieuw") == ""
