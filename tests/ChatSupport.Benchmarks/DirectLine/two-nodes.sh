#!/usr/bin/env bash
# Direct Line on PostgreSQL and Redis: one node against two nodes on the same private servers, in one run.
# Starts a private PostgreSQL (default durability settings: fsync and synchronous_commit on, so a 200 on POST is a
# commit on disk) and a private Redis on free loopback ports, then:
#   one node  — one host, load at concurrency 16 (CPU per turn, turns/s) and 4 (latency);
#   two nodes — two hosts on another database of the same servers and the same Redis, the same load split evenly
#               (two load drivers at once, each on its own node, half the conversations and half the concurrency).
# Each host is warmed up with 2000 turns first. CPU is read from /proc for the hosts, PostgreSQL (with its backends)
# and Redis together, over the measured passes only, and divided by the turns of the pass.
# Needs the binaries tests/run.sh installs (postgresql, redis-server) and Node for dlload.js.
# usage: bash tests/ChatSupport.Benchmarks/DirectLine/two-nodes.sh [conversations] [turns]
#   DLLOAD    path of dlload.js (default tests/ChatSupport.Benchmarks/DirectLine/dlload.js, beside this script)
#   BENCH_APP an already published host (dotnet publish bot -c Release -o DIR) instead of publishing one now
set -euo pipefail
cd "$(dirname "$0")/../../.."
conversations=${1:-200}
turns=${2:-10}
dlload=${DLLOAD:-tests/ChatSupport.Benchmarks/DirectLine/dlload.js}
secret="bench-secret-$(date +%s)-0123456789abcdefghij"
source tests/ChatSupport.Benchmarks/DirectLine/bench-lib.sh
chmod 755 "$work"

pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/postgres | sort -V | tail -1)")
redis=$(command -v redis-server)
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})'; }
# initdb and postgres refuse to run as root: as root they run as the package's postgres user.
as_pg=()
if [[ $(id -u) == 0 ]]; then as_pg=(setpriv --reuid=postgres --regid=postgres --clear-groups --); fi

publish_app

mkdir -p "$work/pg"
if [[ $(id -u) == 0 ]]; then chown postgres:postgres "$work/pg"; fi
"${as_pg[@]}" "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
pg_port=$(free_port)
"${as_pg[@]}" "$pgbin/postgres" -D "$work/pg/data" -p "$pg_port" -k "$work/pg" -c listen_addresses=127.0.0.1 \
  -c max_connections=300 >"$work/postgres.log" 2>&1 &
pg_pid=$!; pids+=("$pg_pid")
redis_port=$(free_port)
"$redis" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
redis_pid=$!; pids+=("$redis_pid")
for _ in $(seq 1 150); do "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break; sleep 0.2; done
for db in one two; do "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "$db"; done

start_host() { # label database port
  ASPNETCORE_ENVIRONMENT=Production \
  ChatSupport__DirectLine__Secret="$secret" \
  ChatSupport__Bot__Mode=consultation \
  ChatSupport__Storage__Provider=postgres \
  ChatSupport__Storage__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$2" \
  ChatSupport__Redis__Configuration="127.0.0.1:$redis_port" \
  ChatSupport__DirectLine__RateLimits__ConversationBurst=1000000 \
  ChatSupport__DirectLine__RateLimits__ConversationsPerMinute=1000000 \
  dotnet "$app/ChatSupport.Bot.dll" --urls "http://127.0.0.1:$3" --contentRoot "$app" >"$work/$1.log" 2>&1 &
  echo $!
}
# CPU seconds of processes and their descendants: their own time and that of children they have reaped, plus the
# time of descendants still running (PostgreSQL's backends).
cpu_seconds() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14+$15+$16+$17}' "/proc/$pid/stat")))
    for child in $(pgrep -P "$pid" || true); do total=$((total + $(awk '{print $14+$15}' "/proc/$child/stat" 2>/dev/null || echo 0))); done
  done
  node -e "console.log(($total / $(getconf CLK_TCK)).toFixed(2))"
}
load() { # port conversations concurrency warmup label
  node "$dlload" --base "http://127.0.0.1:$1" --secret "$secret" --conversations "$2" --turns "$turns" \
    --concurrency "$3" --warmup "$4" --any-reply --max-seconds 120 --label "$5"
}

