#!/usr/bin/env python3
"""Replay whole conversations against a running ChatSupport host over Direct Line 3.0 and print
readable transcripts, so a person can read what the bot said, turn by turn.

    python3 tests/tools/replay.py --base http://127.0.0.1:5080 --secret SECRET FILE.jsonl [--out DIR]

FILE.jsonl holds one conversation a line: {"id": "c01", "turns": ["こんにちは", "…"], "note": "optional"}.
Each conversation gets its own user and conversation. To replay at another hour, start the host under
libfaketime (Debian package faketime), for example:
    faketime '2027-01-02 02:20:00' dotnet run --project bot
Loopback hosts only. Standard library only (Python 3.9+)."""
import argparse, json, os, sys, time, urllib.error, urllib.request


def http(method, url, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None


def lines_of(activity):
    out = [activity["text"]] if activity.get("text") else []
    for att in activity.get("attachments") or []:
        c = att.get("content") or {}
        buttons = " / ".join(b.get("title", "") for b in c.get("buttons") or [])
        out.append(f"[card] {c.get('title', '')} {c.get('subtitle', '')} {c.get('text', '')} {('[' + buttons + ']') if buttons else ''}".strip())
    actions = (activity.get("suggestedActions") or {}).get("actions") or []
    if actions:
        out.append("[buttons] " + " / ".join(a.get("title", "") for a in actions))
    return out


def replay(base, secret, conv, wait, settle):
    user = "dl_replay-" + conv["id"]
    st, j = http("POST", base + "/v3/directline/tokens/generate", {"user": {"id": user}}, secret)
    if st != 200:
        sys.exit(f"tokens/generate answered {st}")
    token = j["token"]
    st, j = http("POST", base + "/v3/directline/conversations", None, token)
    if st not in (200, 201):
        sys.exit(f"starting a conversation answered {st}")
    cid, token, watermark = j["conversationId"], j.get("token", token), None

    def collect():
        nonlocal watermark
        got, last, end = [], None, time.time() + wait
        while time.time() < end and (last is None or time.time() - last < settle):
            url = f"{base}/v3/directline/conversations/{cid}/activities" + (f"?watermark={watermark}" if watermark else "")
            st, j = http("GET", url, None, token)
            if st != 200:
                break
            watermark = j.get("watermark", watermark)
            new = [a for a in j.get("activities", []) if (a.get("from") or {}).get("id") != user and a.get("type") == "message"]
            if new:
                got += new
                last = time.time()
            time.sleep(0.15)
        return got

    out = [f"# {conv['id']}" + (f" — {conv['note']}" if conv.get("note") else "")]
    for a in collect():
        out += ["  BOT: " + l.replace("\n", " / ") for l in lines_of(a)]
    for turn in conv["turns"]:
        http("POST", f"{base}/v3/directline/conversations/{cid}/activities",
             {"type": "message", "from": {"id": user}, "text": turn, "locale": "ja-JP"}, token)
        out.append("USER: " + turn)
        replies = collect()
        out += ["  BOT: " + l.replace("\n", " / ") for a in replies for l in lines_of(a)] or ["  (no answer)"]
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file")
    p.add_argument("--base", default="http://127.0.0.1:5080")
    p.add_argument("--secret", required=True, help="the host's ChatSupport:DirectLine:Secret")
    p.add_argument("--out", help="write one transcript file per conversation into this folder")
    p.add_argument("--wait", type=float, default=5.0, help="seconds to wait for the first reply")
    p.add_argument("--settle", type=float, default=0.8, help="seconds of quiet that end a reply batch")
    a = p.parse_args()
    convs = [json.loads(l) for l in open(a.file, encoding="utf-8") if l.strip()]
    for c in convs:
        text = replay(a.base.rstrip("/"), a.secret, c, a.wait, a.settle)
        print(text + "\n")
        if a.out:
            os.makedirs(a.out, exist_ok=True)
            open(os.path.join(a.out, c["id"] + ".txt"), "w", encoding="utf-8").write(text + "\n")


if __name__ == "__main__":
    main()
