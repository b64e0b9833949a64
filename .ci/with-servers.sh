#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions run from traps, which shellcheck cannot see
# Run a command with the integration-test servers up.
#
#   bash .ci/with-servers.sh CMD [ARGS...]
#
# Starts, on 127.0.0.1 and on free ports:
#   - an Oxigraph SPARQL 1.1 server (query, update, Graph Store Protocol), in a fresh temp dir;
#   - an ArcadeDB server with its Bolt plugin (it speaks to the neo4j driver as Neo4j 5.26),
#     with one database "kg".
# waits until each answers a real request (a SPARQL ASK, a Cypher RETURN 1 over Bolt), exports
# their addresses as INNOGRAPH_TEST_* variables (see below), runs CMD, stops both servers by PID
# whatever happened (EXIT/INT/TERM trap), removes the temp dir, and exits with CMD's exit code.
#
# Exported to CMD:
#   INNOGRAPH_TEST_SPARQL_QUERY   http://127.0.0.1:PORT/query
#   INNOGRAPH_TEST_SPARQL_UPDATE  http://127.0.0.1:PORT/update
#   INNOGRAPH_TEST_SPARQL_GSP     http://127.0.0.1:PORT/store
#   INNOGRAPH_TEST_BOLT_URI       bolt://127.0.0.1:PORT
#   INNOGRAPH_TEST_BOLT_USER / _PASSWORD / _DATABASE
#   INNOGRAPH_REQUIRE_SERVERS=1   (the tests fail instead of skipping when a variable is missing)
#
# Bring your own server: if INNOGRAPH_TEST_BOLT_URI is already set (a real Neo4j, say), no ArcadeDB
# is started and the BOLT_* variables you set are used as they are; likewise for
# INNOGRAPH_TEST_SPARQL_QUERY (UPDATE and GSP default to its siblings /update and /store).
#
# The servers' software goes into a dedicated venv, $SERVERS_VENV (default .venv-servers at the
# repository root), created on first use; later runs reuse it without calling pip.
# Other knobs: PYTHON (interpreter for that venv, default python3), INNOGRAPH_SERVERS_TIMEOUT
# (seconds to wait for each server, default 90), INNOGRAPH_ARCADEDB_HEAP (default 1g).
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: bash .ci/with-servers.sh CMD [ARGS...]" >&2
    exit 2
fi

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVERS_VENV="${SERVERS_VENV:-$REPO_ROOT/.venv-servers}"
PYTHON="${PYTHON:-python3}"
TIMEOUT="${INNOGRAPH_SERVERS_TIMEOUT:-90}"
HEAP="${INNOGRAPH_ARCADEDB_HEAP:-1g}"
PINS=(oxigraph==0.5.13 arcadedb-embedded==26.10.2.post1 neo4j==6.4.1)

log() { echo "with-servers: $*" >&2; }

# --- cleanup: registered before anything is started --------------------------------------------
WORK_DIR=""
OX_PID=""
ARCADE_PID=""
CMD_PID=""
PROBE_PID=""

stop_pid() {  # stop_pid NAME PID: TERM, up to 15 s of grace, then KILL; always by PID
    local name="$1" pid="$2"
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name (pid $pid) ignored SIGTERM for 15 s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "command" "$CMD_PID"
    stop_pid "readiness probe" "$PROBE_PID"
    stop_pid "ArcadeDB" "$ARCADE_PID"
    stop_pid "Oxigraph" "$OX_PID"
    if [ -n "$WORK_DIR" ] && [ -d "$WORK_DIR" ]; then
        rm -rf "$WORK_DIR"
    fi
    exit "$rc"
}

on_signal() {  # on_signal NAME CODE
    log "caught SIG$1; stopping the command and the servers"
    # The command runs in the background (so that this trap runs at once) and, as any background
    # job of a non-interactive shell, ignores SIGINT: forward a SIGTERM instead.
    if [ -n "$CMD_PID" ] && kill -0 "$CMD_PID" 2>/dev/null; then
        kill -TERM "$CMD_PID" 2>/dev/null || true
    fi
    exit "$2"
}

trap cleanup EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM

# --- what to start ---------------------------------------------------------------------------
START_OX=1
START_ARCADE=1
if [ -n "${INNOGRAPH_TEST_SPARQL_QUERY:-}" ]; then
    START_OX=0
    log "INNOGRAPH_TEST_SPARQL_QUERY is set: using the SPARQL server there"
fi
if [ -n "${INNOGRAPH_TEST_BOLT_URI:-}" ]; then
    START_ARCADE=0
    log "INNOGRAPH_TEST_BOLT_URI is set: using the Bolt server at $INNOGRAPH_TEST_BOLT_URI"
