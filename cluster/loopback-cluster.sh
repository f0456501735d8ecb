#!/usr/bin/env bash
# Two app nodes of the packaged workbench behind HAProxy, on one MariaDB, all on 127.0.0.1 (docs/scale-out.md).
#
#   cluster/loopback-cluster.sh DIR [--dist DIR] [--java BIN] [--balancer-port N] [--node-ports N,M]
#                                   [--db-port N] [--no-demo-data] [--fresh]
#
# Debian's mariadbd (its own data folder DIR/mariadb, not the system service) and haproxy, two nodes with
# their own data folders DIR/node1, DIR/node2 and one shared plugins folder DIR/plugins. Runs in the
# foreground until Ctrl-C / SIGTERM / SIGHUP or until the process that started it ends; then stops
# everything it started. When all is up it writes DIR/cluster.env (ports, process ids, database account).
# An existing DIR is reused, the database and the plugins stay (--fresh: start from an empty DIR); processes
# a killed earlier run left behind are stopped first. Exit codes: 130 / 143 stopped by Ctrl-C / SIGTERM, 0
# stopped as its starting process ended, 1 a part did not start (its log is in DIR/logs), 2 wrong arguments,
# 3 mariadb-server or haproxy missing, 4 a port is taken.
set -euo pipefail

HEALTH_PATH=/actuator/health/readiness
BALANCER_PORT=8090
NODE_PORTS=(8091 8092)
DB_PORT=3390
DEMO_DATA=true
FRESH=false
DIST=${CRM_DIST:-}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/java}
JAVA=${JAVA:-java}
STARTUP_SECONDS=180

usage() { sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 1 ] || usage
DIR=$1
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST=$2; shift 2 ;;
    --java) JAVA=$2; shift 2 ;;
    --balancer-port) BALANCER_PORT=$2; shift 2 ;;
    --node-ports) IFS=, read -r -a NODE_PORTS <<< "$2"; shift 2 ;;
    --db-port) DB_PORT=$2; shift 2 ;;
    --no-demo-data) DEMO_DATA=false; shift ;;
    --fresh) FRESH=true; shift ;;
    *) usage ;;
  esac
