#include "lint/params.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <re2/re2.h>

#include <algorithm>

#include "common/error.h"

namespace taskmaster::lint {

void failAt(std::string_view file, yaml::Node at, std::string_view what) {
  if (at && at.line() > 0) throw InputError(fmt::format("{}:{}: {}", file, at.line(), what));
  throw InputError(fmt::format("{}: {}", file, what));
}

ParamReader::ParamReader(yaml::Node params, std::string file, yaml::Node anchor)
    : params_(params), file_(std::move(file)), anchor_(anchor) {}

void ParamReader::fail(yaml::Node at, std::string_view what) const {
  failAt(file_, at ? at : params_ ? params_ : anchor_, what);
}

void ParamReader::allowOnly(std::initializer_list<std::string_view> known) const {
  for (size_t i = 0; i < params_.size(); ++i) {
    yaml::Node key = params_.key(i);
    if (std::find(known.begin(), known.end(), key.str()) == known.end())
      fail(key, fmt::format("unknown param \"{}\" (known: {})", key.str(), fmt::join(known, ", ")));
  }
}

std::string ParamReader::requireString(std::string_view key) const {
  yaml::Node value = params_.get(key);
  if (!value) fail(params_, fmt::format("missing param \"{}\"", key));
  if (!value.isScalar() || value.scalarType() != yaml::ScalarType::String || value.str().empty())
    fail(value, fmt::format("param \"{}\" must be a non-empty string", key));
  return std::string(value.str());
}

std::vector<std::string> ParamReader::stringList(std::string_view key, bool required) const {
  yaml::Node list = params_.get(key);
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
  yaml::Node list = params_.get(key);
  for (size_t i = 0; i < list.size(); ++i) out.push_back(regex(list.item(i)));
  return out;
}

}  // namespace taskmaster::lint
