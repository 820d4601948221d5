package io.auditline.testkit.tls;

import io.auditline.platform.tls.CertificateAuthority;
import io.auditline.platform.tls.IssuedCertificate;
import io.auditline.platform.tls.TlsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test TLS material, created once per JVM on first use in a temporary directory: a CA, a server
 * certificate for {@code localhost}/{@code 127.0.0.1}, client certificates for {@link #BILLING}
 * (SPIFFE URI SAN) and {@link #ORDERS} (CN only), an expired client certificate and one from an
 * untrusted CA. Every {@link TlsFiles} here trusts the main CA.
 */
public final class TestPki {

  /** A producer identified by its SPIFFE ID. */
  public static final String BILLING = "spiffe://auditline.test/producer/billing";

  /** A producer identified by its certificate's common name only. */
  public static final String ORDERS = "orders-service";

  /** The common name of the expired client certificate. */
  public static final String EXPIRED = "expired-service";

  /** The common name of the client certificate issued by the untrusted CA. */
  public static final String FOREIGN = "foreign-service";

  private final Path dir;
  private final CertificateAuthority ca;
  private final Path caPem;

  private TestPki(Path dir) throws IOException {
    this.dir = dir;
    this.ca = CertificateAuthority.create("Auditline Test CA", Duration.ofDays(30));
    this.caPem = dir.resolve("ca.pem");
    ca.writeCertificatePem(caPem);
    Instant now = Instant.now();
    // Back-dated a little so a certificate issued this second is valid on a peer with a slower clock.
    Instant notBefore = now.minus(Duration.ofMinutes(5));
    Instant notAfter = now.plus(Duration.ofDays(7));
    write("server", ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1", "::1"),
        notBefore, notAfter));
    write("billing", ca.issueClient("billing", Optional.of(URI.create(BILLING)), notBefore, notAfter));
    write("orders", ca.issueClient(ORDERS, Optional.empty(), notBefore, notAfter));
    write("expired", ca.issueClient(EXPIRED, Optional.empty(), now.minus(Duration.ofDays(2)),
        now.minus(Duration.ofDays(1))));
    CertificateAuthority foreignCa = CertificateAuthority.create("Foreign Test CA", Duration.ofDays(30));
    write("foreign", foreignCa.issueClient(FOREIGN, Optional.empty(), notBefore, notAfter));
  }

  /** The server identity: {@code localhost}, {@code 127.0.0.1} and {@code ::1}. */
  public static TlsFiles server() {
    return Holder.PKI.files("server");
  }

  /**
   * A trusted client identity by name: {@link #BILLING} or {@link #ORDERS}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static TlsFiles client(String name) {
    String file = Map.of(BILLING, "billing", ORDERS, "orders").get(name);
    if (file == null) {
      throw new IllegalArgumentException(
          "name: %s (expected: TestPki.BILLING or TestPki.ORDERS)".formatted(name));
    }
    return Holder.PKI.files(file);
  }

  /** A client certificate from the trusted CA that expired a day ago. */
  public static TlsFiles expiredClient() {
    return Holder.PKI.files("expired");
  }

  /** A currently valid client certificate from a CA the server does not trust. */
  public static TlsFiles foreignClient() {
    return Holder.PKI.files("foreign");
  }

  /** The trusted CA's certificate PEM. */
  public static Path caCertificate() {
    return Holder.PKI.caPem;
  }

  /** The trusted CA, for tests that need a certificate none of the above provides. */
  public static CertificateAuthority ca() {
    return Holder.PKI.ca;
  }

  private TlsFiles files(String name) {
    return new TlsFiles(dir.resolve(name + ".pem"), dir.resolve(name + ".key"), caPem);
  }

  private void write(String name, IssuedCertificate issued) throws IOException {
    issued.writePem(dir.resolve(name + ".pem"), dir.resolve(name + ".key"));
  }

  private static TestPki create() {
    try {
      Path dir = Files.createTempDirectory("auditline-test-pki");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "test-pki-cleanup"));
      return new TestPki(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create test PKI", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: it is a temp directory
    }
  }

  // The JVM initialises the holder on first access, once, without locks in the accessors.
  private static final class Holder {
    static final TestPki PKI = create();
  }
}
