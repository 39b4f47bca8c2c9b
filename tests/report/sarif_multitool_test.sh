#!/usr/bin/env bash
# Validates our SARIF with Microsoft's SARIF Multitool, the reference
# validator: lint testdata/charts/mapping (findings at template lines and two
# at file level) rendered by real Helm 4, write SARIF and JSON in one run,
# then require
#   - zero errors and zero warnings from `Sarif.Multitool validate` with its
#     SARIF rules and its GitHub code scanning rules (notes are listed only),
#   - one result per JSON finding, in order, with the same rule, the file as
#     a %SRCROOT%-relative URI and region.startLine equal to the template line.
#
#   tests/report/sarif_multitool_test.sh
#
# The plugin binary is $TASKMASTER_BINARY (ctest sets it; default
# <repo>/build/helm-taskmaster), Helm 4 is $HELM4_BIN (default
# <repo>/.cache/tools/helm4/helm) and the validator $SARIF_MULTITOOL (default
# <repo>/.cache/tools/sarif-multitool/Sarif.Multitool, from
# scripts/tools/provision-sarif-multitool).
#
# Prints "ok - <check>" or "not ok - <check>" with details per check, then
# "N passed, M failed". Exit status: 0 all passed, 1 a check failed,
# 77 skipped (a tool is missing), 2 environment error.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
binary=${TASKMASTER_BINARY:-$repo/build/helm-taskmaster}
helm4=${HELM4_BIN:-$repo/.cache/tools/helm4/helm}
multitool=${SARIF_MULTITOOL:-$repo/.cache/tools/sarif-multitool/Sarif.Multitool}
chart=testdata/charts/mapping

skip() {
  echo "skipped: $1" >&2
  exit 77
}
[[ -x $multitool ]] || skip "no SARIF Multitool at $multitool (run scripts/tools/provision-sarif-multitool or set SARIF_MULTITOOL)"
[[ -x $helm4 ]] || skip "no Helm 4 at $helm4 (run scripts/tools/provision-helm or set HELM4_BIN)"
command -v python3 >/dev/null || skip "python3 is needed to read the validator's report"
[[ -x $binary ]] || { echo "no plugin binary at $binary (build first or set TASKMASTER_BINARY)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HELM_CONFIG_HOME=$work/helm-config HELM_CACHE_HOME=$work/helm-cache HELM_DATA_HOME=$work/helm-data
export KUBECONFIG=$work/no-kubeconfig NO_COLOR=1
unset HELM_NAMESPACE HELM_KUBECONTEXT HELM_DEBUG
# The validator is a self-contained .NET program; invariant globalization
# spares it ICU, which not every machine has.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

passed=0
failed=0
ok() {
  echo "ok - $1"
  passed=$((passed + 1))
}
not_ok() {
  echo "not ok - $1"
  failed=$((failed + 1))
}

# Paths in the report are relative to the directory the tool runs in.
cd "$repo"
status=0
HELM_BIN=$helm4 "$binary" lint "$chart" --no-line-cache \
  -o sarif="$work/out.sarif" -o json="$work/out.json" 2>"$work/lint.err" || status=$?
if [[ $status == 1 ]]; then
  ok "lint exits 1 on the chart's findings"
else
  not_ok "lint exits 1 on the chart's findings (got $status): $(head -c 400 "$work/lint.err")"
  echo "$passed passed, $failed failed"
  exit 1
fi

# --rule-kind Gh adds the checks GitHub code scanning applies on upload.
validate=("$multitool" validate "$work/out.sarif" --output "$work/validation.sarif"
  --json-schema "$(dirname "$multitool")/sarif-2.1.0.json"
  --log ForceOverwrite --level "Error;Warning;Note" --rule-kind "Sarif;Gh")
if ! "${validate[@]}" >"$work/validate.out" 2>&1 || [[ ! -s $work/validation.sarif ]]; then
  not_ok "the Multitool ran: $(head -c 600 "$work/validate.out")"
  echo "$passed passed, $failed failed"
  exit 1
fi

# Counts the validator's results by level (a result without one takes its
# rule's default level, else "warning", as SARIF says) and prints them.
read -r -d '' count_py <<'PY' || true
import json, sys
log = json.load(open(sys.argv[1]))
counts = {"error": 0, "warning": 0, "note": 0, "none": 0}
for run in log["runs"]:
    rules = run["tool"]["driver"].get("rules", [])
    for r in run.get("results", []):
        level = r.get("level")
        if level is None and "ruleIndex" in r:
            level = rules[r["ruleIndex"]].get("defaultConfiguration", {}).get("level")
        level = level or "warning"
        counts[level] += 1
        if level in ("error", "warning"):
            print("  %s %s: %s" % (level, r.get("ruleId"), json.dumps(r.get("message"))))
print("errors=%d warnings=%d notes=%d" % (counts["error"], counts["warning"], counts["note"]))
sys.exit(1 if counts["error"] or counts["warning"] else 0)
PY
if counts=$(python3 -c "$count_py" "$work/validation.sarif"); then
  ok "Sarif.Multitool validate: $(tail -n 1 <<<"$counts")"
else
  not_ok "Sarif.Multitool validate: $(tail -n 1 <<<"$counts")"
  head -n -1 <<<"$counts"
  grep -E ': (error|warning) ' "$work/validate.out" | head -n 20 || true
fi

# Our SARIF against our JSON, finding by finding.
read -r -d '' compare_py <<'PY' || true
import json, os, sys, urllib.parse
sarif, findings, chart = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))["findings"], sys.argv[3]
run = sarif["runs"][0]
results, rules = run["results"], run["tool"]["driver"]["rules"]
problems = []
if run["originalUriBaseIds"]["%SRCROOT%"]["uri"] != "file://" + urllib.parse.quote(os.getcwd()) + "/":
    problems.append("%%SRCROOT%% is %s, not this directory" % run["originalUriBaseIds"]["%SRCROOT%"]["uri"])
