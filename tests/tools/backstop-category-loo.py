#!/usr/bin/env python3
"""Leave one writer's set out, train the backstop (with its category heads) on the rest, read that set with the whole
engine, and measure the category heads where they act: lines the backstop raised (model_high or model_critical) in
which the lexicon named no harm (none of the heads' categories).

usage: python3 tests/tools/backstop-category-loo.py BOT_DIR OUT_DIR SET[=LEXICON_DIR] [SET[=LEXICON_DIR]...]
  BOT_DIR  a built bot (bin/Release/net10.0); OUT_DIR  where fold models go (reused if present); LEXICON_DIR  read
  that set with a lexicon from before it was read (git archive of domain/Risk/Lexicon at that commit), so that
  neither the model nor the lexicon has seen it.
The bot is run with --lexicon-only and with the fold model; the heads' probabilities come from `risk score`. Prints
the candidate lines, then per threshold and per category: added, right (the gold categories have it), precision, and
recall over the candidates whose gold has that category."""
import glob, json, os, subprocess, sys

HEADS = ["suicidal", "self_harm", "abuse", "dv", "sexual_violence", "online_harm"]
bot, out, specs = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out, exist_ok=True)
dll = os.path.join(bot, "ChatSupport.Bot.dll")
base = [f for f in sorted(glob.glob("tests/datasets/risk/*.jsonl")) if os.path.basename(f) not in ("dev.jsonl", "dev2.jsonl")]
extra = ["tests/ChatSupport.Domain.Tests/Risk/probe.jsonl"] + sorted(glob.glob("tests/ChatSupport.Domain.Tests/Risk/Probes/*.jsonl")) \
    + ["tests/ChatSupport.Domain.Tests/Risk/everyday.txt"] \
    + [f for f in sorted(glob.glob("tests/datasets/understanding/*.jsonl")) if os.path.basename(f) != "dev.jsonl"]
# Lexicon cases are the lexicon's own tests (never a set's line); a fold keeps them.
cands = []  # (set, id, gold categories, probabilities, text)
for spec in specs:
    s, _, lexicon = spec.partition("=")
    name = os.path.basename(s)
    model = os.path.join(out, name + ".tsv")
    if not os.path.exists(model):
        subprocess.run(["dotnet", dll, "risk", "model", "train", "--version", "loo", "--output", model]
                       + [f for f in base if os.path.basename(f) != name] + extra, check=True, stdout=subprocess.DEVNULL)
    args = ["dotnet", dll, "risk", "score", "--input", s, "--model", model] + (["--lexicon", lexicon] if lexicon else [])
    scored = {j["id"]: j for j in map(json.loads, subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines())}
    lex = {j["id"]: j for j in map(json.loads, subprocess.run(["dotnet", dll, "risk", "score", "--lexicon-only", "--input", s]
           + (["--lexicon", lexicon] if lexicon else []), check=True, capture_output=True, text=True).stdout.splitlines())}
    for g in map(json.loads, open(s, encoding="utf-8")):
        r = scored[g["id"]]
        raised = "model_high" in r["rules"] or "model_critical" in r["rules"]
        named = set(lex[g["id"]]["categories"]) & set(HEADS)
        if raised and not named:
            cands.append((name, g["id"], set(g.get("categories", [])) & set(HEADS), r["model"]["categories"], g["text"]))
for name, i, gold, p, text in cands:
    print(f"{name}\t{i}\t{','.join(sorted(gold)) or '-'}\t" + " ".join(f"{h}={p[h]:.2f}" for h in HEADS if p[h] >= 0.2) + f"\t{text}")
print(f"{len(cands)} candidates (raised by the backstop, no harm named by the lexicon)")
for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
    total_added = total_right = 0
    rows = []
    for h in HEADS:
        added = [c for c in cands if c[3][h] >= t]
        right = sum(h in c[2] for c in added)
        gold = sum(h in c[2] for c in cands)
        total_added += len(added); total_right += right
        rows.append(f"{h} {right}/{len(added)} p={right / len(added) if added else float('nan'):.2f} r={right / gold if gold else float('nan'):.2f} (n={gold})")
    print(f"threshold {t}: added {total_added}, right {total_right}; " + "; ".join(rows))
