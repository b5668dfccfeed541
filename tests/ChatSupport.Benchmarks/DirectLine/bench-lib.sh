# What the Direct Line benchmark scripts share; sourced by run.sh and two-nodes.sh from the repository root.
# Sets $work (a scratch folder removed at exit), $pids (processes to stop at exit; append with pids+=($!)) and $app
# (the published host: $BENCH_APP, or a Release publish of bot/ into $work/app), and defines wait_ready.
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

publish_app() {
  app=${BENCH_APP:-}
  if [[ -z "$app" ]]; then
    app="$work/app"
    dotnet publish bot -c Release -o "$app" -nologo -v quiet >/dev/null
  fi
}

wait_ready() { # port [path, default /readyz]
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$1${2:-/readyz}" && return 0; sleep 0.2; done
  echo "host on $1 did not start" >&2
  exit 1
}
