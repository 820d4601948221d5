package io.auditline.app.dev;

import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * An S3-compatible server for trying S3 destinations in dev mode: S3Proxy from its self-contained
 * jar in a child JVM, storing objects under {@code data/s3}, with a bucket {@value #BUCKET} and fixed
 * dev credentials. Its own libraries never meet ours because it runs in its own process.
 */
public final class DevS3 implements Component {

  public static final String BUCKET = "demo-bucket";
  public static final String ACCESS_KEY = "dev-access-key";
  public static final String SECRET_KEY = "dev-secret-key";
  /** Where the launcher puts the S3Proxy jar ({@code app/target/dev-servers/s3proxy.jar}). */
  public static final String JAR_PROPERTY = "auditline.s3proxy.jar";
  private static final Logger log = LoggerFactory.getLogger(DevS3.class);

  private final Path dir;
  private final int port;
  private volatile Process process;

  public DevS3(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** The jar when the launcher provided it. */
  public static Optional<Path> jar() {
    String path = System.getProperty(JAR_PROPERTY);
    return path == null ? Optional.empty() : Optional.of(Path.of(path)).filter(Files::isRegularFile);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public String name() {
    return "dev-s3";
  }

  @Override
  public void start() throws IOException, InterruptedException {
    Path jar = jar().orElseThrow(() -> new IllegalStateException("S3Proxy jar not found (set -D" + JAR_PROPERTY + ")"));
    Files.createDirectories(dir.resolve("objects"));
    Path properties = dir.resolve("s3proxy.properties");
    Files.writeString(properties, String.join("\n", List.of(
        "s3proxy.endpoint=" + endpoint(),
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=filesystem-nio2",
        "jclouds.identity=dev",
        "jclouds.credential=dev",
        "jclouds.filesystem.basedir=" + dir.resolve("objects").toAbsolutePath())) + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(), "--properties", properties.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy.log").toFile())).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!listening()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("S3Proxy did not start; see " + dir.resolve("s3proxy.log"));
      }
      Thread.sleep(100);
    }
    createBucket();
    log.atInfo().setMessage("dev S3 server started").addKeyValue("endpoint", endpoint()).addKeyValue("bucket", BUCKET).log();
  }

  @Override
  public Health check() {
    Process p = process;
    return p != null && p.isAlive() ? Health.healthy() : Health.unhealthy("dev S3 server is not running");
  }

  @Override
  public void close() {
    Process p = process;
    if (p != null) {
      p.destroy();
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void createBucket() {
    try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build()) {
      s3.createBucket(b -> b.bucket(BUCKET));
    } catch (BucketAlreadyOwnedByYouException e) {
      // Kept from an earlier run under data/s3.
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() != 409) {
        throw e;
      }
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("creating the dev bucket failed", e));
    }
  }
}
