package io.auditline.logpush.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScrubberTest {

  @Test
  void replacesTheLongestSecretFirst() {
    assertThat(new Scrubber(List.of("abcd", "abcdefgh", "x")).scrub("key abcdefgh and abcd and x")).isEqualTo("key REDACTED and REDACTED and x");
    assertThat(Scrubber.none().scrub(null)).isEmpty();
  }
}
