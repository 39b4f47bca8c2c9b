#include "render/instrument.h"

#include <cctype>
#include <charconv>
#include <vector>

namespace taskmaster::render {

namespace {

constexpr std::string_view kMarkerPrefix = " #tm:";

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (isBlank(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (isBlank(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

size_t indentation(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

// What a template action does, as far as instrumentation cares.
enum class ActionKind { Output, Control, Open, Close, OpenDefine };

ActionKind classify(std::string_view body) {
  body = trim(body);
  if (body.substr(0, 2) == "/*") return ActionKind::Control;  // comment
  size_t end = 0;
  while (end < body.size() && (std::isalnum(static_cast<unsigned char>(body[end])) ||
                               body[end] == '_' || body[end] == '$'))
    ++end;
  std::string_view word = body.substr(0, end);
  if (word == "define" || word == "block") return ActionKind::OpenDefine;
  if (word == "if" || word == "range" || word == "with") return ActionKind::Open;
  if (word == "end") return ActionKind::Close;
  if (word == "else" || word == "break" || word == "continue") return ActionKind::Control;
  if (!word.empty() && word[0] == '$') {  // `$x := ...` and `$x = ...` emit nothing
    std::string_view rest = trim(body.substr(end));
    if (rest.substr(0, 2) == ":=" || (rest.size() > 1 && rest[0] == '=' && rest[1] != '='))
      return ActionKind::Control;
  }
  return ActionKind::Output;
}

// Per template line, what the lexer learned.
struct LineInfo {
  size_t begin = 0, end = 0;    // [begin, end) without the newline
  bool ends_in_literal = true;  // the newline is template text, not action
  bool ends_with_trim = false;  // the last thing on the line is `-}}`
  bool has_literal = false;     // non-blank literal text on the line
  bool has_output_action = false;
  bool in_define = false;  // the line lies (partly) inside a define/block
};

// Scans the template once, tracking actions, comments and define blocks.
std::vector<LineInfo> scan(std::string_view t) {
  std::vector<LineInfo> lines;
  std::vector<bool> blocks;  // open blocks; true for define/block
  int defines = 0;
  LineInfo cur;
  cur.in_define = false;
  auto newline = [&](size_t at) {
    cur.end = at;
    lines.push_back(cur);
    cur = LineInfo{};
    cur.begin = at + 1;
    cur.in_define = defines > 0;
  };
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] == '\n') {
      newline(i);
      ++i;
      continue;
    }
    if (t.compare(i, 2, "{{") != 0) {
      if (!isBlank(t[i])) cur.has_literal = true, cur.ends_with_trim = false;
      ++i;
      continue;
    }
    // An action: find its end, honouring comments and string literals.
    size_t body_start = i + 2;
    if (body_start < t.size() && t[body_start] == '-') ++body_start;
    size_t j = body_start;
    while (j < t.size() && isBlank(t[j])) ++j;
    size_t close = std::string_view::npos;
    if (t.compare(j, 2, "/*") == 0) {
      size_t c = t.find("*/", j + 2);
      close = c == std::string_view::npos ? c : t.find("}}", c + 2);
    } else {
      char quote = 0;
      for (size_t k = j; k + 1 < t.size() || (k < t.size() && quote); ++k) {
        char c = t[k];
        if (quote) {
          if (c == '\\' && quote != '`')
            ++k;
          else if (c == quote)
            quote = 0;
        } else if (c == '"' || c == '`' || c == '\'') {
          quote = c;
        } else if (c == '}' && t[k + 1] == '}') {
          close = k;
          break;
        }
      }
    }
    if (close == std::string_view::npos) close = t.size();  // unterminated: Helm fails anyway
    std::string_view body = t.substr(body_start, close - body_start);
    bool right_trim =
        !body.empty() && body.back() == '-' && body.size() >= 2 && isBlank(body[body.size() - 2]);
    if (right_trim) body.remove_suffix(1);
    ActionKind kind = classify(body);
    if (kind == ActionKind::Open || kind == ActionKind::OpenDefine) {
      blocks.push_back(kind == ActionKind::OpenDefine);
      if (kind == ActionKind::OpenDefine) ++defines, cur.in_define = true;
    } else if (kind == ActionKind::Close && !blocks.empty()) {
      if (blocks.back()) --defines;
      blocks.pop_back();
    } else if (kind == ActionKind::Output) {
      cur.has_output_action = true;
    }
    // Newlines inside the action end lines that are not literal text.
    for (size_t k = i; k < close && k < t.size(); ++k) {
      if (t[k] == '\n') {
        cur.ends_in_literal = false;
        newline(k);
        cur.in_define = cur.in_define || defines > 0;
      }
    }
    cur.ends_with_trim = right_trim;
    cur.ends_in_literal = true;
    i = std::min(close + 2, t.size());
  }
  cur.end = t.size();
  if (cur.begin < t.size()) lines.push_back(cur);
  return lines;
}

bool opensBlock(std::string_view literal) {
  literal = trim(literal);
  if (literal.empty()) return false;
  if (literal.back() == ':' || literal == "-") return true;
  // Block scalar headers: `|`, `>-`, `|2+` ...
  size_t k = literal.size();
  while (k > 0 && (literal[k - 1] == '-' || literal[k - 1] == '+' ||
                   std::isdigit(static_cast<unsigned char>(literal[k - 1]))))
    --k;
  return k > 0 && (literal[k - 1] == '|' || literal[k - 1] == '>');
}

// Could `next` continue a multi-line plain scalar begun on `line`? A
// comment between them would end the scalar and break the document.
bool mayContinuePlainScalar(std::string_view line, std::string_view next) {
  std::string_view body = trim(next);
  if (body.empty() || body[0] == '#' || body.substr(0, 2) == "{{") return false;
  if (indentation(next) <= indentation(line)) return false;
  if (opensBlock(line)) return false;
  if (body.substr(0, 2) == "- " || body == "-") return false;
  if (body.back() == ':' || body.find(": ") != std::string_view::npos) return false;
  return true;
}

}  // namespace

std::string instrumentTemplate(std::string_view t, uint32_t file_id) {
  std::vector<LineInfo> lines = scan(t);
  std::string out;
  out.reserve(t.size() + lines.size() * 12);
  for (size_t n = 0; n < lines.size(); ++n) {
    const LineInfo& li = lines[n];
    std::string_view text = t.substr(li.begin, li.end - li.begin);
    out.append(text);
    bool has_newline = li.end < t.size();
    std::string_view stripped = trim(text);
    bool mark = has_newline && li.ends_in_literal && !li.ends_with_trim && !li.in_define &&
                (li.has_literal || li.has_output_action) && stripped != "---" &&
                stripped.substr(0, 4) != "--- ";
    if (mark && n + 1 < lines.size()) {
      std::string_view next = t.substr(lines[n + 1].begin, lines[n + 1].end - lines[n + 1].begin);
      if (mayContinuePlainScalar(text, next)) mark = false;
    }
    if (mark) {
      if (!text.empty() && text.back() == '\r') out.pop_back();
      out.append(kMarkerPrefix);
      out.append(std::to_string(file_id));
      out.push_back(':');
      out.append(std::to_string(n + 1));
      if (!text.empty() && text.back() == '\r') out.push_back('\r');
    }
    if (has_newline) out.push_back('\n');
  }
  return out;
}

std::optional<Marker> stripMarkers(std::string_view& line) {
  std::optional<Marker> last;
  for (;;) {
    size_t at = line.rfind(kMarkerPrefix);
    if (at == std::string_view::npos) return last;
    std::string_view rest = line.substr(at + kMarkerPrefix.size());
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return last;
    Marker m;
    auto r1 = std::from_chars(rest.data(), rest.data() + colon, m.file);
    auto r2 = std::from_chars(rest.data() + colon + 1, rest.data() + rest.size(), m.line);
    if (r1.ec != std::errc() || r1.ptr != rest.data() + colon || r2.ec != std::errc() ||
        r2.ptr != rest.data() + rest.size())
      return last;
    if (!last) last = m;
    line = line.substr(0, at);
  }
}

}  // namespace taskmaster::render
