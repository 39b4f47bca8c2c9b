#!/usr/bin/env bash
# Checks the TaskMaster chart (charts/taskmaster) with real Helm 3 and Helm 4:
# it lints and renders with every ci/ values file, every object lands in the
# release namespace, Helm 4 installs it with --dry-run=client, the values
# schema rejects bad values naming the field, and secret values never leave
# the Secret.
#
#   tests/chart/taskmaster_chart_test.sh
#
# Helm binaries come from $HELM3_BIN and $HELM4_BIN (default
# <repo>/.cache/tools/helm3/helm and helm4/helm, see scripts/tools/provision-helm).
# Rendered manifests are parsed with python3 + PyYAML when it is importable,
# else with awk; CHART_TEST_PARSER=awk (or python) forces one.
#
# Prints "ok - <check>" or "not ok - <check>: <reason>" per check, then
# "N passed, M failed". Exit status: 0 all passed, 1 a check failed,
# 77 skipped (a Helm binary is missing), 2 usage or environment error.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
chart=$repo/charts/taskmaster
namespace=taskmaster
release=rel

helm3=${HELM3_BIN:-$repo/.cache/tools/helm3/helm}
helm4=${HELM4_BIN:-$repo/.cache/tools/helm4/helm}
for bin in "$helm3" "$helm4"; do
  if [[ ! -x $bin ]]; then
    echo "skipped: no executable Helm binary at $bin" >&2
    echo "  provision Helm 3 and Helm 4 with scripts/tools/provision-helm, or set HELM3_BIN and HELM4_BIN" >&2
    exit 77
  fi
done

parser=${CHART_TEST_PARSER:-}
if [[ -z $parser ]]; then
  if python3 -c 'import yaml' 2>/dev/null; then parser='python'; else parser='awk'; fi
fi
case $parser in
  python | awk) ;;
  *) echo "CHART_TEST_PARSER must be python or awk, not '$parser'" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Keep Helm away from the user's configuration, repositories and cluster, and
# from the variables Helm sets when it runs a plugin.
export HELM_CONFIG_HOME=$work/helm-config HELM_CACHE_HOME=$work/helm-cache HELM_DATA_HOME=$work/helm-data
export KUBECONFIG=$work/no-kubeconfig
unset HELM_NAMESPACE HELM_KUBECONTEXT HELM_DEBUG HELM_DRIVER

passed=0
failed=0

# check NAME COMMAND... runs COMMAND, whose output is the reason when it fails.
check() {
  local name=$1 reason
  shift
  if reason=$("$@" 2>&1); then
    echo "ok - $name"
    passed=$((passed + 1))
  else
    echo "not ok - $name: $(one_line "$reason")"
    failed=$((failed + 1))
  fi
}

# one_line TEXT: the first non-blank lines of TEXT, joined, at most 400 characters.
one_line() {
  local text
  text=$(printf '%s\n' "$1" | grep -v '^[[:space:]]*$' | head -n 6 | paste -sd '|' - | sed 's/|/ | /g')
  printf '%s' "${text:0:400}"
}

# ---------------------------------------------------------------------------
# Manifest inspection. Each function reads a rendered multi-document file and
# prints one line per problem; it fails when it found any.

# The python checks, selected by their first argument.
read -r -d '' manifest_py <<'PY' || true
import base64, re, sys, yaml

CLUSTER_SCOPED = {
    "Namespace", "Node", "PersistentVolume", "StorageClass", "PriorityClass",
    "IngressClass", "RuntimeClass", "ClusterRole", "ClusterRoleBinding",
    "CustomResourceDefinition", "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration", "APIService",
}

def documents(path):
    """(raw text, parsed object) for every non-empty document."""
    text = open(path, encoding="utf-8").read()
    for raw in re.split(r"(?m)^---[ \t]*$", text):
        obj = yaml.safe_load(raw)
        if isinstance(obj, dict) and obj:
            yield raw, obj

def ident(obj):
    meta = obj.get("metadata") or {}
    return "%s/%s" % (obj.get("kind", "?"), meta.get("name", "?"))

def check_namespace(path, want):
    problems, count = [], 0
    for _, obj in documents(path):
        count += 1
        if obj.get("kind") in CLUSTER_SCOPED:
            continue
        ns = (obj.get("metadata") or {}).get("namespace")
        if ns is None:
            problems.append("%s has no metadata.namespace" % ident(obj))
        elif ns != want:
            problems.append("%s has metadata.namespace %r, want %r" % (ident(obj), ns, want))
    if count == 0:
        problems.append("rendered no objects")
    return problems

