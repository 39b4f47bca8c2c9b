# The deploy scenarios of `helm taskmaster install|upgrade|uninstall`, run
# with one real Helm (3 or 4) and its kubectl against scripted servers on
# loopback: the Kubernetes API stand-in (tests/fakes/fake_kube_api.py), which
# keeps what Helm sends, runs pods and helm test hooks, and the Docker Engine
# API stand-in (tests/fakes/fake_docker_engine.py) for preflight, both started
# with tests/support/fakes.sh.
# Sourced by deploy_helm3_scenarios_test.sh and deploy_helm4_scenarios_test.sh:
#   run_deploy_scenarios MAJOR
# Prints "ok - ..." / "not ok - ..." per check, timings, and "N passed, M failed".

run_deploy_scenarios() {
  local major=$1
  set -uo pipefail
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  binary=${TASKMASTER_BINARY:-$repo/build/helm-taskmaster}
  local helm_var=HELM${major}_BIN
  helm=${!helm_var:-$repo/.cache/tools/helm$major/helm}
  kubectl=$(dirname "$helm")/kubectl
  [[ -x $binary ]] || { echo "skipped: plugin binary not built ($binary)"; return 77; }
  for tool in "$helm" "$kubectl"; do
    [[ -x $tool ]] || { echo "skipped: $tool not provisioned (scripts/tools/provision-helm)"; return 77; }
  done
  command -v docker >/dev/null || { echo "skipped: no docker CLI on PATH (preflight needs it)"; return 77; }
  python3 -c 'import yaml' 2>/dev/null || { echo "skipped: python3-yaml missing (the stand-ins need it)"; return 77; }

  source "$repo/tests/support/fakes.sh"
  work=$(mktemp -d)
  trap 'fakes_cleanup; rm -rf "$work"' EXIT
  passed=0 failed=0
  chart=$repo/charts/taskmaster
  local script_start
  script_start=$(date +%s%N)

  export HELM_BIN=$helm KUBECTL_BIN=$kubectl NO_COLOR=1
  export HELM_CACHE_HOME=$work/helm/cache HELM_CONFIG_HOME=$work/helm/config HELM_DATA_HOME=$work/helm/data
  unset HELM_KUBECONTEXT HELM_PLUGIN_DIR HELM_DEBUG
  export HELM_NAMESPACE=default  # as Helm passes it without -n: install picks "taskmaster"

  start_docker_engine "$work/docker.sock" --image taskmaster-backend:1.0.0 \
    --image taskmaster-frontend:1.0.0 || return 1
  export DOCKER_HOST=unix://$work/docker.sock
  # broken-taskmaster-backend (release "broken") crash-loops for ever.
  start_kube_api "$work/kube" --never-ready broken-taskmaster-backend || return 1
  export KUBECONFIG=$work/kube/kubeconfig

  # Distinctive secret values: none may appear in any output.
  planted=(sk-PLANTED-deploy-4b7e9a1c2d3f5a6b7c8d PLANTED-auth-deploy-77aa21 PLANTED-pg-deploy-9f3e55)
  values=(-f "$chart/ci/local-values.yaml" --set "secrets.openaiApiKey=${planted[0]}"
          --set "secrets.betterAuthSecret=${planted[1]}" --set "postgresql.auth.password=${planted[2]}")

  scenario "fresh install (preflight on)"
  deploy install "${values[@]}" --timeout 20s -o json
  expect_exit 0
  expect_json 'all(s["status"] in ("ok", "warn") for s in d["steps"])' "every step ok or warn"
  expect_json '[s["name"] for s in d["steps"]] == ["target", "preflight", "render", "lint", "release", "helm", "rollout", "test", "endpoints"]' "steps in order"
  expect_json 'next(s for s in d["steps"] if s["name"] == "preflight")["status"] in ("ok", "warn")' "preflight ran"
  expect_json 'd["namespace"] == "taskmaster" and d["plan"]["release"]["exists"] is False' "into namespace taskmaster, release new"
  expect_json 'any(e["url"] == "http://localhost:3000/" for e in d["endpoints"])' "frontend on localhost:3000"
  expect_json '"rolled out; 3/3 pods ready" in next(s for s in d["steps"] if s["name"] == "rollout")["detail"]' "3/3 pods ready"
  expect_json 'any("--rollback-on-failure" if '"$major"' == 4 else "--atomic" in c for c in d["plan"]["commands"])' "rollback flag of Helm $major"
  expect_json '"helm test taskmaster" in d["notes"]' "chart NOTES"
  expect_release taskmaster taskmaster deployed

  scenario "re-install that changes nothing"
  # -o json: the result on stdout, the steps for people on stderr.
  deploy install "${values[@]}" --timeout 20s --skip-preflight -o json
  expect_exit 0
  expect_json 'd["plan"]["changes"]["changed"] == [] and d["plan"]["changes"]["added"] == [] and d["plan"]["changes"]["removed"] == []' "plan: no changes"
  expect_json 'd["plan"]["lintDelta"] == []' "no new lint findings"
  expect_json 'd["revision"] == 2' "revision 2"
  expect_text "no changes (0 changed, 0 added, 0 removed, 10 unchanged)" "the steps say no changes"
  expect_text "skipped     preflight" "skipped preflight said loudly in the steps"
  expect_text "WARNING: --skip-preflight" "and in a warning"

  scenario "upgrade with a changed value, no terminal"
  local writes_before
  writes_before=$(writes)
  deploy upgrade "${values[@]}" --set backend.replicaCount=2 --skip-preflight
  expect_exit 2
  expect_text "spec.replicas: 1 → 2" "plan shown before refusing"
  expect_text "pass --yes" "says how to confirm"
  expect_equal "$(writes)" "$writes_before" "nothing written without confirmation"

  scenario "upgrade on a terminal, declined"
  if command -v script >/dev/null; then
    writes_before=$(writes)
    # script(1) gives the command a terminal; it reads the answer from it.
    printf 'n\n' | script -qec "$(printf '%q ' "$binary" upgrade "${values[@]}" --set backend.replicaCount=2 \
      --skip-preflight)" /dev/null >"$work/out" 2>"$work/err"
    rc=$?
    cat "$work/out" "$work/err" >>"$work/all-output"
    expect_exit 3
    expect_text "Apply these changes to release taskmaster in namespace taskmaster? [y/N]" "asks on the terminal"
    expect_text "declined; nothing was changed" "takes no for an answer"
    expect_equal "$(writes)" "$writes_before" "nothing written"
  else
    echo "# skipped: no script(1) to give the command a terminal"
  fi

  scenario "upgrade --dry-run"
  writes_before=$(writes)
  deploy upgrade "${values[@]}" --set backend.replicaCount=3 --set "secrets.openaiApiKey=${planted[0]}-rotated" \
    --set backend.podDisruptionBudget.enabled=true --set backend.podDisruptionBudget.minAvailable=3 \
    --skip-preflight --dry-run -o json
  expect_exit 0
  expect_json 'any(c.split()[1:3] == ["upgrade", "--install"] and "backend.replicaCount=3" in c for c in d["plan"]["commands"])' "lists the exact helm upgrade command"
  expect_json 'any("secrets.openaiApiKey=(hidden)" in c for c in d["plan"]["commands"])' "with the secret --set value hidden"
  expect_json 'any(" test taskmaster " in c for c in d["plan"]["commands"]) and any(" get deployments,statefulsets,pods " in c for c in d["plan"]["commands"])' "lists helm test and the kubectl checks"
  expect_json '[s["status"] for s in d["steps"] if s["name"] in ("helm", "rollout", "test", "endpoints")] == ["planned"] * 4' "runs none of them"
  expect_text "spec.replicas: 1 → 3" "plans the replica change"
  expect_text "data.OPENAI_API_KEY: (changed, hidden)" "plans the secret change, hidden"
  expect_json '[(c["kind"], c["name"]) for c in d["plan"]["changes"]["added"]] == [("PodDisruptionBudget", "taskmaster-backend")]' "plans the added object"
  expect_json '[(f["rule"], f["resource"]["name"]) for f in d["plan"]["lintDelta"]] == [("pdb-blocks-eviction", "taskmaster-backend")]' "lint delta: the new finding only"
  expect_equal "$(writes)" "$writes_before" "the API stand-in saw no write"
  expect_release taskmaster taskmaster deployed 2

  scenario "upgrade with a changed value"
  deploy upgrade "${values[@]}" --set backend.replicaCount=2 --skip-preflight --yes -o json
  expect_exit 0
  expect_json 'd["plan"]["changes"]["added"] == [] and d["plan"]["changes"]["removed"] == []' "nothing added or removed"
  expect_json '[(c["kind"], c["name"], c["fields"]) for c in d["plan"]["changes"]["changed"]] == [("Deployment", "taskmaster-backend", [{"path": "spec.replicas", "change": "changed", "before": "1", "after": "2"}])]' "plan shows exactly spec.replicas 1 -> 2"
  expect_json '"4/4 pods ready" in next(s for s in d["steps"] if s["name"] == "rollout")["detail"]' "4/4 pods ready"
  expect_release taskmaster taskmaster deployed 3

  scenario "upgrade of a missing release"
  writes_before=$(writes)
  deploy upgrade "${values[@]}" --release-name ghost --skip-preflight --yes
  expect_exit 3
  expect_text "ghost not found" "says the release does not exist"
  expect_text "helm taskmaster install --release-name ghost -n taskmaster" "suggests install"
  expect_equal "$(writes)" "$writes_before" "nothing written"

  scenario "a rollout that never becomes ready"
  deploy install "${values[@]}" --release-name broken -n broken --skip-preflight --timeout 3s -o json
  expect_exit 4
  expect_json 'd["notReady"] == ["Deployment/broken-taskmaster-backend"]' "names the failing workload"
  expect_json 'next(s for s in d["steps"] if s["name"] == "helm")["status"] == "failed"' "the helm step failed"
  expect_text "Deployment/broken-taskmaster-backend: not rolled out" "the steps name the failing workload"
  expect_text "CrashLoopBackOff" "say why its pod is not ready"
  expect_text "log lines of backend" "show the container's logs"
  expect_text "logs broken-taskmaster-backend-" "give the command to investigate"
  expect_text "Helm removed the failed first install" "the rollback happened"
  expect_release broken broken none

  scenario "Ctrl-C while Helm waits"
  local start_ns elapsed_ms
  start_ns=$(date +%s%N)
  "$binary" install "${values[@]}" --release-name broken -n broken --skip-preflight --timeout 60s \
    >"$work/out" 2>"$work/err" &
  local pid=$!
  # Once Helm has created the Deployment it is waiting for it.
  local i
  for ((i = 0; i < 400; i++)); do
    "$kubectl" get deployment broken-taskmaster-backend -n broken >/dev/null 2>&1 && break
    sleep 0.05
  done
  sleep 1
  kill -INT "$pid"
  wait "$pid"
  rc=$?
  elapsed_ms=$((($(date +%s%N) - start_ns) / 1000000))
  cat "$work/out" "$work/err" >>"$work/all-output"
  expect_exit 130
  expect_text "INTERRUPTED helm" "the helm step says it was interrupted"
  expect_text "retry:" "says how to go on"
  if ((elapsed_ms < 30000)); then ok "Helm stopped waiting at once (${elapsed_ms} ms of a 60 s timeout)"; else not_ok "Helm kept waiting (${elapsed_ms} ms)"; fi
  expect_release broken broken none

  scenario "gate failure: lint errors stop before Helm"
  local helm_before
  helm_before=$(helm_requests)
  deploy install "$repo/testdata/charts/missing-liveness" --skip-preflight -n gate
  expect_exit 3
  expect_text "liveness-probe-missing" "shows the lint error"
  expect_text "stopped by lint; nothing was changed" "says it stopped"
  expect_equal "$(helm_requests)" "$helm_before" "Helm never called the cluster"

  scenario "gate failure: preflight stops before Helm"
  helm_before=$(helm_requests)
  DOCKER_HOST=unix://$work/nobody-listens.sock deploy install "${values[@]}" -n gate
  expect_exit 3
  expect_text "fail: docker" "shows the failed check"
  expect_text "stopped by preflight; nothing was changed" "says it stopped"
  expect_equal "$(helm_requests)" "$helm_before" "Helm never called the cluster"

  scenario "uninstall keeping data"
  deploy uninstall --purge-data
  expect_exit 2
  expect_text "pass --yes" "--purge-data without a terminal asks for --yes"
  expect_release taskmaster taskmaster deployed
  deploy uninstall --dry-run
  expect_exit 0
  expect_text "keep    PersistentVolumeClaim/data-taskmaster-postgresql-0 (data)" "dry run plans to keep the data"
  expect_release taskmaster taskmaster deployed
  deploy uninstall -o json
  expect_exit 0
  expect_json 'd["plan"]["changes"]["claims"]["kept"] == ["data-taskmaster-postgresql-0"]' "keeps the claim"
  expect_release taskmaster taskmaster none
  if "$kubectl" get pvc data-taskmaster-postgresql-0 -n taskmaster >/dev/null 2>&1; then
    ok "the PersistentVolumeClaim is still there"
  else
    not_ok "the PersistentVolumeClaim is gone"
  fi
  if "$kubectl" get namespace taskmaster >/dev/null 2>&1; then ok "the namespace is still there"; else not_ok "the namespace is gone"; fi
  deploy uninstall
  expect_exit 3
  expect_text "taskmaster not found" "a second uninstall finds nothing"

  scenario "no secret value in any output"
  local leaked=0 value
  for value in "${planted[@]}"; do
    for form in "$value" "$(printf %s "$value" | base64 -w0)"; do
      if grep -qF -- "$form" "$work/all-output"; then leaked=1; not_ok "output shows $form"; fi
    done
  done
  ((leaked)) || ok "no planted secret (plain or base64) in $(wc -l <"$work/all-output") lines of output"

  local total_ms=$((($(date +%s%N) - script_start) / 1000000))
  echo "# Helm $major scenarios: ${total_ms} ms in all"
  echo "$passed passed, $failed failed"
  ((failed == 0))
}

