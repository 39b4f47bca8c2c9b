// field-assertion: the generic template that makes simple rules pure data.
// It resolves one dotted field on the object, its pod spec, its pod
// template's metadata, or each container in scope, and asserts on it:
//
//   params:
//     on: object | podSpec | podMetadata | container   (default object)
//     field: spec.replicas          # dotted path from there
//     required: true                # absent or empty ({} / "" / null) is reported
//     default: 1                    # the value Kubernetes uses when it is absent
//     equals: false                 # reported unless the value equals this
//     notEquals: true               # reported when the value equals this
//     pattern: '^[a-z]+$'           # (strings) reported unless it matches (RE2)
//     notPattern: ':latest$'        # (strings) reported when it matches
//     min: 2                        # numbers or quantities ("500m", "1Gi")
//     max: 10
//     message: 'has no tag'         # replaces the generated message
//
// At least one assertion is required. An absent field without `default`
// passes every assertion but `required`. Messages show booleans and numbers
// but never the text of a string value, which may be a secret.
#include <fmt/format.h>
#include <re2/re2.h>

#include <cmath>
#include <optional>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/node_lookup.h"
#include "lint/quantity.h"

namespace taskmaster::lint {

namespace {

enum class Target { Object, PodSpec, PodMetadata, Container };

// A param scalar kept as text and type, to compare with field values.
struct Literal {
  std::string text;
  yaml::ScalarType type = yaml::ScalarType::String;
  std::optional<bool> boolean;
  std::optional<double> number;
};

Literal literalOf(const ParamReader& params, std::string_view key) {
  yaml::Node node = params.get(key);
  if (!node.isScalar() || node.isNull())
    params.fail(node, fmt::format("param \"{}\" must be a scalar", key));
  return Literal{std::string(node.scalar()), node.scalarType(), node.asBool(), node.asNumber()};
}

std::optional<double> numberOf(const ParamReader& params, std::string_view key) {
  yaml::Node node = params.get(key);
  if (!node) return std::nullopt;
  auto n = node.isScalar() ? parseQuantity(node.scalar()) : std::nullopt;
  if (!n) params.fail(node, fmt::format("param \"{}\" must be a number or a quantity", key));
  return n;
}

class FieldAssertion : public Check {
 public:
  explicit FieldAssertion(const ParamReader& params) {
    std::string on =
        params.choice("on", {"object", "podSpec", "podMetadata", "container"}, "object");
    target_ = on == "object"        ? Target::Object
              : on == "podSpec"     ? Target::PodSpec
              : on == "podMetadata" ? Target::PodMetadata
                                    : Target::Container;
    field_ = params.requireString("field");
    required_ = params.boolean("required", false);
    if (params.has("default")) default_ = literalOf(params, "default");
    if (params.has("equals")) equals_ = literalOf(params, "equals");
    if (params.has("notEquals")) not_equals_ = literalOf(params, "notEquals");
    if (params.has("pattern")) pattern_ = params.regex(params.get("pattern"));
    if (params.has("notPattern")) not_pattern_ = params.regex(params.get("notPattern"));
    min_ = numberOf(params, "min");
    max_ = numberOf(params, "max");
    message_ = params.optionalString("message", "");
    if (!required_ && !equals_ && !not_equals_ && !pattern_ && !not_pattern_ && !min_ && !max_)
      params.fail(params.get("field"),
                  "field-assertion needs at least one of required, equals, notEquals, pattern, "
                  "notPattern, min, max");
  }

  void run(const CheckInput& input, FindingSink& sink) const override {
    switch (target_) {
      case Target::Object:
        check(input.resource.root, {}, input.resource.root, sink, {});
        break;
      case Target::PodSpec:
        if (input.pod) check(input.pod->spec, "pod spec: ", input.pod->spec, sink, {});
        break;
      case Target::PodMetadata:
        if (input.pod) check(input.pod->metadata, "pod template: ", input.pod->spec, sink, {});
        break;
      case Target::Container:
        for (const manifest::ContainerRef& c : input.containers())
          check(c.node, containerLabel(c) + ": ", c.node, sink, c);
        break;
    }
  }

