#include "report/report.h"

namespace taskmaster::report {

Summary Report::summary() const {
  Summary s;
  s.resources = resources;
  s.suppressed = suppressed.size();
  for (const auto& f : findings) {
    switch (f.severity) {
      case lint::Severity::Error:
        ++s.error;
        break;
      case lint::Severity::Warning:
        ++s.warning;
        break;
      case lint::Severity::Info:
        ++s.info;
        break;
    }
  }
  return s;
}

}  // namespace taskmaster::report
