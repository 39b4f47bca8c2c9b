# Starting the scripted servers the real clients talk to, for shell tests
# (source it). Every server is stopped when the test exits: call
# fakes_cleanup from the test's EXIT trap.
#   start_kube_api DIR [fake_kube_api.py options...]   sets KUBECONFIG=DIR/kubeconfig
#   start_docker_engine SOCKET [fake_docker_engine.py options...]
fakes_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fakes_pids=()

fakes_cleanup() {
  local pid
  for pid in "${fakes_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${fakes_pids[@]}"; do wait "$pid" 2>/dev/null; done
  fakes_pids=()
}

# Waits up to 10 s for FILE to appear.
fakes_wait_for() {
  local i
  for ((i = 0; i < 200; i++)); do
    [[ -e $1 ]] && return 0
    sleep 0.05
  done
  echo "fakes: $1 did not appear" >&2
  return 1
}

start_kube_api() {
  local dir=$1
  shift
  mkdir -p "$dir"
  python3 "$fakes_repo/tests/fakes/fake_kube_api.py" --state-dir "$dir" "$@" \
    >"$dir/server.out" 2>&1 &
  fakes_pids+=($!)
  fakes_wait_for "$dir/ready"
}

start_docker_engine() {
  local socket=$1
  shift
  python3 "$fakes_repo/tests/fakes/fake_docker_engine.py" --socket "$socket" "$@" \
    >"$socket.out" 2>&1 &
  fakes_pids+=($!)
  fakes_wait_for "$socket.ready"
}