if len(results) != len(findings) or not findings:
    problems.append("%d results for %d findings" % (len(results), len(findings)))
line_level = 0
for i, (r, f) in enumerate(zip(results, findings)):
    loc = r["locations"][0]["physicalLocation"]
    uri = urllib.parse.unquote(loc["artifactLocation"]["uri"])
    line = loc.get("region", {}).get("startLine")
    want_line = f["location"].get("line")
    where = "result %d (%s at %s)" % (i, f["rule"], f["location"])
    if r["ruleId"] != f["rule"] or rules[r["ruleIndex"]]["id"] != f["rule"]:
        problems.append("%s: ruleId %s" % (where, r["ruleId"]))
    if loc["artifactLocation"].get("uriBaseId") != "%SRCROOT%" or uri != chart + "/" + f["location"]["file"]:
        problems.append("%s: uri %s" % (where, loc["artifactLocation"]))
    if want_line is None:
        with open(os.path.join(chart, f["location"]["file"])) as t:
            whole = {"startLine": 1, "endLine": sum(1 for _ in t)}
        if loc["region"] != whole or r["properties"].get("lineKnown") is not False:
            problems.append("%s: file-level finding has region %s, not %s" % (where, loc["region"], whole))
    else:
        line_level += 1
        if line != want_line:
            problems.append("%s: region line %s, template line %s" % (where, line, want_line))
        with open(os.path.join(chart, f["location"]["file"])) as t:
            if line is None or line > sum(1 for _ in t):
                problems.append("%s: line %s is past the end of the template" % (where, line))
for p in problems:
    print(p)
print("%d results, %d at template lines" % (len(results), line_level))
sys.exit(1 if problems or line_level == 0 else 0)
PY
if out=$(python3 -c "$compare_py" "$work/out.sarif" "$work/out.json" "$chart"); then
  ok "regions equal the template lines of the JSON findings: $(tail -n 1 <<<"$out")"
else
  not_ok "regions equal the template lines of the JSON findings: $(tail -n 1 <<<"$out")"
  head -n 20 <<<"$out"
fi

echo "$passed passed, $failed failed"
((failed == 0))
