#!/usr/bin/env python3
"""The CTest tests "translations" and "translations_runtime" (translations/README.md).

  check_translations.py sources LUPDATE SOURCE_DIR
      Runs lupdate over model/, views/ and app/ into a temporary copy of every
      translations/*.ts, with the options of app/CMakeLists.txt, and fails when the
      result differs from the committed file (a string was added, changed or removed
      in the sources and the .ts was not updated); and fails when a message of a
      committed .ts is unfinished, empty, vanished or obsolete, or its translation
      loses a placeholder (%1, %n ...) or the keyboard accelerator (&).

  check_translations.py runtime DIRECTOR QTPATHS
      Runs the real director: --help and status in German with --lang de, with a
      German system locale and with the ui/language setting; English with --lang en,
      with the C locale and when nothing is set; an unknown --lang warns and falls
      back to English. Qt's own strings in --help ("Aufruf:") are checked when Qt's
      qtbase_de.qm is installed (Debian: qt6-translations-l10n); QTPATHS finds it.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

# Keep in step with app/CMakeLists.txt (file(GLOB_RECURSE ...), qt_add_lupdate's options).
SOURCE_DIRS = ("model", "views", "app")
SOURCE_SUFFIXES = (".cpp", ".h")
LUPDATE_OPTIONS = ["-locations", "none", "-no-obsolete"]
UPDATE_COMMAND = "cmake --build BUILD_DIR --target update_translations"


def fail_count(problems):
    for problem in problems:
        print("FAIL: " + problem)
    return len(problems)


# ------------------------------------------------------------------ sources


def message_key(context, message):
    source = message.findtext("source") or ""
    comment = message.findtext("comment") or ""
    return (context, source, comment, message.get("numerus") == "yes")


def messages(tree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def describe(key):
    context, source, comment, _ = key
    text = f"[{context}] {source!r}"
    return text + (f" (comment {comment!r})" if comment else "")


def lupdate_options(tree):
    root = tree.getroot()
    # The source language's own file holds the plural forms only (Qt's "plurals in the
    # source language"): director_en.ts.
    if root.get("language") and root.get("language") == root.get("sourcelanguage", "en"):
        return LUPDATE_OPTIONS + ["-pluralonly"]
    return LUPDATE_OPTIONS


def run_lupdate(lupdate, source_dir, ts_copy, options, work):
    sources = sorted(
        str(path)
        for folder in SOURCE_DIRS
        for path in (source_dir / folder).rglob("*")
        if path.suffix in SOURCE_SUFFIXES and path.is_file()
    )
    project = {
        "projectFile": str(source_dir / "app" / "CMakeLists.txt"),
        "includePaths": [str(source_dir / folder) for folder in SOURCE_DIRS],
        "sources": sources,
        "translations": [str(ts_copy)],
    }
    project_file = work / "lupdate_project.json"
    project_file.write_text(json.dumps(project, indent=2))
    result = subprocess.run(
        [lupdate, "-project", str(project_file)] + options,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lupdate failed ({result.returncode}):\n{result.stdout}{result.stderr}")


def placeholders(text):
    return sorted(set(re.findall(r"%(?:L?[1-9]|n)", text or "")))


def accelerator(text):
    # "&&" is a literal ampersand, not an accelerator.
    return re.search(r"&(?!&)\S", (text or "").replace("&&", "")) is not None


def check_message(context, message, numerus_forms):
    """Problems of one committed message, each naming it."""
    key = message_key(context, message)
    source = key[1]
    translation = message.find("translation")
    name = describe(key)
    if translation is None:
        return [f"{name}: no translation"]
    kind = translation.get("type")
    if kind in ("unfinished", "vanished", "obsolete"):
        if kind == "unfinished":
            return [f"{name}: not translated (type=\"unfinished\")"]
        return [f"{name}: {kind}: the sources no longer have it"]
    if key[3]:
        forms = [form.text or "" for form in translation.findall("numerusform")]
        texts = forms
        if numerus_forms is not None and len(forms) != numerus_forms:
            return [f"{name}: {len(forms)} plural forms, the language has {numerus_forms}"]
    else:
        texts = [translation.text or ""]
    problems = []
    for text in texts:
        if not text.strip():
            problems.append(f"{name}: the translation is empty")
            continue
        wanted = [p for p in placeholders(source) if p != "%n" or not key[3]]
        missing = [p for p in wanted if p not in placeholders(text)]
        extra = [p for p in placeholders(text) if p not in placeholders(source)]
        if missing or extra:
            problems.append(
                f"{name}: the translation {text!r} has placeholders {placeholders(text)}, "
                f"the source {placeholders(source)}"
            )
        if accelerator(source) and not accelerator(text):
            problems.append(f"{name}: the translation {text!r} has no keyboard accelerator (&)")
    return problems


# Qt's plural rules: the number of forms each language's messages have.
PLURAL_FORMS = {"de": 2, "en": 2}


def plural_forms(tree):
    language = (tree.getroot().get("language") or "").split("_")[0]
    return PLURAL_FORMS.get(language)


def check_sources(lupdate, source_dir):
    translations = sorted((source_dir / "translations").glob("*.ts"))
    if not translations:
        return fail_count([f"no .ts files in {source_dir / 'translations'}"])
    failures = 0
    for ts in translations:
        committed = ET.parse(ts)
        options = lupdate_options(committed)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            copy = work / ts.name
            shutil.copyfile(ts, copy)
            run_lupdate(lupdate, source_dir, copy, options, work)
            updated_bytes = copy.read_bytes()
            updated = ET.parse(copy)
        problems = []
        if updated_bytes != ts.read_bytes():
            before = {message_key(c, m) for c, m in messages(committed)}
            after = {message_key(c, m) for c, m in messages(updated)}
            for key in sorted(after - before):
                problems.append(f"{ts.name}: new in the sources, not in the file: {describe(key)}")
            for key in sorted(before - after):
                problems.append(f"{ts.name}: in the file, gone from the sources: {describe(key)}")
            if not problems:
                problems.append(f"{ts.name}: lupdate would rewrite it (order or form)")
            problems.append(
                f"{ts.name} is out of date with the sources. Update it with\n"
                f"      {UPDATE_COMMAND}\n"
                f"  or, without a build directory, from {source_dir}:\n"
                f"      lupdate {' '.join(SOURCE_DIRS)} {' '.join(options)} -ts translations/{ts.name}\n"
                f"  then translate what it marks unfinished (translations/README.md)."
            )
        forms = plural_forms(committed)
        for context, message in messages(committed):
            problems += [f"{ts.name}: {p}" for p in check_message(context, message, forms)]
        count = sum(1 for _ in messages(committed))
        if problems:
            failures += fail_count(problems)
        else:
            print(f"ok: {ts.name}: {count} messages, up to date, all translated")
    return failures


# ------------------------------------------------------------------ runtime


def base_environment(config_home):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LC_") and key not in ("LANG", "LANGUAGE")
    }
    env["LC_ALL"] = "C"
    env["XDG_CONFIG_HOME"] = str(config_home)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    return env


def qt_has_german(qtpaths):
    result = subprocess.run([qtpaths, "--query", "QT_INSTALL_TRANSLATIONS"],
                            capture_output=True, text=True)
    folder = Path(result.stdout.strip())
    return result.returncode == 0 and (folder / "qtbase_de.qm").is_file()


def check_runtime(director, qtpaths, work):
    config = work / "config"
    config.mkdir()
    run = work / "run"
    failures = []

    def director_run(arguments, env=None, settings=None):
        environment = base_environment(config)
        environment.update(env or {})
        settings_file = config / "Director" / "director.conf"
        if settings is None:
            settings_file.unlink(missing_ok=True)
        else:
            settings_file.parent.mkdir(exist_ok=True)
            settings_file.write_text(f"[ui]\nlanguage={settings}\n")
        result = subprocess.run(
            [director] + arguments, env=environment, capture_output=True, text=True, timeout=120
        )
        return result

    def expect(label, arguments, wanted, unwanted=(), env=None, settings=None, code=0,
               stderr_wanted=()):
        result = director_run(arguments, env, settings)
        problems = []
        if result.returncode != code:
            problems.append(f"exit code {result.returncode}, expected {code}")
        for text in wanted:
            if text not in result.stdout:
                problems.append(f"{text!r} is not in the output")
        for text in unwanted:
            if text in result.stdout:
                problems.append(f"{text!r} is in the output")
        for text in stderr_wanted:
            if text not in result.stderr:
                problems.append(f"{text!r} is not on stderr")
        if problems:
            failures.append(
                f"{label}: director {' '.join(arguments)}: " + "; ".join(problems)
                + f"\n--- stdout:\n{result.stdout}--- stderr:\n{result.stderr}"
            )
        else:
            print(f"ok: {label}")

    german_help = ["Befehle:", "--lang <LANG>", "Die Sprache der Meldungen"]
    english_help = ["Usage:", "Commands:", "--lang <LANG>", "Displays help"]
    if qt_has_german(qtpaths):
        german_help += ["Aufruf:", "Zeigt Hilfe"]  # Qt's own strings, qtbase_de.qm
    else:
        print("note: Qt's qtbase_de.qm is not installed (qt6-translations-l10n): "
              "Qt's own strings are not checked")
    expect("--lang de --help is German",
           ["--lang", "de", "--help"], german_help, ["Commands:"])
    expect("--lang=de_DE status --help is German", ["--lang=de_DE", "status", "--help"],
           ["Übersicht über einen Lauf", "Der Laufordner."])
    expect("--lang en --help is English", ["--lang", "en", "--help"], english_help, ["Befehle:"])
    expect("the C locale, nothing set: English", ["--help"], english_help, ["Befehle:"])
    expect("a German system locale: German", ["--help"], german_help,
           env={"LC_ALL": "de_DE.UTF-8"})
    expect("LANGUAGE=de: German", ["--help"], german_help, env={"LANGUAGE": "de"})
    expect("ui/language=de: German", ["--help"], german_help, settings="de")
    expect("--lang en wins over ui/language=de", ["--lang", "en", "--help"], english_help,
           settings="de")
    expect("ui/language=en wins over a German system locale", ["--help"], english_help,
           env={"LC_ALL": "de_DE.UTF-8"}, settings="en")
    expect("ui/language empty: the system's language", ["--help"], german_help,
           env={"LC_ALL": "de_DE.UTF-8"}, settings="")
    expect("an unknown --lang warns and falls back to English", ["--lang", "xx", "--help"],
           english_help, stderr_wanted=['no translation for the language "xx"'])

    expect("demo --no-gui in German", ["--lang", "de", "demo", str(run), "--no-gui"],
           ["Demo-Lauf nach"])
    expect("status in German", ["--lang", "de", "status", str(run)],
           ["Lauf:", "Bewegung:", "Sitzung:", "Einzelbilder: 16:"], ["Run:"])
    expect("status in English", ["--lang", "en", "status", str(run)],
           ["Run:", "Move:", "Session:", "Frames:   16:"], ["Lauf:"])
    expect("a change in German", ["frame", str(run), "0", "--note", "x", "--lang", "de"],
           ["Einzelbild 0: APPROVED"])
    session = str(run / "director_session.json")
    expect("plural forms in English", ["validate", session], ["valid session (16 frames)"],
           ["frame(s)"])
    expect("plural forms in German", ["--lang", "de", "validate", session],
           ["gültige Sitzung (16 Einzelbilder)"])
    expect("a refusal in German", ["--lang", "de", "commit", str(run)], [], code=2,
           stderr_wanted=["Zum Abschließen muss jedes Einzelbild freigegeben sein"])
    return fail_count(failures)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "sources":
        failures = check_sources(sys.argv[2], Path(sys.argv[3]).resolve())
    elif len(sys.argv) == 4 and sys.argv[1] == "runtime":
        with tempfile.TemporaryDirectory() as tmp:
            failures = check_runtime(sys.argv[2], sys.argv[3], Path(tmp))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if failures:
        print(f"{failures} problem(s); see translations/README.md")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
