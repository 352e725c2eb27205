#!/usr/bin/env bash
# The booking night under load, measured: bookings per second through the waiting room, request latency p50/p99 and
# errors for one and two `serve` instances, on an H2 file (--db) and on PostgreSQL (Debian's postgresql package),
# next to the plain HTTP ceiling of /api/v1/health measured by wrk in the same run; then a run at twice the waiting
# room's admission rate, which must show no errors. Prints a Markdown table, with the serve processes' CPU time per
# booking (what a booking costs, whatever share of a shared machine the run got). Not part of `mvn verify`.
#
#   bench/load.sh                 # from the project folder; needs: apt-get install -y wrk postgresql
#
# Settings (environment): SECONDS_PER_RUN (default 20), CLIENTS (requests open at once, 256), PEOPLE (60000),
# PG_BIN (/usr/lib/postgresql/15/bin), HEAP (-Xmx of each serve, 1g), ONLY (run only the cases whose
# "label instances" contains it, e.g. ONLY="PostgreSQL, saturated 2"), KEEP (keep the serve logs), JAVA_OPTS (given
# to every serve, e.g. JAVA_OPTS=-Dcohortplanner.groupCommit=false to measure a commit per booking).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
CLIENTS=${CLIENTS:-256}
PEOPLE=${PEOPLE:-60000}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
HEAP=${HEAP:-1g}
# Saturation runs: a waiting room that lets 10,000 a second through, so that the backend, not the rate, is the limit.
SATURATION_RATE=600000
# The run at twice the admission rate: the clock runs 6 times faster (a night minute every 10 s), 3,000 admitted a
# night minute (300 a real second), 600 people arriving a real second.
TWICE_SPEED=6
TWICE_RATE=3000
TWICE_ARRIVALS=600
# After each load run, wrk books people straight through POST /bookings for this long, with this many connections.
WRK_SECONDS=${WRK_SECONDS:-10}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-64}

