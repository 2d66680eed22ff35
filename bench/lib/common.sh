# Shared by bench/probe-true and bench/footprint: tools, the stand-in cluster, the host, nginx, and
# readings from /proc. Sourced, not run. Every process started here is stopped on exit.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
launcher=$bench_root/dist/target/scope-links/bin/scope-links
probe=$bench_root/bench/target/probe-poll
work=$(mktemp -d /tmp/scope-links-bench.XXXXXX)
started_pids=()
ticks=$(getconf CLK_TCK)

cleanup() {
  for pid in "${started_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*" >&2; }

# Installs what the runs need from Debian's archive, saying what it installs.
ensure_tools() {
  local missing=()
  command -v go >/dev/null || missing+=(golang-go)
  [ -d /usr/share/gocode/src/github.com/ugorji/go/codec ] || missing+=(golang-github-ugorji-go-codec-dev)
  command -v nginx >/dev/null || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    say "bench: installing ${missing[*]} with apt-get (Debian's Go, ugorji's codec as Scope uses it, nginx)"
    local sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y -q "${missing[@]}" >&2
  fi
}

# Builds the poll client, and the distribution and bench classes when missing (BENCH_REBUILD=1: always).
build_all() {
  if [ -n "${BENCH_REBUILD:-}" ] || [ ! -x "$launcher" ] || [ ! -f "$bench_root/bench/target/classpath.txt" ]; then
    say "bench: building the distribution (mvn package)"
    (cd "$bench_root" && mvn -B -q -DskipTests package >&2)
  fi
  mkdir -p "$bench_root/bench/target"
  (cd "$bench_root/bench/probe" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$bench_root/bench/target/gocache" \
    go build -o "$probe" main.go)
  bench_cp="$bench_root/bench/target/classes:$(cat "$bench_root/bench/target/classpath.txt")"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_standin NAME OBJECTS CHURN-PERCENT: a stand-in API server in its own JVM, seeded, behind
# the counting proxy. Sets standin_url, proxy_stats, kubeconfig (through the proxy).
start_standin() {
  local name=$1 objects=$2 churn=$3 dir=$work/$1
  mkdir -p "$dir"
  say "bench: seeding a stand-in cluster of ~$objects objects"
  java -Xmx3g -XX:+UseParallelGC -cp "$bench_cp" dev.scopelinks.bench.StandinRun "$objects" "$dir/standin.kubeconfig" \
    "$dir/standin.ready" "$churn" >"$dir/standin.log" 2>&1 &
  started_pids+=($!)
  standin_pid=$!
  local waited=0
  until [ -f "$dir/standin.ready" ]; do
    sleep 1
    waited=$((waited + 1))
    kill -0 "$standin_pid" 2>/dev/null || { say "bench: the stand-in exited:"; tail -20 "$dir/standin.log" >&2; exit 1; }
    [ "$waited" -lt "${BENCH_SEED_TIMEOUT:-1200}" ] || { say "bench: the stand-in was not seeded after ${waited}s"; exit 1; }
  done
  standin_objects=$(cat "$dir/standin.ready")
  standin_seed_s=$waited
  standin_url=$(sed -n 's/^ *server: //p' "$dir/standin.kubeconfig")
  local port
  port=$(free_port)
  proxy_stats=$dir/api.stats
  "$probe" proxy "127.0.0.1:$port" "${standin_url#http://}" "$proxy_stats" &
  started_pids+=($!)
  kubeconfig=$dir/kubeconfig
  sed "s#server: .*#server: http://127.0.0.1:$port#" "$dir/standin.kubeconfig" >"$kubeconfig"
  standin_ready_file=$dir/standin.ready
}

start_churn() { touch "$standin_ready_file.churn"; }

# stat_api KEY: a counter from the proxy (requests, gets, watches, up_bytes, down_bytes, connections).
stat_api() {
  sleep 1.1 # the proxy writes its counters every second
  tr ' ' '\n' <"$proxy_stats" | sed -n "s/^$1=//p"
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
# cpu_s PID: user + system CPU seconds the process has used.
cpu_s() { awk -v t="$ticks" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"; }

# report_nodes SOCKET: the number of nodes in the report on the socket now (0 if none).
report_nodes() {
  { curl -s --max-time 5 --unix-socket "$1" 'http://localhost/report?api_version=1&probe_id=bench' 2>/dev/null || true; } \
    | { grep -o '"id":"[^"]*;<[a-z_]*>"' || true; } | wc -l
}

# start_host NAME [env…]: bin/scope-links serve against the stand-in, timed from launch to the full
# report (the first moment the report, all shards together, held as many nodes as it still holds
# 3 s later). Sets
# host_pid, host_socket, host_root, host_full_ms, host_full_cpu, host_nodes.
start_host() {
  local name=$1 dir=$work/$1
  shift
  mkdir -p "$dir/plugins"
  host_root=$dir/plugins
  host_socket=$host_root/scope-links/scope-links.sock
  local t0 now n shard last=-1 last_change_ms=0 last_change_cpu=0 stable_since=0
  t0=$(date +%s%N)
  env "$@" "$launcher" serve --config "$bench_root/bench/links.yaml" --kubeconfig "$kubeconfig" \
    --socket-dir "$host_root" --admin-port -1 >"$dir/host.log" 2>&1 &
  host_pid=$!
  started_pids+=($host_pid)
  while :; do
    kill -0 "$host_pid" 2>/dev/null || { say "bench: scope-links exited:"; tail -20 "$dir/host.log" >&2; exit 1; }
    now=$(date +%s%N)
    if [ -S "$host_socket" ]; then
      # Every shard counts: with several sockets, the report is full once all of them are.
      n=0
      for shard in "$host_root"/*/*.sock; do
        n=$(( n + $(report_nodes "$shard") ))
      done
      if [ "$n" -ne "$last" ]; then
        last=$n
        last_change_ms=$(( (now - t0) / 1000000 ))
        last_change_cpu=$(cpu_s "$host_pid")
        stable_since=$now
      elif [ "$n" -gt 0 ] && [ $(( now - stable_since )) -gt 3000000000 ]; then
        break
      fi
    fi
    [ $(( (now - t0) / 1000000000 )) -lt 600 ] || { say "bench: no stable report after 600 s"; exit 1; }
    sleep 0.05
  done
  host_full_ms=$last_change_ms
  host_full_cpu=$last_change_cpu
  host_nodes=$last
}

# capture_bodies DIR: every shard's body from the host's plugin root, one file per plugin id
# (DIR/<id>.json), so nginx can serve the very same bytes on the same socket names.
capture_bodies() {
  local out=$1 sock id
  mkdir -p "$out"
  for sock in "$host_root"/*/*.sock; do
    id=$(basename "$sock" .sock)
    curl -s --unix-socket "$sock" 'http://localhost/report?api_version=1&probe_id=bench' >"$out/$id.json"
  done
}

# start_nginx NAME BODIES-DIR: nginx serving each DIR/<id>.json for /report on its own UNIX socket
# <root>/<id>/<id>.sock, as scope-links lays out its shards. Sets nginx_pid, nginx_root.
start_nginx() {
  local name=$1 bodies=$2 dir=$work/$1/nginx body id servers=
  mkdir -p "$dir/tmp" "$dir/plugins" "$dir/bodies"
  nginx_root=$dir/plugins
  for body in "$bodies"/*.json; do
    id=$(basename "$body" .json)
    mkdir -p "$dir/plugins/$id"
    cp "$body" "$dir/bodies/$id.json"
    servers+="  server {
    listen unix:$dir/plugins/$id/$id.sock;
    location = /report { default_type application/json; alias $dir/bodies/$id.json; }
  }
"
  done
  cat >"$dir/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $dir/tmp;
  proxy_temp_path $dir/tmp;
  fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp;
  scgi_temp_path $dir/tmp;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  sendfile on;
$servers}
CONF
  nginx -c "$dir/nginx.conf" -p "$dir" &
  nginx_pid=$!
  started_pids+=($nginx_pid)
  for body in "$bodies"/*.json; do
    id=$(basename "$body" .json)
    until [ -S "$dir/plugins/$id/$id.sock" ]; do sleep 0.05; done
  done
}

# combine LINES…: one summary line over the per-socket lines of one label: polls and decoded
# summed, p50 / p99 / max the worst socket's (the probe needs every shard in time).
combine() {
  printf '%s\n' "$@" | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      polls += v["polls"]; decoded += v["decoded"]; bytes += v["bytes"]; nodes += v["nodes"]; latest += v["latest"]
      split("p50 p99 max", qs, " ")
      for (q in qs) { x = v[qs[q]]; if (x != "-" && (!(qs[q] in w) || x + 0 > w[qs[q]] + 0)) w[qs[q]] = x }
      n++ }
    END { printf "sockets=%d polls=%d decoded=%d p50=%s p99=%s max=%s bytes=%d nodes=%d latest=%d\n",
      n, polls, decoded, ("p50" in w ? w["p50"] : "-"), ("p99" in w ? w["p99"] : "-"), ("max" in w ? w["max"] : "-"),
      bytes, nodes, latest }'
}

# live_heap_mb PID JAVA: the heap in use right after a full collection (jcmd GC.run, then GC.heap_info).
live_heap_mb() {
  local jcmd=jcmd
  [ -z "${JAVA_HOME:-}" ] || jcmd=$JAVA_HOME/bin/jcmd
  "$jcmd" "$1" GC.run >/dev/null 2>&1 || { echo "-"; return; }
  "$jcmd" "$1" GC.heap_info 2>/dev/null | awk '
    /garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen/ {
      for (i = 1; i <= NF; i++) if ($i == "used") { u = $(i + 1); sub(/K,?$/, "", u); total += u } }
    END { if (total) printf "%d", total / 1024; else print "-" }'
}

stop_pid() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# field KEY LINE: the value of KEY in a key=value line.
field() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
