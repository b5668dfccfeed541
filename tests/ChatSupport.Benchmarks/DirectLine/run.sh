#!/usr/bin/env bash
# Direct Line server CPU per turn, throughput and latency: echo bot vs the real consultation bot, in one run.
# Both hosts are the same Release build (Production environment) on loopback, each with its own durable SQLite
# file; the load comes from dlload.js (Direct Line 3.0 REST: start, post, poll for the reply), which also reads
# the server's CPU seconds from /proc (--server-pid). Two passes per host: concurrency 16 (CPU per turn,
# throughput) and concurrency 4 (latency). All load comes from one loopback address, so the per-address limit on
# starting conversations is raised for the run; the per-conversation post limit stays as configured.
# usage: bash tests/ChatSupport.Benchmarks/DirectLine/run.sh [conversations] [turns]
#   DLLOAD    path of dlload.js (default tests/ChatSupport.Benchmarks/DirectLine/dlload.js, beside this script)
#   WARMUP    conversations run and discarded before the first measured pass of each host (default 600, i.e.
#             6000 turns): after a start the runtime re-compiles the hot methods, with dynamic PGO first instrumented
#             and then optimized — about 12,000 compilations in the consultation bot's first ~10,000 turns, longer on
#             a busy machine — and a warm-up that ends inside that compiling measures it as part of a turn. After
#             these, the warm-up goes on in passes of 200 conversations until the host's tiered-compilation thread
#             used at most 2 % of the host's CPU in a pass (read from /proc; WARMUP_MAX, default 2000 conversations,
#             bounds it); every later pass, on a warm host, discards 20
#   ROUNDS    how many times the passes (concurrency 16 and 4, every host in turn) are repeated (default 1); with
#             more than one, the summary gives each figure's median and range, and the ratios use the medians
#   BENCH_APP an already published host (dotnet publish bot -c Release -o DIR) instead of publishing one now
#   BEFORE_APP optional: another published host (for example an earlier commit, published the same way) run as
#             the consultation bot in the same run and labelled "before", for before/after figures under the
#             same load and the same neighbours
#   PORT_BASE first of the five loopback ports used (default 5181: echo, consultation, peer, peer's Direct Line,
#             before)
#   PEER_DIR  optional: a directory with a Direct Line peer to measure in the same run; it is started with
#             `node index.js` (PORT and DIRECTLINE_PORT set in its environment) and must answer Direct Line 3.0
#             on DIRECTLINE_PORT. Nothing of it is part of this repository.
set -euo pipefail
cd "$(dirname "$0")/../../.."
conversations=${1:-200}
turns=${2:-10}
dlload=${DLLOAD:-tests/ChatSupport.Benchmarks/DirectLine/dlload.js}
warmup=${WARMUP:-600}
rounds=${ROUNDS:-1}
pb=${PORT_BASE:-5181}
secret="bench-secret-$(date +%s)-0123456789abcdefghij"
source tests/ChatSupport.Benchmarks/DirectLine/bench-lib.sh

publish_app

start_host() { # label mode port app
  ASPNETCORE_ENVIRONMENT=Production \
  ChatSupport__DirectLine__Secret="$secret" \
  ChatSupport__Bot__Mode="$2" \
  ChatSupport__Storage__ConnectionString="Data Source=$work/$1.db" \
  ChatSupport__DirectLine__RateLimits__ConversationBurst=1000000 \
  ChatSupport__DirectLine__RateLimits__ConversationsPerMinute=1000000 \
  dotnet "$4/ChatSupport.Bot.dll" --urls "http://127.0.0.1:$3" --contentRoot "$4" >"$work/$1.log" 2>&1 &
  echo $!
}

run() { # label port pid concurrency warmup
  node "$dlload" --base "http://127.0.0.1:$2" --secret "$secret" --conversations "$conversations" --turns "$turns" \
    --concurrency "$4" --warmup "$5" --any-reply --max-seconds 120 --server-pid "$3" --label "$1"
}

