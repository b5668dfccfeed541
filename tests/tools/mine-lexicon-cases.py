#!/usr/bin/env python3
"""Writes the lexicon's own test cases as labelled lines for the learned backstop's training data.

Every first string argument of an [InlineData(...)] in tests/ChatSupport.Domain.Tests/Risk/*.cs (the hand-written
look-alikes and dangers the lexicon is tested on) is scored by the lexicon alone (`risk score --lexicon-only`) and
written with that level: the tests pass, so it is the level they assert. The model then learns the ordinary frames
the lexicon already knows (a nail cut again, a charger on a pillar) instead of raising them.

usage: python3 tests/tools/mine-lexicon-cases.py   (after building bot in Release; then tests/tools/train-risk-model.sh)
"""
import glob, json, os, re, subprocess, sys

root = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
out = os.path.join(root, "tests", "ChatSupport.Domain.Tests", "Risk", "Probes", "lexicon-cases.jsonl")
texts = []
seen = set()
for path in sorted(glob.glob(os.path.join(root, "tests", "ChatSupport.Domain.Tests", "Risk", "*.cs"))):
    if path.endswith("RiskModelTests.cs"):
        continue  # its made-up words are taught on purpose
    source = open(path, encoding="utf-8").read()
    for match in re.finditer(r'\[InlineData\("((?:[^"\\]|\\.)*)"', source):
        try:
            text = json.loads('"' + match.group(1) + '"')
            text.encode("utf-8")
        except (ValueError, UnicodeEncodeError):
            continue  # escapes C# and JSON read differently, or a lone surrogate (bad-input tests)
        if len(text) < 3 or text in seen or not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
            continue
        seen.add(text)
        texts.append(text)

dll = os.path.join(root, "bot", "bin", "Release", "net10.0", "ChatSupport.Bot.dll")
lines = "".join(json.dumps({"id": f"lc{i:04d}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts, 1))
scored = subprocess.run(["dotnet", dll, "risk", "score", "--lexicon-only", "--input", "-"], input=lines,
                        capture_output=True, text=True, check=True).stdout.splitlines()
with open(out, "w", encoding="utf-8") as f:
    for text, line in zip(texts, scored):
        result = json.loads(line)
        f.write(json.dumps({"id": result["id"], "text": text, "level": result["level"], "categories": result["categories"]}, ensure_ascii=False) + "\n")
print(f"{len(texts)} cases -> {os.path.relpath(out, root)}", file=sys.stderr)
