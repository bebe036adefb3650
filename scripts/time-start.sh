#!/usr/bin/env bash
# How long `npm start` takes to be ready: starts it in the repository root, asks /readyz every
# 50 ms, prints the time to the first 200, the CPU seconds (user + system) npm, the build check
# and the server used by then, and the load average; then stops the server (SIGTERM, as a process
# manager would). Linux only (reads /proc).
#
#   scripts/time-start.sh [PORT]        PORT defaults to 18787
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-18787}
log="${TMPDIR:-/tmp}/mentorkit-time-start.$port.log"
ticks=$(getconf CLK_TCK)

if curl -s -o /dev/null "http://127.0.0.1:$port/readyz"; then echo "something already answers on port $port" >&2; exit 1; fi

start=$(date +%s%N)
PORT=$port setsid npm start >"$log" 2>&1 &
pid=$!
trap 'kill -TERM -- -$pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)" = 200 ]; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited before it was ready; see $log" >&2; exit 1; fi
  sleep 0.05
done
end=$(date +%s%N)

# npm's own CPU and that of the children it has waited for (the build check), plus every process
# still running in its session (the server).
cpu=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")
for p in $(pgrep -s "$pid"); do
  [ "$p" = "$pid" ] || cpu=$((cpu + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
done
awk -v w="$(( (end - start) / 1000000 ))" -v c="$cpu" -v t="$ticks" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN { printf "ready in %.2f s (CPU %.2f s; load average %s)\n", w / 1000, c / t, l }'
grep '^build:' "$log" || true
