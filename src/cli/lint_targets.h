// What to lint, decided from what the user named: charts (each with its
// values sets), manifest files, stdin. Pre-commit passes changed file names:
// a file inside a chart stands for that chart, and each chart is linted once.
#pragma once

#include <string>
#include <vector>

namespace taskmaster::cli {

// A named list of values files, rendered together (`-f a -f b`).
struct ValuesSet {
  std::string name;  // empty: the one set of a run that is no matrix
  std::vector<std::string> files;
};

struct LintTarget {
  enum class Kind { Chart, ManifestFile, Stdin };
  Kind kind = Kind::ManifestFile;
  std::string path;                    // as shown to the user
  std::vector<ValuesSet> values_sets;  // charts: at least one
};

// `NAME=file1,file2` (repeatable --values-set); `NAME=` is the chart's own
// values. InputError for a malformed spec or a duplicate name.
std::vector<ValuesSet> parseValuesSetSpecs(const std::vector<std::string>& specs);

// The values sets of one chart: `explicit_sets` when given; else, when the
// user chose values (-f/--set...), one unnamed set; else chart-testing's
// convention: each ci/*-values.yaml is a set (named after the file without
// -values.yaml), or the chart's own values (one unnamed set) when there is none.
std::vector<ValuesSet> valuesSetsFor(const std::string& chart,
                                     const std::vector<ValuesSet>& explicit_sets,
                                     bool user_chose_values);

// Paths (files, directories, charts, `-`) -> targets, charts deduplicated.
// A directory without Chart.yaml that holds charts stands for those charts;
// one holding no chart stands for its YAML files. A file inside a chart
// (nearest Chart.yaml upward: a template, values.yaml ...) stands for the chart. InputError for
// missing paths and directories with nothing to lint.
std::vector<LintTarget> planTargets(const std::vector<std::string>& paths,
                                    const std::vector<ValuesSet>& explicit_sets,
                                    bool user_chose_values);

}  // namespace taskmaster::cli
