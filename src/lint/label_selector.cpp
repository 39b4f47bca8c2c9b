#include "lint/label_selector.h"

#include <algorithm>

namespace taskmaster::lint {

LabelSelector LabelSelector::fromMap(yaml::Node map) {
  LabelSelector s;
  for (size_t i = 0; i < map.size(); ++i)
    s.equals_.emplace_back(std::string(map.key(i).str()), std::string(map.value(i).scalar()));
  return s;
}

std::optional<LabelSelector> LabelSelector::fromSelector(yaml::Node selector) {
  LabelSelector s = fromMap(selector.get("matchLabels"));
  yaml::Node exprs = selector.get("matchExpressions");
  for (size_t i = 0; i < exprs.size(); ++i) {
    yaml::Node e = exprs.item(i);
    Expression x;
    x.key = std::string(e.get("key").str());
    std::string_view op = e.get("operator").str();
    if (op == "In") {
      x.op = Expression::Op::In;
    } else if (op == "NotIn") {
      x.op = Expression::Op::NotIn;
    } else if (op == "Exists") {
      x.op = Expression::Op::Exists;
    } else if (op == "DoesNotExist") {
      x.op = Expression::Op::DoesNotExist;
    } else {
      return std::nullopt;
    }
    yaml::Node values = e.get("values");
    for (size_t j = 0; j < values.size(); ++j) x.values.emplace_back(values.item(j).scalar());
    bool needs_values = x.op == Expression::Op::In || x.op == Expression::Op::NotIn;
    if (x.key.empty() || needs_values != !x.values.empty()) return std::nullopt;
    s.expressions_.push_back(std::move(x));
  }
  return s;
}

bool LabelSelector::matches(yaml::Node labels) const {
  for (const auto& [key, value] : equals_) {
    yaml::Node v = labels.get(key);
    if (!v.isScalar() || v.scalar() != value) return false;
  }
  for (const Expression& x : expressions_) {
    yaml::Node v = labels.get(x.key);
    bool present = v.isScalar();
    bool listed =
        present && std::find(x.values.begin(), x.values.end(), v.scalar()) != x.values.end();
    switch (x.op) {
      case Expression::Op::In:
        if (!listed) return false;
        break;
      case Expression::Op::NotIn:
        if (listed) return false;
        break;
      case Expression::Op::Exists:
        if (!present) return false;
        break;
      case Expression::Op::DoesNotExist:
        if (present) return false;
        break;
    }
  }
  return true;
}

std::optional<std::pair<std::string, std::string>> LabelSelector::anyEquality() const {
  if (equals_.empty()) return std::nullopt;
  return equals_.front();
}

}  // namespace taskmaster::lint