 private:
  void check(yaml::Node base, std::string_view prefix, yaml::Node fallback_at, FindingSink& sink,
             const std::optional<manifest::ContainerRef>& c) const {
    PathLookup found = lookupDotted(base, field_);
    bool absent = isEmptyValue(found.value);
    yaml::Node at = found.value ? found.value : found.deepest_key ? found.deepest_key : fallback_at;
    std::string_view container = c ? c->name : std::string_view();
    auto report = [&](std::string generated) {
      std::string text = message_.empty() ? std::move(generated) : message_;
      sink.report(at, fmt::format("{}{}", prefix, text), container);
    };
    if (absent) {
      if (required_) {
        report(found.value ? fmt::format("sets {} to an empty value", field_)
                           : fmt::format("has no {}", field_));
        return;
      }
      if (!default_) return;
    }
    // The value as Kubernetes sees it: the field's, or the default.
    Literal value = absent ? *default_
                           : Literal{std::string(found.value.scalar()), found.value.scalarType(),
                                     found.value.asBool(), found.value.asNumber()};
    bool is_scalar = absent || found.value.isScalar();
    std::string shown = describe(value, absent);
    if (equals_ && !(is_scalar && same(value, *equals_)))
      return report(fmt::format("{} is {}, expected {}", field_, shown, equals_->text));
    if (not_equals_ && is_scalar && same(value, *not_equals_))
      return report(fmt::format("{} is {}", field_, shown));
    if (is_scalar && value.type == yaml::ScalarType::String) {
      re2::StringPiece text(value.text);
      if (pattern_ && !re2::RE2::PartialMatch(text, *pattern_))
        return report(fmt::format("{} does not match {}", field_, pattern_->pattern()));
      if (not_pattern_ && re2::RE2::PartialMatch(text, *not_pattern_))
        return report(fmt::format("{} matches {}", field_, not_pattern_->pattern()));
    }
    if ((min_ || max_) && is_scalar) {
      // value_or: GCC's -Wmaybe-uninitialized misfires on optional<double>.
      double n = parseQuantity(value.text).value_or(std::nan(""));
      if (min_ && n < *min_)
        return report(fmt::format("{} is {}, below the minimum {}", field_, shown, number(*min_)));
      if (max_ && n > *max_)
        return report(fmt::format("{} is {}, above the maximum {}", field_, shown, number(*max_)));
    }
  }

  static bool same(const Literal& value, const Literal& expected) {
    if (expected.type == yaml::ScalarType::Bool) return value.boolean == expected.boolean;
    if (expected.type == yaml::ScalarType::Int || expected.type == yaml::ScalarType::Float)
      return value.number && expected.number && *value.number == *expected.number;
    return value.text == expected.text;
  }

  // Booleans, numbers and defaults (which come from the rule) are shown;
  // string values of the manifest never (they may be secrets).
  static std::string describe(const Literal& value, bool defaulted) {
    if (defaulted) return fmt::format("unset (defaults to {})", value.text);
    return value.type == yaml::ScalarType::String ? "a string value" : value.text;
  }

  static std::string number(double n) {
    return std::floor(n) == n ? fmt::format("{}", static_cast<long long>(n)) : fmt::format("{}", n);
  }

  Target target_ = Target::Object;
  std::string field_;
  bool required_ = false;
  std::optional<Literal> default_, equals_, not_equals_;
  std::shared_ptr<const re2::RE2> pattern_, not_pattern_;
  std::optional<double> min_, max_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> makeFieldAssertion(const ParamReader& params) {
  params.allowOnly({"on", "field", "required", "default", "equals", "notEquals", "pattern",
                    "notPattern", "min", "max", "message"});
  return std::make_unique<FieldAssertion>(params);
}

}  // namespace taskmaster::lint
