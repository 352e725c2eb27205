#!/usr/bin/env bash
# The backend's own booking ceiling on one instance, for two builds side by side, alternating: one `serve` on a fresh
# H2 file (--db jdbc:h2:file:...) or PostgreSQL database (DB=postgresql) with the saturated plan of the load run, warmed up by wrk booking, then
# `wrk -t2 -c64 --latency -s bench/book.lua` (every request a first-dose booking of a person of its own) for a fixed
# time, the serve process's CPU time over that time (user + system, /proc/PID/stat), the plain HTTP ceiling of
# /api/v1/health right after, and how long serve then takes to stop on SIGTERM. Prints a Markdown table and B's
# ratios against A. wrk costs little CPU, so this is what the backend takes when its clients are not the limit; on
# two cores the wrk client still shares them.
# Not part of `mvn verify`.
#
#   bench/ceiling.sh                                   # this build, twice a round (A = B: the noise of the method)
#   A_DIR=/path/to/an/older/checkout bench/ceiling.sh   # A: an older build (its target/classes, compiled), B: this one
#
# Settings (environment): DB (h2, or postgresql: Debian's PostgreSQL from PG_BIN, started here on a port of its own;
# run as root), ROUNDS (3), SECONDS_PER_RUN (10), WARMUP_SECONDS (10), PEOPLE (400000: more than are booked,
# so that the window's doses never run out), A_DIR / B_DIR (project folders with compiled target/classes; default this
# one), A_JAVA_OPTS / B_JAVA_OPTS (given to serve), HEAP (1g). Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
PEOPLE=${PEOPLE:-400000}
DB=${DB:-h2}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=55433
HEAP=${HEAP:-1g}
command -v wrk >/dev/null || { echo "bench/ceiling.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime
LIBS=$(cat target/bench-cp.txt)
HERE=$(pwd)
A_DIR=${A_DIR:-$HERE}
B_DIR=${B_DIR:-$HERE}
WORK=$(mktemp -d /tmp/cohort-ceiling.XXXXXX)
SERVE=""
PG_DATA=""
cleanup() {
    [ -n "$SERVE" ] && kill "$SERVE" 2>/dev/null || true
    wait 2>/dev/null || true
    if [ -n "$PG_DATA" ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/person-key"
java -cp "target/classes:$LIBS" org.cohortplanner.app.Launcher loadtest --write-plan "$WORK/plan.json" \
    --admitted-per-minute 600000 --doses 10000000 --arrivals-per-second 20000 --people "$PEOPLE" >/dev/null
HZ=$(getconf CLK_TCK)
if [ "$DB" = postgresql ]; then
    PG_DATA="$WORK/pg"
    mkdir -p "$PG_DATA" && chmod 755 "$WORK" && chown postgres "$PG_DATA" "$WORK"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg.log" -w \
        -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
fi

# database: a fresh one for a run; prints the --db options.
database() {
    if [ "$DB" = postgresql ]; then
        runuser -u postgres -- "$PG_BIN/psql" -h "$WORK" -p "$PG_PORT" -d postgres -qc \
            "DROP DATABASE IF EXISTS night WITH (FORCE)" -c "CREATE DATABASE night" >/dev/null
        echo "--db jdbc:postgresql://127.0.0.1:$PG_PORT/night --db-user postgres"
    else
        rm -rf "$WORK/h2" && mkdir -p "$WORK/h2"
        echo "--db jdbc:h2:file:$WORK/h2/night"
    fi
}

# run_one LABEL DIR JAVA_OPTS: prints one table row.
run_one() {
    local label=$1 dir=$2 opts=$3 port="" log="$WORK/serve.log" db
    db=$(database)
    # shellcheck disable=SC2086
    (exec java -Xmx"$HEAP" $opts -cp "$dir/target/classes:$LIBS" org.cohortplanner.app.Launcher serve --port 0 \
        $db --seed "$WORK/plan.json" --clock 2021-07-19T20:00 \
        --person-key-file "$WORK/person-key") > "$log" 2>&1 &
    SERVE=$!
    for _ in $(seq 1 120); do
        port=$(sed -nE 's|.*backend at http://127\.0\.0\.1:([0-9]+)/api/v1.*|\1|p' "$log" | head -1)
        if [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; then break; fi
        sleep 0.5
    done
    [ -n "$port" ] || { echo "bench/ceiling.sh: serve did not start:" >&2; cat "$log" >&2; exit 1; }
    local url="http://127.0.0.1:$port"
    wrk -t2 -c64 -d"${WARMUP_SECONDS}s" -s bench/book.lua "$url" > "$WORK/warm.txt" 2>&1
    local load t0 t1
    load=$(cut -d' ' -f1 /proc/loadavg)
    t0=$(awk '{print $14 + $15}' "/proc/$SERVE/stat")
    wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s bench/book.lua "$url" > "$WORK/run.txt" 2>&1
    t1=$(awk '{print $14 + $15}' "/proc/$SERVE/stat")
    wrk -t2 -c64 -d5s "$url/api/v1/health" > "$WORK/health.txt" 2>&1
    local stop0 stopped
    stop0=$(date +%s%N)
    kill "$SERVE"
    wait "$SERVE" 2>/dev/null || true
    stopped=$((($(date +%s%N) - stop0) / 1000000))
    SERVE=""
    local booked other p50 p99 health
    booked=$(sed -nE 's/.*BOOKED ([0-9]+) OTHER.*/\1/p' "$WORK/run.txt")
    other=$(sed -nE 's/.*BOOKED [0-9]+ OTHER ([0-9]+).*/\1/p' "$WORK/run.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/run.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/run.txt")
    health=$(sed -nE 's/Requests\/sec: *([0-9.]+)/\1/p' "$WORK/health.txt")
    awk -v l="$label" -v b="$booked" -v o="$other" -v s="$SECONDS_PER_RUN" -v c=$((t1 - t0)) -v hz="$HZ" \
        -v p50="$p50" -v p99="$p99" -v h="$health" -v load="$load" -v stop="$stopped" 'BEGIN {
        printf "| %s | %.0f | %d | %s | %s | %.3f | %.0f | %.1f %% | %d ms | %s |\n", l, b / s, o, p50, p99,
            c * 1000 / hz / b, h, 100 * (b / s) / h, stop, load }' | tee -a "$WORK/rows.md"
}

echo "| build | bookings/s | answers other than 201 | p50 | p99 | serve CPU ms/booking | /health req/s | ÷ /health | stopped after SIGTERM | load avg |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
    run_one "A, round $round" "$A_DIR" "${A_JAVA_OPTS:-}"
    run_one "B, round $round" "$B_DIR" "${B_JAVA_OPTS:-}"
done
awk -F'|' '$2 ~ /^ A/ {ar += $3; ac += $7; an++} $2 ~ /^ B/ {br += $3; bc += $7; bn++} END {
    printf "\nB against A (means of %d rounds): bookings/s x%.2f, serve CPU per booking x%.2f\n", an,
        (br / bn) / (ar / an), (bc / bn) / (ac / an) }' "$WORK/rows.md"
