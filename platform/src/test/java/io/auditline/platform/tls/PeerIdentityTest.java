package io.auditline.platform.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerIdentityTest {

  final CertificateAuthority ca = CertificateAuthority.create("Test CA", Duration.ofDays(1));
  final Instant now = Instant.now();

  @Test
  void prefersSpiffeUriOverCommonName() {
    URI id = URI.create("spiffe://auditline.test/producer/billing");
    var cert = ca.issueClient("billing-cn", Optional.of(id), now, now.plusSeconds(60)).certificate();

    assertThat(PeerIdentity.of(cert)).contains(new PeerIdentity.Spiffe(id));
  }

  @Test
  void fallsBackToCommonName() {
    var cert = ca.issueClient("orders-service", Optional.empty(), now, now.plusSeconds(60)).certificate();

    assertThat(PeerIdentity.of(cert)).contains(new PeerIdentity.CommonName("orders-service"));
    assertThat(PeerIdentity.of(cert).map(PeerIdentity::value)).contains("orders-service");
  }

  @Test
  void ignoresNonSpiffeSubjectAlternativeNames() {
    var cert = ca.issueServer("api", java.util.List.of("api.example"), java.util.List.of(), now,
        now.plusSeconds(60)).certificate();

    assertThat(PeerIdentity.of(cert)).contains(new PeerIdentity.CommonName("api"));
  }

  @Test
  void keepsEscapedCharactersOfTheCommonName() {
    var cert = ca.issueClient("team, with comma", Optional.empty(), now, now.plusSeconds(60)).certificate();

    assertThat(PeerIdentity.of(cert).map(PeerIdentity::value)).contains("team, with comma");
  }
}
