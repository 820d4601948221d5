package io.auditline.app.dev;

import io.auditline.platform.tls.CertificateAuthority;
import io.auditline.platform.tls.TlsFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dev-mode PKI under {@code ./data/tls}: a local CA, a server certificate for localhost and a demo
 * producer certificate, created on first run and reused after. Never for production.
 */
public record DevPki(Path dir) {

  /** The identity of the demo producer certificate. */
  public static final String DEMO_PRODUCER = "spiffe://auditline.dev/producer/demo";

  private static final Duration VALIDITY = Duration.ofDays(825);

  /** Creates whatever is missing and returns the material. */
  public static DevPki ensure(Path dir) throws IOException {
    DevPki pki = new DevPki(dir);
    Files.createDirectories(dir);
    if (!Files.exists(pki.caCert()) || !Files.exists(pki.caKey())) {
      CertificateAuthority.create("Auditline dev CA", VALIDITY).writePem(pki.caCert(), pki.caKey());
    }
    CertificateAuthority ca = CertificateAuthority.load(pki.caCert(), pki.caKey());
    Instant now = Instant.now();
    if (!Files.exists(pki.serverCert())) {
      ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1", "::1"), now.minusSeconds(60), now.plus(VALIDITY))
          .writePem(pki.serverCert(), pki.serverKey());
    }
    if (!Files.exists(pki.producerCert())) {
      ca.issueClient("demo-producer", Optional.of(URI.create(DEMO_PRODUCER)), now.minusSeconds(60), now.plus(VALIDITY))
          .writePem(pki.producerCert(), pki.producerKey());
    }
    return pki;
  }

  public Path caCert() {
    return dir.resolve("ca.pem");
  }

  public Path caKey() {
    return dir.resolve("ca-key.pem");
  }

  public Path serverCert() {
    return dir.resolve("server.pem");
  }

  public Path serverKey() {
    return dir.resolve("server-key.pem");
  }

  public Path producerCert() {
    return dir.resolve("demo-producer.pem");
  }

  public Path producerKey() {
    return dir.resolve("demo-producer-key.pem");
  }

  public TlsFiles server() {
    return new TlsFiles(serverCert(), serverKey(), caCert());
  }

  public TlsFiles producer() {
    return new TlsFiles(producerCert(), producerKey(), caCert());
  }
}
