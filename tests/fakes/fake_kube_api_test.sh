#!/usr/bin/env bash
# Drives the Kubernetes API stand-in (tests/fakes/fake_kube_api.py) with real clients:
# kubectl 1.32 and 1.34, Helm 3.17 and Helm 4.1. Scenario groups run concurrently, each
# against its own server:
#   kubectl-1.32, kubectl-1.34  version, /readyz, nodes, namespaces, storage classes, create,
#                               apply (client- and server-side), rollout status, logs, events,
#                               delete, kubeconfig contexts, protobuf bodies of typed clients
#   helm3, helm4                install --wait of charts/taskmaster, list, get manifest, test,
#                               upgrade (revision 2), uninstall (PVCs stay)
#   never-ready-helm3/4         --never-ready: a failed atomic install is uninstalled, a failed
#                               upgrade rolls back to the previous revision
#   test-fail                   --test-fail: helm test fails (Helm 3 and Helm 4)
#   server-flags                --readyz-fail, --server-version, --never-ready '*'
#   crd                         a CustomResourceDefinition, its resources, defaults, schema
#   kind-seed                   --seed seeds/docker-desktop-kind.yaml with Helm 4
#   slow                        --ready-delay, --never-ready-reason ImagePullBackOff
#
#   tests/fakes/fake_kube_api_test.sh
#
# Clients come from $HELM3_BIN/$HELM4_BIN (default <repo>/.cache/tools/helm{3,4}/helm) and the
# kubectl next to each. Prints "ok - ..." or "not ok - ...: reason" per check, then
# "N passed, M failed". Exit status: 0 all passed, 1 a check failed, 77 skipped (a client or
# python3 with PyYAML is missing).
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fake=$repo/tests/fakes/fake_kube_api.py
chart=$repo/charts/taskmaster
values=$chart/ci/local-values.yaml

helm3=${HELM3_BIN:-$repo/.cache/tools/helm3/helm}
helm4=${HELM4_BIN:-$repo/.cache/tools/helm4/helm}
kubectl3=$(dirname "$helm3")/kubectl
kubectl4=$(dirname "$helm4")/kubectl
for bin in "$helm3" "$helm4" "$kubectl3" "$kubectl4"; do
  if [[ ! -x $bin ]]; then
    echo "skipped: no executable client at $bin (provision it with scripts/tools/provision-helm)" >&2
    exit 77
  fi
