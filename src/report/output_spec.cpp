#include "report/output_spec.h"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "common/error.h"
#include "lint/edit_distance.h"
#include "report/github_reporter.h"
#include "report/json_reporter.h"
#include "report/junit_reporter.h"
#include "report/sarif_reporter.h"
#include "report/text_reporter.h"

namespace taskmaster::report {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::pair<std::string_view, Format>, 5> kFormats = {{
    {"text", Format::Text},
    {"json", Format::Json},
    {"sarif", Format::Sarif},
    {"junit", Format::Junit},
    {"github", Format::Github},
}};

std::optional<Format> formatByName(std::string_view name) {
  for (const auto& [n, f] : kFormats)
    if (n == name) return f;
  return std::nullopt;
}

OutputSpec parseOne(std::string_view value) {
  size_t eq = value.find('=');
  std::string_view name = value.substr(0, eq);
  std::optional<Format> format = formatByName(name);
  if (!format) {
    std::vector<std::string_view> names;
    for (const auto& entry : kFormats) names.push_back(entry.first);
    std::optional<std::string> hint = lint::closestMatch(name, names);
    throw InputError(fmt::format(
        "unknown output format '{}' in '-o {}'{}; use FORMAT or FORMAT=FILE with FORMAT one of "
        "text, json, sarif, junit, github",
        name, value, hint ? fmt::format(" (did you mean '{}'?)", *hint) : ""));
  }
  OutputSpec spec{*format, ""};
  if (eq != std::string_view::npos) {
    spec.file = std::string(value.substr(eq + 1));
    if (spec.file.empty())
      throw InputError(fmt::format("'-o {}' names no file; write -o {} for stdout", value, name));
    if (spec.file == "-") spec.file.clear();
  }
  return spec;
}

// The temporary file sits beside the target so that rename() stays on one
// file system and is atomic.
void writeFileAtomically(const fs::path& target, const std::string& content) {
  std::error_code ec;
  fs::path dest = fs::is_symlink(target, ec) ? fs::weakly_canonical(target, ec) : target;
  auto fail = [&](const std::string& why) {
    return InputError(fmt::format("cannot write {}: {}", target.string(), why));
  };
  // A device or pipe (-o sarif=/dev/stderr) cannot be replaced by rename.
  fs::file_status status = fs::status(dest, ec);
  if (fs::exists(status) && !fs::is_regular_file(status) && !fs::is_directory(status)) {
    std::ofstream direct(dest, std::ios::binary);
    if (!direct) throw fail(std::strerror(errno));
    direct << content;
    direct.flush();
    if (!direct) throw fail(std::strerror(errno));
    return;
  }
  fs::path temp = dest;
  temp += fmt::format(".tmp-{}", ::getpid());
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file) throw fail(std::strerror(errno));
    file << content;
    file.close();
    if (!file) {
      int saved = errno;
      fs::remove(temp, ec);
      throw fail(std::strerror(saved));
    }
  }
  fs::rename(temp, dest, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw fail(ec.message());
  }
}

}  // namespace

std::string_view formatName(Format format) {
  for (const auto& [n, f] : kFormats)
    if (f == format) return n;
  return "text";
}

std::vector<OutputSpec> parseOutputSpecs(const std::vector<std::string>& values) {
  if (values.empty()) return {OutputSpec{}};
  std::vector<OutputSpec> specs;
  const std::string* to_stdout = nullptr;
  for (const auto& value : values) {
    OutputSpec spec = parseOne(value);
    if (spec.file.empty()) {
      if (to_stdout)
        throw InputError(fmt::format(
            "'-o {}' and '-o {}' both write to stdout; give all but one a file: -o FORMAT=FILE",
            *to_stdout, value));
      to_stdout = &value;
    } else {
      fs::path normal = fs::path(spec.file).lexically_normal();
      for (const auto& other : specs)
        if (!other.file.empty() && fs::path(other.file).lexically_normal() == normal)
          throw InputError(fmt::format(
              "two reports would go to the same file {}; give each its own", spec.file));
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

std::string outputSpecsError(const std::vector<std::string>& values) {
  try {
    parseOutputSpecs(values);
    return "";
  } catch (const InputError& e) {
    return e.what();
  }
}

bool machineReportOnStdout(const std::vector<std::string>& values) {
  try {
    for (const auto& spec : parseOutputSpecs(values))
      if (spec.file.empty() && spec.format != Format::Text) return true;
  } catch (const InputError&) {
  }
  return false;
}

void writeReport(std::ostream& out, Format format, const Report& report, const fs::path& repo_root,
                 bool color) {
  switch (format) {
    case Format::Text:
      writeText(out, report, color);
      return;
    case Format::Json:
      writeJson(out, report);
      return;
    case Format::Sarif:
      writeSarif(out, report, repo_root);
      return;
    case Format::Junit:
      writeJunit(out, report, repo_root);
      return;
    case Format::Github:
      writeGithub(out, report, repo_root);
      return;
  }
}

void writeOutputs(const std::vector<OutputSpec>& specs, const Report& report, std::ostream& out,
                  const OutputContext& ctx) {
  std::optional<InputError> first_error;
  size_t failed = 0;
  for (const auto& spec : specs) {
    if (spec.file.empty()) continue;
    std::ostringstream content;
    writeReport(content, spec.format, report, ctx.repo_root, false);
    try {
      writeFileAtomically(spec.file, content.str());
    } catch (const InputError& e) {
      if (!first_error) first_error = e;
      ++failed;
    }
  }
  for (const auto& spec : specs)
    if (spec.file.empty()) writeReport(out, spec.format, report, ctx.repo_root, ctx.color);
  out.flush();  // a closed stdout (`| head`) is not an error, as before
  if (first_error) {
    if (failed == 1) throw *first_error;
    throw InputError(fmt::format("{} (and {} more report files)", first_error->what(), failed - 1));
  }
}

}  // namespace taskmaster::report
