"""Scores crisis probe transcripts written by replay.py --out (docs/crisis.md, "Probes").

    python3 tests/probes/crisis/score.py PROBES.jsonl TRANSCRIPT_DIR

For each turn: answered (the bot said something) and fitting (every expected piece is in the answer).
"""
import json
import sys


def turns_of(path):
    turns, current = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("USER: "):
            current = []
            turns.append(current)
        elif current is not None and line.startswith("  BOT: "):
            current.append(line[7:])
    return turns


def main():
    probes = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    total = answered = fitting = 0
    for p in probes:
        got = turns_of(f"{sys.argv[2]}/{p['id']}.txt")
        for i, expect in enumerate(p["expect"]):
            total += 1
            reply = "\n".join(got[i]) if i < len(got) else ""
            ok_answer = bool(reply.strip())
            ok_fit = ok_answer and all(e in reply for e in expect)
            answered += ok_answer
            fitting += ok_fit
            if not ok_fit:
                print(f"MISS {p['id']} turn {i + 1}: {p['turns'][i]!r} expected {expect}; got {reply[:120]!r}")
    print(f"turns {total}: answered {answered}/{total}, fitting {fitting}/{total}")


if __name__ == "__main__":
    main()