done
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "skipped: python3 with PyYAML is needed to run the stand-in (scripts/deps --test)" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/fake-kube-api-test.XXXXXX")
cleanup() {
  local pid
  if [[ -f $work/pids ]]; then
    while read -r pid; do kill "$pid" 2>/dev/null; done <"$work/pids"
  fi
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
unset HELM_NAMESPACE HELM_KUBECONTEXT HELM_DEBUG HELM_DRIVER KUBECONFIG

# ---------------------------------------------------------------------------
# Helpers. Each group writes its results to $work/<group>.results.

group=""

result() { # result ok|not-ok NAME [REASON]
  if [[ $1 == ok ]]; then
    echo "ok - [$group] $2" >>"$work/$group.results"
  else
    echo "not ok - [$group] $2: $3" >>"$work/$group.results"
  fi
}

# one_line TEXT: the first non-blank lines of TEXT, joined, at most 400 characters.
one_line() {
  local text
  text=$(printf '%s\n' "$1" | grep -v '^[[:space:]]*$' | head -n 6 | paste -sd '|' - | sed 's/|/ | /g')
  printf '%s' "${text:0:400}"
}

# run CMD...: runs a client with a time limit; sets $out (stdout+stderr) and $rc.
run() {
  out=$(timeout 90 "$@" 2>&1)
  rc=$?
}

# expect NAME PATTERN CMD...: CMD succeeds and its output matches the extended regex PATTERN.
expect() {
  local name=$1 pattern=$2
  shift 2
  run "$@"
  if ((rc != 0)); then
    result not-ok "$name" "exit $rc: $(one_line "$out")"
  elif ! grep -Eq -- "$pattern" <<<"$out"; then
    result not-ok "$name" "output lacks /$pattern/: $(one_line "$out")"
  else
    result ok "$name"
  fi
}

# eventually NAME PATTERN CMD...: CMD's output matches PATTERN within 15 s (for states the
# slowed-down server reaches after a while).
eventually() {
  local name=$1 pattern=$2 i
  shift 2
  for ((i = 0; i < 75; i++)); do
    run "$@"
    if ((rc == 0)) && grep -Eq -- "$pattern" <<<"$out"; then
      result ok "$name"
      return
    fi
    sleep 0.2
  done
  result not-ok "$name" "no /$pattern/ within 15 s; last output (exit $rc): $(one_line "$out")"
}

# expect_failure NAME PATTERN CMD...: CMD fails and its output matches PATTERN.
expect_failure() {
  local name=$1 pattern=$2
  shift 2
  run "$@"
  if ((rc == 0)); then
    result not-ok "$name" "succeeded, expected a failure: $(one_line "$out")"
  elif ! grep -Eq -- "$pattern" <<<"$out"; then
    result not-ok "$name" "exit $rc but output lacks /$pattern/: $(one_line "$out")"
  else
    result ok "$name"
  fi
}

# expect_json NAME PYTHON_EXPR CMD...: CMD prints JSON `d` (on stdout; kubectl warns on
# stderr) for which PYTHON_EXPR is true.
expect_json() {
  local name=$1 expr=$2
  shift 2
  local err=$work/$group.stderr
  out=$(timeout 90 "$@" 2>"$err")
  rc=$?
  if ((rc != 0)); then
    result not-ok "$name" "exit $rc: $(one_line "$out $(cat "$err")")"
    return
  fi
  local verdict
  verdict=$(python3 -c "import json,sys; d=json.load(sys.stdin); print('yes' if ($expr) else 'no')" <<<"$out" 2>&1)
  if [[ $verdict == yes ]]; then
    result ok "$name"
  else
    result not-ok "$name" "not true: $expr: $(one_line "$verdict $out")"
  fi
}

# start_server NAME ARGS...: starts a stand-in with state in $work/NAME and sets
# KUBECONFIG to its kubeconfig; fails when it is not ready within 15 s.
start_server() {
  local name=$1 state=$work/$1
  shift
  python3 "$fake" --state-dir "$state" "$@" >"$work/$name.server.log" 2>&1 &
  echo $! >>"$work/pids"
  local i
  for ((i = 0; i < 300; i++)); do
    if [[ -s $state/ready ]]; then
      export KUBECONFIG=$state/kubeconfig
      return 0
    fi
    sleep 0.05
  done
  result not-ok "server starts" "no $state/ready after 15 s: $(one_line "$(cat "$work/$name.server.log")")"
  return 1
}

# server_log_clean: the group's server logged no internal error (a traceback from a handler
# or a controller), which clients would not always notice.
server_log_clean() { # server_log_clean LOG
  local log=$1
  if grep -q -E 'Traceback|controller .* failed' "$log"; then
    result not-ok "the server logged no internal error" "$(one_line "$(grep -E -m 3 -A 3 'Traceback|failed' "$log")")"
  else
    result ok "the server logged no internal error"
  fi
}

# use_helm 3|4: selects the Helm and kubectl binaries and private Helm directories.
use_helm() {
  if [[ $1 == 3 ]]; then helm=$helm3 kubectl=$kubectl3; else helm=$helm4 kubectl=$kubectl4; fi
  export HELM_CONFIG_HOME=$work/$group/helm-config HELM_CACHE_HOME=$work/$group/helm-cache
  export HELM_DATA_HOME=$work/$group/helm-data HOME=$work/$group/home
  mkdir -p "$HOME"
}

rollback_flag() { if [[ $1 == 3 ]]; then echo --atomic; else echo --rollback-on-failure; fi; }

# ---------------------------------------------------------------------------
# Scenario groups.

kubectl_group() { # kubectl_group BINARY
  local k=$1
  export HOME=$work/$group/home
  mkdir -p "$HOME"
  start_server "$group" --extra-context prod=https://api.prod-cluster.invalid:6443 || return
  local state=$work/$group
  expect "version reports the server" 'Server Version: v1\.33\.1' "$k" version
  expect "get --raw /readyz" '^ok$' "$k" get --raw /readyz
  expect_json "get nodes -o json: docker-desktop, Docker Desktop, 8 CPUs, Ready" \
    "d['items'][0]['metadata']['name'] == 'docker-desktop' and d['items'][0]['status']['nodeInfo']['osImage'] == 'Docker Desktop' and d['items'][0]['status']['allocatable']['cpu'] == '8' and any(c['type'] == 'Ready' and c['status'] == 'True' for c in d['items'][0]['status']['conditions'])" \
    "$k" get nodes -o json
  expect "get ns lists the kubeadm namespaces" 'kube-node-lease +Active' "$k" get ns
  expect "get storageclass shows the default hostpath class" 'hostpath \(default\) +docker.io/hostpath' "$k" get storageclass
  expect "kubeconfig holds the extra context, current is docker-desktop" '^\* +docker-desktop' "$k" config get-contexts
  expect "extra context points at the .invalid server" 'api.prod-cluster.invalid' "$k" config view -o jsonpath='{.clusters[?(@.name=="prod")].cluster.server}'
  expect "create namespace (protobuf body)" 'namespace/demo created' "$k" create namespace demo
  expect "create secret (protobuf body)" 'secret/creds created' "$k" create secret generic creds -n demo --from-literal=token=s3cret
  expect "auth can-i (protobuf SelfSubjectAccessReview)" '^yes$' "$k" auth can-i create deployments -n demo
  cat >"$state/web.yaml" <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: demo
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports: [{containerPort: 80}]
          env: [{name: GREETING, value: hello}]
EOF
  expect "apply -f (client-side) creates the Deployment" 'deployment.apps/web created' "$k" apply -f "$state/web.yaml"
  expect "rollout status succeeds" 'successfully rolled out' "$k" rollout status deployment/web -n demo --timeout 10s
  expect "get pods: two Running pods" '^web-[a-z0-9]+-[a-z0-9]{5} +1/1 +Running' "$k" get pods -n demo -l app=web
  expect_json "pods carry the ReplicaSet owner and pod-template-hash" \
    "len(d['items']) == 2 and all(p['metadata']['ownerReferences'][0]['kind'] == 'ReplicaSet' and 'pod-template-hash' in p['metadata']['labels'] for p in d['items'])" \
    "$k" get pods -n demo -l app=web -o json
  expect "logs deployment/web" 'container nginx' "$k" logs -n demo deployment/web
  expect "get events shows the rollout" 'ScalingReplicaSet' "$k" get events -n demo
  sed 's/value: hello/value: bonjour/' "$state/web.yaml" >"$state/web2.yaml"
  expect "apply --server-side updates the Deployment" 'serverside-applied' "$k" apply --server-side -f "$state/web2.yaml"
  expect "rollout status after the server-side apply" 'successfully rolled out' "$k" rollout status deployment/web -n demo --timeout 10s
  expect "the new pod template is live" '^bonjour$' "$k" get deployment web -n demo -o jsonpath='{.spec.template.spec.containers[0].env[0].value}'
  expect_json "a second ReplicaSet holds the pods, the first is scaled to 0" \
    "sorted(r['spec']['replicas'] for r in d['items']) == [0, 2]" "$k" get replicasets -n demo -o json
  expect "field validation rejects an unknown field" 'unknown field "spec.replicaz"' \
    bash -c "sed 's/replicas: 2/replicaz: 2/' '$state/web.yaml' | '$k' apply -f - 2>&1; true"
  expect "delete deployment" 'deleted' "$k" delete deployment web -n demo
  expect "its ReplicaSets and pods are garbage-collected" 'No resources found' "$k" get replicasets,pods -n demo
  expect "delete namespace" 'namespace "demo" deleted' "$k" delete namespace demo --timeout 20s
  expect_failure "the namespace is gone" 'NotFound' "$k" get namespace demo
  expect "requests.log records requests with their user agent" '"path":"/readyz".*"userAgent":"kubectl/' cat "$state/requests.log"
}

helm_group() { # helm_group 3|4
  local v=$1
  use_helm "$v"
  start_server "$group" || return
  local args=(-n taskmaster -f "$values")
  expect "install --create-namespace --wait" 'STATUS: deployed' \
    "$helm" install tm "$chart" "${args[@]}" --create-namespace --wait --timeout 60s
  expect "list shows the release deployed" '^tm[[:space:]]+taskmaster[[:space:]]+1[[:space:]].*deployed' "$helm" list -n taskmaster
  expect "get manifest" 'name: tm-taskmaster-backend' "$helm" get manifest tm -n taskmaster
  expect "status" 'STATUS: deployed' "$helm" status tm -n taskmaster
  expect "workloads are ready" 'tm-taskmaster-postgresql +1/1' "$kubectl" get statefulsets,deployments -n taskmaster
  expect "the LoadBalancer Service is published on localhost" 'tm-taskmaster-frontend +LoadBalancer +10\.[0-9.]+ +localhost +3000:3[0-9]{4}/TCP' \
    "$kubectl" get service tm-taskmaster-frontend -n taskmaster
  expect "the StatefulSet's PVC is bound" 'data-tm-taskmaster-postgresql-0 +Bound +pvc-' "$kubectl" get pvc -n taskmaster
  expect "test passes" 'Phase: +Succeeded' "$helm" test tm -n taskmaster
  expect "upgrade --wait with a changed value" 'STATUS: deployed' \
    "$helm" upgrade tm "$chart" "${args[@]}" --set config.logLevel=debug --wait --timeout 60s
  expect "history has revision 2 deployed" '^2[[:space:]].*deployed' "$helm" history tm -n taskmaster
  expect "the changed value is live" '^debug$' "$kubectl" get configmap tm-taskmaster-config -n taskmaster -o jsonpath='{.data.LOG_LEVEL}'
  expect "uninstall" 'release "tm" uninstalled' "$helm" uninstall tm -n taskmaster
  expect "uninstall removed the workloads and Services" 'No resources found' \
    "$kubectl" get deployments,statefulsets,services,configmaps -n taskmaster -l app.kubernetes.io/instance=tm
  expect "the StatefulSet's PVC stays, as in a real cluster" 'data-tm-taskmaster-postgresql-0' "$kubectl" get pvc -n taskmaster
  expect_failure "the release is gone" 'not found' "$helm" status tm -n taskmaster
}

never_ready_group() { # never_ready_group 3|4
  local v=$1 flag
  flag=$(rollback_flag "$v")
  use_helm "$v"
  start_server "$group" --never-ready bad-taskmaster-backend --never-ready up-taskmaster-postgresql || return
  expect_failure "install $flag times out and uninstalls" 'uninstalled due to' \
    "$helm" install bad "$chart" -n nr -f "$values" --create-namespace "$flag" --timeout 5s
  expect_failure "the failed release is gone" 'not found' "$helm" history bad -n nr
  expect_failure "its Deployment is gone" 'NotFound' "$kubectl" get deployment bad-taskmaster-backend -n nr
  expect "the pods crash-looped (Events)" 'Back-off restarting failed container backend' "$kubectl" get events -n nr
  local nodb=(--set postgresql.enabled=false --set secrets.databaseUrl=postgresql://app:pw@db.example:5432/app)
  expect "install without Postgres" 'STATUS: deployed' \
    "$helm" install up "$chart" -n nr -f "$values" "${nodb[@]}" --wait --timeout 30s
  expect_failure "upgrade adding a never-ready StatefulSet fails" 'rolled back due to' \
    "$helm" upgrade up "$chart" -n nr -f "$values" "$flag" --timeout 5s
  expect "history: revision 2 failed, revision 3 rolls back to 1" '^3[[:space:]].*deployed.*Rollback to 1' "$helm" history up -n nr
  expect_failure "the rollback removed the StatefulSet" 'NotFound' "$kubectl" get statefulset up-taskmaster-postgresql -n nr
  expect "the previous Deployments are still ready" 'up-taskmaster-backend +1/1' "$kubectl" get deployments -n nr
}

test_fail_group() {
  start_server "$group" --test-fail || return
  local v
  for v in 3 4; do
    use_helm "$v"
    expect "helm$v install" 'STATUS: deployed' "$helm" install tf "$chart" -n tf$v -f "$values" --create-namespace --wait --timeout 30s
    expect_failure "helm$v test fails" 'failed' "$helm" test tf -n tf$v
    expect "the failed test pod says why" 'test-fail' "$kubectl" logs tf-taskmaster-test-connection -n tf$v
  done
}

server_flags_group() {
  start_server "$group" --readyz-fail --server-version v1.31.4 --never-ready '*' || return
  export HOME=$work/$group/home
  mkdir -p "$HOME"
  expect_failure "get --raw /readyz fails" '\[-\]etcd failed: reason withheld' "$kubectl3" get --raw /readyz
  expect_failure "get --raw /livez fails" 'livez check failed' "$kubectl3" get --raw /livez
  expect "get --raw /healthz still answers" '^ok$' "$kubectl3" get --raw /healthz
  expect_json "--server-version sets /version" "d['serverVersion']['gitVersion'] == 'v1.31.4' and d['serverVersion']['minor'] == '31'" \
    "$kubectl4" version -o json
  expect "--never-ready '*': a new Deployment crash-loops" 'any-[a-z0-9]+-[a-z0-9]{5} +0/1 +CrashLoopBackOff' \
    bash -c "'$kubectl3' create deployment any --image=nginx:1.27 >/dev/null && '$kubectl3' get pods -l app=any"
  expect "--never-ready '*' spares the cluster's own workloads" '^coredns +2/2' "$kubectl3" get deployments -n kube-system
}

crd_group() {
  start_server "$group" || return
  export HOME=$work/$group/home
  mkdir -p "$HOME"
  local k=$kubectl4 state=$work/$group
  cat >"$state/crd.yaml" <<'EOF'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer, default: 1}
                color: {type: string}
EOF
  widget() { printf 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: %s\n' "$1" >"$state/w1.yaml"; }
  expect "apply a CRD" 'widgets.example.com created' "$k" apply -f "$state/crd.yaml"
  widget '{color: red}'
  expect "create a custom resource" 'widget.example.com/w1 created' "$k" apply -f "$state/w1.yaml"
  expect "the schema default is filled in" '^1$' "$k" get wd w1 -o jsonpath='{.spec.size}'
  widget '{color: blue}'
  expect "client-side apply patches it (merge patch)" 'configured' "$k" apply -f "$state/w1.yaml"
  expect "the change is live" '^blue$' "$k" get wd w1 -o jsonpath='{.spec.color}'
  widget '{size: big}'
  expect_failure "its schema rejects a wrong type" 'must be of type integer' "$k" apply -f "$state/w1.yaml"
  expect "delete the CRD" 'deleted' "$k" delete crd widgets.example.com
  expect_failure "its resources are gone with it" 'the server doesn.t have a resource type|could not find the requested resource' \
    "$k" get wd
}

kind_seed_group() {
  start_server "$group" --seed "$repo/tests/fakes/seeds/docker-desktop-kind.yaml" || return
  use_helm 4
  expect_json "kind seed: two nodes with kind provider IDs" \
    "sorted(n['spec']['providerID'] for n in d['items']) == ['kind://docker/desktop/desktop-control-plane', 'kind://docker/desktop/desktop-worker']" \
    "$kubectl" get nodes -o json
  expect "kind seed: the default class waits for the first consumer" \
    'standard \(default\) +rancher.io/local-path +Delete +WaitForFirstConsumer' "$kubectl" get storageclass
  expect "kind seed: install --wait" 'STATUS: deployed' \
    "$helm" install tm "$chart" -n tm -f "$values" --create-namespace --wait --timeout 30s
  expect "kind seed: pods avoid the tainted control plane, the PVC binds" \
    'tm-taskmaster-postgresql-0 +1/1 +Running +0 +[0-9]+s +10\.244\.1\.[0-9]+ +desktop-worker' \
    "$kubectl" get pods -n tm -o wide
}

slow_group() {
  use_helm 4
  start_server "$group" --ready-delay 2 --never-ready stuck --never-ready-reason ImagePullBackOff || return
  expect "create a deployment" 'deployment.apps/slow created' "$kubectl" create deployment slow --image=nginx:1.27 --replicas=2
  expect "--ready-delay: rollout status watches the pods start" \
    'Waiting for deployment "slow" rollout to finish: 0 of 2 updated replicas are available' \
    "$kubectl" rollout status deployment/slow --timeout 20s
  expect "create a never-ready deployment" 'deployment.apps/stuck created' "$kubectl" create deployment stuck --image=registry.invalid/none:1
  eventually "--never-ready-reason ImagePullBackOff: the pod waits on its image" 'stuck-[a-z0-9]+-[a-z0-9]{5} +0/1 +ImagePullBackOff' \
    "$kubectl" get pods -l app=stuck
  expect "the pull failure is in the Events" 'Failed to pull image "registry.invalid/none:1"' "$kubectl" get events
  expect_failure "rollout status times out" 'timed out waiting' "$kubectl" rollout status deployment/stuck --timeout 2s
}

# ---------------------------------------------------------------------------

groups=(kubectl-1.32 kubectl-1.34 crd kind-seed slow helm3 helm4 never-ready-helm3 never-ready-helm4 test-fail server-flags)
start=$SECONDS
run_group() {
  local began=$SECONDS
  "$@"
  echo "# [$group] took $((SECONDS - began)) s" >>"$work/$group.results"
}
for group in "${groups[@]}"; do
  : >"$work/$group.results"
  case $group in
    kubectl-1.32) run_group kubectl_group "$kubectl3" & ;;
    kubectl-1.34) run_group kubectl_group "$kubectl4" & ;;
    helm3) run_group helm_group 3 & ;;
    helm4) run_group helm_group 4 & ;;
    never-ready-helm3) run_group never_ready_group 3 & ;;
    never-ready-helm4) run_group never_ready_group 4 & ;;
    test-fail) run_group test_fail_group & ;;
    server-flags) run_group server_flags_group & ;;
    crd) run_group crd_group & ;;
    kind-seed) run_group kind_seed_group & ;;
    slow) run_group slow_group & ;;
  esac
done
wait
for group in "${groups[@]}"; do
  for log in "$work/$group"*.server.log; do server_log_clean "$log"; done
done

passed=0
failed=0
for group in "${groups[@]}"; do
  while IFS= read -r line; do
    echo "$line"
    case $line in
      ok*) passed=$((passed + 1)) ;;
      not\ ok*) failed=$((failed + 1)) ;;
    esac
  done <"$work/$group.results"
done
echo "# all groups took $((SECONDS - start)) s"
echo "$passed passed, $failed failed"
((failed == 0))
