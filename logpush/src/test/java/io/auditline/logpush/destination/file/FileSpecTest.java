package io.auditline.logpush.destination.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.Destinations;
import io.auditline.logpush.destination.KeyTemplate;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileSpecTest {

  @Test
  void theDirectoryBeforeTheFirstPlaceholderIsTheRoot() {
    assertThat(valid("file:///var/lib/auditline/logs/{DATE}"))
        .isEqualTo(new FileSpec(Path.of("/var/lib/auditline/logs"), new KeyTemplate("{DATE}")));
    assertThat(valid("file:///var/lib/auditline/logs-{DATE}/{HOUR}/"))
        .isEqualTo(new FileSpec(Path.of("/var/lib/auditline"), new KeyTemplate("logs-{DATE}/{HOUR}/")));
    assertThat(valid("file:/data/{JOB}/{DATE}"))
        .isEqualTo(new FileSpec(Path.of("/data"), new KeyTemplate("{JOB}/{DATE}")));
  }

  @Test
  void aPathWithoutPlaceholdersIsAllRoot() {
    assertThat(valid("file:///data/auditline/")).isEqualTo(new FileSpec(Path.of("/data/auditline"), KeyTemplate.empty()));
    assertThat(valid("file://localhost/data/auditline")).isEqualTo(new FileSpec(Path.of("/data/auditline"), KeyTemplate.empty()));
    assertThat(valid("file:///data/with%20space")).isEqualTo(new FileSpec(Path.of("/data/with space"), KeyTemplate.empty()));
  }

  @Test
  void describesItselfAsGiven() {
    FileSpec spec = valid("file:///data/logs/{DATE}");
    assertThat(spec.redacted()).isEqualTo("file:///data/logs/{DATE}");
    assertThat(spec).hasToString("file:///data/logs/{DATE}");
    assertThat(spec.scheme()).isEqualTo("file");
    assertThat(spec.keyTemplate().template()).isEqualTo("{DATE}");
  }

  @Test
  void rejectsWithPreciseMessages() {
    assertInvalid("file:relative/dir", "file destination path is not absolute (expected: file:///absolute/dir[/prefix])");
    assertInvalid("file://fileserver/share/logs", "file destination names host 'fileserver' (expected: file:///absolute/dir, a local path)");
    assertInvalid("file:///data/logs?x=1", "file destination has a query or fragment (expected: file:///absolute/dir[/prefix] only)");
    assertInvalid("file:///", "file destination root is '/' (expected: a directory below /)");
    assertInvalid("file:///{DATE}", "file destination root is '/' (expected: a directory below /)");
    assertInvalid("file:///data/../etc/{DATE}",
        "file destination root '/data/../etc' is not a normalized absolute path (expected: no '.', '..' or empty segments)");
    assertInvalid("file:///data//logs",
        "file destination root '/data//logs' is not a normalized absolute path (expected: no '.', '..' or empty segments)");
    assertInvalid("file:///data/{DATE}/../x", "key prefix '{DATE}/../x' contains '..' or '//' (expected: plain path segments)");
    assertInvalid("file:///data/{WEEK}", "unknown placeholder {WEEK} in '{WEEK}' (expected: {DATE}, {HOUR} or {JOB})");
    assertInvalid("file:///data/x}/{DATE}", "unbalanced brace in file destination root '/data/x}'");
    assertThat(FileSpec.parse(URI.create("s3://bucket/x")))
        .isEqualTo(new DestinationParse.Invalid("file destination: scheme 's3' (expected: file)"));
  }

  private static FileSpec valid(String uri) {
    DestinationParse parse = Destinations.parse(uri);
    assertThat(parse).as(uri).isInstanceOf(DestinationParse.Valid.class);
    return (FileSpec) ((DestinationParse.Valid) parse).spec();
  }

  private static void assertInvalid(String uri, String message) {
    assertThat(Destinations.parse(uri)).as(uri).isEqualTo(new DestinationParse.Invalid(message));
  }
}
