#include "lint/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <tuple>

#include "common/error.h"
#include "manifest/manifest_input.h"

namespace taskmaster::lint {

namespace {

auto keyOf(const Finding& f) {
  return std::tie(f.rule, f.resource.kind, f.resource.namespace_, f.resource.name, f.container);
}

}  // namespace

Baseline Baseline::parse(const std::string& text, const std::string& file,
                         const Catalogue& catalogue) {
  Baseline b;
  b.file_ = file;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(fmt::format("{}: not a baseline file (invalid JSON: {})", file, e.what()));
  }
  if (!doc.is_object() || doc.value("version", 0) != 1 || !doc.contains("findings") ||
      !doc["findings"].is_array())
    throw InputError(fmt::format(
        "{}: not a baseline file (expected {{\"version\": 1, \"findings\": [...]}}; write one "
        "with --write-baseline)",
        file));
  size_t index = 0;
  for (const auto& item : doc["findings"]) {
    ++index;
    auto field = [&](const char* key, bool required) -> std::string {
      if (item.is_object() && item.contains(key) && item[key].is_string())
        return item[key].get<std::string>();
      if (required || (item.is_object() && item.contains(key)))
        throw InputError(fmt::format("{}: finding {}: \"{}\" must be a string", file, index, key));
      return {};
    };
    Entry e{field("rule", true), field("kind", true),       field("namespace", false),
            field("name", true), field("container", false), field("message", false)};
    catalogue.requireKnown(e.rule, fmt::format("{}: finding {}: ", file, index));
    b.entries_.push_back(std::move(e));
  }
  return b;
}

Baseline Baseline::load(const std::filesystem::path& file, const Catalogue& catalogue) {
  return parse(manifest::readInputFile(file), file.string(), catalogue);
}

void Baseline::write(const std::filesystem::path& file, const std::vector<Finding>& findings) {
  std::vector<const Finding*> sorted;
  for (const Finding& f : findings) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](const Finding* a, const Finding* b) {
    return std::tuple_cat(keyOf(*a), std::tie(a->message)) <
           std::tuple_cat(keyOf(*b), std::tie(b->message));
  });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Finding* f : sorted) {
    nlohmann::ordered_json j;
    j["rule"] = f->rule;
    j["kind"] = f->resource.kind;
    j["namespace"] = f->resource.namespace_;
    j["name"] = f->resource.name;
    if (!f->container.empty()) j["container"] = f->container;
    j["message"] = f->message;
    list.push_back(std::move(j));
  }
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["findings"] = std::move(list);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  out.close();
  if (!out) throw InputError(fmt::format("{}: cannot write the baseline file", file.string()));
}

std::vector<std::optional<Suppression>> Baseline::matchAll(const std::vector<Finding>& findings) {
  std::vector<std::optional<Suppression>> out(findings.size());
  auto sameObject = [](const Entry& e, const Finding& f) {
    return e.rule == f.rule && e.kind == f.resource.kind && e.namespace_ == f.resource.namespace_ &&
           e.name == f.resource.name && e.container == f.container;
  };
  Suppression s{Suppression::Kind::Baseline, "recorded in the baseline", file_};
  // Exact messages first, so that a reworded finding cannot take the entry
  // another finding matches exactly.
  for (bool exact : {true, false}) {
    for (size_t i = 0; i < findings.size(); ++i) {
      if (out[i]) continue;
      for (Entry& e : entries_) {
        if (e.used || !sameObject(e, findings[i])) continue;
        if (exact && e.message != findings[i].message) continue;
        e.used = true;
        out[i] = s;
        break;
      }
    }
  }
  return out;
}

}  // namespace taskmaster::lint
