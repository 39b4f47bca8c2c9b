#include "lint/params.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <re2/re2.h>

#include <algorithm>

#include "common/error.h"
#include "lint/tables.h"

namespace taskmaster::lint {

void failAt(std::string_view file, yaml::Node at, std::string_view what) {
  if (at && at.line() > 0) throw InputError(fmt::format("{}:{}: {}", file, at.line(), what));
  throw InputError(fmt::format("{}: {}", file, what));
}

ParamReader::ParamReader(yaml::Node params, std::string file, yaml::Node anchor)
    : params_(params), file_(std::move(file)), anchor_(anchor) {}

void ParamReader::overrideWith(yaml::Node overrides, std::string file) {
  overrides_ = overrides;
  overrides_file_ = std::move(file);
}

const std::string& ParamReader::fileOf(yaml::Node node) const {
  if (node && overrides_ && node.stream() == overrides_.stream()) return overrides_file_;
  return file_;
}

void ParamReader::fail(yaml::Node at, std::string_view what) const {
  yaml::Node where = at ? at : params_ ? params_ : anchor_;
  failAt(fileOf(where), where, what);
}

yaml::Node ParamReader::get(std::string_view key) const {
  if (yaml::Node over = overrides_.get(key)) return over;
  return params_.get(key);
}

void ParamReader::allowOnly(std::initializer_list<std::string_view> known) const {
  for (yaml::Node map : {params_, overrides_}) {
    for (size_t i = 0; i < map.size(); ++i) {
      yaml::Node key = map.key(i);
      if (std::find(known.begin(), known.end(), key.str()) == known.end())
        fail(key,
             fmt::format("unknown param \"{}\" (known: {})", key.str(), fmt::join(known, ", ")));
    }
  }
}

std::string ParamReader::requireString(std::string_view key) const {
  yaml::Node value = get(key);
  if (!value) fail(params_, fmt::format("missing param \"{}\"", key));
  if (!value.isScalar() || value.scalarType() != yaml::ScalarType::String || value.str().empty())
    fail(value, fmt::format("param \"{}\" must be a non-empty string", key));
  return std::string(value.str());
}

std::string ParamReader::optionalString(std::string_view key, std::string fallback) const {
  if (!get(key)) return fallback;
  return requireString(key);
}

bool ParamReader::boolean(std::string_view key, bool fallback) const {
  yaml::Node value = get(key);
  if (!value) return fallback;
  auto b = value.asBool();
  if (!b) fail(value, fmt::format("param \"{}\" must be true or false", key));
  return *b;
}

int64_t ParamReader::integer(std::string_view key, int64_t fallback, int64_t min,
                             int64_t max) const {
  yaml::Node value = get(key);
  if (!value) return fallback;
  auto n = value.asInt();
  if (!n || *n < min || *n > max)
    fail(value, fmt::format("param \"{}\" must be an integer from {} to {}", key, min, max));
  return *n;
}

std::string ParamReader::choice(std::string_view key,
                                std::initializer_list<std::string_view> choices,
                                std::string_view fallback) const {
  if (!get(key)) return std::string(fallback);
  std::string value = requireString(key);
  if (std::find(choices.begin(), choices.end(), value) == choices.end())
    fail(get(key), fmt::format("param \"{}\" must be one of {}, got \"{}\"", key,
                               fmt::join(choices, ", "), value));
  return value;
}

const Table& ParamReader::table(std::string_view key) const {
  std::string name = requireString(key);
  const Table* t = tables_ ? tables_->find(name) : nullptr;
  if (!t) {
    std::vector<std::string_view> known;
    if (tables_) known = tables_->names();
    fail(get(key), fmt::format("param \"{}\" names unknown table \"{}\" (known: {})", key, name,
                               known.empty() ? "none" : fmt::format("{}", fmt::join(known, ", "))));
  }
  return *t;
}

std::vector<std::string> ParamReader::stringList(std::string_view key, bool required) const {
  yaml::Node list = get(key);
  std::vector<std::string> out;
  if (!list) {
    if (required) fail(params_, fmt::format("missing param \"{}\"", key));
    return out;
  }
  if (!list.isSeq()) fail(list, fmt::format("param \"{}\" must be a list of strings", key));
  for (size_t i = 0; i < list.size(); ++i) {
    yaml::Node item = list.item(i);
    if (!item.isScalar() || item.scalarType() != yaml::ScalarType::String || item.str().empty())
      fail(item, fmt::format("param \"{}\" must be a list of non-empty strings", key));
    out.emplace_back(item.str());
  }
  if (required && out.empty()) fail(list, fmt::format("param \"{}\" must not be empty", key));
  return out;
}

std::shared_ptr<const re2::RE2> ParamReader::regex(yaml::Node pattern_node) const {
  if (!pattern_node.isScalar() || pattern_node.scalarType() != yaml::ScalarType::String ||
      pattern_node.str().empty())
    fail(pattern_node, "a pattern must be a non-empty string");
  re2::RE2::Options options;
  options.set_log_errors(false);  // the error goes into our message instead of stderr
  auto re = std::make_shared<const re2::RE2>(pattern_node.str(), options);
  if (!re->ok())
    fail(pattern_node,
         fmt::format("invalid RE2 pattern \"{}\": {}", pattern_node.str(), re->error()));
  return re;
}

std::vector<std::shared_ptr<const re2::RE2>> ParamReader::regexList(std::string_view key,
                                                                    bool required) const {
  stringList(key, required);  // validates shape and presence
  std::vector<std::shared_ptr<const re2::RE2>> out;
  yaml::Node list = get(key);
  for (size_t i = 0; i < list.size(); ++i) out.push_back(regex(list.item(i)));
  return out;
}

}  // namespace taskmaster::lint
