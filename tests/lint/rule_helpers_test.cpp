// The small parsers the checks and controls rely on: quantities, globs,
// Kubernetes versions, dates, image references and label selectors.
#include <catch2/catch.hpp>

#include "lint/date.h"
#include "lint/glob.h"
#include "lint/image_ref.h"
#include "lint/kube_version.h"
#include "lint/label_selector.h"
#include "lint/quantity.h"
#include "yaml/parser.h"

using namespace taskmaster;

TEST_CASE("quantities compare in base units", "[rules][helpers]") {
  CHECK(lint::parseQuantity("500m") == Approx(0.5));
  CHECK(lint::parseQuantity("1") == Approx(1.0));
  CHECK(lint::parseQuantity("1.5") == Approx(1.5));
  CHECK(lint::parseQuantity("512Mi") == Approx(512.0 * 1024 * 1024));
  CHECK(lint::parseQuantity("1G") == Approx(1e9));
  CHECK(lint::parseQuantity("1e3") == Approx(1000.0));
  CHECK(lint::parseQuantity("+2k") == Approx(2000.0));
  CHECK(*lint::parseQuantity("1Gi") > *lint::parseQuantity("1000M"));
  CHECK_FALSE(lint::parseQuantity(""));
  CHECK_FALSE(lint::parseQuantity("Mi"));
  CHECK_FALSE(lint::parseQuantity("12 Mi"));
  CHECK_FALSE(lint::parseQuantity("1e3Mi"));
  CHECK_FALSE(lint::parseQuantity("lots"));
}

TEST_CASE("globs match * and ? and nothing else", "[rules][helpers]") {
  CHECK(lint::globMatch("*-worker", "taskmaster-worker"));
  CHECK(lint::globMatch("*", ""));
  CHECK(lint::globMatch("api-?", "api-1"));
  CHECK(lint::globMatch("a*b*c", "axxbyyc"));
  CHECK_FALSE(lint::globMatch("*-worker", "taskmaster-workers"));
  CHECK_FALSE(lint::globMatch("api-?", "api-12"));
  CHECK_FALSE(lint::globMatch("[ab]", "a"));  // brackets are literal
  CHECK(lint::globMatch("[ab]", "[ab]"));
  // No exponential backtracking on hostile patterns.
  CHECK_FALSE(lint::globMatch("*a*a*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}

TEST_CASE("kube versions read as Helm accepts them", "[rules][helpers]") {
  CHECK(lint::parseKubeVersion("1.29") == lint::KubeVersion{1, 29});
  CHECK(lint::parseKubeVersion("v1.29") == lint::KubeVersion{1, 29});
  CHECK(lint::parseKubeVersion("1.29.3") == lint::KubeVersion{1, 29});
  CHECK(lint::parseKubeVersion("v1.30.2-eks.1") == lint::KubeVersion{1, 30});
  CHECK_FALSE(lint::parseKubeVersion("1"));
  CHECK_FALSE(lint::parseKubeVersion("latest"));
  CHECK_FALSE(lint::parseKubeVersion("1.29x"));
  CHECK((lint::KubeVersion{1, 9} < lint::KubeVersion{1, 16}));
  CHECK(lint::kDefaultKubeVersion.str() == "1.32");
}

TEST_CASE("dates are strict YYYY-MM-DD", "[rules][helpers]") {
  CHECK(lint::parseDate("2024-02-29") == lint::Date{2024, 2, 29});
  CHECK_FALSE(lint::parseDate("2023-02-29"));
  CHECK_FALSE(lint::parseDate("2024-13-01"));
  CHECK_FALSE(lint::parseDate("2024-1-01"));
  CHECK_FALSE(lint::parseDate("tomorrow"));
  CHECK((lint::Date{2024, 12, 31} < lint::Date{2025, 1, 1}));
  CHECK(lint::today() > lint::Date{2024, 1, 1});
}

TEST_CASE("image references split into registry, repository, tag, digest", "[rules][helpers]") {
  auto r = lint::parseImageRef("localhost:5000/team/app:1.2@sha256:abc");
  CHECK(r.registry == "localhost:5000");
  CHECK(r.repository == "team/app");
  CHECK(r.tag == "1.2");
  CHECK(r.digest == "sha256:abc");
  auto hub = lint::parseImageRef("bitnami/postgresql");
  CHECK(hub.registry.empty());
  CHECK(hub.repository == "bitnami/postgresql");
  CHECK(hub.tag.empty());
  auto local = lint::parseImageRef("taskmaster-backend:dev");
  CHECK(local.registry.empty());
  CHECK(local.tag == "dev");
  CHECK(lint::parseImageRef("ghcr.io/acme/app").registry == "ghcr.io");
}

TEST_CASE("label selectors match as the API server does", "[rules][helpers]") {
  auto stream = yaml::parse(R"(
labels: {app: web, tier: front}
selector:
  matchLabels: {app: web}
  matchExpressions:
    - {key: tier, operator: In, values: [front, back]}
    - {key: canary, operator: DoesNotExist}
bad:
  matchExpressions:
    - {key: tier, operator: Near, values: [x]}
)");
  yaml::Node root = stream->documents()[0].root;
  auto selector = lint::LabelSelector::fromSelector(root.get("selector"));
  REQUIRE(selector);
  CHECK(selector->matches(root.get("labels")));
  CHECK_FALSE(lint::LabelSelector::fromMap(root.get("labels")).matches(root.get("selector")));
  CHECK_FALSE(lint::LabelSelector::fromSelector(root.get("bad")));
  CHECK(lint::LabelSelector::fromSelector(yaml::Node())->empty());
}
