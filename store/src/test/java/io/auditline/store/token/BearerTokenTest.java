package io.auditline.store.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void parsesWhatItFormats() {
    String id = BearerToken.newId(random);
    String secret = BearerToken.newSecret(random);
    assertThat(secret).hasSize(43);
    assertThat(BearerToken.parse(BearerToken.format(id, secret))).contains(new BearerToken.Parts(id, secret));
  }

  @Test
  void secretsMayContainUnderscores() {
    String secret = "_".repeat(43);
    assertThat(BearerToken.parse("alt_abcdefghijkmnpqr_" + secret)).contains(new BearerToken.Parts("abcdefghijkmnpqr", secret));
  }

  @Test
  void rejectsOtherShapes() {
    assertThat(BearerToken.parse(null)).isEmpty();
    assertThat(BearerToken.parse("alt_short_" + "A".repeat(43))).isEmpty();
    assertThat(BearerToken.parse("xyz_abcdefghijkmnpqr_" + "A".repeat(43))).isEmpty();
    assertThat(BearerToken.parse("alt_abcdefghijkmnpqr_" + "A".repeat(42))).isEmpty();
    assertThat(BearerToken.parse("alt_abcdefghijkmnpqr_" + "A".repeat(42) + "=")).isEmpty();
  }

  @Test
  void partsNeverPrintTheSecret() {
    assertThat(new BearerToken.Parts("abcdefghijkmnpqr", "s3cr3t".repeat(7) + "x").toString()).doesNotContain("s3cr3t");
  }

  @Property
  void parsingAnyTextNeverThrows(@ForAll String text) {
    BearerToken.parse(text);
    BearerToken.parse("alt_" + text);
  }
}