def without_string_data(raw):
    kept, skipping = [], False
    for line in raw.splitlines():
        if line[:1].isalpha():
            skipping = line.startswith("stringData:")
        if not skipping:
            kept.append(line)
    return "\n".join(kept)

def check_secrets(path, literals):
    encoded = [base64.b64encode(s.encode()).decode() for s in literals]
    problems = []
    for raw, obj in documents(path):
        if obj.get("kind") == "Secret":
            # The value may appear as itself only under stringData, and in
            # base64 only in a Secret.
            text = without_string_data(raw)
            allowed_encoded = True
        else:
            text = raw
            allowed_encoded = False
        for secret in literals:
            if secret in text:
                problems.append("%s contains the secret value %r" % (ident(obj), secret))
        if not allowed_encoded:
            for secret, enc in zip(literals, encoded):
                if enc in text:
                    problems.append("%s contains the base64 of %r" % (ident(obj), secret))
    return problems

mode, path, args = sys.argv[1], sys.argv[2], sys.argv[3:]
problems = check_namespace(path, args[0]) if mode == "namespace" else check_secrets(path, args)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY

# The awk fallbacks: Helm writes block-style YAML with top-level keys at
# column 0 and metadata fields indented by two spaces, which is all they rely on.
read -r -d '' namespace_awk <<'AWK' || true
function flush() {
  if (kind != "") {
    count++
    if (!(kind in cluster)) {
      if (ns == "") { print kind "/" name " has no metadata.namespace"; bad = 1 }
      else if (ns != want) { print kind "/" name " has metadata.namespace " ns ", want " want; bad = 1 }
    }
  }
  kind = ""; name = ""; ns = ""; inmeta = 0
}
function value(line, key,    v) {
  v = line; sub("^ *" key ":[ \t]*", "", v); sub(/[ \t]+#.*$/, "", v); gsub(/["']/, "", v)
  return v
}
BEGIN {
  n = split("Namespace Node PersistentVolume StorageClass PriorityClass IngressClass RuntimeClass ClusterRole ClusterRoleBinding CustomResourceDefinition MutatingWebhookConfiguration ValidatingWebhookConfiguration APIService", c, " ")
  for (i = 1; i <= n; i++) cluster[c[i]] = 1
}
/^---/ { flush(); next }
/^[A-Za-z]/ { inmeta = ($0 ~ /^metadata:[ \t]*$/) }
/^kind:/ { kind = value($0, "kind") }
inmeta && /^  name:/ { name = value($0, "name") }
inmeta && /^  namespace:/ { ns = value($0, "namespace") }
END {
  flush()
  if (count == 0) { print "rendered no objects"; bad = 1 }
  exit bad
}
AWK

read -r -d '' secrets_awk <<'AWK' || true
function flush(   i, j) {
  for (i = 1; i <= n; i++) {
    for (j = 1; j <= nl; j++)
      if (index(line[i], lit[j]) && !(kind == "Secret" && sd[i])) { print kind "/" name " contains the secret value " lit[j]; bad = 1 }
    for (j = 1; j <= ne; j++)
      if (index(line[i], enc[j]) && kind != "Secret") { print kind "/" name " contains the base64 of " lit[j]; bad = 1 }
  }
  n = 0; kind = ""; name = ""; insd = 0; inmeta = 0
}
BEGIN {
  nl = split(ENVIRON["SECRET_LITERALS"], lit, "\n")
  ne = split(ENVIRON["SECRET_ENCODED"], enc, "\n")
}
/^---/ { flush(); next }
{
  if ($0 ~ /^[A-Za-z]/) { insd = ($0 ~ /^stringData:/); inmeta = ($0 ~ /^metadata:/) }
  if ($0 ~ /^kind:/) { kind = $2 }
  if (inmeta && $0 ~ /^  name:/ && name == "") { name = $2 }
  line[++n] = $0; sd[n] = insd
}
END { flush(); exit bad }
AWK

# manifest_namespace FILE NAMESPACE: every namespaced object is in NAMESPACE.
manifest_namespace() {
  if [[ $parser == python ]]; then
    python3 -c "$manifest_py" namespace "$1" "$2"
  else
    awk -v want="$2" "$namespace_awk" "$1"
  fi
}

# manifest_secrets FILE SECRET...: no SECRET appears outside a Secret's
# stringData, and its base64 appears in Secrets only.
manifest_secrets() {
  local file=$1
  shift
  if [[ $parser == python ]]; then
    python3 -c "$manifest_py" secrets "$file" "$@"
  else
    local s encoded=()
    for s in "$@"; do encoded+=("$(printf '%s' "$s" | base64 | tr -d '\n')"); done
    SECRET_LITERALS=$(printf '%s\n' "$@") SECRET_ENCODED=$(printf '%s\n' "${encoded[@]}") \
      awk "$secrets_awk" "$file"
  fi
}

# ---------------------------------------------------------------------------
# Checks

# lint_passes HELM VALUES
lint_passes() {
  local out
  if ! out=$("$1" lint --strict "$chart" -f "$2" 2>&1); then
    printf '%s\n' "$out" | grep -E '\[(ERROR|WARNING)\]|Error' || printf '%s\n' "$out"
    return 1
  fi
}

# render HELM OUT ARGS...: helm template into OUT; prints stderr on failure.
render() {
  local helm=$1 out=$2
  shift 2
  "$helm" template "$release" "$chart" --namespace "$namespace" "$@" >"$out" 2>"$out.err" || {
    cat "$out.err"
    return 1
  }
}

# renders_in_namespace HELM VALUES
renders_in_namespace() {
  local out=$work/render.yaml
  render "$1" "$out" -f "$2" || return 1
  manifest_namespace "$out" "$namespace"
}

# dry_run_install HELM VALUES
dry_run_install() {
  local out
  out=$("$1" install --dry-run=client "$release" "$chart" --namespace "$namespace" -f "$2" 2>&1) || {
    printf '%s\n' "$out"
    return 1
  }
}

# schema_rejects HELM "FIELD..." ARGS...: helm template fails with a schema
# error that names every FIELD (dotted path; Helm 4 writes /a/b, Helm 3 a.b).
schema_rejects() {
  local helm=$1 fields=$2 out=$work/rejected.yaml field normalized status=0
  shift 2
  if "$helm" template "$release" "$chart" --namespace "$namespace" "$@" >"$out" 2>"$out.err"; then
    echo "helm accepted the values"
    return 1
  fi
  if ! grep -qi 'schema' "$out.err"; then
    echo "helm failed, but not on the values schema: $(cat "$out.err")"
    return 1
  fi
  normalized=$(tr '/' '.' <"$out.err")
  for field in $fields; do
    if [[ $normalized != *"$field"* ]]; then
      echo "the error does not name $field: $(cat "$out.err")"
      status=1
    fi
  done
  return "$status"
}

# secrets_stay_in_secret HELM VALUES SECRET...: render with VALUES (which
# sets the SECRETs) and look for them everywhere else.
secrets_stay_in_secret() {
  local helm=$1 values=$2 out=$work/secrets.yaml
  shift 2
  render "$helm" "$out" -f "$values" || return 1
  grep -q '^kind: Secret' "$out" || { echo "rendered no Secret"; return 1; }
  manifest_secrets "$out" "$@"
}

# existing_secret_replaces_secret HELM: with secrets.existingSecret the chart
# renders no Secret and the pods read the existing one.
existing_secret_replaces_secret() {
  local out=$work/existing.yaml name
  render "$1" "$out" -f "$chart/ci/existing-secret-values.yaml" || return 1
  name=$(sed -n 's/^ *existingSecret: *//p' "$chart/ci/existing-secret-values.yaml" | tr -d "\"'")
  if grep -q '^kind: Secret' "$out"; then
    echo "a Secret was rendered although secrets.existingSecret is set"
    return 1
  fi
  if [[ $(grep -A1 'secretKeyRef:' "$out" | grep -c "name: $name\$") -eq 0 ]]; then
    echo "no secretKeyRef names the existing Secret $name"
    return 1
  fi
}

# Values files that set recognisable secret values.
cat >"$work/leak-external-db.yaml" <<'EOF'
secrets:
  databaseUrl: postgresql://leakcheck-user:leakcheck-db-password@db.leakcheck.example/taskmaster?sslmode=require
  openaiApiKey: sk-leakcheck-openai-api-key-0123456789
  betterAuthSecret: leakcheck-better-auth-secret-0123456789
EOF
external_db_secrets=(
  leakcheck-db-password
  postgresql://leakcheck-user:leakcheck-db-password@db.leakcheck.example/taskmaster?sslmode=require
  sk-leakcheck-openai-api-key-0123456789
  leakcheck-better-auth-secret-0123456789
)
cat >"$work/leak-in-cluster-db.yaml" <<'EOF'
secrets:
  openaiApiKey: sk-leakcheck-openai-api-key-0123456789
  betterAuthSecret: leakcheck-better-auth-secret-0123456789
postgresql:
  enabled: true
  auth:
    password: leakcheck-postgres-password
EOF
in_cluster_db_secrets=(
  leakcheck-postgres-password
  sk-leakcheck-openai-api-key-0123456789
  leakcheck-better-auth-secret-0123456789
)

ci_files=("$chart"/ci/*.yaml)
if [[ ! -e ${ci_files[0]} ]]; then
  echo "no values files in $chart/ci" >&2
  exit 2
fi
local_values=$chart/ci/local-values.yaml

echo "# parser: $parser"
for version in helm3 helm4; do
  if [[ $version == helm3 ]]; then helm=$helm3; else helm=$helm4; fi
  echo "# $version: $("$helm" version --template '{{.Version}}')"

  for file in "${ci_files[@]}"; do
    rel=${file#"$chart"/}
    check "$version: lint --strict -f $rel" lint_passes "$helm" "$file"
    check "$version: template -f $rel renders every object in namespace $namespace" \
      renders_in_namespace "$helm" "$file"
  done

  if [[ $version == helm4 ]]; then
    check "$version: install --dry-run=client -f ci/local-values.yaml" dry_run_install "$helm" "$local_values"
  fi

  check "$version: schema rejects a string replica count (--set)" \
    schema_rejects "$helm" backend.replicaCount -f "$local_values" --set backend.replicaCount=abc
  check "$version: schema rejects a string replica count (--set-string)" \
    schema_rejects "$helm" frontend.replicaCount -f "$local_values" --set-string frontend.replicaCount=2
  check "$version: schema rejects a non-boolean switch" \
    schema_rejects "$helm" config.voiceInputEnabled -f "$local_values" --set config.voiceInputEnabled=maybe
  check "$version: schema rejects an unknown pull policy" \
    schema_rejects "$helm" backend.image.pullPolicy -f "$local_values" --set backend.image.pullPolicy=Sometimes
  check "$version: schema rejects a negative replica count" \
    schema_rejects "$helm" frontend.replicaCount -f "$local_values" --set frontend.replicaCount=-1
  check "$version: schema rejects the latest image tag" \
    schema_rejects "$helm" backend.image.tag -f "$local_values" --set backend.image.tag=latest
  check "$version: schema rejects missing secrets when the chart creates the Secret" \
    schema_rejects "$helm" "secrets.databaseUrl secrets.openaiApiKey secrets.betterAuthSecret"
  check "$version: schema rejects one empty secret when the chart creates the Secret" \
    schema_rejects "$helm" secrets.betterAuthSecret -f "$local_values" --set secrets.betterAuthSecret=
  check "$version: schema rejects the in-cluster Postgres without a password" \
    schema_rejects "$helm" postgresql.auth.password -f "$local_values" --set postgresql.auth.password=
  check "$version: schema rejects an unknown top-level key" \
    schema_rejects "$helm" replicaCoutn -f "$local_values" --set replicaCoutn=2
  check "$version: schema rejects an unknown nested key" \
    schema_rejects "$helm" "backend replicaCoutn" -f "$local_values" --set backend.replicaCoutn=2

  check "$version: secret values stay inside the Secret (external database)" \
    secrets_stay_in_secret "$helm" "$work/leak-external-db.yaml" "${external_db_secrets[@]}"
  check "$version: secret values stay inside the Secrets (in-cluster Postgres)" \
    secrets_stay_in_secret "$helm" "$work/leak-in-cluster-db.yaml" "${in_cluster_db_secrets[@]}"
  check "$version: existingSecret replaces the chart's Secret" existing_secret_replaces_secret "$helm"
done

echo "$passed passed, $failed failed"
if ((failed > 0)); then exit 1; fi
