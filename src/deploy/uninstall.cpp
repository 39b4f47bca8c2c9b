// `helm taskmaster uninstall`: helm uninstall, keeping the release's data
// (PersistentVolumeClaims) unless --purge-data and its namespace unless
// --delete-namespace; both ask first on a terminal.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/lint_inputs.h"
#include "common/error.h"
#include "deploy/commands.h"
#include "deploy/exit_codes.h"
#include "deploy/kubectl_commands.h"
#include "deploy/object_key.h"
#include "deploy/release_step.h"
#include "deploy/target_step.h"
#include "deploy/uninstall_plan.h"
#include "sys/interrupt.h"

namespace taskmaster::deploy {

namespace {

using namespace std::chrono_literals;
constexpr auto kReadTimeout = 60s;

struct UninstallPlan {
  std::vector<std::string> objects;  // "Deployment/x"
  DataPlan data;
  std::vector<std::string> claims_to_delete;  // by us, after helm uninstall
  std::vector<std::string> other_releases;    // in the namespace
  std::string refusal;                        // why we will not go on; empty: fine
};

std::vector<std::string> otherReleases(const Session& s) {
  sys::ProcessResult r = s.run(s.helm().listReleases(), kReadTimeout);
  std::vector<std::string> out;
  nlohmann::json list = nlohmann::json::parse(r.ok() ? r.out : "", nullptr, false);
  if (!list.is_array()) return {"(could not list the namespace's releases)"};
  for (const auto& item : list) {
    std::string name = item.is_object() ? item.value("name", std::string()) : std::string();
    if (!name.empty() && name != s.release()) out.push_back(name);
  }
  return out;
}

std::optional<UninstallPlan> makePlan(Session& s) {
  const DeployRequest& r = s.request();
  sys::ProcessResult got = s.run(s.helm().getManifest(), kReadTimeout);
  if (!got.ok()) {
    s.log().finish(StepStatus::Failed, "cannot read the release manifest: " +
                                           s.redactor().redact(render::helmErrorLine(got.err)));
    return std::nullopt;
  }
  cli::LoadedUnit manifest;
  try {
    manifest = cli::loadManifestText(std::move(got.out), "helm get manifest " + s.release());
  } catch (const InputError& e) {
    s.log().finish(StepStatus::Failed, s.redactor().redact(e.what()));
    return std::nullopt;
  }
  s.redactor().collect(manifest.resources, s.masker());
  UninstallPlan plan;
  for (const auto& res : manifest.resources.resources)
    if (!isHelmHook(res))
      plan.objects.push_back(displayName(keyOf(res, s.namespace_()), s.namespace_()));

  auto claims = s.kubectl().getJson(kubectl_args::claims(s.namespace_()), kReadTimeout);
  plan.data = planData(manifest.resources, claims.value ? *claims.value : nlohmann::json());
  if (r.purge_data) plan.claims_to_delete = plan.data.survivingClaims();
  if (r.delete_namespace) plan.other_releases = otherReleases(s);

  const std::string ns = s.namespace_();
  if (!claims.value && (r.purge_data || r.delete_namespace))
    plan.refusal = "cannot list the namespace's PersistentVolumeClaims: " + claims.error;
  else if (!r.purge_data && !plan.data.deleted_by_helm.empty())
    plan.refusal = fmt::format(
        "helm uninstall would delete PersistentVolumeClaim {} (the chart does not mark it "
        "helm.sh/resource-policy: keep); pass --purge-data to delete the data with it",
        fmt::join(plan.data.deleted_by_helm, ", "));
  else if (r.delete_namespace && isProtectedNamespace(ns))
    plan.refusal = "namespace " + ns + " is never deleted";
  else if (r.delete_namespace && !plan.other_releases.empty())
    plan.refusal = fmt::format("namespace {} also holds release {}; it is not deleted", ns,
                               fmt::join(plan.other_releases, ", "));
  else if (r.delete_namespace && !plan.data.other_claims.empty())
    plan.refusal = fmt::format(
        "namespace {} holds PersistentVolumeClaims that are not this release's ({}); deleting it "
        "would delete them",
        ns, fmt::join(plan.data.other_claims, ", "));
  else if (r.delete_namespace && !r.purge_data && !plan.data.survivingClaims().empty())
    plan.refusal = fmt::format(
        "deleting namespace {} deletes the release's data ({}); add --purge-data to agree", ns,
        fmt::join(plan.data.survivingClaims(), ", "));
  return plan;
}

void showPlan(Session& s, const UninstallPlan& plan) {
  const DeployRequest& r = s.request();
  std::vector<std::string> lines;
  for (const auto& o : plan.objects) lines.push_back("remove  " + o);
  for (const auto& c : plan.data.deleted_by_helm)
    lines.push_back("delete  PersistentVolumeClaim/" + c + " (data; Helm deletes it)");
  for (const auto& c : plan.data.survivingClaims())
    lines.push_back(
        (r.purge_data ? "delete  PersistentVolumeClaim/" : "keep    PersistentVolumeClaim/") + c +
        (r.purge_data ? " (data; --purge-data)" : " (data)"));
  lines.push_back((r.delete_namespace ? "delete  namespace " : "keep    namespace ") +
                  s.namespace_());
  s.log().details(lines);

  nlohmann::ordered_json json;
  json["removed"] = plan.objects;
  nlohmann::ordered_json kept = r.purge_data ? nlohmann::ordered_json::array()
                                             : nlohmann::ordered_json(plan.data.survivingClaims());
  nlohmann::ordered_json deleted = plan.data.deleted_by_helm;
  for (const auto& c : plan.claims_to_delete) deleted.push_back(c);
  json["claims"] = {{"kept", kept}, {"deleted", deleted}};
  json["namespace"] = {{"name", s.namespace_()}, {"delete", r.delete_namespace}};
  s.planJson()["changes"] = json;
}

}  // namespace

int runUninstall(const DeployRequest& request) {
  Session s("uninstall", request);
  announceTarget(s, false);
  auto before = lookUpRelease(s);
  if (!before) return s.finish(kExitGateFailed, "stopped; nothing was changed");
  if (!before->exists) {
    s.log().details({"releases in the namespace: " + s.shown(s.helm().listReleases())});
    return s.finish(kExitGateFailed, "release " + s.release() + " not found; nothing was changed");
  }

  s.log().start("plan");
  std::optional<UninstallPlan> plan = makePlan(s);
  if (!plan) return s.finish(kExitGateFailed, "stopped; nothing was changed");
  std::string detail = fmt::format("{} objects go; data: {}; namespace {}: {}",
                                   plan->objects.size(), request.purge_data ? "deleted" : "kept",
                                   s.namespace_(), request.delete_namespace ? "deleted" : "kept");
  if (!plan->refusal.empty()) {
    s.log().finish(StepStatus::Failed, plan->refusal);
    showPlan(s, *plan);
    return s.finish(kExitGateFailed, "stopped; nothing was changed");
  }
  s.log().finish(StepStatus::Ok, detail);
  showPlan(s, *plan);

  if (request.purge_data || request.delete_namespace) {
    std::vector<std::string> what;
    if (!plan->claims_to_delete.empty())
      what.push_back(fmt::format("its data ({})", fmt::join(plan->claims_to_delete, ", ")));
    if (request.delete_namespace) what.push_back("namespace " + s.namespace_());
    std::string question =
        what.empty() ? fmt::format("Uninstall release {}?", s.release())
                     : fmt::format("Uninstall release {} and delete {}? This cannot be undone.",
                                   s.release(), fmt::join(what, " and "));
    if (int code = confirmOrStop(s, question); code != kExitOk)
      return s.finish(code, "stopped before Helm; nothing was changed");
  }

  Argv uninstall = s.helm().uninstall(request.timeout);
  Argv claims =
      s.kubectl().argv(kubectl_args::deleteClaims(s.namespace_(), plan->claims_to_delete));
  Argv ns = s.kubectl().argv(kubectl_args::deleteNamespace(s.namespace_()));
  s.plan(uninstall);
  if (!plan->claims_to_delete.empty()) s.plan(claims);
  if (request.delete_namespace) s.plan(ns);
  std::vector<std::string> kept =
      request.purge_data ? std::vector<std::string>{} : plan->data.survivingClaims();
  std::string kept_detail =
      kept.empty()
          ? "no PersistentVolumeClaims to keep"
          : fmt::format(
                "kept {} (delete later with: {})", fmt::join(kept, ", "),
                s.shown(s.kubectl().argv(kubectl_args::deleteClaims(s.namespace_(), kept))));
  if (request.dry_run) {
    s.log().record("helm", StepStatus::Planned, "would run: " + s.shown(uninstall));
    s.log().record("data",
                   plan->claims_to_delete.empty() ? StepStatus::Skipped : StepStatus::Planned,
                   plan->claims_to_delete.empty() ? kept_detail : "would run: " + s.shown(claims));
    s.log().record("namespace",
                   request.delete_namespace ? StepStatus::Planned : StepStatus::Skipped,
                   request.delete_namespace ? "would run: " + s.shown(ns)
                                            : "kept namespace " + s.namespace_());
    return s.finish(kExitOk, "dry run: nothing was changed (the commands are listed above)");
  }

  s.log().start("helm");
  // Ctrl-C must not cut helm uninstall short (the release would be left
  // half-removed); it is counted, said, and Helm finishes.
  sys::InterruptGuard guard;
  sys::ProcessResult r = sys::runProcess(uninstall, s.processOptions(2 * request.timeout + 60s));
  if (guard.interrupted())
    s.log().line("Ctrl-C: let helm uninstall finish, so the release is not left half-removed");
  if (!r.ok()) {
    s.log().finish(StepStatus::Failed,
                   "helm uninstall failed: " + s.redactor().redact(render::helmErrorLine(r.err)));
    s.log().details({"look: " + s.shown(s.helm().historyForPeople())});
    return s.finish(kExitDeployFailed, "failed; see above");
  }
  s.log().finish(StepStatus::Ok, fmt::format("release {} uninstalled", s.release()));

  if (plan->claims_to_delete.empty()) {
    s.log().record("data", StepStatus::Ok, kept_detail);
  } else {
    s.log().start("data");
    sys::ProcessResult d = s.run(claims, kReadTimeout);
    if (!d.ok()) {
      s.log().finish(StepStatus::Failed,
                     "could not delete " +
                         fmt::format("{}", fmt::join(plan->claims_to_delete, ", ")) + ": " +
                         kube::kubectlErrorLine(d));
      return s.finish(kExitDeployFailed, "the release is gone, its data is not; see above");
    }
    s.log().finish(StepStatus::Ok,
                   fmt::format("deleting {}", fmt::join(plan->claims_to_delete, ", ")));
  }
  if (!request.delete_namespace) {
    s.log().record("namespace", StepStatus::Ok, "kept namespace " + s.namespace_());
  } else {
    s.log().start("namespace");
    sys::ProcessResult d = s.run(ns, kReadTimeout);
    if (!d.ok()) {
      s.log().finish(StepStatus::Failed, "could not delete namespace " + s.namespace_() + ": " +
                                             kube::kubectlErrorLine(d));
      return s.finish(kExitDeployFailed, "the release is gone, its namespace is not; see above");
    }
    s.log().finish(StepStatus::Ok, "deleting namespace " + s.namespace_());
  }
  return s.finish(kExitOk, fmt::format("release {} uninstalled from namespace {}", s.release(),
                                       s.namespace_()));
}

}  // namespace taskmaster::deploy