fi

# --- the servers' venv -------------------------------------------------------------------------
VPY="$SERVERS_VENV/bin/python"
if [ "$START_OX" = 1 ] || [ "$START_ARCADE" = 1 ]; then
    if [ ! -x "$VPY" ]; then
        log "creating the servers venv at $SERVERS_VENV"
        "$PYTHON" -m venv "$SERVERS_VENV"
    fi
    if ! "$VPY" - "${PINS[@]}" >/dev/null 2>&1 <<'EOF'
import sys
from importlib.metadata import PackageNotFoundError, version
for pin in sys.argv[1:]:
    name, wanted = pin.split("==")
    try:
        if version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
EOF
    then
        log "installing ${PINS[*]} into $SERVERS_VENV"
        "$VPY" -m pip install --disable-pip-version-check --no-input -q "${PINS[@]}" >&2
    fi
fi

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/innograph-servers.XXXXXX")"

# Free ports, asked of the OS all at once so that they differ from each other.
read -r OX_PORT ARCADE_HTTP_PORT BOLT_PORT < <("$PYTHON" - <<'EOF'
import socket
socks = []
for _ in range(3):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(*(s.getsockname()[1] for s in socks))
for s in socks:
    s.close()
EOF
)
if [ -z "${BOLT_PORT:-}" ]; then
    log "could not get free ports from $PYTHON"
    exit 1
fi

# --- start both (they boot in parallel) --------------------------------------------------------
if [ "$START_OX" = 1 ]; then
    OX_START_NS=$(date +%s%N)
    log "starting Oxigraph on 127.0.0.1:$OX_PORT ..."
    mkdir -p "$WORK_DIR/oxigraph"
    "$SERVERS_VENV/bin/oxigraph" serve --location "$WORK_DIR/oxigraph/data" \
        --bind "127.0.0.1:$OX_PORT" >"$WORK_DIR/oxigraph/server.log" 2>&1 </dev/null &
    OX_PID=$!
fi

if [ "$START_ARCADE" = 1 ]; then
    # find_spec, not import: importing the package loads jpype, which we do not need here.
    ARCADE_PKG="$("$VPY" -c 'import importlib.util as u, os
print(os.path.dirname(u.find_spec("arcadedb_embedded").origin))')"
    JAVA="$ARCADE_PKG/jre/bin/java"
    JARS="$ARCADE_PKG/jars"
    if [ ! -x "$JAVA" ] || [ ! -d "$JARS" ]; then
        log "no jre/bin/java or jars/ in $ARCADE_PKG: has arcadedb-embedded changed its layout?"
        exit 1
    fi
    ARCADE_PW="innograph-test-$RANDOM$RANDOM"
    ARCADE_DIR="$WORK_DIR/arcadedb"
    mkdir -p "$ARCADE_DIR"
    ARCADE_START_NS=$(date +%s%N)
    log "starting ArcadeDB (Bolt) on 127.0.0.1:$BOLT_PORT, HTTP 127.0.0.1:$ARCADE_HTTP_PORT ..."
    # cd into its own dir: the server writes log/ and config/ relative to where it runs.
    (
        cd "$ARCADE_DIR"
        exec "$JAVA" "-Xmx$HEAP" \
            -Darcadedb.server.rootPath="$ARCADE_DIR" \
            -Darcadedb.server.rootPassword="$ARCADE_PW" \
            -Darcadedb.server.defaultDatabases="kg[root:$ARCADE_PW:admin]" \
            -Darcadedb.server.httpIncomingHost=127.0.0.1 \
            -Darcadedb.server.httpIncomingPort="$ARCADE_HTTP_PORT" \
            -Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin \
            -Darcadedb.bolt.host=127.0.0.1 \
            -Darcadedb.bolt.port="$BOLT_PORT" \
            -Darcadedb.bolt.defaultDatabase=kg \
            -cp "$JARS/*" com.arcadedb.server.ArcadeDBServer
    ) >"$ARCADE_DIR/server.log" 2>&1 </dev/null &
    ARCADE_PID=$!
fi

# --- wait until each answers a real request ------------------------------------------------------
# One probe per server, in the servers venv (it has the neo4j driver); it gives up when the
# server process has died or after $TIMEOUT seconds.
# It runs in the background and we wait for it, so that a signal is handled at once.
probe() {  # probe sparql URL PID | probe bolt URI USER PASSWORD DATABASE PID
    local rc=0
    "$VPY" - "$TIMEOUT" "$@" <<'EOF' &
import os, sys, time, urllib.error, urllib.parse, urllib.request

timeout, kind, *args = float(sys.argv[1]), sys.argv[2], *sys.argv[3:]
pid = int(args[-1])
deadline = time.monotonic() + timeout
last = "no answer yet"


def alive():
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped by the shell) is dead too
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


