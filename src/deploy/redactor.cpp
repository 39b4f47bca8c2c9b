#include "deploy/redactor.h"

#include <algorithm>

namespace taskmaster::deploy {

namespace {

void collectTree(yaml::Node node, std::string_view name, const SecretMasker& masker,
                 Redactor& out) {
  if (node.isScalar()) {
    if (masker.isSecret(name, node.scalar())) out.add(std::string(node.scalar()));
    return;
  }
  if (node.isSeq()) {
    for (size_t i = 0; i < node.size(); ++i) collectTree(node.item(i), name, masker, out);
    return;
  }
  if (!node.isMap()) return;
  // An env entry {name: X, value: V} names its value X.
  std::string_view item_name = node.get("name").str();
  for (size_t i = 0; i < node.size(); ++i) {
    std::string_view key = node.key(i).str();
    collectTree(node.value(i), key == "value" && !item_name.empty() ? item_name : key, masker, out);
  }
}

// Splits "a=1,b=2" at the commas Helm splits at (not the escaped "\,").
std::vector<std::string> splitSetPairs(const std::string& text) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      out.back() += text.substr(i, 2);
      ++i;
    } else if (text[i] == ',') {
      out.emplace_back();
    } else {
      out.back() += text[i];
    }
  }
  return out;
}

std::string maskSetPairs(const std::string& text, const SecretMasker& masker,
                         const Redactor& redactor) {
  std::string out;
  for (const std::string& pair : splitSetPairs(text)) {
    if (!out.empty()) out += ',';
    size_t eq = pair.find('=');
    if (eq == std::string::npos) {
      out += pair;
      continue;
    }
    std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
    size_t dot = key.find_last_of('.');
    std::string leaf = dot == std::string::npos ? key : key.substr(dot + 1);
    bool secret = masker.isSecret(leaf, value) || redactor.redact(value) != value;
    out += key + "=" + (secret ? "(hidden)" : value);
  }
  return out;
}

}  // namespace

std::optional<std::string> decodeBase64(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned bits = 0;
  int count = 0;
  size_t padding = 0;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == ' ') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    int v = value(c);
    if (v < 0 || padding) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(v);
    if (++count == 4) {
      out += static_cast<char>((bits >> 16) & 0xFF);
      out += static_cast<char>((bits >> 8) & 0xFF);
      out += static_cast<char>(bits & 0xFF);
      bits = 0, count = 0;
    }
  }
  if (count == 1 || padding > 2) return std::nullopt;
  if (count == 2) out += static_cast<char>((bits >> 4) & 0xFF);
  if (count == 3) {
    out += static_cast<char>((bits >> 10) & 0xFF);
    out += static_cast<char>((bits >> 2) & 0xFF);
  }
  return out;
}

void Redactor::add(std::string value) {
  while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
  if (value.size() < kMinimumLength) return;
  auto at =
      std::lower_bound(values_.begin(), values_.end(), value, [](const auto& a, const auto& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
      });
  if (at == values_.end() || *at != value) values_.insert(at, std::move(value));
}

void Redactor::collect(const manifest::ResourceSet& resources, const SecretMasker& masker) {
  for (const auto& r : resources.resources) {
    if (r.id.kind == "Secret") {
      for (const char* section : {"data", "stringData"}) {
        yaml::Node map = r.root.get(section);
        for (size_t i = 0; i < map.size(); ++i) {
          std::string_view text = map.value(i).str();
          add(std::string(text));
          if (std::string_view(section) == "data")
            if (auto decoded = decodeBase64(text)) add(*decoded);
        }
      }
      continue;
    }
    collectTree(r.root, "", masker, *this);
  }
}

std::string Redactor::redact(std::string text) const {
  for (const std::string& value : values_) {
    for (size_t at = text.find(value); at != std::string::npos;
         at = text.find(value, at + sizeof("(hidden)") - 1))
      text.replace(at, value.size(), "(hidden)");
  }
  return text;
}

std::vector<std::string> maskCommand(const std::vector<std::string>& argv,
                                     const SecretMasker& masker, const Redactor& redactor) {
  std::vector<std::string> out;
  bool set_value = false;
  for (const std::string& word : argv) {
    if (set_value)
      out.push_back(maskSetPairs(word, masker, redactor));
    else
      out.push_back(redactor.redact(word));
    set_value = word == "--set" || word == "--set-string";
  }
  return out;
}

}  // namespace taskmaster::deploy