# The runtime's tiered-compilation threads of process $1, one "tid ticks" line each (CPU ticks of 1/100 s so far).
# The runtime ends the thread when it has been idle a while and starts a new one for new work, so a pass's share is
# counted per thread id: a thread that is new at the end of the pass counts from zero.
jit_threads() {
  local t
  for t in /proc/"$1"/task/*; do
    if [[ $(cat "$t/comm" 2>/dev/null) == ".NET Tiered Com"* ]]; then
      echo "${t##*/} $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')"
    fi
  done
}

jit_delta() { # before after (outputs of jit_threads)
  { sed 's/^/b /' <<<"$1"; sed 's/^/a /' <<<"$2"; } |
    awk '$1 == "b" && NF == 3 {b[$2] = $3} $1 == "a" && NF == 3 {d += $3 - (($2 in b) ? b[$2] : 0)} END {print d + 0}'
}

cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

warm_up() { # label port pid: WARMUP conversations, then passes of 200 until the re-compiling has settled
  node "$dlload" --base "http://127.0.0.1:$2" --secret "$secret" --conversations "$warmup" --turns "$turns" \
    --concurrency 16 --any-reply --max-seconds 600 --label "$1-warmup" >/dev/null
  local done_conversations=$warmup j0 c0 j1 c1 jit=0
  while ((done_conversations < ${WARMUP_MAX:-2000})); do
    j0=$(jit_threads "$3"); c0=$(cpu_ticks "$3")
    node "$dlload" --base "http://127.0.0.1:$2" --secret "$secret" --conversations 200 --turns "$turns" \
      --concurrency 16 --any-reply --max-seconds 300 --label "$1-warmup" >/dev/null
    j1=$(jit_threads "$3"); c1=$(cpu_ticks "$3")
    done_conversations=$((done_conversations + 200))
    jit=$(jit_delta "$j0" "$j1")
    if ((jit * 50 <= c1 - c0)); then break; fi
  done
  echo "$1: warmed up with $done_conversations conversations; tiered compilation $jit of $((c1 - c0)) CPU ticks in the last 200" >&2
}

echo_pid=$(start_host echo echo $pb "$app"); pids+=("$echo_pid")
real_pid=$(start_host consultation consultation $((pb + 1)) "$app"); pids+=("$real_pid")
wait_ready $pb /readyz
wait_ready $((pb + 1)) /readyz
before_pid=""
if [[ -n "${BEFORE_APP:-}" ]]; then
  before_pid=$(start_host before consultation $((pb + 4)) "$BEFORE_APP"); pids+=("$before_pid")
  wait_ready $((pb + 4)) /readyz
fi
peer_pid=""
if [[ -n "${PEER_DIR:-}" ]]; then
  (cd "$PEER_DIR" && PORT=$((pb + 2)) DIRECTLINE_PORT=$((pb + 3)) exec node index.js) >"$work/peer.log" 2>&1 &
  peer_pid=$!; pids+=("$peer_pid")
  wait_ready $((pb + 3)) /
fi

# Passes interleave: in every round each host runs at concurrency 16 and then at 4, one host after the other, so
# the hosts share the machine's changing load alike.
warm_up echo $pb "$echo_pid"
warm_up consultation $((pb + 1)) "$real_pid"
if [[ -n "$before_pid" ]]; then warm_up before $((pb + 4)) "$before_pid"; fi
if [[ -n "$peer_pid" ]]; then
  node "$dlload" --base "http://127.0.0.1:$((pb + 3))" --secret "$secret" --conversations "$warmup" --turns "$turns" \
    --concurrency 16 --any-reply --max-seconds 600 --label peer-warmup >/dev/null
fi

lines=()
for round in $(seq 1 "$rounds"); do
  for concurrency in 16 4; do
    w=20
    lines+=("$(run echo $pb "$echo_pid" "$concurrency" "$w")")
    lines+=("$(run consultation $((pb + 1)) "$real_pid" "$concurrency" "$w")")
    if [[ -n "$before_pid" ]]; then lines+=("$(run before $((pb + 4)) "$before_pid" "$concurrency" "$w")"); fi
    if [[ -n "$peer_pid" ]]; then lines+=("$(run peer $((pb + 3)) "$peer_pid" "$concurrency" "$w")"); fi
  done