done
[ ${#NODE_PORTS[@]} -eq 2 ] || usage

MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)
INSTALL_DB=$(command -v mariadb-install-db || echo /usr/bin/mariadb-install-db)
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
for binary in "$MARIADBD" "$INSTALL_DB" "$HAPROXY"; do
  if [ ! -x "$binary" ]; then
    echo "Needs Debian's MariaDB server and HAProxy: sudo apt-get install mariadb-server haproxy" >&2
    echo "(the system services need not run: this starts its own database server and balancer)" >&2
    exit 3
  fi
done

DIST=${DIST:-$(cd "$(dirname "$0")/.." && pwd)/ui/target/dist}
[ -f "$DIST/crm-workbench.jar" ] || { echo "No $DIST/crm-workbench.jar: build it with ./crm package." >&2; exit 1; }

# A run that was killed (kill -9, a crashed test JVM) leaves its processes behind: stop those first. They
# are the ones listed in DIR/pids whose command line still names DIR.
stop_leftovers() {
  local pid
  [ -f "$1/pids" ] || return 0
  for pid in $(tac "$1/pids"); do
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$1/"; then
      echo "Stopping process $pid left over from an earlier run on $1" >&2
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -f "$1/pids"
}
if [ -d "$DIR" ]; then
  rm -f "$DIR/cluster.env"
  stop_leftovers "$(cd "$DIR" && pwd)"
  if [ "$FRESH" = true ]; then rm -rf "${DIR:?}"; fi
fi

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$BALANCER_PORT" "${NODE_PORTS[@]}" "$DB_PORT"; do
  if port_taken "$port"; then
    echo "Port $port on 127.0.0.1 is taken; choose others with --balancer-port, --node-ports, --db-port." >&2
    exit 4
  fi
done

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
LOGS=$DIR/logs
mkdir -p "$LOGS" "$DIR/plugins" "$DIR/node1" "$DIR/node2"
umask 077

PIDS=()          # everything started, in start order; stopped the other way round
WATCHED=$PPID    # the process that started this one: when it is gone, so is the cluster

started() {
  PIDS+=("$1")
  echo "$1" >> "$DIR/pids"
}

stop_all() {
  trap - EXIT INT TERM HUP
  local i pid
  [ ${#PIDS[@]} -eq 0 ] || echo "Stopping HAProxy, the nodes and MariaDB..." >&2
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -f "$DIR/cluster.env" "$DIR/pids"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

fail() {
  echo "$1 (log: $2)" >&2
  tail -n 30 "$2" >&2 || true
  exit 1
}

# The status code of GET path on a local port, or nothing when the port does not answer within 5 s.
http_status() {
  local status
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
  read -r -t 5 _ status _ <&3 || true
  exec 3>&-
  echo "${status:-}"
}

# Waits until a started process passes its check, or fails when it ends or takes too long.
await() {
  local name=$1 pid=$2 log=$3 check=$4 deadline=$((SECONDS + STARTUP_SECONDS))
  until eval "$check"; do
    kill -0 "$pid" 2>/dev/null || fail "$name ended while starting" "$log"
    [ $SECONDS -lt $deadline ] || fail "$name did not start within $STARTUP_SECONDS s" "$log"
    sleep 0.5
  done
}

# --- MariaDB: Debian's server binary on its own data folder, with the workbench's account -------------
DB_DATA=$DIR/mariadb
if [ ! -f "$DIR/db-password" ]; then
  head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$DIR/db-password"
fi
DB_PASSWORD=$(cat "$DIR/db-password")
DB_OS_USER=$(id -un)
SOCKET=$DIR/mariadb.sock   # a unix socket path has room for about 100 characters
[ ${#SOCKET} -lt 100 ] || SOCKET=$(mktemp -u /tmp/crm-cluster-XXXXXX.sock)
if [ ! -d "$DB_DATA/mysql" ]; then
  "$INSTALL_DB" --no-defaults --datadir="$DB_DATA" --user="$DB_OS_USER" --auth-root-authentication-method=socket \
    --skip-test-db > "$LOGS/mariadb-install.log" 2>&1 || fail "mariadb-install-db failed" "$LOGS/mariadb-install.log"
fi
# run at every start: the account and its rights as in README's "External MariaDB" (plus what the
# plugins' own accounts need: grant option and CREATE USER)
cat > "$DIR/db-init.sql" <<SQL
CREATE USER IF NOT EXISTS 'crm'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER 'crm'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`crm\\_%\`.* TO 'crm'@'127.0.0.1' WITH GRANT OPTION;
GRANT CREATE USER ON *.* TO 'crm'@'127.0.0.1';
SQL
: > "$LOGS/mariadb.log"
"$MARIADBD" --no-defaults --datadir="$DB_DATA" --user="$DB_OS_USER" --port="$DB_PORT" --bind-address=127.0.0.1 \
  --socket="$SOCKET" --pid-file="$DIR/mariadb.pid" --init-file="$DIR/db-init.sql" \
  --skip-name-resolve --skip-ssl --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
  --innodb-buffer-pool-size=128M > "$LOGS/mariadb.log" 2>&1 &
DB_PID=$!
started "$DB_PID"
await MariaDB "$DB_PID" "$LOGS/mariadb.log" "grep -q 'ready for connections' '$LOGS/mariadb.log'"

# --- the app nodes: one after the other, so that the first migrates a fresh database on its own --------
BALANCER_URL=http://localhost:$BALANCER_PORT/
NODE_PIDS=()
for n in 1 2; do
  port=${NODE_PORTS[n - 1]}
  log=$LOGS/node$n.log
  # one node runs the scheduled work (the nightly lifecycle rules, the plugins' tasks)
  scheduled=$([ "$n" = 1 ] && echo true || echo false)
  CRM_DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/" CRM_DB_USER=crm CRM_DB_PASSWORD=$DB_PASSWORD \
    "$JAVA" -Xmx512m -XX:+UseSerialGC -jar "$DIST/crm-workbench.jar" --server.port="$port" \
    --crm.data-dir="$DIR/node$n" --crm.plugins.dir="$DIR/plugins" --crm.bundled-plugins-dir="$DIST/plugins" \
    --crm.public-url="$BALANCER_URL" --crm.scheduled-tasks="$scheduled" --crm.demo-data="$DEMO_DATA" > "$log" 2>&1 &
  NODE_PIDS+=($!)
  started $!
  await "node $n" "$!" "$log" "[ \"\$(http_status $port $HEALTH_PATH)\" = 200 ]"
done

# --- HAProxy: sticky by cookie, nodes checked on their readiness probe ---------------------------------
cat > "$DIR/haproxy.cfg" <<CFG
global
    maxconn 1000
    log stdout format raw local0 info

defaults
    mode http
    log global
    option httplog
    option forwardfor
    # a request whose node does not answer goes to another one (which asks to sign in again)
    option redispatch
    retries 2
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h

frontend workbench
    bind 127.0.0.1:$BALANCER_PORT
    # the address the browser used, for the app's redirects (Tomcat's RemoteIpValve reads them from 127.0.0.1)
    http-request set-header X-Forwarded-Proto http
    http-request set-header X-Forwarded-Port %[dst_port]
    default_backend nodes

backend nodes
    balance roundrobin
    # Vaadin keeps the UI in the HTTP session of one node: a user stays on the node that served them first
    cookie CRMNODE insert indirect nocache httponly
    option httpchk
    http-check send meth GET uri $HEALTH_PATH
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    # which node answered, for trying it out (leave out in production)
    http-response set-header X-Crm-Node %[srv_name]
    server node1 127.0.0.1:${NODE_PORTS[0]} check cookie node1
    server node2 127.0.0.1:${NODE_PORTS[1]} check cookie node2
CFG
"$HAPROXY" -c -q -f "$DIR/haproxy.cfg" > "$LOGS/haproxy.log" 2>&1 || fail "the HAProxy configuration is refused" "$LOGS/haproxy.log"
"$HAPROXY" -db -f "$DIR/haproxy.cfg" >> "$LOGS/haproxy.log" 2>&1 &
HAPROXY_PID=$!
started "$HAPROXY_PID"
await HAProxy "$HAPROXY_PID" "$LOGS/haproxy.log" "[ \"\$(http_status $BALANCER_PORT /login)\" = 200 ]"

cat > "$DIR/cluster.env.part" <<ENV
BALANCER_URL=$BALANCER_URL
NODE1_URL=http://localhost:${NODE_PORTS[0]}/
NODE2_URL=http://localhost:${NODE_PORTS[1]}/
NODE1_PID=${NODE_PIDS[0]}
NODE2_PID=${NODE_PIDS[1]}
DB_PID=$DB_PID
HAPROXY_PID=$HAPROXY_PID
DB_URL=jdbc:mariadb://127.0.0.1:$DB_PORT/
DB_USER=crm
DB_PASSWORD=$DB_PASSWORD
ADMIN_PASSWORD_FILE=$DIR/node1/initial-admin-password
ENV
mv "$DIR/cluster.env.part" "$DIR/cluster.env"

cat <<INFO

The workbench runs on two nodes behind HAProxy:  $BALANCER_URL
  node 1: http://localhost:${NODE_PORTS[0]}/ (pid ${NODE_PIDS[0]})   node 2: http://localhost:${NODE_PORTS[1]}/ (pid ${NODE_PIDS[1]})
  MariaDB: 127.0.0.1:$DB_PORT (pid $DB_PID), data in $DB_DATA;  shared plugins folder: $DIR/plugins
  Sign in as admin with the password in $DIR/node1/initial-admin-password$( [ "$DEMO_DATA" = true ] && echo ", or as manager / manager-demo")
  The response header X-Crm-Node names the node that answered. Try: disable a plugin in plugin admin and
  watch it go on the other node; kill the node you are on (kill -9 <pid>): the next click asks you to sign
  in again, on the other node, and nothing saved is lost.
  Logs: $LOGS.  Ctrl-C stops everything.
INFO

while kill -0 "$WATCHED" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
