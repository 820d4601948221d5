package io.auditline.logpush.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UriQueryTest {

  private static final List<String> KNOWN = List.of("a", "b");

  @Test
  void decodesPercentEscapesOnceAndKeepsPlusSigns() {
    assertThat(UriQuery.parse("a=x+y%2Bz%252F&&b=%2F", KNOWN).values()).isEqualTo(Map.of("a", "x+y+z%2F", "b", "/"));
    assertThat(UriQuery.parse(null, KNOWN).values()).isEmpty();
  }

  @Test
  void malformedEscapesAreNamedWithoutTheValue() {
    assertThatThrownBy(() -> UriQuery.parse("a=secret%zz", KNOWN))
        .hasMessage("a: malformed percent-encoding (expected: %XX with two hex digits)");
  }

  @Test
  void longUnknownNamesAreShortened() {
    assertThatThrownBy(() -> UriQuery.parse("AKIAIOSFODNN7EXAMPLEKEYLONG", KNOWN))
        .hasMessage("unknown query parameter 'AKIAIOSF...' (expected: a, b)");
  }

  @Test
  void rawValuesFindSecretsEvenInInvalidQueries() {
    assertThat(UriQuery.rawValues("a=x%2By&a=z&c=w", List.of("a"))).containsExactly("x%2By", "x+y", "z", "z");
  }

  @Test
  void quoteNameHidesWhatCannotBeAName() {
    assertThat(UriQuery.quoteName("my-bucket")).isEqualTo("'my-bucket'");
    assertThat(UriQuery.quoteName("key:secret")).isEqualTo("<not shown>");
  }
}