command -v wrk >/dev/null || { echo "bench/load.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/bench-cp.txt)"
WORK=$(mktemp -d /tmp/cohort-load.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PG_DATA=""
cleanup() {
    for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ -n "$PG_DATA" ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true; fi
    if [ -n "${KEEP:-}" ]; then echo "bench/load.sh: logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/person-key"

cli() { java -Xmx"$HEAP" -cp "$CP" org.cohortplanner.app.Launcher "$@"; }

# start_serve DB-URL [serve options...]: starts an instance on a free port, waits until it answers; sets PORT. The
# port is the one the instance reports, never a fixed one: another backend on this machine may hold any fixed port.
start_serve() {
    local db=$1
    shift
    local log="$WORK/serve-${#PIDS[@]}.log"
    # exec: the PID is the JVM's own, so that its CPU time can be read (cpu_ticks).
    # shellcheck disable=SC2086
    (exec java -Xmx"$HEAP" ${JAVA_OPTS:-} -cp "$CP" org.cohortplanner.app.Launcher serve --port 0 --db "$db" \
        --seed "$WORK/plan.json" --clock 2021-07-19T20:00 --person-key-file "$WORK/person-key" "$@") > "$log" 2>&1 &
    PIDS+=($!)
    PORT=""
    for _ in $(seq 1 120); do
        PORT=$(sed -nE 's|.*backend at http://127\.0\.0\.1:([0-9]+)/api/v1.*|\1|p' "$log" | head -1)
        if [ -n "$PORT" ] && curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.5
    done
    echo "bench/load.sh: serve did not start:" >&2
    cat "$log" >&2
    exit 1
}

# cpu_ticks PID...: user + system CPU time of the processes so far, in clock ticks.
cpu_ticks() {
    local total=0 pid
    for pid in "$@"; do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    echo "$total"
}

stop_serves() {
    for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
    PIDS=()
}

wrk_ceiling() {
    wrk -t2 -c64 -d5s "http://127.0.0.1:$1/api/v1/health" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}

ROWS=()
# run_case LABEL DB-KIND INSTANCES [loadtest options...]
run_case() {
    local label=$1 kind=$2 instances=$3
    shift 3
    if [ -n "${ONLY:-}" ] && [[ "$label $instances" != *"$ONLY"* ]]; then return; fi
    local speed=1
    local args=("$@")
    for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[$i]}" = "--speed" ] && speed=${args[$((i + 1))]}; done
    local urls=() db
    cli loadtest --write-plan "$WORK/plan.json" "${args[@]}" --people "$PEOPLE" >/dev/null
    if [ "$kind" = h2 ]; then
        rm -rf "$WORK/h2" && mkdir -p "$WORK/h2"
        db="jdbc:h2:file:$WORK/h2/night"
        if [ "$instances" -gt 1 ]; then
            # Two processes share one H2 file through an H2 TCP server of its own process (H2's AUTO_SERVER mode
            # cannot be used: it needs the database closed on exit, which serve refuses as not durable).
            : > "$WORK/h2-server.log"
            java -cp "$CP" org.h2.tools.Server -tcp -tcpPort 0 -baseDir "$WORK/h2" -ifNotExists \
                > "$WORK/h2-server.log" 2>&1 &
            PIDS+=($!)
            local h2port=""
            for _ in $(seq 1 40); do
                h2port=$(sed -nE 's|.*TCP server running at tcp://[^:]+:([0-9]+).*|\1|p' "$WORK/h2-server.log")
                [ -n "$h2port" ] && break
                sleep 0.25
            done
            db="jdbc:h2:tcp://127.0.0.1:$h2port/night"
        fi
    else
        runuser -u postgres -- "$PG_BIN/psql" -h "$WORK" -p 55432 -d postgres -qc "DROP DATABASE IF EXISTS night WITH (FORCE)" \
            -c "CREATE DATABASE night" >/dev/null
        db="jdbc:postgresql://127.0.0.1:55432/night"
    fi
    local first="" serves=()
    for ((n = 0; n < instances; n++)); do
        if [ "$kind" = pg ]; then
            start_serve "$db" --db-user postgres --clock-speed "$speed"
        else
            start_serve "$db" --clock-speed "$speed"
        fi
        serves+=("${PIDS[-1]}")
        [ -z "$first" ] && first=$PORT
        urls+=(--url "http://127.0.0.1:$PORT")
    done
    local ceiling
    ceiling=$(wrk_ceiling "$first")
    local load_before
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    local result ticks_before ticks
    ticks_before=$(cpu_ticks "${serves[@]}")
    result=$(cli loadtest "${urls[@]}" --people "$PEOPLE" --clients "$CLIENTS" --seconds "$SECONDS_PER_RUN" \
        "${args[@]}" | tee "$WORK/$label.out" | grep '^RESULT' || true)
    ticks=$(( $(cpu_ticks "${serves[@]}") - ticks_before ))
    # The same backends booking people sent by wrk, a client that costs almost no CPU, straight to POST /bookings
    # (one wrk per instance, at once): what the backends take when the clients are not the limit.
    local wrk_booked=0 wrk_other=0 wrk_ticks_before wrk_ticks wrk_outs=() port
    wrk_ticks_before=$(cpu_ticks "${serves[@]}")
    for url in "${urls[@]}"; do
        # Only where the waiting room lets everyone in at once: elsewhere wrk's people would wait (202).
        [ "$url" = --url ] || [[ "$label" != *saturated* ]] && continue
        wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" -s bench/book.lua "$url" > "$WORK/wrk-${#wrk_outs[@]}.out" 2>&1 &
        wrk_outs+=($!)
    done
    [ ${#wrk_outs[@]} -gt 0 ] && wait "${wrk_outs[@]}"
    wrk_ticks=$(( $(cpu_ticks "${serves[@]}") - wrk_ticks_before ))
    for ((n = 0; n < ${#wrk_outs[@]}; n++)); do
        wrk_booked=$((wrk_booked + $(awk '/^BOOKED/ {print $2}' "$WORK/wrk-$n.out")))
        wrk_other=$((wrk_other + $(awk '/^BOOKED/ {print $4}' "$WORK/wrk-$n.out")))
    done
    stop_serves
    if [ -z "$result" ]; then
        echo "bench/load.sh: $label printed no result:" >&2
        cat "$WORK/$label.out" >&2
        ROWS+=("| $label | $instances | failed | | | | | | | | | | | |")
        return
    fi
    local bps p50 p99 errors turned waiting
    bps=$(sed -E 's/.*bookings_per_s=([0-9.]+).*/\1/' <<<"$result")
    p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$result")
    p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$result")
    errors=$(sed -E 's/.* errors=([0-9]+).*/\1/' <<<"$result")
    waiting=$(sed -E 's/.*still_waiting=([0-9]+).*/\1/' <<<"$result")
    local ratio booked cpu
    ratio=$(awk -v b="$bps" -v c="$ceiling" 'BEGIN { if (c > 0) printf "%.1f %%", 100 * b / c; else print "-" }')
    booked=$(sed -E 's/.* booked=([0-9]+).*/\1/' <<<"$result")
    # The backends' CPU time per booking: what a booking costs, whatever share of the cores the run got.
    cpu=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v b="$booked" \
        'BEGIN { if (b > 0) printf "%.2f", 1000 * t / hz / b; else print "-" }')
    local wrk_bps wrk_cpu
    wrk_bps=$(awk -v b="$wrk_booked" -v s="$WRK_SECONDS" 'BEGIN { printf "%.0f", b / s }')
    wrk_cpu=$(awk -v t="$wrk_ticks" -v hz="$(getconf CLK_TCK)" -v b="$wrk_booked" \
        'BEGIN { if (b > 0) printf "%.2f", 1000 * t / hz / b; else print "-" }')
    ROWS+=("| $label | $instances | $bps | $p50 | $p99 | $errors | $waiting | $ceiling | $ratio | $cpu | $wrk_bps | $wrk_other | $wrk_cpu | $load_before |")
    echo "$label: $result (wrk ceiling $ceiling/s)" >&2
}

if [ -x "$PG_BIN/initdb" ]; then
    PG_DATA="$WORK/pg"
    mkdir -p "$PG_DATA" && chown postgres "$PG_DATA" "$WORK"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg.log" -w \
        -o "-p 55432 -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
fi

SAT=(--admitted-per-minute "$SATURATION_RATE" --doses 1000000 --arrivals-per-second 20000)
run_case "H2 file, saturated" h2 1 "${SAT[@]}"
run_case "H2 file, saturated" h2 2 "${SAT[@]}"
if [ -n "$PG_DATA" ]; then
    run_case "PostgreSQL, saturated" pg 1 "${SAT[@]}"
    run_case "PostgreSQL, saturated" pg 2 "${SAT[@]}"
fi
TWICE=(--admitted-per-minute "$TWICE_RATE" --doses 1000000 --speed "$TWICE_SPEED"
    --arrivals-per-second "$TWICE_ARRIVALS")
run_case "H2 file, 2x admission rate" h2 1 "${TWICE[@]}"
if [ -n "$PG_DATA" ]; then
    run_case "PostgreSQL, 2x admission rate" pg 2 "${TWICE[@]}"
fi

echo
echo "Load run of $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${SECONDS_PER_RUN} s a run, $CLIENTS requests open at most"
echo
echo "| run | instances | bookings/s | p50 ms | p99 ms | errors | still waiting | wrk /health req/s | bookings/s ÷ wrk | serve CPU ms/booking | wrk bookings/s | wrk not 201 | serve CPU ms/wrk booking | load avg |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
