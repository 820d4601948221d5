package io.auditline.logpush.destination.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FileKeysProperties {

  private static final Path ROOT = Path.of("/srv/auditline/logs");

  @Property(tries = 2000)
  void aKeyEitherResolvesStrictlyBelowTheRootOrIsRefused(@ForAll("keys") String key) {
    try {
      Path target = FileKeys.resolve(ROOT, key);
      assertThat(target.startsWith(ROOT)).as(key).isTrue();
      assertThat(target).as(key).isNotEqualTo(ROOT);
      assertThat(target.normalize()).isEqualTo(target);
      assertThat(target.getFileName().toString()).doesNotStartWith(FileDestination.TEMP_PREFIX);
    } catch (FileKeys.BadKey refused) {
      assertThat(refused.getMessage()).startsWith("key '");
    }
  }

  @Example
  void refusesEscapesTheRootItselfAndTemporaryNames() {
    for (String key : List.of("../x", "a/../../x", "/abs/key", "", ".", "a/..", "./..", "x/../../logs2/y")) {
      assertThatThrownBy(() -> FileKeys.resolve(ROOT, key)).as(key).isInstanceOf(FileKeys.BadKey.class)
          .hasMessageContaining("escapes the root /srv/auditline/logs");
    }
    assertThatThrownBy(() -> FileKeys.resolve(ROOT, "a/.tmp-123"))
        .hasMessage("key 'a/.tmp-123' names a temporary file (names starting with .tmp- are reserved)");
    assertThatThrownBy(() -> FileKeys.resolve(ROOT, "a\u0000b"))
        .hasMessageStartingWith("key 'a\\u0000b' is not a valid file name");
  }

  @Example
  void resolvesOrdinaryKeys() throws FileKeys.BadKey {
    assertThat(FileKeys.resolve(ROOT, "20261126/job-p0-0001.ndjson.gz"))
        .isEqualTo(ROOT.resolve("20261126/job-p0-0001.ndjson.gz"));
    assertThat(FileKeys.resolve(ROOT, "a/./b")).isEqualTo(ROOT.resolve("a/b"));
  }

  @Provide
  Arbitrary<String> keys() {
    Arbitrary<String> segment = Arbitraries.of("a", "b", "..", ".", "", ".tmp-x", "logs", "logs2", "/");
    return segment.list().ofMinSize(0).ofMaxSize(6).map(parts -> String.join("/", parts));
  }
}
