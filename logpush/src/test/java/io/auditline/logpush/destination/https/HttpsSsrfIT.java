package io.auditline.logpush.destination.https;

import static io.auditline.logpush.destination.https.HttpsTestSupport.openAt;
import static io.auditline.logpush.destination.https.HttpsTestSupport.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.UploadOutcome;
import io.auditline.platform.net.AddressGuard;
import io.auditline.platform.net.HostResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With the default guard, no upload reaches a non-public address: each refused case points at a
 * {@link Tripwire} on a loopback address and asserts it saw no connection at all.
 */
class HttpsSsrfIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final DestinationContext DEFAULT = new DestinationContext(AddressGuard.publicOnly(), TIMEOUT);

  @Test
  void theTripwireSeesAConnectionWhenTheGuardAllowsIt() throws IOException {
    // The control: without it, "zero connections" below could mean a broken tripwire.
    DestinationContext all = new DestinationContext(AddressGuard.allowingAll(), TIMEOUT);
    try (Tripwire wire = Tripwire.on(InetAddress.getByName("127.0.0.1"));
        HttpsDestination destination = openAt("https://127.0.0.1:%d/".formatted(wire.port()), all)) {
      assertThat(destination.upload(upload())).isInstanceOf(UploadOutcome.Retry.class);
      await().untilAsserted(() -> assertThat(wire.connections()).isPositive());
    }
  }

  @Test
  void aLoopbackLiteralIsRefusedBeforeConnecting() throws IOException {
    try (Tripwire wire = Tripwire.on(InetAddress.getByName("127.0.0.1"))) {
      assertRefused("https://127.0.0.1:%d/".formatted(wire.port()), DEFAULT,
          "127.0.0.1:%d is not reachable: 127.0.0.1 is a loopback address".formatted(wire.port()));
      assertRefused("https://[::ffff:127.0.0.1]:%d/".formatted(wire.port()), DEFAULT, "127.0.0.1 is a loopback address");
      assertRefused("https://2130706433:%d/".formatted(wire.port()), DEFAULT, "127.0.0.1 is a loopback address");
      assertThat(wire.connections()).isZero();
    }
  }

  @Test
  void localhostIsRefusedBeforeConnecting() throws IOException {
    try (Tripwire wire = Tripwire.on(InetAddress.getByName("127.0.0.1"))) {
      assertRefused("https://localhost:%d/".formatted(wire.port()), DEFAULT, "host 'localhost' resolves to ");
      assertThat(wire.connections()).isZero();
    }
  }

  @Test
  void theIpv6LoopbackIsRefusedBeforeConnecting() throws IOException {
    try (Tripwire wire = Tripwire.on(InetAddress.getByName("::1"))) {
      assertRefused("https://[::1]:%d/".formatted(wire.port()), DEFAULT, "::1 is a loopback address");
      assertThat(wire.connections()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "[fd00::1]"})
  void privateLiteralsAreRefused(String host) throws UnknownHostException {
    // Nothing listens there, and nothing may be sent there: prove the refusal before uploading.
    assertThat(DEFAULT.addressGuard().refusal(InetAddress.getByName(host))).isPresent();
    assertRefused("https://%s:8443/ingest".formatted(host), DEFAULT, " is not reachable: ");
  }

  @Test
  void aNameThatResolvesToAPrivateAddressIsRefused() throws IOException {
    try (Tripwire wire = Tripwire.on(InetAddress.getByName("127.0.0.1"))) {
      HostResolver dns = fakeDns(Map.of(
          "logs.customer.example", List.of(InetAddress.getByName("127.0.0.1")),
          "rebind.customer.example", List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.7"))));
      DestinationContext faked = new DestinationContext(AddressGuard.publicOnly().withResolver(dns), TIMEOUT);
      assertRefused("https://logs.customer.example:%d/".formatted(wire.port()), faked,
          "host 'logs.customer.example' resolves to 127.0.0.1: 127.0.0.1 is a loopback address");
      // One refused address refuses the host, even when the others are allowed.
      DestinationContext loopbackOk = new DestinationContext(
          AddressGuard.allowing(List.of("127.0.0.0/8")).withResolver(dns), TIMEOUT);
      assertRefused("https://rebind.customer.example:%d/".formatted(wire.port()), loopbackOk,
          "host 'rebind.customer.example' resolves to 10.0.0.7: 10.0.0.7 is a private address");
      assertThat(wire.connections()).isZero();
    }
  }

  @Test
  void aRedirectFromAnAllowedServerToLoopbackIsNeverFollowed() throws Exception {
    DestinationContext onlyServer = new DestinationContext(AddressGuard.allowing(List.of("127.0.0.1/32")), TIMEOUT);
    try (LocalHttpsServer server = LocalHttpsServer.start(InetAddress.getByName("127.0.0.1"));
        Tripwire v4 = Tripwire.on(InetAddress.getByName("127.0.0.2"));
        Tripwire v6 = Tripwire.on(InetAddress.getByName("::1"))) {
      server.thenReply(307, "Location", "https://127.0.0.2:%d/".formatted(v4.port()))
          .thenReply(301, "Location", "https://[::1]:%d/".formatted(v6.port()));
      try (HttpsDestination destination = openAt("https://127.0.0.1:%d/".formatted(server.port()), onlyServer)) {
        for (int i = 0; i < 2; i++) {
          assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
              r -> assertThat(r.reason()).isEqualTo("redirect"));
        }
      }
      assertThat(server.received()).hasSize(2);
      assertThat(v4.connections()).isZero();
      assertThat(v6.connections()).isZero();
    }
  }

  private static void assertRefused(String uri, DestinationContext context, String messagePart) {
    try (HttpsDestination destination = openAt(uri, context)) {
      assertThat(destination.upload(upload())).isInstanceOfSatisfying(UploadOutcome.Rejected.class, r -> {
        assertThat(r.reason()).isEqualTo("address_refused");
        assertThat(r.message()).contains(messagePart);
      });
    }
  }

  private static HostResolver fakeDns(Map<String, List<InetAddress>> answers) {
    return host -> {
      List<InetAddress> answer = answers.get(host);
      if (answer == null) {
        throw new UnknownHostException(host);
      }
      return answer;
    };
  }
}
