#!/usr/bin/env bash
# `helm taskmaster preflight` through the real kubectl, docker and helm
# clients against scripted servers on loopback: a Kubernetes API stand-in
# (tests/fakes/fake_kube_api.py) and a Docker Engine API stand-in on a unix
# socket (tests/fakes/fake_docker_engine.py). One scenario per way an install
# into Docker Desktop fails, each checked in text and JSON.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=${TASKMASTER_BINARY:-$repo/build/helm-taskmaster}
[[ -x $binary ]] || { echo "skipped: plugin binary not built ($binary)"; exit 77; }
helm4=$repo/.cache/tools/helm4/helm
helm3=$repo/.cache/tools/helm3/helm
kubectl=$repo/.cache/tools/helm4/kubectl
for tool in "$helm4" "$helm3" "$kubectl"; do
  [[ -x $tool ]] || { echo "skipped: $tool not provisioned (scripts/tools/provision-helm)"; exit 77; }
done
command -v docker >/dev/null || { echo "skipped: no docker CLI on PATH"; exit 77; }
python3 -c 'import yaml' 2>/dev/null || { echo "skipped: python3-yaml missing"; exit 77; }

source "$repo/tests/support/fakes.sh"
work=$(mktemp -d)
trap 'fakes_cleanup; rm -rf "$work"' EXIT
chart=$repo/charts/taskmaster

passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }

# Distinctive secret values: none may appear in any output.
planted_key=sk-PLANTED-openai-7d1f9c
planted_auth=PLANTED-auth-secret-5e2b
planted_db=postgresql://app:PLANTED-db-pass-91ac@db.example.invalid/app
planted_existing=PLANTED-existing-secret-value-3c7
secrets=(--set "secrets.openaiApiKey=$planted_key" --set "secrets.betterAuthSecret=$planted_auth"
         --set "secrets.databaseUrl=$planted_db")