done
printf '%s\n' "${lines[@]}"
node -e '
const rounds = Number(process.argv[1]);
const passes = process.argv.slice(2).map(l => JSON.parse(l));
const perTurn = r => r.turns ? r.serverCpuSeconds * 1000 / r.turns : NaN;
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const range = (xs, d) => xs.length > 1 ? ` (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})` : "";
// One row per host and concurrency: the median of its passes, and the range over them when there are several.
const rows = [];
for (const r of passes) {
  let row = rows.find(x => x.label === r.label && x.concurrency === r.concurrency);
  if (!row) rows.push(row = { label: r.label, concurrency: r.concurrency, passes: [] });
  row.passes.push(r);
}
for (const row of rows) {
  const of = f => row.passes.map(f);
  const rounded = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
  row.cpu = median(of(perTurn)); row.turnsPerSecond = rounded(median(of(r => r.turnsPerSecond)), 1);
  row.p50Ms = rounded(median(of(r => r.p50Ms)), 1); row.p99Ms = rounded(median(of(r => r.p99Ms)), 1);
  row.text = {
    cpu: `${row.cpu.toFixed(2)} ms${range(of(perTurn), 2)}`, tps: `${row.turnsPerSecond}${range(of(r => r.turnsPerSecond), 0)}`,
    p50: `${row.p50Ms} ms${range(of(r => r.p50Ms), 1)}`, p99: `${row.p99Ms} ms${range(of(r => r.p99Ms), 1)}`,
  };
  row.turns = of(r => r.turns).reduce((a, b) => a + b, 0); row.errors = of(r => r.errors).reduce((a, b) => a + b, 0);
}
console.log(`| host | concurrency | passes | turns | server CPU per turn | turns/s | p50 | p99 | errors |`);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(`| ${r.label} | ${r.concurrency} | ${r.passes.length} | ${r.turns} | ${r.text.cpu} | ${r.text.tps} | ${r.text.p50} | ${r.text.p99} | ${r.errors} |`);
}
const cpu = r => r.cpu;
const find = (label, c) => rows.find(r => r.label === label && r.concurrency === c);
const e16 = find("echo", 16), r16 = find("consultation", 16), r4 = find("consultation", 4), p16 = find("peer", 16);
const b16 = find("before", 16), b4 = find("before", 4);
console.log(`consultation CPU per turn at concurrency 16: ${cpu(r16).toFixed(2)} ms (goal <= 0.6 ms); echo ${cpu(e16).toFixed(2)} ms; real/echo CPU ratio ${(cpu(r16) / cpu(e16)).toFixed(2)}`);
console.log(`real/echo throughput ratio at concurrency 16: ${(r16.turnsPerSecond / e16.turnsPerSecond).toFixed(2)}; consultation p99 at concurrency 4: ${r4.p99Ms} ms (goal < 20 ms)`);
if (b16) console.log(`before CPU per turn at concurrency 16: ${cpu(b16).toFixed(2)} ms; after/before ${(cpu(r16) / cpu(b16)).toFixed(2)}; before/echo ${(cpu(b16) / cpu(e16)).toFixed(2)}; at concurrency 4: ${cpu(b4).toFixed(2)} ms, after/before ${(cpu(r4) / cpu(b4)).toFixed(2)}; before p99 at concurrency 4: ${b4.p99Ms} ms`);
if (b16 && rounds > 1) {
  // The passes of one round ran next to each other in time, so their ratio is the least disturbed by the neighbours.
  for (const c of [16, 4]) {
    const of = label => passes.filter(r => r.label === label && r.concurrency === c).map(perTurn);
    const after = of("consultation"), before = of("before");
    console.log(`after/before CPU per turn at concurrency ${c}, round by round: ${after.map((a, i) => (a / before[i]).toFixed(2)).join(" ")}`);
  }
}
if (p16) console.log(`peer CPU per turn at concurrency 16: ${cpu(p16).toFixed(2)} ms; peer/consultation ${(cpu(p16) / cpu(r16)).toFixed(1)}x`);
' "$rounds" "${lines[@]}"
