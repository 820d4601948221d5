package io.auditline.bench.logpush;

import io.auditline.embedded.FreePorts;
import io.auditline.testkit.ServerProcess;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server on loopback: S3Proxy on the local file system, in a child JVM from its
 * self-contained jar (its libraries never meet ours), killed by {@link #close()} or, when this JVM
 * dies, by the watchdog of {@link ServerProcess}. Unlike the tests' shared instance it runs with the
 * default JIT and a 1 GiB heap: here it is part of the measured path.
 */
final class S3ProxyServer implements AutoCloseable {

  /** Overrides where the jar is; by default {@code bench-servers/s3proxy.jar} beside the bench jar. */
  static final String JAR_PROPERTY = "auditline.s3proxy.jar";
  static final String ACCESS_KEY = "auditline-bench";
  static final String SECRET_KEY = "auditline-bench-secret";
  static final String REGION = "us-east-1";
  private static final String HOST = "127.0.0.1";

  private final ServerProcess process;
  private final URI endpoint;
  private final S3Client client;

  private S3ProxyServer(ServerProcess process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
    this.client = S3Client.builder()
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(8))
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /** Starts S3Proxy with its data under {@code dir}. */
  static S3ProxyServer start(Path dir) throws Exception {
    Path jar = jar();
    Files.createDirectories(dir.resolve("data"));
    int port = FreePorts.pick(HOST);
    URI endpoint = URI.create("http://" + HOST + ":" + port);
    Properties properties = new Properties();
    properties.setProperty("s3proxy.endpoint", endpoint.toString());
    properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    properties.setProperty("s3proxy.identity", ACCESS_KEY);
    properties.setProperty("s3proxy.credential", SECRET_KEY);
    // filesystem-nio2, not the deprecated filesystem provider, which lists directories as objects.
    properties.setProperty("jclouds.provider", "filesystem-nio2");
    properties.setProperty("jclouds.identity", "unused");
    properties.setProperty("jclouds.credential", "unused");
    properties.setProperty("jclouds.filesystem.basedir", dir.resolve("data").toString());
    Path config = dir.resolve("s3proxy.properties");
    try (Writer out = Files.newBufferedWriter(config)) {
      properties.store(out, "S3Proxy of one logpush benchmark run");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx1g", "-jar", jar.toString(), "--properties", config.toString());
    ServerProcess process = ServerProcess.start("s3proxy", command, dir, dir.resolve("s3proxy.log"));
    try {
      process.awaitPort(HOST, port, Duration.ofSeconds(120));
    } catch (RuntimeException | InterruptedException e) {
      process.kill();
      throw e;
    }
    return new S3ProxyServer(process, endpoint);
  }

  URI endpoint() {
    return endpoint;
  }

  /** A client with the server's credentials, for creating the bucket and reading what Logpush wrote. */
  S3Client client() {
    return client;
  }

  /** A Logpush destination URI for {@code bucket} and key {@code prefix}. */
  String destination(String bucket, String prefix) {
    return "s3://%s/%s?endpoint=%s&access_key_id=%s&secret_access_key=%s&region=%s"
        .formatted(bucket, prefix, endpoint, ACCESS_KEY, SECRET_KEY, REGION);
  }

  private static Path jar() throws URISyntaxException {
    String property = System.getProperty(JAR_PROPERTY);
    Path jar = property != null
        ? Path.of(property)
        : Path.of(S3ProxyServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolveSibling("bench-servers").resolve("s3proxy.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("S3Proxy jar not found at %s: build the bench module with Maven (it copies "
          + "org.gaul:s3proxy:jar-with-dependencies to target/bench-servers), or set -D%s=<path>".formatted(jar, JAR_PROPERTY));
    }
    return jar;
  }

  @Override
  public void close() {
    client.close();
    process.kill();
  }
}
