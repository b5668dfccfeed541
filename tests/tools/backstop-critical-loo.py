#!/usr/bin/env python3
"""Leave one writer's set out, train the backstop on the rest, read that set with the whole engine, and count what a
rule "the backstop may raise none/low/medium to critical when both heads are confident" would gain and cost.

usage: python3 tests/tools/backstop-critical-loo.py BOT_DIR OUT_DIR [--lexicon DIR] SET [SET...]
  BOT_DIR  a built bot (bin/Release/net10.0) whose lexicon reads the sets; OUT_DIR  where fold models go (reused if
  present); --lexicon DIR  read with a lexicon from before the sets were read (git archive of domain/Risk/Lexicon at
  that commit), so that the lexicon has not seen them either.
Only lines the backstop itself raised to high (rule model_high: the lexicon read none/low/medium and nothing held it
back) are candidates, so the figures are exactly those of the rule. Prints, per threshold pair (P(high), P(critical)),
the gold levels of the lines it would raise to critical."""
import glob, json, os, subprocess, sys

bot, out, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
lexicon = []
if sets[:1] == ["--lexicon"]:
    lexicon, sets = ["--lexicon", sets[1]], sets[2:]
dll = os.path.join(bot, "ChatSupport.Bot.dll")
base = [f for f in sorted(glob.glob("tests/datasets/risk/*.jsonl")) if os.path.basename(f) not in ("dev.jsonl", "dev2.jsonl")]
extra = ["tests/ChatSupport.Domain.Tests/Risk/probe.jsonl"] + sorted(glob.glob("tests/ChatSupport.Domain.Tests/Risk/Probes/*.jsonl")) \
    + ["tests/ChatSupport.Domain.Tests/Risk/everyday.txt"] \
    + [f for f in sorted(glob.glob("tests/datasets/understanding/*.jsonl")) if os.path.basename(f) != "dev.jsonl"]
pairs = [(h, c) for h in (0.8, 0.9, 0.95) for c in (0.8, 0.9, 0.95, 0.98)]
cands = []  # (set, id, gold, pHigh, pCrit)
for s in sets:
    name = os.path.basename(s)
    model = os.path.join(out, name + ".tsv")
    if name in ("dev.jsonl", "dev2.jsonl"):
        model = None  # the committed model never trained on them
    elif not os.path.exists(model):
        subprocess.run(["dotnet", dll, "risk", "model", "train", "--version", "loo", "--output", model]
                       + [f for f in base if os.path.basename(f) != name] + extra, check=True, stdout=subprocess.DEVNULL)
    args = ["dotnet", dll, "risk", "score", "--input", s] + (["--model", model] if model else []) + lexicon
    scored = {j["id"]: j for j in map(json.loads, subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines())}
    for g in map(json.loads, open(s, encoding="utf-8")):
        r = scored[g["id"]]
        if "model_high" in r["rules"]:
            cands.append((name, g["id"], g["level"], r["model"]["high"], r["model"]["critical"], g["text"]))
for name, i, gold, h, c, text in cands:
    print(f"{name}\t{i}\t{gold}\t{h:.3f}\t{c:.3f}\t{text}")
print("P(high)\tP(crit)\tgained(gold critical)\tfalse critical(gold high)\tfalse critical(gold <= medium)")
for h, c in pairs:
    hit = [x for x in cands if x[3] >= h and x[4] >= c]
    print(f"{h}\t{c}\t{sum(x[2] == 'critical' for x in hit)}\t{sum(x[2] == 'high' for x in hit)}\t{sum(x[2] in ('none', 'low', 'medium') for x in hit)}")
