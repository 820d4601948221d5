package io.auditline.testkit.secrets;

import io.auditline.testkit.azure.SharedAzurite;
import io.auditline.testkit.s3.SharedS3Proxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every secret the test suite hands to the code under test, in one place, so {@link TestLogScan} can
 * check that none of them reaches a log.
 *
 * <p>Fixed secrets are listed here; secrets made up at run time (the shared PostgreSQL's password)
 * are {@linkplain #remember remembered} in {@code target/test-secrets/} of the module under test,
 * where the scan finds them. Secrets shorter than 8 characters are refused: they would match
 * innocent text (a keystore password {@code test} is not listed for that reason).
 */
public final class TestSecrets {

  /** Where {@link #remember} writes, relative to the module directory the tests run in. */
  static final Path REMEMBERED = Path.of("target", "test-secrets");

  /** A bearer API token, {@code alt_<id>_<secret>}, as the store issues them. */
  static final Pattern API_TOKEN = Pattern.compile("alt_[a-z2-9]{16}_[A-Za-z0-9_-]{43}");
  /** The header of a PEM private key (the test PKI writes them next to the certificates). */
  static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

  private TestSecrets() {}

  /** A secret and where it comes from; never printed. */
  public record Secret(String name, String value) {
    public Secret {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (value.length() < 8) {
        throw new IllegalArgumentException("secret '%s': %d characters (expected: >= 8, or it matches innocent text)"
            .formatted(name, value.length()));
      }
      if (name.contains("\t") || name.contains("\n") || value.contains("\t") || value.contains("\n")) {
        throw new IllegalArgumentException("secret '%s': contains a tab or a line break (expected: one line)".formatted(name));
      }
    }

    @Override
    public String toString() {
      return "Secret[" + name + "]";
    }
  }

  /** The fixed secrets of the test fixtures and of tests across the modules. */
  public static List<Secret> fixed() {
    return List.of(
        new Secret("SharedS3Proxy secret key", SharedS3Proxy.SECRET_KEY),
        new Secret("Azurite account key", SharedAzurite.ACCOUNT_KEY),
        // Literals of other modules, which the test kit cannot import; keep them in step.
        new Secret("dev S3 secret key (app DevS3)", "dev-secret-key"),
        new Secret("bench S3Proxy secret key (bench S3ProxyServer)", "auditline-bench-secret"),
        new Secret("S3 secret in logpush S3SpecTest", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY"),
        new Secret("HTTPS destination secret in logpush tests", "Sup3rS3cretKey-4711"),
        new Secret("ownership secret in logpush OwnershipApiIT", "0wn3rsh1p-Secret-99"),
        new Secret("webhook secret in detect tests", "whsec_0123456789abcdef"),
        new Secret("webhook secret in detect SettingsTest", "whsec_test_0123456789abcdef"),
        new Secret("webhook secret in detect WebhookNotifierIT", "whsec_it_0123456789abcdef"),
        new Secret("webhook secret in detect SignatureVerifierTest", "whsec-0123456789abcdef"),
        new Secret("webhook secret in detect alert tests (AlertFixtures)", "whsec_alert_fixture_0123456789"),
        new Secret("webhook secret in app AttackAlertFlowIT", "whsec_flow_it_0123456789abcdef"),
        new Secret("token in logpush tests", "xyz-secret-token"));
  }

  /** Patterns of secrets made per test (API tokens, private keys). */
  public static List<Pattern> patterns() {
    return List.of(API_TOKEN, PRIVATE_KEY);
  }

  /**
   * Adds a secret made up at run time to the list the scan checks, by appending it to {@code
   * target/test-secrets/} of the module under test; does nothing outside a module directory.
   */
  public static synchronized void remember(String name, String value) {
    Secret secret = new Secret(name, value);
    if (!Files.isDirectory(REMEMBERED.getParent())) {
      return;
    }
    try {
      Files.createDirectories(REMEMBERED);
      Path file = REMEMBERED.resolve("secrets-" + ProcessHandle.current().pid() + ".tsv");
      Files.writeString(file, secret.name() + "\t" + secret.value() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remember test secret '" + name + "'", e);
    }
  }

  /** The secrets remembered under {@code moduleTarget/test-secrets/}. */
  static List<Secret> remembered(Path moduleTarget) throws IOException {
    Path dir = moduleTarget.resolve(REMEMBERED.getFileName());
    List<Secret> secrets = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return secrets;
    }
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          int tab = line.indexOf('\t');
          if (tab > 0) {
            secrets.add(new Secret(line.substring(0, tab), line.substring(tab + 1)));
          }
        }
      }
    }
    return secrets;
  }
}
