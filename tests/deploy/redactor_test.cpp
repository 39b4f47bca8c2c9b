// Keeping secret values out of text other programs print, and out of the
// command lines we print.
#include "deploy/redactor.h"

#include <catch2/catch.hpp>

#include "cli/lint_inputs.h"
#include "support/test_files.h"
#include "support/test_paths.h"

using namespace taskmaster;

TEST_CASE("redactor: Secret data (decoded and encoded) and secret-looking values",
          "[deploy][secrets]") {
  auto unit = cli::loadManifestText(test::readFile(test::testdata("deploy/next-render.yaml")),
                                    "next-render.yaml");
  deploy::SecretMasker masker(lint::Catalogue::builtin());
  deploy::Redactor redactor;
  redactor.collect(unit.resources, masker);

  CHECK(redactor.redact("key is sk-new-key-1234567890abcdefghijk.") == "key is (hidden).");
  CHECK(redactor.redact("c2stbmV3LWtleS0xMjM0NTY3ODkwYWJjZGVmZ2hpams=") == "(hidden)");
  // The whole URL goes, not just the password inside it.
  CHECK(redactor.redact("dsn=postgresql://app:old-password@db:5432/app") == "dsn=(hidden)");
  CHECK(redactor.redact("JWT_SECRET=new-jwt-secret-value") == "JWT_SECRET=(hidden)");
  CHECK(redactor.redact("token brand-new-token-value") == "token (hidden)");
  // Values that are not secret stay.
  CHECK(redactor.redact("LOG_LEVEL=info image app-backend:1.1.0") ==
        "LOG_LEVEL=info image app-backend:1.1.0");
}

TEST_CASE("redactor: short values are left alone", "[deploy][secrets]") {
  deploy::Redactor redactor;
  redactor.add("true");
  redactor.add("abcdef\n");
  CHECK(redactor.redact("true abcdef") == "true (hidden)");
}

TEST_CASE("redactor: base64 as Kubernetes writes it", "[deploy][secrets]") {
  CHECK(deploy::decodeBase64("aGVsbG8=") == "hello");
  CHECK(deploy::decodeBase64("aGVsbG8h") == "hello!");
  CHECK(deploy::decodeBase64("aGk=") == "hi");
  CHECK(deploy::decodeBase64("") == "");
  CHECK_FALSE(deploy::decodeBase64("not base64!"));
  CHECK_FALSE(deploy::decodeBase64("a"));
}

TEST_CASE("printed commands hide secret --set values", "[deploy][secrets]") {
  deploy::SecretMasker masker(lint::Catalogue::builtin());
  deploy::Redactor redactor;
  redactor.add("rendered-secret-123");
  std::vector<std::string> argv = {
      "helm",
      "upgrade",
      "--install",
      "r",
      "c",
      "--set",
      "secrets.openaiApiKey=sk-live-abcdefghijklmnopqrstuvwx,backend.replicaCount=2",
      "--set-string",
      "postgresql.auth.password=hunter22",
      "--set",
      "config.logLevel=debug",
      "--set",
      "config.note=rendered-secret-123",
      "--values",
      "my-values.yaml"};
  auto shown = deploy::maskCommand(argv, masker, redactor);
  CHECK(shown[6] == "secrets.openaiApiKey=(hidden),backend.replicaCount=2");
  CHECK(shown[8] == "postgresql.auth.password=(hidden)");
  CHECK(shown[10] == "config.logLevel=debug");
  CHECK(shown[12] == "config.note=(hidden)");
  CHECK(shown[14] == "my-values.yaml");
}
