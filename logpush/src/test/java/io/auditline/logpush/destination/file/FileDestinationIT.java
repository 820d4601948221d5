package io.auditline.logpush.destination.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.Destinations;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes to a real directory. */
class FileDestinationIT {

  @TempDir Path dir;

  @Test
  void writesUnderTheRootAtTheExpandedKeyAndReadsItBack() throws IOException {
    FileSpec spec = spec("file://" + dir + "/logs/{DATE}/{HOUR}");
    String key = spec.keyTemplate().expand(Instant.parse("2026-11-26T20:15:00Z"), "job-1") + "job-1-p0-0001.ndjson.gz";
    assertThat(key).isEqualTo("20261126/20/job-1-p0-0001.ndjson.gz");
    try (Destination destination = spec.open(DestinationContext.defaults())) {
      assertThat(destination.upload(upload(key, "hello"))).isEqualTo(new UploadOutcome.Stored(key, 5));
      assertThat(destination.read(key).found()).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("hello"));
      assertThat(destination.describe()).isEqualTo("file://" + dir + "/logs/{DATE}/{HOUR}");
    }
    assertThat(dir.resolve("logs/20261126/20/job-1-p0-0001.ndjson.gz")).hasContent("hello");
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void rewritingAKeyReplacesTheObjectWhole() {
    try (Destination destination = open()) {
      destination.upload(upload("a/obj", "first version, longer"));
      assertThat(destination.upload(upload("a/obj", "second"))).isInstanceOf(UploadOutcome.Stored.class);
      assertThat(destination.read("a/obj").found()).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("second"));
    }
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void aReaderNeverSeesAPartialObjectWhileItIsRewritten() {
    byte[] a = new byte[1 << 20];
    byte[] b = new byte[1 << 20];
    Arrays.fill(a, (byte) 'a');
    Arrays.fill(b, (byte) 'b');
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> torn = new CopyOnWriteArrayList<>();
    try (Destination destination = open()) {
      destination.upload(new Upload("hot/obj", a, "application/octet-stream", "", "i"));
      CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
        int reads = 0;
        while (writing.get() || reads == 0) {
          byte[] seen = destination.read("hot/obj").found().orElseThrow();
          reads++;
          if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
            torn.add("read %d: %d bytes".formatted(reads, seen.length));
          }
        }
        return reads;
      });
      for (int i = 0; i < 40; i++) {
        destination.upload(new Upload("hot/obj", i % 2 == 0 ? b : a, "application/octet-stream", "", "i"));
      }
      writing.set(false);
      assertThat(reader.join()).isPositive();
    }
    assertThat(torn).isEmpty();
  }

  @Test
  void leftoverTemporaryFilesFromACrashAreNeverObjects() throws IOException {
    Path crashed = dir.resolve("logs/20261126/.tmp-0f1e2d3c");
    Files.createDirectories(crashed.getParent());
    Files.writeString(crashed, "{\"half\":");
    try (Destination destination = open()) {
      assertThat(destination.read("20261126/.tmp-0f1e2d3c")).isInstanceOf(Destination.ReadOutcome.Failed.class);
      assertThat(destination.upload(upload("20261126/.tmp-0f1e2d3c", "x")))
          .isEqualTo(new UploadOutcome.Rejected("invalid_key",
              "key '20261126/.tmp-0f1e2d3c' names a temporary file (names starting with .tmp- are reserved)"));
      assertThat(destination.upload(upload("20261126/real", "x"))).isInstanceOf(UploadOutcome.Stored.class);
    }
    assertThat(crashed).hasContent("{\"half\":");
  }

  @Test
  void aSymbolicLinkOutOfTheRootIsRefusedAndNothingIsCreatedThere() throws IOException {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Path root = Files.createDirectories(dir.resolve("logs"));
    Files.createSymbolicLink(root.resolve("link"), outside);
    try (Destination destination = open()) {
      assertThat(destination.upload(upload("link/sub/obj", "x"))).isEqualTo(new UploadOutcome.Rejected("invalid_key",
          "key 'link/sub/obj' leads outside the root %s through a symbolic link".formatted(root)));
      assertThat(destination.read("link/obj")).isInstanceOf(Destination.ReadOutcome.Failed.class);
    }
    try (Stream<Path> created = Files.list(outside)) {
      assertThat(created).isEmpty();
    }
  }

  @Test
  void aFileWhereADirectoryIsNeededIsAConflict() throws IOException {
    try (Destination destination = open()) {
      destination.upload(upload("a", "file"));
      assertThat(destination.upload(upload("a/b", "x"))).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo("conflict"));
      destination.upload(upload("d/x", "x"));
      assertThat(destination.upload(upload("d", "x"))).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo("conflict"));
    }
  }

  @Test
  void aMissingObjectIsNotFound() {
    try (Destination destination = open()) {
      assertThat(destination.read("no/such/obj")).isEqualTo(new Destination.ReadOutcome.Failed(
          "no object with key 'no/such/obj' under " + dir.resolve("logs")));
    }
  }

  @Test
  void anUnwritableRootIsRejectedAsPermission() throws IOException {
    Path root = Files.createDirectories(dir.resolve("logs"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeThat(Files.isWritable(root)).as("not running with a privilege that ignores permissions (root)").isFalse();
      try (Destination destination = open()) {
        assertThat(destination.upload(upload("x/obj", "x"))).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo("permission"));
      }
    } finally {
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private Destination open() {
    return spec("file://" + dir + "/logs").open(DestinationContext.defaults());
  }

  private List<Path> temporaryFiles() {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(FileDestination::isTemporary).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FileSpec spec(String uri) {
    DestinationParse parse = Destinations.parse(uri);
    assertThat(parse).as(uri).isInstanceOf(DestinationParse.Valid.class);
    return (FileSpec) ((DestinationParse.Valid) parse).spec();
  }

  private static Upload upload(String key, String body) {
    return new Upload(key, body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", "", "idem");
  }
}
