package io.auditline.logpush.destination.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.platform.net.AddressGuard;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedDnsResolverTest {

  @Test
  void refusesThroughTheGuardWithAnUnknownHostExceptionThatCarriesTheReason() {
    GuardedDnsResolver resolver = new GuardedDnsResolver(AddressGuard.publicOnly());
    for (String host : List.of("127.0.0.1", "::1", "[::1]", "169.254.169.254", "localhost")) {
      assertThatThrownBy(() -> resolver.resolve(host)).as(host)
          .isInstanceOfSatisfying(GuardedDnsResolver.Refused.class, e -> assertThat(e.refusal().host()).isEqualTo(host));
      assertThatThrownBy(() -> resolver.resolve(host, 443)).as(host).isInstanceOf(GuardedDnsResolver.Refused.class);
    }
  }

  @Test
  void returnsTheGuardsAddressesAndNeverLooksUpCanonicalNames() throws UnknownHostException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    GuardedDnsResolver resolver = new GuardedDnsResolver(AddressGuard.allowing(List.of("127.0.0.0/8"))
        .withResolver(host -> List.of(loopback)));
    assertThat(resolver.resolve("logs.example")).containsExactly(loopback);
    assertThat(resolver.resolve("logs.example", 8443)).containsExactly(new InetSocketAddress(loopback, 8443));
    assertThat(resolver.resolveCanonicalHostname("logs.example")).isEqualTo("logs.example");
  }
}
