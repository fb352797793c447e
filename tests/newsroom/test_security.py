"""The admin's Content-Security-Policy allows django-prose-editor's one inline style by hash."""

from importlib import resources

from newsroom import security


def installed_script():
    package, path = security.PROSE_EDITOR_SCRIPT
    return resources.files(package).joinpath(path).read_text(encoding="utf-8")


def test_the_prose_editor_style_is_found_in_the_installed_package():
    texts = security.prose_editor_style_texts(installed_script())

    assert len(texts) == 1, (
        "django-prose-editor's editor.js no longer holds exactly one plain template literal "
        "starting with '.ProseMirror {' (Tiptap's injected base style): found "
        f"{len(texts)}. Update security.TIPTAP_STYLE to find the text the editor injects, or "
        "read the hash the browser wants from the CSP error in tests/browser/test_shell.py."
    )
    assert "ProseMirror-gapcursor" in texts[0]
    assert (security._hash(texts[0].encode()),) == security.ADMIN_STYLE_HASHES


def test_the_admin_policy_allows_that_style_and_no_inline_style_else():
    policy = security.admin_policy(b"<html></html>")

    assert security.ADMIN_STYLE_HASHES
    style_src = next(part for part in policy.split("; ") if part.startswith("style-src"))
    assert style_src == f"style-src 'self' {' '.join(security.ADMIN_STYLE_HASHES)}"
    assert "unsafe-inline" not in policy


def test_literals_the_browser_would_not_see_verbatim_are_left_out():
    script = (
        "let a=`.ProseMirror {\n  position: relative;\n}`;"
        "let b=`.ProseMirror { color: ${colour}; }`;"
        'let c=`.ProseMirror { content: "\\2014"; }`;'
        'let d=".ProseMirror-focused";'
    )

    assert security.prose_editor_style_texts(script) == [".ProseMirror {\n  position: relative;\n}"]