# Requests that change something, and requests Helm made.
writes() { grep -vc '"method":"\(GET\|HEAD\)"' "$work/kube/requests.log"; }
helm_requests() { grep -c '"userAgent":"Helm/' "$work/kube/requests.log"; }

# --- running and checking ------------------------------------------------

scenario() {
  [[ -n ${scenario_name:-} ]] && echo "# ${scenario_name}: $((($(date +%s%N) - scenario_start) / 1000000)) ms"
  scenario_name=$1
  scenario_start=$(date +%s%N)
}

# deploy ARGS...: stdout in $work/out, stderr in $work/err, exit code in $rc.
deploy() {
  "$binary" "$@" </dev/null >"$work/out" 2>"$work/err"
  rc=$?
  cat "$work/out" "$work/err" >>"$work/all-output"
}

ok() { echo "ok - $scenario_name: $1"; passed=$((passed + 1)); }
not_ok() {
  echo "not ok - $scenario_name: $1"
  failed=$((failed + 1))
}
show_output() { sed 's/^/#   /' "$work/out" "$work/err" | head -60; }

expect_exit() {
  if [[ $rc == "$1" ]]; then ok "exit $1"; else not_ok "exit $1 (got $rc)"; show_output; fi
}

expect_text() {
  if grep -qF -- "$1" "$work/out" "$work/err"; then ok "$2"; else not_ok "$2 (no \"$1\")"; show_output; fi
}

expect_equal() {
  if [[ $1 == "$2" ]]; then ok "$3"; else not_ok "$3 ($1 != $2)"; fi
}

# expect_json PYTHON_EXPR WHAT: the expression is true of d, the JSON result.
expect_json() {
  local got
  got=$(python3 - "$work/out" "$1" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception as e:
    print(f"no JSON result: {e}"); sys.exit()
try:
    print("ok" if eval(sys.argv[2]) else "false")
except Exception as e:
    print(f"{type(e).__name__}: {e}")
PY
)
  if [[ $got == ok ]]; then ok "$2"; else not_ok "$2 ($got)"; show_output; fi
}

# expect_release NAME NAMESPACE STATUS|none [REVISION]
expect_release() {
  local name=$1 ns=$2 status=$3 revision=${4:-} got
  got=$("$helm" status "$name" -n "$ns" -o json 2>/dev/null |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["info"]["status"], d["version"])' 2>/dev/null)
  [[ -z $got ]] && got=none
  local want=$status
  [[ -n $revision ]] && want="$status $revision"
  if [[ $got == "$want" || ($status != none && -z $revision && ${got%% *} == "$status") ]]; then
    ok "release $name: $want"
  else
    not_ok "release $name: $want (got $got)"
  fi
}
