package io.auditline.platform.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  final CertificateAuthority ca = CertificateAuthority.create("Test CA", Duration.ofDays(1));
  final Instant now = Instant.now();

  @TempDir Path dir;

  @Test
  void issuesServerCertificateWithNamesAndServerAuth() throws Exception {
    X509Certificate cert = ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
        now, now.plus(Duration.ofHours(1))).certificate();

    cert.verify(ca.certificate().getPublicKey());
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(cert.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
  }

  @Test
  void issuesClientCertificateWithSpiffeIdAndClientAuth() throws Exception {
    URI id = URI.create("spiffe://auditline.test/producer/billing");
    X509Certificate cert = ca.issueClient("billing", Optional.of(id), now, now.plusSeconds(60))
        .certificate();

    assertThat(cert.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(cert.getSubjectAlternativeNames()).containsExactly(List.of(6, id.toString()));
    assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
  }

  @Test
  void caCertificateIsACa() {
    assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.certificate().getKeyUsage()[5]).as("keyCertSign").isTrue();
  }

  @Test
  void writesKeyReadableByOwnerOnlyAndLoadsBack() throws Exception {
    IssuedCertificate issued = ca.issueClient("orders-service", Optional.empty(), now, now.plusSeconds(60));
    Path cert = dir.resolve("client.pem");
    Path key = dir.resolve("client.key");

    issued.writePem(cert, key);

    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(Pem.readCertificate(cert)).isEqualTo(issued.certificate());
    assertThat(Pem.readPrivateKey(key)).isEqualTo(issued.privateKey());
  }

  @Test
  void loadedCaIssuesCertificatesThatVerifyAgainstTheOriginal() throws Exception {
    ca.writePem(dir.resolve("ca.pem"), dir.resolve("ca.key"));
    CertificateAuthority loaded = CertificateAuthority.load(dir.resolve("ca.pem"), dir.resolve("ca.key"));

    loaded.issueClient("x", Optional.empty(), now, now.plusSeconds(60)).certificate()
        .verify(ca.certificate().getPublicKey());
  }

  @Test
  void rejectsInvertedValidityAndNonSpiffeUris() {
    assertThatThrownBy(() -> ca.issueClient("x", Optional.empty(), now, now.minusSeconds(1)))
        .hasMessageContaining("expected: after notBefore");
    assertThatThrownBy(() -> ca.issueClient("x", Optional.of(URI.create("https://x")), now, now.plusSeconds(1)))
        .hasMessageContaining("expected: spiffe://");
    assertThatThrownBy(() -> ca.issueServer("x", List.of(), List.of("not-an-ip"), now, now.plusSeconds(1)))
        .hasMessageContaining("expected: an IP literal");
  }

  @Test
  void tlsFilesRejectsMissingFiles() throws Exception {
    Path present = Files.writeString(dir.resolve("present.pem"), "x");
    assertThatThrownBy(() -> new TlsFiles(present, dir.resolve("missing.key"), present))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("privateKey: ")
        .hasMessageContaining("(expected: a readable PEM file)");
  }
}
