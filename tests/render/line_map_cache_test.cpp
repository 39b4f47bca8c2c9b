// The instrumented-render cache: keys change with every input that can change
// the render, entries round-trip, corrupt entries are misses, the directory
// stays bounded, and a real render reuses a cached line map.
#include "render/line_map_cache.h"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "render/chart_renderer.h"
#include "support/test_files.h"
#include "support/test_paths.h"
#include "sys/temp_dir.h"

namespace fs = std::filesystem;
using namespace taskmaster;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("cache keys follow every input of the instrumented render", "[render][cache]") {
  sys::TempDir tmp;
  fs::path chart = tmp.path() / "chart";
  write(chart / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n");
  write(chart / "templates/cm.yaml", "kind: ConfigMap\n");
  write(tmp.path() / "values.yaml", "a: 1\n");
  write(tmp.path() / "helm", "#!/bin/sh\n");
  render::HelmClient helm(tmp.path() / "helm");
  render::RenderOptions o;
  o.values_files = {(tmp.path() / "values.yaml").string()};

  auto base = render::instrumentedRenderKey(helm, chart, o);
  REQUIRE(base);
  CHECK(render::instrumentedRenderKey(helm, chart, o) == base);

  SECTION("a template byte") {
    write(chart / "templates/cm.yaml", "kind: ConfigMap \n");
    CHECK(render::instrumentedRenderKey(helm, chart, o) != base);
  }
  SECTION("a new file") {
    write(chart / "files/extra.txt", "x");
    CHECK(render::instrumentedRenderKey(helm, chart, o) != base);
  }
  SECTION("the values file's content") {
    write(tmp.path() / "values.yaml", "a: 2\n");
    CHECK(render::instrumentedRenderKey(helm, chart, o) != base);
  }
  SECTION("options") {
    auto changed = [&](auto edit) {
      render::RenderOptions copy = o;
      edit(copy);
      return render::instrumentedRenderKey(helm, chart, copy) != base;
    };
    CHECK(changed([](auto& c) { c.set = {"a=2"}; }));
    CHECK(changed([](auto& c) { c.set_string = {"a=2"}; }));
    CHECK(changed([](auto& c) { c.namespace_ = "other"; }));
    CHECK(changed([](auto& c) { c.release_name = "other"; }));
    CHECK(changed([](auto& c) { c.kube_version = "1.30.0"; }));
    CHECK(changed([](auto& c) { c.api_versions = {"x/v1"}; }));
    // --set a=1,b=2 and --set a=1 --set b=2 are different argv, different keys.
    render::RenderOptions one = o, two = o;
    one.set = {"a=1,b=2"};
    two.set = {"a=1", "b=2"};
    CHECK(render::instrumentedRenderKey(helm, chart, one) !=
          render::instrumentedRenderKey(helm, chart, two));
  }
  SECTION("the Helm binary") {
    write(tmp.path() / "helm", "#!/bin/sh\n# another build\n");
    CHECK(render::instrumentedRenderKey(helm, chart, o) != base);
  }
  SECTION("inputs that cannot be hashed are not cached") {
    render::RenderOptions stdin_values = o;
    stdin_values.values_files = {"-"};
    CHECK_FALSE(render::instrumentedRenderKey(helm, chart, stdin_values));
    render::RenderOptions missing = o;
    missing.set_file = {"k=" + (tmp.path() / "absent").string()};
    CHECK_FALSE(render::instrumentedRenderKey(helm, chart, missing));
  }
}

TEST_CASE("cache entries round-trip; corrupt ones are misses; the directory is bounded",
          "[render][cache]") {
  sys::TempDir tmp;
  render::LineMapCache cache(tmp.path() / "cache");
  render::InstrumentedRender r{"---\n# Source: c/templates/a.yaml\nkind: X #tm:0:1\n",
                               {"templates/a.yaml", "charts/sub/templates/b.yaml"}};
  CHECK_FALSE(cache.load(1));
  cache.store(1, r);
  auto back = cache.load(1);
  REQUIRE(back);
  CHECK(back->output == r.output);
  CHECK(back->files == r.files);

  for (const auto& e : fs::directory_iterator(tmp.path() / "cache")) {
    std::string text = test::readFile(e.path());
    write(e.path(), text.substr(0, 5));  // truncated: a crash while writing
  }
  CHECK_FALSE(cache.load(1));

  for (uint64_t k = 100; k < 100 + render::LineMapCache::kMaxEntries + 10; ++k) cache.store(k, r);
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(tmp.path() / "cache"))
    entries += e.path().extension() == ".linemap";
  CHECK(entries == render::LineMapCache::kMaxEntries);
}

TEST_CASE("a second render of an unchanged chart takes its line map from the cache",
          "[render][cache][helm]") {
  auto helm = test::helmBinary(4);
  if (!helm) {
    WARN("skipped: Helm 4 not provisioned");
    return;
  }
  sys::TempDir tmp;
  render::RenderOptions o;
  o.namespace_ = "demo";
  o.line_map_cache = tmp.path() / "cache";
  fs::path chart = test::testdata("charts/missing-liveness");
  render::HelmClient client(*helm);

  auto first = render::renderChart(client, chart, o);
  size_t lines = static_cast<size_t>(std::count(first.output.begin(), first.output.end(), '\n'));
  std::vector<manifest::SourceLocation> cold;
  for (uint32_t i = 1; i <= lines; ++i) cold.push_back(first.line_map->locate(i));
  first = {};  // the cache is written once the instrumented render is done

  auto second = render::renderChart(client, chart, o);
  for (uint32_t i = 1; i <= lines; ++i) CHECK(second.line_map->locate(i) == cold[i - 1]);

  // Proof that the second map came from the cache: a tampered entry shows.
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(tmp.path() / "cache")) {
    ++entries;
    std::string text = test::readFile(e.path());
    size_t at = text.find("templates/deployment.yaml");
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string("templates/deployment.yaml").size(), "templates/TAMPERED.yaml");
    write(e.path(), text);
  }
  CHECK(entries == 1);
  second = {};
  auto third = render::renderChart(client, chart, o);
  bool tampered = false;
  for (uint32_t i = 1; i <= lines; ++i)
    tampered = tampered || third.line_map->locate(i).file == "templates/TAMPERED.yaml";
  CHECK(tampered);
}
