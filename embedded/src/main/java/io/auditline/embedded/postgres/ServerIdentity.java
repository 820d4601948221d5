package io.auditline.embedded.postgres;

import io.auditline.embedded.FreePorts;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * What must stay the same across restarts of one data dir: the port (so clients keep one address)
 * and the generated passwords of the application user and the superuser.
 *
 * <p>Persisted in {@value #FILE_NAME} with owner-only permissions, since it holds secrets.
 */
record ServerIdentity(int port, String user, String password, String superuserPassword) {

  static final String FILE_NAME = "embedded-postgres.properties";

  /** The application user the server creates; owns the {@code auditline} database. */
  static final String DEFAULT_USER = "auditline";

  private static final SecureRandom RANDOM = new SecureRandom();

  ServerIdentity {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 1-65535)");
    }
    if (user == null || !user.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "user: '" + user + "' (expected: a lower-case SQL identifier)");
    }
    requireSecret("password", password);
    requireSecret("superuserPassword", superuserPassword);
  }

  /** Never prints the passwords. */
  @Override
  public String toString() {
    return "ServerIdentity[port=" + port + ", user=" + user + ", password=***]";
  }

  /** Loads the identity persisted in the data dir, filling in what is missing, and persists it. */
  static ServerIdentity resolve(EmbeddedPostgresConfig config) {
    Path file = config.dataDir().resolve(FILE_NAME);
    Properties saved = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        saved.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    int port =
        config.port() != EmbeddedPostgresConfig.ANY_PORT
            ? config.port()
            : saved.getProperty("port") != null
                ? Integer.parseInt(saved.getProperty("port").trim())
                : FreePorts.pick(config.host());
    ServerIdentity identity =
        new ServerIdentity(
            port,
            saved.getProperty("user", DEFAULT_USER),
            saved.getProperty("password", newSecret()),
            saved.getProperty("superuser.password", newSecret()));
    identity.save(file);
    return identity;
  }

  private static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    // URL-safe Base64 has no quote or backslash, so it can be embedded in SQL literals safely.
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void requireSecret(String name, String value) {
    if (value == null || !value.matches("[A-Za-z0-9_-]{16,}")) {
      throw new IllegalArgumentException(
          name + ": *** (expected: at least 16 URL-safe Base64 characters)");
    }
  }


  private void save(Path file) {
    Properties props = new Properties();
    props.setProperty("port", Integer.toString(port));
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("superuser.password", superuserPassword);
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      // Created owner-only from the start, so the secrets are never readable by others.
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer out = Files.newBufferedWriter(tmp)) {
        props.store(out, "Embedded PostgreSQL identity and credentials; keep it secret");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
