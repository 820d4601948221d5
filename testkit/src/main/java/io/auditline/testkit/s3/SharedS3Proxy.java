package io.auditline.testkit.s3;

import io.auditline.embedded.FreePorts;
import io.auditline.testkit.ServerProcess;
import io.auditline.testkit.TempDirs;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
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
 * One real S3 server (S3Proxy on the local file system) per test JVM, started on first use and
 * killed when the JVM exits.
 *
 * <p>S3Proxy runs in a child JVM from its self-contained jar, so its libraries never meet the
 * test's. The jar is the system property {@value #JAR_PROPERTY}, else {@code
 * target/test-servers/s3proxy.jar} below the working directory, where Maven copies it for the
 * modules that declare it. Tests share the server, so each uses buckets of its own.
 */
public final class SharedS3Proxy {

  public static final String JAR_PROPERTY = "auditline.s3proxy.jar";
  public static final String REGION = "us-east-1";
  public static final String ACCESS_KEY = "auditline-test";
  /** Holds '/' and '+', which destination URIs must carry through unharmed. */
  public static final String SECRET_KEY = "auditline/test+secret";

  private static final String HOST = "127.0.0.1";
  private static Server server;
  private static RuntimeException failure;

  private record Server(URI endpoint, S3Client client) {}

  private SharedS3Proxy() {}

  /** The server's base URL, for example {@code http://127.0.0.1:41234}, starting it if needed. */
  public static URI endpoint() {
    return server().endpoint();
  }

  public static String accessKey() {
    return ACCESS_KEY;
  }

  public static String secretKey() {
    return SECRET_KEY;
  }

  public static String region() {
    return REGION;
  }

  /** A client with the server's credentials, for setting up and checking buckets. */
  public static S3Client client() {
    return server().client();
  }

  /** Creates an empty bucket; names must follow S3's rules and be unique per test. */
  public static void createBucket(String name) {
    client().createBucket(b -> b.bucket(name));
  }

  /** The S3Proxy jar to run, or an exception that says how to provide it. */
  public static Path jar() {
    String property = System.getProperty(JAR_PROPERTY);
    Path jar = property != null ? Path.of(property) : Path.of("target", "test-servers", "s3proxy.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(("S3Proxy jar not found at %s: run the tests through Maven in a module that copies "
          + "org.gaul:s3proxy:jar-with-dependencies to target/test-servers (as logpush does), or set -D%s=<path>")
          .formatted(jar, JAR_PROPERTY));
    }
    return jar;
  }

  private static synchronized Server server() {
    if (failure != null) {
      throw new IllegalStateException("the shared S3Proxy failed to start earlier", failure);
    }
    if (server == null) {
      try {
        server = start();
      } catch (Exception e) {
        failure = new IllegalStateException("the shared S3Proxy failed to start", e);
        throw failure;
      }
    }
    return server;
  }

  private static Server start() throws Exception {
    Path jar = jar();
    Path dir = Files.createTempDirectory("auditline-s3proxy-");
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
      properties.store(out, "shared S3Proxy of one test JVM");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A small heap and the client compiler: the server shares two cores with the tests.
    List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", jar.toString(), "--properties", config.toString());
    ServerProcess process = ServerProcess.start("s3proxy", command, dir, dir.resolve("s3proxy.log"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> discard(process, dir), "shared-s3proxy-cleanup"));
    // CI machines are slow and busy; a test JVM would rather wait than fail spuriously.
    process.awaitPort(HOST, port, Duration.ofSeconds(120));
    return new Server(endpoint, client(endpoint));
  }

  private static S3Client client(URI endpoint) {
    return S3Client.builder()
        .httpClientBuilder(ApacheHttpClient.builder())
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  private static void discard(ServerProcess process, Path dir) {
    process.kill();
    try {
      TempDirs.deleteRecursively(dir);
    } catch (IOException e) {
      System.err.println("shared S3Proxy cleanup of " + dir + " failed: " + e);
    }
  }
}
