// image-pull-policy: containers whose effective imagePullPolicy cannot work
// where the release runs. Kubernetes implies Always for an image without a
// tag or with `:latest` (and no digest), IfNotPresent otherwise.
//
//   params:
//     policy: Always | Never | IfNotPresent   # the effective policy to report
//     images: all | unqualified               # unqualified: no registry host and no
//                                             # namespace, as a locally built image
//                                             # ("taskmaster-backend:0.1.0")
//     ignoreImagePatterns: [RE2, ...]         # images that are fine anyway
//     reason: text                            # why the policy fails, for the message
#include <fmt/format.h>
#include <re2/re2.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/checks/check_util.h"
#include "lint/image_ref.h"
#include "lint/node_lookup.h"

namespace taskmaster::lint {

namespace {

class ImagePullPolicy : public Check {
 public:
  ImagePullPolicy(std::string policy, bool unqualified_only,
                  std::vector<std::shared_ptr<const re2::RE2>> ignore, std::string reason)
      : policy_(std::move(policy)),
        unqualified_only_(unqualified_only),
        ignore_(std::move(ignore)),
        reason_(std::move(reason)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node image = c.node.get("image");
      if (!image.isScalar() || image.scalar().empty()) continue;
      ImageRef ref = parseImageRef(image.scalar());
      if (unqualified_only_ &&
          (!ref.registry.empty() || ref.repository.find('/') != std::string_view::npos))
        continue;
      if (ignored(image.scalar())) continue;
      yaml::Node policy = c.node.get("imagePullPolicy");
      bool implied = policy.isNull() || policy.scalar().empty();
      std::string_view effective =
          !implied                                                           ? policy.scalar()
          : (ref.digest.empty() && (ref.tag.empty() || ref.tag == "latest")) ? "Always"
                                                                             : "IfNotPresent";
      if (effective != policy_) continue;
      std::string how = implied
                            ? fmt::format("imagePullPolicy {} (implied by {})", effective,
                                          ref.tag.empty() ? "the missing tag" : "the :latest tag")
                            : fmt::format("imagePullPolicy {}", effective);
      sink.report(implied ? image : policy,
                  fmt::format("{}: image \"{}\" with {}: {}", containerLabel(c), image.scalar(),
                              how, reason_),
                  c.name);
    }
  }

 private:
  bool ignored(std::string_view image) const {
    for (const auto& re : ignore_)
      if (re2::RE2::PartialMatch(re2::StringPiece(image.data(), image.size()), *re)) return true;
    return false;
  }

  std::string policy_;
  bool unqualified_only_;
  std::vector<std::shared_ptr<const re2::RE2>> ignore_;
  std::string reason_;
};

}  // namespace

std::unique_ptr<Check> makeImagePullPolicy(const ParamReader& params) {
  params.allowOnly({"policy", "images", "ignoreImagePatterns", "reason"});
  return std::make_unique<ImagePullPolicy>(
      params.choice("policy", {"Always", "Never", "IfNotPresent"}, "Always"),
      params.choice("images", {"all", "unqualified"}, "all") == "unqualified",
      params.regexList("ignoreImagePatterns", false), params.requireString("reason"));
}

}  // namespace taskmaster::lint
