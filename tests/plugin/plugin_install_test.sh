#!/usr/bin/env bash
# `helm plugin install` of this repository's plugin.yaml and install hook with
# real Helm 3.17 and Helm 4.1, then the plugin used the Helm way: -n and -f
# go through Helm, --help and version answer.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=${TASKMASTER_BINARY:-$repo/build/helm-taskmaster}
[[ -x $binary ]] || { echo "skipped: plugin binary not built ($binary)"; exit 77; }

passed=0 failed=0
check() { # name command...
  local name=$1
  shift
  if "$@"; then
    echo "ok - $name"
    passed=$((passed + 1))
  else
    echo "not ok - $name"
    failed=$((failed + 1))
  fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The plugin as users get it, with the binary already built (the hook keeps it).
src=$work/helm-taskmaster
mkdir -p "$src/bin" "$src/scripts"
cp "$repo/plugin.yaml" "$src/"
cp "$repo/scripts/plugin-install-hook" "$src/scripts/"
cp "$binary" "$src/bin/helm-taskmaster"
chart=$repo/testdata/charts/missing-liveness

ran=0
for major in 3 4; do
  helm=${!major+}
  var=HELM${major}_BIN
  helm=${!var:-$repo/.cache/tools/helm$major/helm}
  if [[ ! -x $helm ]]; then
    echo "# Helm $major not provisioned (scripts/tools/provision-helm): skipped"
    continue
  fi
  ran=$((ran + 1))
  home=$work/home$major
  mkdir -p "$home"
  export HELM_DATA_HOME=$home/data HELM_CONFIG_HOME=$home/config HELM_CACHE_HOME=$home/cache
  unset HELM_PLUGINS HELM_NAMESPACE HELM_BIN
  v="Helm $major"
  check "$v: plugin install" "$helm" plugin install "$src"
  check "$v: plugin list shows taskmaster" bash -c "'$helm' plugin list | grep -q '^taskmaster'"
  check "$v: version" bash -c "[[ \$('$helm' taskmaster version) == \$(awk -F'\"' '/^version:/{print \$2}' '$repo/plugin.yaml') ]]"
  check "$v: --help lists lint" bash -c "'$helm' taskmaster --help | grep -q 'lint'"
  check "$v: lint --help lists --values" bash -c "'$helm' taskmaster lint --help | grep -q -- '--values'"
  out=$("$helm" taskmaster lint "$chart" -n helm-ns -f "$chart/values.yaml" -o json 2>"$work/err")
  rc=$?
  check "$v: lint exits 1 on an error finding" test "$rc" -eq 1
  check "$v: -n reaches the plugin as the target namespace" bash -c "grep -q '\"namespace\": \"helm-ns\"' <<<'$out'"
  check "$v: finding at templates/deployment.yaml" bash -c "grep -q '\"file\": \"templates/deployment.yaml\"' <<<'$out'"
  # -f is not a Helm global flag: it must reach `helm template` through us.
  printf 'sub:\n  enabled: false\n' >"$work/no-sub.yaml"
  mapping=$repo/testdata/charts/mapping
  all=$("$helm" taskmaster lint "$mapping" -o json --fail-on never | grep -o '"resources": [0-9]*')
  some=$("$helm" taskmaster lint "$mapping" -f "$work/no-sub.yaml" -o json --fail-on never | grep -o '"resources": [0-9]*')
  check "$v: -f values reach Helm ($all without, $some with)" \
    bash -c "[[ '$all' == '\"resources\": 18' && '$some' != '$all' && -n '$some' ]]"
  check "$v: plugin uninstall" "$helm" plugin uninstall taskmaster
done
((ran > 0)) || { echo "skipped: no Helm provisioned"; exit 77; }
echo "$passed passed, $failed failed"
((failed == 0))
