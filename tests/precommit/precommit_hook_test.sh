#!/usr/bin/env bash
# The repository's .pre-commit-hooks.yaml used by real pre-commit: a commit
# touching files of two charts and a plain manifest lints the two charts and
# the manifest, each once, through `helm taskmaster lint` (the plugin
# installed into a real Helm 4), and the finding blocks the commit.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=${TASKMASTER_BINARY:-$repo/build/helm-taskmaster}
helm=${HELM4_BIN:-$repo/.cache/tools/helm4/helm}
command -v pre-commit >/dev/null || { echo "skipped: pre-commit is not installed (scripts/deps --test)"; exit 77; }
[[ -x $binary ]] || { echo "skipped: plugin binary not built"; exit 77; }
[[ -x $helm ]] || { echo "skipped: Helm 4 not provisioned"; exit 77; }

passed=0 failed=0
check() { # name command...
  local name=$1
  shift
  if "$@"; then echo "ok - $name"; passed=$((passed + 1)); else echo "not ok - $name"; failed=$((failed + 1)); fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home HELM_DATA_HOME=$work/helm/data HELM_CONFIG_HOME=$work/helm/config
export HELM_CACHE_HOME=$work/helm/cache PRE_COMMIT_HOME=$work/pre-commit
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
unset HELM_NAMESPACE HELM_BIN HELM_PLUGINS
mkdir -p "$HOME" "$work/bin"
ln -s "$helm" "$work/bin/helm"
export PATH=$work/bin:$PATH

# The plugin as users install it (binary prebuilt, so the hook keeps it).
src=$work/plugin
mkdir -p "$src/bin" "$src/scripts"
cp "$repo/plugin.yaml" "$src/"
cp "$repo/scripts/plugin-install-hook" "$src/scripts/"
cp "$binary" "$src/bin/"
helm plugin install "$src" >/dev/null || { echo "not ok - plugin install"; exit 1; }

# The hook repository: this repository's hooks file at a commit.
hooks=$work/hooks
mkdir -p "$hooks"
cp "$repo/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add . && git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# A project with two charts and a manifest.
app=$work/app
mkdir -p "$app/charts" "$app/deploy"
cp -r "$repo/testdata/charts/missing-liveness" "$repo/testdata/charts/clean" "$app/charts/"
cp "$repo/testdata/manifests/good.yaml" "$app/deploy/"
cat >"$app/.pre-commit-config.yaml" <<YAML
repos:
  - repo: file://$hooks
    rev: $rev
    hooks:
      - id: helm-taskmaster-lint
        args: [--namespace, taskmaster, --no-line-cache]
YAML
git -C "$app" init -q && git -C "$app" add . && git -C "$app" commit -qm app

cd "$app" || exit 1
out=$(pre-commit run --files charts/missing-liveness/templates/deployment.yaml \
  charts/missing-liveness/values.yaml charts/clean/templates/service.yaml \
  charts/clean/templates/deployment.yaml deploy/good.yaml README.absent 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
check "the hook fails on the finding" test "$rc" -eq 1
check "the finding is at the template line" \
  grep -q 'charts/missing-liveness/templates/deployment.yaml:25: error: .*\[liveness-probe-missing\]' <<<"$out"
# 3 + 3 objects from the charts, 2 from the manifest: each linted once.
check "two charts and one manifest, once each" grep -q 'in 8 resources' <<<"$out"

out=$(pre-commit run --files charts/clean/templates/service.yaml deploy/good.yaml 2>&1)
rc=$?
check "a clean change passes" test "$rc" -eq 0
echo "$passed passed, $failed failed"
((failed == 0))
