#!/usr/bin/env bash
# The committed compact schemas (rules/schemas/kubernetes-<version>.json) are
# exactly what scripts/gen-k8s-schema makes of the OpenAPI specs in
# ../shared/k8s-openapi: regenerated into a temporary directory, no diff. And
# the generator is deterministic: a second run gives the same bytes.
#
#   tests/schema/gen_k8s_schema_test.sh
#
# Prints "ok - <check>" or "not ok - <check>: <reason>" per check, then
# "N passed, M failed". Exit status: 0 all passed, 1 a check failed,
# 77 skipped (../shared/k8s-openapi or python3 absent).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
specs=$repo/../shared/k8s-openapi
if [[ ! -d $specs ]]; then
  echo "skipped: $specs is absent (the OpenAPI specs are not part of the repository)" >&2
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 is not installed" >&2
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1: $2"; failed=$((failed + 1)); }

committed=("$repo"/rules/schemas/kubernetes-*.json)
if ((${#committed[@]} < 2)); then
  not_ok "committed schemas" "expected kubernetes-1.33.json and kubernetes-1.36.json in rules/schemas"
fi
for file in "${committed[@]}"; do
  name=$(basename "$file")
  version=${name#kubernetes-}
  version=${version%.json}
  if [[ ! -f $specs/swagger-$version.json ]]; then
    not_ok "$name" "no $specs/swagger-$version.json to regenerate it from"
    continue
  fi
  for run in first second; do
    mkdir -p "$tmp/$run"
    if ! "$repo/scripts/gen-k8s-schema" --openapi-dir "$specs" --out "$tmp/$run" "$version" \
      >"$tmp/gen.log" 2>&1; then
      not_ok "$name: generator ($run run)" "$(tail -n 1 "$tmp/gen.log")"
      continue 2
    fi
  done
  if diff -q "$file" "$tmp/first/$name" >/dev/null; then
    ok "$name is what scripts/gen-k8s-schema makes of swagger-$version.json"
  else
    not_ok "$name" "differs from a fresh generation (run scripts/gen-k8s-schema and commit): $(diff "$file" "$tmp/first/$name" | head -n 3 | tr '\n' ' ')"
  fi
  if cmp -s "$tmp/first/$name" "$tmp/second/$name"; then
    ok "$name: two runs give the same bytes"
  else
    not_ok "$name" "the generator is not deterministic"
  fi
done

# A spec with a definition the generator has no rule for stops it: it never guesses.
python3 - "$specs/swagger-${version}.json" "$tmp/odd.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
spec["definitions"]["io.k8s.api.core.v1.PodSpec"]["properties"]["odd"] = {
    "$ref": "#/definitions/io.k8s.api.core.v1.Mystery"}
spec["definitions"]["io.k8s.api.core.v1.Mystery"] = {"type": "object"}
json.dump(spec, open(sys.argv[2], "w"))
PY
mkdir -p "$tmp/odd-spec" "$tmp/odd-out"
mv "$tmp/odd.json" "$tmp/odd-spec/swagger-$version.json"
if "$repo/scripts/gen-k8s-schema" --openapi-dir "$tmp/odd-spec" --out "$tmp/odd-out" "$version" \
  >"$tmp/odd.log" 2>&1; then
  not_ok "unknown definitions" "the generator accepted a definition without properties"
elif grep -q "io.k8s.api.core.v1.Mystery has no properties" "$tmp/odd.log"; then
  ok "a definition the generator cannot classify stops it, naming the definition"
else
  not_ok "unknown definitions" "unexpected message: $(cat "$tmp/odd.log")"
fi

echo "$passed passed, $failed failed"
((failed == 0))
