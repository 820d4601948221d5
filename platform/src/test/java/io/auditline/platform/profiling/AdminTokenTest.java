package io.auditline.platform.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminTokenTest {

  private final AdminToken token = AdminToken.of("0123456789abcdef-token");

  @Test
  void acceptsTheBearerToken() {
    assertThat(token.accepts("Bearer 0123456789abcdef-token")).isTrue();
    assertThat(token.accepts("bearer 0123456789abcdef-token")).isTrue();
  }

  @Test
  void rejectsMissingWrongOrPrefixedTokens() {
    assertThat(token.accepts(null)).isFalse();
    assertThat(token.accepts("")).isFalse();
    assertThat(token.accepts("Bearer ")).isFalse();
    assertThat(token.accepts("Bearer 0123456789abcdef-toke")).isFalse();
    assertThat(token.accepts("Bearer 0123456789abcdef-token2")).isFalse();
    assertThat(token.accepts("0123456789abcdef-token")).isFalse();
    assertThat(token.accepts("Basic 0123456789abcdef-token")).isFalse();
  }

  @Test
  void noTokenAcceptsEverything() {
    assertThat(AdminToken.fromConfig(Optional.empty()).required()).isFalse();
    assertThat(AdminToken.none().accepts(null)).isTrue();
  }

  @Test
  void rejectsShortTokens() {
    assertThatThrownBy(() -> AdminToken.of("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected: at least 16");
  }

  @Test
  void neverPrintsTheToken() {
    assertThat(token.toString()).doesNotContain("0123456789abcdef");
  }
}
