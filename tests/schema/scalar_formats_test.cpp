// base64 as encoding/json decodes []byte, RFC 3339 as metav1.Time parses it.
#include <catch2/catch.hpp>

#include "schema/scalar_formats.h"

using taskmaster::schema::isBase64;
using taskmaster::schema::isDateTime;

TEST_CASE("base64: padded standard alphabet, line breaks ignored", "[schema][formats]") {
  CHECK(isBase64(""));
  CHECK(isBase64("c2VjcmV0"));
  CHECK(isBase64("c2VjcmV0MQ=="));
  CHECK(isBase64("c2VjcmV0MTI="));
  CHECK(isBase64("c2Vj\ncmV0\r\n"));
  CHECK(isBase64("+/+/"));
  CHECK_FALSE(isBase64("c2VjcmV0MQ"));    // padding missing
  CHECK_FALSE(isBase64("c2VjcmV0M==="));  // too much padding
  CHECK_FALSE(isBase64("c2Vj=mV0"));      // padding inside
  CHECK_FALSE(isBase64("c2VjcmV0MQ=x"));
  CHECK_FALSE(isBase64("-_-_"));  // URL alphabet
  CHECK_FALSE(isBase64("plain text"));
}

TEST_CASE("date-time: RFC 3339", "[schema][formats]") {
  CHECK(isDateTime("2025-01-31T12:00:00Z"));
  CHECK(isDateTime("2025-01-31T12:00:00.5Z"));
  CHECK(isDateTime("2025-01-31T12:00:00.123456+02:00"));
  CHECK(isDateTime("2025-12-31T23:59:59-11:30"));
  CHECK_FALSE(isDateTime("2025-01-31"));
  CHECK_FALSE(isDateTime("2025-01-31 12:00:00Z"));
  CHECK_FALSE(isDateTime("2025-13-01T00:00:00Z"));
  CHECK_FALSE(isDateTime("2025-01-31T24:00:00Z"));
  CHECK_FALSE(isDateTime("2025-01-31T12:00:00"));
  CHECK_FALSE(isDateTime("2025-01-31T12:00:00.Z"));
  CHECK_FALSE(isDateTime("2025-01-31T12:00:00Z "));
}
