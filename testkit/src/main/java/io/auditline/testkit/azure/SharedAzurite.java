package io.auditline.testkit.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.auditline.embedded.FreePorts;
import io.auditline.testkit.ServerProcess;
import io.auditline.testkit.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One real Azure Blob server (Azurite) per test JVM, started on first use and killed when the JVM
 * exits; it knows the emulator's well-known development account.
 *
 * <p>Azurite is the npm package pinned in {@code test-servers/package.json}, installed by {@code
 * scripts/install-test-deps.sh}. Its {@code azurite-blob} is the system property {@value
 * #BIN_PROPERTY}, else the first {@code test-servers/node_modules/.bin/azurite-blob} found walking
 * up from the working directory. Tests share the server, so each uses containers of its own.
 */
public final class SharedAzurite {

  public static final String BIN_PROPERTY = "auditline.azurite.bin";
  /** The emulator's fixed development account and key, published by Microsoft. */
  public static final String ACCOUNT_NAME = "devstoreaccount1";
  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final String HOST = "127.0.0.1";
  private static Server server;
  private static RuntimeException failure;

  private record Server(String blobEndpoint, BlobServiceClient client) {}

  private SharedAzurite() {}

  /** The account's blob service URL, for example {@code http://127.0.0.1:41234/devstoreaccount1}. */
  public static String blobEndpoint() {
    return server().blobEndpoint();
  }

  public static String accountName() {
    return ACCOUNT_NAME;
  }

  public static String accountKey() {
    return ACCOUNT_KEY;
  }

  /** A client with the account key, for setting up and checking containers. */
  public static BlobServiceClient client() {
    return server().client();
  }

  /** Creates an empty container; names must follow Azure's rules and be unique per test. */
  public static BlobContainerClient createContainer(String name) {
    return client().createBlobContainer(name);
  }

  /** The {@code azurite-blob} executable, or an exception that says how to install it. */
  public static Path binary() {
    String property = System.getProperty(BIN_PROPERTY);
    if (property != null) {
      return Path.of(property);
    }
    Path relative = Path.of("test-servers", "node_modules", ".bin", "azurite-blob");
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(("azurite-blob not found in %s above %s: run scripts/install-test-deps.sh "
        + "(npm ci --prefix test-servers) or set -D%s=<path>").formatted(relative, Path.of("").toAbsolutePath(), BIN_PROPERTY));
  }

  private static synchronized Server server() {
    if (failure != null) {
      throw new IllegalStateException("the shared Azurite failed to start earlier", failure);
    }
    if (server == null) {
      try {
        server = start();
      } catch (Exception e) {
        failure = new IllegalStateException("the shared Azurite failed to start", e);
        throw failure;
      }
    }
    return server;
  }

  private static Server start() throws Exception {
    Path binary = binary();
    Path dir = Files.createTempDirectory("auditline-azurite-");
    Files.createDirectories(dir.resolve("data"));
    int port = FreePorts.pick(HOST);
    // --skipApiVersionCheck and --loose: the SDK may be newer than the emulator;
    // --disableTelemetry: the emulator would otherwise report usage over the network.
    List<String> command = List.of(binary.toString(), "--location", dir.resolve("data").toString(),
        "--blobHost", HOST, "--blobPort", Integer.toString(port),
        "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry");
    ServerProcess process = ServerProcess.start("azurite", command, dir, dir.resolve("azurite.log"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> discard(process, dir), "shared-azurite-cleanup"));
    process.awaitPort(HOST, port, Duration.ofSeconds(120));
    String endpoint = "http://%s:%d/%s".formatted(HOST, port, ACCOUNT_NAME);
    BlobServiceClient client = new BlobServiceClientBuilder()
        .endpoint(endpoint)
        .credential(new StorageSharedKeyCredential(ACCOUNT_NAME, ACCOUNT_KEY))
        .buildClient();
    return new Server(endpoint, client);
  }

  private static void discard(ServerProcess process, Path dir) {
    process.kill();
    try {
      TempDirs.deleteRecursively(dir);
    } catch (IOException e) {
      System.err.println("shared Azurite cleanup of " + dir + " failed: " + e);
    }
  }
}
