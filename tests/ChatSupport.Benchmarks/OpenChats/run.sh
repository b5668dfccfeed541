#!/usr/bin/env bash
# Open chats: server memory with N Direct Line WebSocket streams open, and turn latency while they stay open.
# Publishes the host in Release, starts it on loopback (Production, consultation bot, its own SQLite file), opens
# N streams (start conversation -> streamUrl -> WebSocket), reads the server's VmRSS from /proc before and after,
# then runs a small turn load on other conversations (each message's time from POST to the bot's reply on the
# stream) with all N streams still open, against the same turn load run before the streams
# (the baseline, same run). Bounded: at most 30,000 streams and OPENCHATS_MAX_SECONDS (900); stops by itself.
# usage: bash tests/ChatSupport.Benchmarks/OpenChats/run.sh [streams=10000] [turnConversations=40] [turns=10] [turnConcurrency=4]
set -euo pipefail
cd "$(dirname "$0")/../../.."
streams=${1:-10000}
turn_conversations=${2:-40}
turns=${3:-10}
turn_concurrency=${4:-4}
port=${OPENCHATS_PORT:-5191}
secret="bench-secret-$(date +%s)-0123456789abcdefghij"

# One socket per stream on each side, plus the host's own files: both processes need the descriptors.
need=$((streams + 1000))
if [ "$(ulimit -n)" -lt "$need" ]; then
  ulimit -n "$need" 2>/dev/null || { echo "ulimit -n is $(ulimit -n); $need descriptors are needed for $streams streams (raise the hard limit or open fewer)" >&2; exit 1; }
fi
read -r low high </proc/sys/net/ipv4/ip_local_port_range
if [ $((high - low)) -lt $((streams + turn_conversations + 1000)) ]; then
  echo "the ephemeral port range ($low-$high) is too small for $streams streams" >&2; exit 1
fi

work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

dotnet publish bot -c Release -o "$work/app" -nologo -v quiet >/dev/null

# Benchmark only: the Direct Line per-conversation post limits stay as configured (each load conversation posts
# `turns` messages, below the burst); conversations are started with the secret, which is not rate limited.
ASPNETCORE_ENVIRONMENT=Production \
ChatSupport__DirectLine__Secret="$secret" \
ChatSupport__Storage__ConnectionString="Data Source=$work/openchats.db" \
ChatSupport__DataProtection__KeysPath="$work/keys" \
Logging__LogLevel__Default=Warning \
  dotnet "$work/app/ChatSupport.Bot.dll" --urls "http://127.0.0.1:$port" --contentRoot "$work/app" >"$work/host.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "the host did not start" >&2; tail -20 "$work/host.log" >&2; exit 1; }

# Warm-up (JIT, SQLite pages, the bot's first turns) so "before" is a host that has already served conversations.
node --experimental-websocket --no-warnings tests/ChatSupport.Benchmarks/OpenChats/openchats.js --base "http://127.0.0.1:$port" \
  --secret "$secret" --server-pid "$pid" --streams 50 --turn-conversations 20 --turns 5 --turn-concurrency 4 --max-seconds 120 >/dev/null
sleep 3

result=$(node --experimental-websocket --no-warnings tests/ChatSupport.Benchmarks/OpenChats/openchats.js --base "http://127.0.0.1:$port" \
  --secret "$secret" --server-pid "$pid" --streams "$streams" --turn-conversations "$turn_conversations" --turns "$turns" \
  --turn-concurrency "$turn_concurrency" --max-seconds "${OPENCHATS_MAX_SECONDS:-900}")
echo "$result"
if grep -qiE "fail|exception" "$work/host.log"; then echo "host log (warnings and errors):" >&2; grep -iE "fail|exception|warn" "$work/host.log" | sort | uniq -c | sort -rn | head -10 >&2; fi
node -e '
const r = JSON.parse(process.argv[1]);
const s = r.server, b = r.baseline, l = r.withStreamsOpen;
console.log(`streams open: ${r.streamsOpen}/${r.streamsRequested} (errors ${r.openErrors}, ${r.openSeconds} s to open), still open after the turns: ${r.streamsStillOpenAfterTurns}`);
console.log(`server RSS: ${s.before.rssMb} MB before, ${s.withStreams.rssMb} MB with the streams (${r.rssPerStreamKb} KB per stream), ${s.afterTurns.rssMb} MB after the turns; peak ${s.afterTurns.hwmMb} MB; fds ${s.withStreams.fds}, threads ${s.withStreams.threads}`);
console.log(`turns without streams (baseline): ${b.turns} (errors ${b.errors}), ${b.turnsPerSecond} turns/s, p50 ${b.p50Ms} ms, p99 ${b.p99Ms} ms`);
console.log(`turns with the streams open:      ${l.turns} (errors ${l.errors}), ${l.turnsPerSecond} turns/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms (p99 ratio ${r.p99Ratio})`);
console.log(`goals: server memory < 1024 MB with 10,000 streams (${s.withStreams.rssMb < 1024 ? "met" : "not met"} at ${r.streamsOpen}); p99 < 50 ms with the streams open (${l.p99Ms !== null && l.p99Ms < 50 ? "met" : "not met"})`);
' "$result"
