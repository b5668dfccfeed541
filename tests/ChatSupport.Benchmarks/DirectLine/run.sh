#!/usr/bin/env bash
# Direct Line throughput and latency, echo bot vs the real consultation bot, in one run.
# Both hosts are the same Release build on loopback with their own SQLite file; the load comes from
# ../shared/tools/dlload.js (Direct Line 3.0 REST: start, post, poll for the reply).
# usage: bash tests/ChatSupport.Benchmarks/DirectLine/run.sh [conversations] [turns] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/../../.."
conversations=${1:-200}
turns=${2:-10}
concurrency=${3:-16}
dlload=${DLLOAD:-../shared/tools/dlload.js}
secret="bench-secret-$(date +%s)-0123456789abcdefghij"
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish bot -c Release -o "$work/app" -nologo -v quiet >/dev/null

start_host() { # mode port
  ASPNETCORE_ENVIRONMENT=Production \
  ChatSupport__DirectLine__Secret="$secret" \
  ChatSupport__Bot__Mode="$1" \
  ChatSupport__Storage__ConnectionString="Data Source=$work/$1.db" \
  Logging__LogLevel__Default=Warning \
  dotnet "$work/app/ChatSupport.Bot.dll" --urls "http://127.0.0.1:$2" --contentRoot "$work/app" >"$work/$1.log" 2>&1 &
  echo $!
}
wait_ready() { for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0; sleep 0.2; done; echo "host on $1 did not start" >&2; exit 1; }

run() { # mode port pid
  node "$dlload" --base "http://127.0.0.1:$2" --secret "$secret" --conversations "$conversations" --turns "$turns" \
    --concurrency "$concurrency" --warmup 20 --any-reply --max-seconds 120 --server-pid "$3" --label "$1"
}

echo_pid=$(start_host echo 5181); pids+=("$echo_pid")
real_pid=$(start_host consultation 5182); pids+=("$real_pid")
wait_ready 5181
wait_ready 5182
echo_line=$(run echo 5181 "$echo_pid")
real_line=$(run consultation 5182 "$real_pid")
echo "$echo_line"
echo "$real_line"
node -e '
const e = JSON.parse(process.argv[1]), r = JSON.parse(process.argv[2]);
console.log(`echo: ${e.turnsPerSecond} turns/s, p50 ${e.p50Ms} ms, p99 ${e.p99Ms} ms, errors ${e.errors}`);
console.log(`real: ${r.turnsPerSecond} turns/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}`);
console.log(`real/echo throughput ratio: ${(r.turnsPerSecond / e.turnsPerSecond).toFixed(2)} (goal >= 0.5); real p99 ${r.p99Ms} ms (goal < 20 ms)`);
' "$echo_line" "$real_line"
