#include "schema/schema_dir.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "common/error.h"
#include "schema/json_schema.h"

namespace taskmaster::schema {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

json readJson(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot read schema file", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return json::parse(text.str());
  } catch (const json::parse_error& e) {
    throw InputError(fmt::format("{}: not valid JSON: {}", file.string(), e.what()));
  }
}

}  // namespace

std::string schemaFileKey(std::string_view file_name) {
  // kind, optional group (may hold dashes and dots), Kubernetes API version.
  static const RE2 kPattern(
      R"(([a-z0-9]+)(-[a-z0-9.-]+)?-(v[0-9]+(?:(?:alpha|beta)[0-9]+)?)\.json)");
  std::string kind, group, version;
  if (!RE2::FullMatch(file_name, kPattern, &kind, &group, &version)) return {};
  return kind + group + "-" + version;
}

std::shared_ptr<const SchemaDirectory> SchemaDirectory::load(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError(fmt::format("--schema-dir {}: not a directory", dir.string()));
  auto out = std::make_shared<SchemaDirectory>();
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json" && entry.is_regular_file())
      files.push_back(entry.path());
  if (ec) throw InputError(fmt::format("--schema-dir {}: {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());

  // Reference targets (`_definitions.json`) are read when first referenced.
  // Every document stays alive until the end: the compiler remembers the
  // schemas it compiled by address, so that shared definitions compile once.
  std::unordered_map<std::string, std::unique_ptr<json>> referenced;
  std::vector<std::unique_ptr<json>> kind_docs;
  auto resolveFile = [&](std::string_view name) -> const json& {
    std::string key(name);
    if (key.starts_with("./")) key = key.substr(2);
    if (key.find('/') != std::string::npos || key.empty() || key == "." || key == "..")
      throw SchemaError(fmt::format(
          "$ref to \"{}\": only files of the schema directory can be referenced", name));
    auto it = referenced.find(key);
    if (it == referenced.end()) {
      if (!fs::is_regular_file(dir / key))
        throw SchemaError(
            fmt::format("$ref to \"{}\", which is not in the schema directory", name));
      it = referenced.emplace(key, std::make_unique<json>(readJson(dir / key))).first;
    }
    return *it->second;
  };

  JsonSchemaCompiler compiler(out->graph_, resolveFile);
  for (const fs::path& file : files) {
    std::string key = schemaFileKey(lower(file.filename().string()));
    if (key.empty()) continue;  // a reference target, or a name kubeconform never looks up
    const json& doc = *kind_docs.emplace_back(std::make_unique<json>(readJson(file)));
    if (!doc.is_object())
      throw InputError(fmt::format("{}: a schema file must hold a JSON object", file.string()));
    try {
      out->by_name_[key] = compiler.compileKind(doc, doc);
    } catch (const SchemaError& e) {
      throw InputError(fmt::format("{}: invalid schema: {}", file.string(), e.what()));
    } catch (const json::exception& e) {
      throw InputError(fmt::format("{}: invalid schema: {}", file.string(), e.what()));
    }
  }
  return out;
}

TypeId SchemaDirectory::find(std::string_view api_version, std::string_view kind) const {
  std::string k = lower(kind);
  size_t slash = api_version.find('/');
  if (slash == std::string_view::npos) {
    auto it = by_name_.find(k + "-" + std::string(api_version));
    return it == by_name_.end() ? kNoType : it->second;
  }
  std::string group(api_version.substr(0, slash)), version(api_version.substr(slash + 1));
  // The whole group first; then its first label, as kubeconform names files.
  for (const std::string& g : {group, group.substr(0, group.find('.'))}) {
    auto it = by_name_.find(k + "-" + lower(g) + "-" + version);
    if (it != by_name_.end()) return it->second;
  }
  return kNoType;
}

}  // namespace taskmaster::schema