lines=()
measure() { # label concurrency cpu-pids... -- ports...
  local label=$1 concurrency=$2; shift 2
  local cpu_pids=() ports=()
  while [[ $1 != -- ]]; do cpu_pids+=("$1"); shift; done
  shift; ports=("$@")
  local n=${#ports[@]} before after outs=() i
  before=$(cpu_seconds "${cpu_pids[@]}")
  for i in "${!ports[@]}"; do
    load "${ports[$i]}" $((conversations / n)) $((concurrency / n)) 0 "$label node $((i + 1))" >"$work/out.$i" &
    outs+=($!)
  done
  for i in "${outs[@]}"; do wait "$i"; done
  after=$(cpu_seconds "${cpu_pids[@]}")
  local json
  json=$(for i in "${!ports[@]}"; do cat "$work/out.$i"; done | node -e '
    const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").map(l => JSON.parse(l));
    const [label, concurrency, cpu] = process.argv.slice(1);
    const turns = rows.reduce((s, r) => s + r.turns, 0), seconds = Math.max(...rows.map(r => r.seconds));
    console.log(JSON.stringify({ label, concurrency: +concurrency, turns, turnsPerSecond: +(turns / seconds).toFixed(1),
      serverCpuSeconds: +cpu, p50Ms: rows.map(r => r.p50Ms), p99Ms: rows.map(r => r.p99Ms),
      errors: rows.reduce((s, r) => s + r.errors, 0) }));' "$label" "$concurrency" "$(node -e "console.log(($after - $before).toFixed(2))")")
  echo "$json"
  lines+=("$json")
}

# One node.
a=$(start_host one-node one 5281); pids+=("$a")
wait_ready 5281
load 5281 200 16 0 warmup >/dev/null
measure "one node" 16 "$a" "$pg_pid" "$redis_pid" -- 5281
measure "one node" 4 "$a" "$pg_pid" "$redis_pid" -- 5281
kill "$a"; wait "$a" 2>/dev/null || true

# Two nodes on the same servers (the second database, so the first run's rows are not read again).
b1=$(start_host node-1 two 5282); pids+=("$b1")
b2=$(start_host node-2 two 5283); pids+=("$b2")
wait_ready 5282
wait_ready 5283
load 5282 200 8 0 warmup >/dev/null &
w1=$!
load 5283 200 8 0 warmup >/dev/null
wait "$w1"
measure "two nodes" 16 "$b1" "$b2" "$pg_pid" "$redis_pid" -- 5282 5283
measure "two nodes" 4 "$b1" "$b2" "$pg_pid" "$redis_pid" -- 5282 5283

node -e '
const rows = process.argv.slice(1).map(l => JSON.parse(l));
console.log("| nodes | concurrency | turns | CPU per turn (hosts + PostgreSQL + Redis) | turns/s | p50 per node | p99 per node | errors |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const ms = a => a.map(v => `${v} ms`).join(", ");
  console.log(`| ${r.label} | ${r.concurrency} | ${r.turns} | ${(r.serverCpuSeconds * 1000 / r.turns).toFixed(2)} ms | ${r.turnsPerSecond} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${r.errors} |`);
}
const find = (l, c) => rows.find(r => r.label === l && r.concurrency === c);
const one = find("one node", 16), two = find("two nodes", 16);
console.log(`two/one throughput at concurrency 16: ${(two.turnsPerSecond / one.turnsPerSecond).toFixed(2)}; two/one CPU per turn ${((two.serverCpuSeconds / two.turns) / (one.serverCpuSeconds / one.turns)).toFixed(2)}`);
' "${lines[@]}"