ERRORS = (OSError, RuntimeError, urllib.error.URLError)
if kind == "sparql":
    url = args[0] + "?" + urllib.parse.urlencode({"query": "ASK {}"})

    def attempt():
        req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=5) as resp:
            body = resp.read()
            if resp.status != 200 or b"boolean" not in body:
                raise RuntimeError(f"HTTP {resp.status}: {body[:200]!r}")
else:
    import neo4j
    import neo4j.exceptions

    uri, user, password, database = args[:4]
    ERRORS += (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError)

    def attempt():
        # session.run, not execute_query: the latter retries (and logs) by itself for 30 s.
        with neo4j.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=5) as driver:
            with driver.session(database=database) as session:
                record = session.run("RETURN 1 AS one").single()
        if record is None or record["one"] != 1:
            raise RuntimeError(f"RETURN 1 gave {record!r}")

while True:
    try:
        attempt()
        sys.exit(0)
    except ERRORS as exc:
        last = f"{type(exc).__name__}: {exc}"
    if not alive():
        print(f"the server process {pid} exited; last error: {last}", file=sys.stderr)
        sys.exit(1)
    if time.monotonic() > deadline:
        print(f"no answer after {timeout:g} s; last error: {last}", file=sys.stderr)
        sys.exit(1)
    time.sleep(0.2)
EOF
    PROBE_PID=$!
    wait "$PROBE_PID" || rc=$?
    PROBE_PID=""
    return "$rc"
}

elapsed() { echo "$1" | awk -v now="$(date +%s%N)" '{ printf "%.1f", (now - $1) / 1e9 }'; }

fail_with_log() {  # fail_with_log NAME LOGFILE
    log "$1 did not become ready; last lines of $2:"
    tail -n 40 "$2" >&2 || true
    exit 1
}

if [ "$START_OX" = 1 ]; then
    probe sparql "http://127.0.0.1:$OX_PORT/query" "$OX_PID" \
        || fail_with_log Oxigraph "$WORK_DIR/oxigraph/server.log"
    log "Oxigraph ready in $(elapsed "$OX_START_NS") s"
    export INNOGRAPH_TEST_SPARQL_QUERY="http://127.0.0.1:$OX_PORT/query"
    export INNOGRAPH_TEST_SPARQL_UPDATE="http://127.0.0.1:$OX_PORT/update"
    export INNOGRAPH_TEST_SPARQL_GSP="http://127.0.0.1:$OX_PORT/store"
else
    SPARQL_BASE="${INNOGRAPH_TEST_SPARQL_QUERY%/query}"
    export INNOGRAPH_TEST_SPARQL_UPDATE="${INNOGRAPH_TEST_SPARQL_UPDATE:-$SPARQL_BASE/update}"
    export INNOGRAPH_TEST_SPARQL_GSP="${INNOGRAPH_TEST_SPARQL_GSP:-$SPARQL_BASE/store}"
fi

if [ "$START_ARCADE" = 1 ]; then
    probe bolt "bolt://127.0.0.1:$BOLT_PORT" root "$ARCADE_PW" kg "$ARCADE_PID" \
        || fail_with_log ArcadeDB "$ARCADE_DIR/server.log"
    log "ArcadeDB ready in $(elapsed "$ARCADE_START_NS") s"
    export INNOGRAPH_TEST_BOLT_URI="bolt://127.0.0.1:$BOLT_PORT"
    export INNOGRAPH_TEST_BOLT_USER=root
    export INNOGRAPH_TEST_BOLT_PASSWORD="$ARCADE_PW"
    export INNOGRAPH_TEST_BOLT_DATABASE=kg
fi
export INNOGRAPH_REQUIRE_SERVERS=1

# --- run the command -----------------------------------------------------------------------------
# In the background with our stdin, then wait: a SIGTERM/SIGINT sent to this script is handled at
# once (bash runs traps only between foreground commands), not after CMD finishes.
set +e
if { : <&0; } 2>/dev/null; then
    "$@" <&0 &
else  # no stdin at all (closed): give it an empty one
    "$@" </dev/null &
fi
CMD_PID=$!
wait "$CMD_PID"
RC=$?
CMD_PID=""
set -e
exit "$RC"
