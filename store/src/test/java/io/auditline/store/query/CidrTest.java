package io.auditline.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

  @Test
  void normalisesNetworksAndBareAddresses() {
    assertThat(Cidr.parse("203.0.113.7")).hasToString("203.0.113.7/32");
    assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
    assertThat(Cidr.parse("0.0.0.0/0")).hasToString("0.0.0.0/0");
    assertThat(Cidr.parse("2001:db8::1/32").toString()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
    assertThat(Cidr.parse("::1")).hasToString("0:0:0:0:0:0:0:1/128");
  }

  @Test
  void rejectsNamesMalformedAddressesAndPrefixes() {
    for (String bad : new String[] {"example.com", "localhost", "256.0.0.1", "1.2.3", "1.2.3.4/33", "1.2.3.4/",
        "1.2.3.4/-1", "2001:db8::/129", "::ffff:1.2.3.4", "fe80::1%eth0", "1.2.3.4/8/8", " 1.2.3.4"}) {
      assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("(expected: ");
    }
  }
}
