#!/usr/bin/env python3
"""Finishes the pages generate-manual wrote into a folder (scripts/man runs it):

- names them like git's, practice-grade.1 (so `man practice-grade` finds them), in their title
  (.Dt) and cross references (.Xr) too;
- moves the "Exit status:" paragraph that ends each command's help (PracticeCLI/ExitStatus.swift)
  out of DESCRIPTION into EXIT STATUS, in place of the generic `.Ex -std`.
"""
import pathlib
import re
import sys

folder = pathlib.Path(sys.argv[1])
for page in sorted(folder.glob("practice.*.1")):
    command = page.name[len("practice.") : -len(".1")]
    text = page.read_text()
    text = re.sub(r"^\.Dt PRACTICE\.", ".Dt PRACTICE-", text, flags=re.M)
    text = re.sub(r"^\.Xr practice\.(\S+)", r".Xr practice-\1", text, flags=re.M)
    lines = text.split("\n")
    codes = []
    if "Exit status:" in lines:
        start = lines.index("Exit status:")
        end = start + 1
        while end < len(lines) and (match := re.match(r"^\s+(\d+)\s+(.*)$", lines[end])):
            codes.append((match.group(1), match.group(2)))
            end += 1
        # Drop the paragraph and the blank line before it.
        while start > 0 and lines[start - 1].strip() == "":
            start -= 1
        del lines[start:end]
    text = "\n".join(lines)
    if codes:
        section = ".Sh \"EXIT STATUS\"\n.Bl -tag -width 6n\n" + "".join(
            f".It {code}\n{meaning}\n" for code, meaning in codes
        ) + ".El"
        if '.Sh "EXIT STATUS"\n.Ex -std' not in text:
            sys.exit(f"{page}: no generic EXIT STATUS section to replace")
        text = text.replace('.Sh "EXIT STATUS"\n.Ex -std', section)
    elif command != "help":
        sys.exit(f"{page}: the help states no exit status")
    (folder / f"practice-{command}.1").write_text(text)
    page.unlink()
root = folder / "practice.1"
text = root.read_text()
text = re.sub(r"^\.Xr practice\.(\S+)", r".Xr practice-\1", text, flags=re.M)
root.write_text(text)
