#include "lint/annotations.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/error.h"
#include "manifest/pod_spec.h"

namespace taskmaster::lint {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// "templates/x.yaml:12" for messages, with the chart path in front as the
// text reporter shows it.
std::string where(const manifest::Resource& r, yaml::Node node) {
  manifest::SourceLocation loc = r.locate(node);
  std::string file =
      loc.root.empty()
          ? loc.file
          : (std::filesystem::path(loc.root) / loc.file).lexically_normal().generic_string();
  return loc.line ? fmt::format("{}:{}", file, loc.line) : file;
}

}  // namespace

std::string_view suppressionKindName(Suppression::Kind kind) {
  switch (kind) {
    case Suppression::Kind::Annotation:
      return "annotation";
    case Suppression::Kind::Config:
      return "config";
    case Suppression::Kind::Baseline:
      return "baseline";
  }
  return "annotation";
}

AnnotationSuppressions::AnnotationSuppressions(const manifest::ResourceSet& resources,
                                               const Catalogue& catalogue) {
  for (const manifest::Resource& r : resources.resources) {
    auto pod = manifest::findPodSpec(r);
    std::vector<yaml::Node> places = {r.root.path({"metadata", "annotations"})};
    if (pod && pod->metadata != r.root.get("metadata"))
      places.push_back(pod->metadata.get("annotations"));
    for (yaml::Node annotations : places) {
      for (size_t i = 0; i < annotations.size(); ++i) {
        std::string_view key = annotations.key(i).str();
        yaml::Node value = annotations.value(i);
        if (!key.starts_with("taskmaster.io/lint-")) continue;
        std::string at = where(r, value ? value : annotations.key(i));
        auto fail = [&](std::string_view what) {
          throw InputError(
              fmt::format("{}: {}/{}: annotation {}: {}", at, r.id.kind, r.id.name, key, what));
        };
        std::string container;
        if (key.starts_with(std::string(kIgnoreAnnotation) + ".")) {
          container = std::string(key.substr(kIgnoreAnnotation.size() + 1));
          bool found = false;
          for (const auto& c : pod ? pod->containers : std::vector<manifest::ContainerRef>{})
            found = found || c.name == container;
          if (!found)
            fail(pod ? fmt::format("the pod has no container \"{}\"", container)
                     : std::string("container annotations only apply to objects with a pod"));
        } else if (key != kIgnoreAnnotation) {
          fail(fmt::format("unknown annotation (known: {0}, {0}.<container>)", kIgnoreAnnotation));
        }
        if (!value.isScalar() || trim(value.scalar()).empty())
          fail("expected \"RULE[, RULE...]: REASON\", one entry per line");
        std::string_view text = value.scalar();
        size_t pos = 0;
        while (pos <= text.size()) {
          size_t end = text.find('\n', pos);
          if (end == std::string_view::npos) end = text.size();
          std::string_view entry = trim(text.substr(pos, end - pos));
          pos = end + 1;
          if (entry.empty()) continue;
          size_t colon = entry.find(':');
          if (colon == std::string_view::npos)
            fail(fmt::format("\"{}\" has no reason: write \"RULE: REASON\"", entry));
          std::string_view reason = trim(entry.substr(colon + 1));
          if (reason.empty())
            fail(fmt::format("\"{}\" has an empty reason: write \"RULE: REASON\"", entry));
          std::string_view names = entry.substr(0, colon);
          size_t npos = 0;
          while (npos <= names.size()) {
            size_t comma = names.find(',', npos);
            if (comma == std::string_view::npos) comma = names.size();
            std::string_view rule = trim(names.substr(npos, comma - npos));
            npos = comma + 1;
            if (rule.empty()) fail("an entry names an empty rule");
            try {
              catalogue.requireKnown(rule);
            } catch (const InputError& e) {
              fail(e.what());
            }
            entries_[&r].push_back(
                Entry{std::string(rule), container,
                      Suppression{Suppression::Kind::Annotation, std::string(reason), at}});
          }
        }
      }
    }
  }
}

std::optional<Suppression> AnnotationSuppressions::match(const manifest::Resource& resource,
                                                         const Finding& finding) const {
  auto it = entries_.find(&resource);
  if (it == entries_.end()) return std::nullopt;
  for (const Entry& e : it->second)
    if (e.rule == finding.rule && (e.container.empty() || e.container == finding.container))
      return e.suppression;
  return std::nullopt;
}

}  // namespace taskmaster::lint
