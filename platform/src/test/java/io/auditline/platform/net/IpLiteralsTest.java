package io.auditline.platform.net;

import static io.auditline.platform.net.AddressGuardTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class IpLiteralsTest {

  @Example
  void printsIpv6CompressedAsRfc5952Says() {
    assertThat(IpLiterals.text(ip("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
    assertThat(IpLiterals.text(ip("2001:DB8:0:0:0:0:0:1"))).isEqualTo("2001:db8::1");
    assertThat(IpLiterals.text(ip("1:0:0:1:0:0:0:1"))).isEqualTo("1:0:0:1::1");
    assertThat(IpLiterals.text(ip("1:0:2:3:4:5:6:7"))).isEqualTo("1:0:2:3:4:5:6:7");
    assertThat(IpLiterals.text(ip("fe80::"))).isEqualTo("fe80::");
    assertThat(IpLiterals.text(ip("::"))).isEqualTo("::");
  }

  @Example
  void parsesOnlyLiteralsNeverNames() {
    assertThat(IpLiterals.parse("localhost")).isEmpty();
    assertThat(IpLiterals.parse("10.0.0.256")).isEmpty();
    assertThat(IpLiterals.parse("10.0.0")).isEmpty();
    assertThat(IpLiterals.parse("1:2:3")).isEmpty();
    assertThat(IpLiterals.parse("[::1]")).contains(ip("::1"));
  }

  @Property
  void parsesWhatItPrints(@ForAll @Size(16) List<Byte> bytes) throws UnknownHostException {
    byte[] raw = new byte[16];
    for (int i = 0; i < 16; i++) {
      raw[i] = bytes.get(i);
    }
    InetAddress address = Inet6Address.getByAddress(null, raw, -1);
    Assume.that(!IpLiterals.text(address).startsWith("::ffff:"));
    assertThat(IpLiterals.parse(IpLiterals.text(address))).contains(address);
  }
}
