#!/usr/bin/env bash
# Runs every test of ChatSupport on a fresh Debian machine with only the .NET SDK and Node:
# installs what the tests need when it is missing (Debian's chromium and Japanese fonts for the
# browser tests, PostgreSQL and Redis for the scale-out tests, the npm packages of the web chat page),
# checks formatting, then runs dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need_apt+=(fonts-noto-cjk)
# The scale-out tests start private PostgreSQL and Redis servers from these packages' binaries (no system service is used).
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x /usr/bin/redis-server ] || need_apt+=(redis-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]} (Debian packages)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
export CHATSUPPORT_CHROMIUM="${CHATSUPPORT_CHROMIUM:-$(command -v chromium)}"

echo "== npm packages of the web chat page"
(cd bot && npm ci --no-audit --no-fund --loglevel=error)

echo "== build"
dotnet build ChatSupport.sln -c Release -nologo -v quiet

echo "== format check"
dotnet format ChatSupport.sln --verify-no-changes --no-restore

echo "== tests"
log=$(mktemp)
set +e
# The browser tests run on their own after the rest: Chromium, Kestrel and a Blazor circuit beside a thousand other
# tests on two cores made their waits a matter of luck.
dotnet test ChatSupport.sln -c Release --no-build -nologo --logger "console;verbosity=normal" \
  --filter "FullyQualifiedName!~ChatSupport.EndToEnd" -- RunConfiguration.MaxCpuCount=1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
dotnet test tests/ChatSupport.EndToEnd.Tests -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee -a "$log"
e2e_status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$e2e_status
set -e
count() { { grep -Eo "^ +$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
if [ "$failed" -gt 0 ]; then
  # The names of the failed tests again at the very end, where a truncated CI log still shows them.
  echo "== failed tests"
  grep -E '^ +Failed [A-Za-z]' "$log" | sed 's/^ *//' | sort -u || true
fi
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