# preflight ARGS...: runs it twice (text, JSON) into $work/out.txt and
# $work/out.json; rc in $rc (the JSON run's, which must equal the text run's).
writes_seen() { cat "$work"/*/requests.log 2>/dev/null | grep -vc '"method": *"\(GET\|HEAD\)"'; }
preflight_writes=0
preflight() {
  local before
  before=$(writes_seen)
  # Text and JSON side by side: they must agree, and it halves the wait.
  "$binary" preflight "$@" >"$work/out.txt" 2>"$work/err.txt" &
  local text_pid=$!
  "$binary" preflight -o json "$@" >"$work/out.json" 2>"$work/err-json.txt"
  rc=$?
  wait "$text_pid"
  local text_rc=$?
  cat "$work/err-json.txt" >>"$work/err.txt"
  cat "$work/out.txt" "$work/out.json" "$work/err.txt" >>"$work/all-output"
  [[ $text_rc == "$rc" ]] || { echo "# text exit $text_rc != json exit $rc"; rc=99; }
  preflight_writes=$((preflight_writes + $(writes_seen) - before))
}

# expect SCENARIO CHECK OUTCOME [TEXT]: the check's outcome in JSON and its
# symbol in text; TEXT (if given) appears in its message or remedy.
expect() {
  local scenario=$1 name=$2 outcome=$3 text=${4:-}
  local got
  got=$(python3 - "$work/out.json" "$name" "$outcome" "$text" <<'PY'
import json, sys
path, name, outcome, text = sys.argv[1:]
try:
    checks = {c["name"]: c for c in json.load(open(path))["checks"]}
except Exception as e:
    print(f"bad JSON: {e}"); sys.exit()
c = checks.get(name)
if c is None:
    print("missing"); sys.exit()
if c["outcome"] != outcome:
    print(f'{c["outcome"]}: {c["message"]}'); sys.exit()
if text and text not in c["message"] + " " + c["remedy"]:
    print(f'no "{text}" in: {c["message"]} / {c["remedy"]}'); sys.exit()
print("ok")
PY
)
  local symbol
  case $outcome in pass) symbol="✓" ;; warn) symbol="!" ;; fail) symbol="✗" ;; skip) symbol="-" ;; esac
  if [[ $got == ok ]] && grep -q "^$symbol $name " "$work/out.txt"; then
    ok "$scenario: $name $outcome"
  else
    not_ok "$scenario: $name $outcome (got: $got)"
    sed 's/^/#   /' "$work/out.txt"
  fi
}

expect_exit() {
  if [[ $rc == "$2" ]]; then ok "$1: exit $2"; else not_ok "$1: exit $2 (got $rc)"; cat "$work/err.txt"; fi
}

export HELM_BIN=$helm4 KUBECTL_BIN=$kubectl
unset HELM_KUBECONTEXT HELM_NAMESPACE
export HELM_NAMESPACE=taskmaster

# --- Docker: Docker Desktop with the TaskMaster images built --------------
start_docker_engine "$work/desktop.sock" --image taskmaster-backend:1.0.0 \
  --image taskmaster-frontend:1.0.0 || exit 1
export DOCKER_HOST=unix://$work/desktop.sock

# --- Cluster: ready Docker Desktop kubeadm --------------------------------
start_kube_api "$work/ready" --server-version v1.33.1 || exit 1
export KUBECONFIG=$work/ready/kubeconfig
"$kubectl" create namespace taskmaster >/dev/null

s="ready (kubeadm)"
start=$(date +%s%N)
preflight "${secrets[@]}"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))  # text and JSON side by side
expect_exit "$s" 0
for check in helm docker context api mode nodes chart capacity images namespace secrets storage \
  ingress metrics ports; do
  expect "$s" "$check" pass
done
expect "$s" api pass "v1.33.1"
echo "# ready scenario: ${elapsed_ms} ms per preflight run"
if ((elapsed_ms < 3000)); then ok "$s: under 3 s ($elapsed_ms ms)"; else not_ok "$s: under 3 s ($elapsed_ms ms)"; fi

s="ready, Helm 3"
HELM_BIN=$helm3 preflight "${secrets[@]}"
expect_exit "$s" 0
expect "$s" helm pass "Helm v3."
expect "$s" helm pass "--atomic"

s="missing secret values"
preflight
expect_exit "$s" 3
expect "$s" secrets fail "secrets.openaiApiKey"
expect "$s" chart skip
HELM_BIN=$helm3 preflight
expect "$s (Helm 3)" secrets fail "secrets.betterAuthSecret"

s="placeholder secret values"
preflight -f "$chart/ci/local-values.yaml" --set frontend.service.type=ClusterIP
expect_exit "$s" 0
expect "$s" secrets warn "OPENAI_API_KEY"

s="existingSecret missing a key"
"$kubectl" create secret generic taskmaster-existing -n taskmaster \
  --from-literal=DATABASE_URL="$planted_existing" --from-literal=BETTER_AUTH_SECRET="$planted_existing" >/dev/null
preflight --set secrets.existingSecret=taskmaster-existing
expect_exit "$s" 3
expect "$s" secrets fail "has no key OPENAI_API_KEY"
s="existingSecret absent"
preflight --set secrets.existingSecret=no-such-secret
expect "$s" secrets fail "does not exist in namespace taskmaster"

s="image missing"
preflight "${secrets[@]}" --set frontend.image.tag=2.0.0
expect_exit "$s" 3
expect "$s" images fail "docker build -t taskmaster-frontend:2.0.0"
s="--ignore images"
preflight "${secrets[@]}" --set frontend.image.tag=2.0.0 --ignore images
expect_exit "$s" 0
expect "$s" images warn "ignored"

s="requests exceed allocatable memory"
preflight "${secrets[@]}" --set backend.resources.requests.memory=64Gi \
  --set backend.resources.limits.memory=64Gi
expect_exit "$s" 3
expect "$s" capacity fail "more than any node"

s="namespace absent"
preflight "${secrets[@]}" -n fresh-namespace
expect_exit "$s" 0
expect "$s" namespace pass "does not exist yet"

s="ports taken"
python3 -c 'import socket,sys,time
s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(60)' \
  >"$work/listener.port" &
fakes_pids+=($!)
busy=
for _ in $(seq 100); do
  busy=$(cat "$work/listener.port")
  [[ -n $busy ]] && break
  sleep 0.05
done
preflight "${secrets[@]}" --set frontend.service.type=LoadBalancer --set frontend.service.port="$busy"
expect "$s" ports warn "localhost:$busy"
"$kubectl" create service loadbalancer grafana -n default --tcp=3333:3000 >/dev/null
preflight "${secrets[@]}" --set frontend.service.type=LoadBalancer --set frontend.service.port=3333
expect_exit "$s" 3
expect "$s" ports fail "default/grafana"

# --- Docker daemon down, and a plain Linux engine -------------------------
s="daemon down"
DOCKER_HOST=unix://$work/nobody-listens.sock preflight "${secrets[@]}"
expect_exit "$s" 3
expect "$s" docker fail "not reachable"
expect "$s" images skip

s="non-Desktop engine"
start_docker_engine "$work/linux.sock" --engine linux --image taskmaster-backend:1.0.0 \
  --image taskmaster-frontend:1.0.0 || exit 1
DOCKER_HOST=unix://$work/linux.sock preflight "${secrets[@]}"
expect_exit "$s" 0
expect "$s" docker warn "not Docker Desktop"

# --- Contexts --------------------------------------------------------------
s="context missing"
HELM_KUBECONTEXT=no-such-context preflight "${secrets[@]}"
expect_exit "$s" 3
expect "$s" context fail "\"no-such-context\" is not in the kubeconfig"
expect "$s" api skip

s="remote context"
start_kube_api "$work/remote" --extra-context prod=https://api.prod-cluster.invalid:6443 || exit 1
KUBECONFIG=$work/remote/kubeconfig HELM_KUBECONTEXT=prod preflight "${secrets[@]}"
expect_exit "$s" 3
expect "$s" context fail "refusing a remote cluster"
expect "$s" nodes skip

# --- API server not ready --------------------------------------------------
s="API not ready"
start_kube_api "$work/notready" --readyz-fail || exit 1
KUBECONFIG=$work/notready/kubeconfig preflight "${secrets[@]}"
expect_exit "$s" 3
expect "$s" api fail "not ready"
expect "$s" capacity skip

# --- kind mode with pullPolicy Never -----------------------------------------
s="kind mode, pullPolicy Never"
start_kube_api "$work/kind" --seed "$repo/tests/fakes/seeds/docker-desktop-kind.yaml" || exit 1
KUBECONFIG=$work/kind/kubeconfig preflight "${secrets[@]}" --set backend.image.pullPolicy=Never
expect_exit "$s" 3
expect "$s" mode fail "taskmaster-backend:1.0.0"
expect "$s" images skip

# --- PVC without a default StorageClass --------------------------------------
s="PVC, no default StorageClass"
KUBECONFIG=$work/ready/kubeconfig "$kubectl" annotate storageclass hostpath \
  storageclass.kubernetes.io/is-default-class- >/dev/null
preflight --set secrets.openaiApiKey="$planted_key" --set secrets.betterAuthSecret="$planted_auth" \
  --set postgresql.enabled=true --set postgresql.auth.password=PLANTED-pg-pass-77
expect_exit "$s" 3
expect "$s" storage fail "default StorageClass"

# --- Usage errors -------------------------------------------------------------
s="unknown --ignore name"
preflight --ignore nope
expect_exit "$s" 2
if grep -q 'unknown check "nope"' "$work/err.txt"; then ok "$s: names it"; else not_ok "$s: names it"; fi

# --- No secret value in any output ----------------------------------------------
for value in "$planted_key" "$planted_auth" PLANTED-db-pass-91ac "$planted_existing" PLANTED-pg-pass-77; do
  if grep -qF -- "$value" "$work/all-output"; then not_ok "secret $value never printed"; else ok "secret ${value:0:14}... never printed"; fi
done
# The API stand-ins saw no write from preflight (only from the test's kubectl).
if [[ $preflight_writes == 0 ]]; then ok "preflight never writes to the cluster"; else not_ok "preflight never writes to the cluster ($preflight_writes writes)"; fi

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
