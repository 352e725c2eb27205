#!/usr/bin/env bash
# What a booking costs, measured so that the machine's load does not decide it: the serve process's CPU time
# (user + system, /proc/PID/stat) per booking and the load clients' CPU time per booking, through the waiting room
# on an H2 file, after a warm-up run, for two builds or two settings side by side, alternating. On a shared machine
# bookings a second swing with the load; CPU time per booking does not (much), and its ratio between A and B, taken
# in the same run, is the figure to read. Not part of `mvn verify`.
#
#   bench/cost.sh                          # this build, twice (A = B: the noise of the method)
#   A_CP=/other/build/classpath B_JAVA_OPTS=-Dcohortplanner.groupCommit=false bench/cost.sh
#
# Settings (environment): ROUNDS (3), SECONDS_PER_RUN (10), WARMUP_SECONDS (10), CLIENTS (256), PROCESSES (load
# client processes, 1), A_CP / B_CP (a class path; default this build), A_JAVA_OPTS / B_JAVA_OPTS (given to serve),
# HEAP (1g).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
CLIENTS=${CLIENTS:-256}
PROCESSES=${PROCESSES:-1}
HEAP=${HEAP:-1g}
PEOPLE=200000

mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime
HERE="target/classes:$(cat target/bench-cp.txt)"
A_CP=${A_CP:-$HERE}
B_CP=${B_CP:-$HERE}
WORK=$(mktemp -d /tmp/cohort-cost.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/person-key"
SAT=(--admitted-per-minute 600000 --doses 10000000 --arrivals-per-second 20000)
java -cp "$HERE" org.cohortplanner.app.Launcher loadtest --write-plan "$WORK/plan.json" "${SAT[@]}" \
    --people "$PEOPLE" >/dev/null

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
children_ticks() { awk '{print $16 + $17}' "/proc/$1/stat"; }

# measure NAME CP JAVA_OPTS: one serve on a fresh H2 file, a warm-up run, then one measured run; prints a row.
measure() {
    local name=$1 cp=$2 opts=$3 log="$WORK/serve.log"
    rm -rf "$WORK/h2"
    # shellcheck disable=SC2086
    (exec java -Xmx"$HEAP" $opts -cp "$cp" org.cohortplanner.app.Launcher serve --port 0 \
        --db "jdbc:h2:file:$WORK/h2/night" --seed "$WORK/plan.json" --clock 2021-07-19T20:00 \
        --person-key-file "$WORK/person-key") > "$log" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    local port=""
    for _ in $(seq 1 120); do
        port=$(sed -nE 's|.*backend at http://127\.0\.0\.1:([0-9]+)/api/v1.*|\1|p' "$log" | head -1)
        [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
        sleep 0.5
    done
    run_clients "$port" "$WARMUP_SECONDS" >/dev/null
    local before load
    before=$(ticks "$pid")
    load=$(cut -d' ' -f1 /proc/loadavg)
    local out
    out=$(run_clients "$port" "$SECONDS_PER_RUN")
    local spent=$(( $(ticks "$pid") - before ))
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    awk -v name="$name" -v t="$spent" -v hz="$(getconf CLK_TCK)" -v load="$load" '
        /^RESULT/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] += kv[2] } n++ }
        /^CLIENT_TICKS/ { ct += $2 }
        END { b = v["booked"]; printf "| %s | %.0f | %d | %.3f | %.3f | %d | %s |\n", name, b / (v["seconds"] / n),
              v["errors"], 1000 * t / hz / b, 1000 * ct / hz / b, b, load }' <<<"$out"
}

# run_clients PORT SECONDS: PROCESSES load clients at once, each with people of its own; prints their RESULT lines
# and each one's CPU ticks.
run_clients() {
    local port=$1 seconds=$2 i clients=()
    for ((i = 0; i < PROCESSES; i++)); do
        # The client's CPU time: what this subshell's waited-for child spent (cutime + cstime).
        (
            java -Xmx512m -cp "$HERE" org.cohortplanner.app.Launcher loadtest --url "http://127.0.0.1:$port" \
                --people $((PEOPLE / PROCESSES)) --clients $((CLIENTS / PROCESSES)) --seconds "$seconds" \
                --seed $((RANDOM + i)) "${SAT[@]}" > "$WORK/client-$i.out" 2>&1
            me=$BASHPID
            echo "CLIENT_TICKS $(children_ticks "$me")" >> "$WORK/client-$i.out"
        ) &
        clients+=($!)
    done
    wait "${clients[@]}"
    for ((i = 0; i < PROCESSES; i++)); do grep -E '^(RESULT|CLIENT_TICKS)' "$WORK/client-$i.out" || true; done
}

echo "| build | bookings/s | errors | serve CPU ms/booking | client CPU ms/booking | booked | load avg |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for ((r = 1; r <= ROUNDS; r++)); do
    measure "A, round $r" "$A_CP" "${A_JAVA_OPTS:-}"
    measure "B, round $r" "$B_CP" "${B_JAVA_OPTS:-}"
done
