// The baseline for manifest linting: libyaml's raw event loop over a file
// (yaml_parser_parse until the stream ends, each event deleted), with no tree
// built. The input is read into memory first and handed over with
// yaml_parser_set_input_string, as src/yaml/parser.cpp does, so the timed part
// is the parse alone.
//
//   libyaml_parse_perftest [-n RUNS] FILE
//
// Prints the best of RUNS (default 1) parse times in seconds, plus the event
// count and throughput.
#include <yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace {

// Returns the number of events, or -1 on a parse error (reported on stderr).
long parseOnce(const std::string& input) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(input.data()),
                               input.size());
  long events = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      std::fprintf(stderr, "libyaml_parse_perftest: line %zu: %s\n", parser.problem_mark.line + 1,
                   parser.problem ? parser.problem : "parse error");
      yaml_parser_delete(&parser);
      return -1;
    }
    ++events;
    bool done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (done) break;
  }
  yaml_parser_delete(&parser);
  return events;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 1;
  const char* path = nullptr;
  bool usage = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-n") == 0 && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (!path)
      path = argv[i];
    else
      usage = true;
  }
  if (!path || usage) {
    std::fprintf(stderr, "usage: libyaml_parse_perftest [-n RUNS] FILE\n");
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::perror(path);
    return 1;
  }
  in.seekg(0, std::ios::end);
  std::string input(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(input.data(), static_cast<std::streamsize>(input.size()))) {
    std::perror(path);
    return 1;
  }

  double best = 1e300;
  long events = 0;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    events = parseOnce(input);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (events < 0) return 1;
    best = std::min(best, took.count());
  }
  std::printf("%.6f s  (%ld events, %.1f MiB, %.1f MiB/s, best of %d)\n", best, events,
              input.size() / 1048576.0, input.size() / 1048576.0 / best, runs);
  return 0;
}
