package io.auditline.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.validate.ValidateProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.TextFormat;
import io.auditline.ingest.testing.Events;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.RequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The fast path may only accept what protovalidate accepts, and must be revisited when the rules change. */
class FastPathTest {

  private static final Validator protovalidate = ValidatorFactory.newBuilder().build();

  @Example
  void acceptsTheReferenceEventWithoutProtovalidate() {
    assertThat(FastPath.certainlyValid(Events.valid().build(), Instant.now())).isTrue();
  }

  @Example
  void defersUnusualButValidValuesToProtovalidate() {
    AuditEvent ipv6 = Events.valid().setActor(Events.valid().getActor().toBuilder().setIp("2001:db8::1")).build();
    assertThat(FastPath.certainlyValid(ipv6, Instant.now())).isFalse();
    assertThat(new EventValidator(65536).validate(ipv6)).isEmpty();
  }

  @Property(tries = 3000)
  void acceptsNothingThatProtovalidateRejects(
      @ForAll("ids") String id,
      @ForAll("identifiers") String account,
      @ForAll("identifiers") String zone,
      @ForAll("emails") String email,
      @ForAll("ips") String ip,
      @ForAll("identifiers") String tokenId,
      @ForAll("actionTypes") String actionType,
      @ForAll("actionTypes") String resourceType,
      @ForAll("uris") String uri,
      @ForAll("identifiers") String metadataKey,
      @ForAll("offsetsMinutes") long occurredOffsetMinutes,
      @ForAll("smallInts") int enumValue,
      @ForAll("methods") String method) throws Exception {
    AuditEvent.Builder b = Events.valid(account).setId(id).setZoneId(zone).putMetadata(metadataKey, "v");
    b.setActor(b.getActor().toBuilder().setEmail(email).setIp(ip).setTokenId(tokenId).setTypeValue(enumValue));
    b.setAction(
        b.getAction().toBuilder()
            .setType(actionType)
            .setResultValue(enumValue % 3)
            .setOccurredAt(Events.at(Instant.now().plus(Duration.ofMinutes(occurredOffsetMinutes)))));
    b.setResource(b.getResource().toBuilder().setType(resourceType));
    b.setRequest(RequestContext.newBuilder().setUri(uri).setMethod(method).setStatusCode(enumValue * 100));
    AuditEvent event = b.build();

    boolean fast = FastPath.certainlyValid(event, Instant.now());
    Statistics.label("fast path").collect(fast);
    Statistics.label("fast path").coverage(c -> c.check(true).percentage(p -> p > 3));
    if (fast) {
      assertThat(protovalidate.validate(event).getViolations()).as("protovalidate on a fast-path-accepted event %s", event).isEmpty();
    }
  }

  /**
   * A snapshot of every protovalidate rule in the contract. When it changes, FastPath must be reviewed
   * against the new rules before the snapshot is updated (print it with {@link #rulesOf}).
   */
  @Example
  void theContractRulesAreTheOnesTheFastPathWasWrittenFor() throws IOException {
    String actual = rulesOf(AuditEvent.getDescriptor());
    String expected;
    try (InputStream in = FastPathTest.class.getResourceAsStream("/contract-rules.snapshot")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(expected)) {
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "contract-rules.actual"), actual);
    }
    assertThat(actual)
        .as("protovalidate rules changed: review FastPath against them, then update src/test/resources/contract-rules.snapshot")
        .isEqualTo(expected);
  }

  static String rulesOf(Descriptor root) {
    StringBuilder out = new StringBuilder();
    List<Descriptor> messages = List.of(root, root.findFieldByName("actor").getMessageType(),
        root.findFieldByName("action").getMessageType(), root.findFieldByName("resource").getMessageType(),
        root.findFieldByName("request").getMessageType());
    for (Descriptor message : messages) {
      if (message.getOptions().hasExtension(ValidateProto.message)) {
        out.append(message.getName()).append(": ")
            .append(TextFormat.printer().shortDebugString(message.getOptions().getExtension(ValidateProto.message))).append('\n');
      }
      for (FieldDescriptor field : message.getFields()) {
        if (field.getOptions().hasExtension(ValidateProto.field)) {
          out.append(message.getName()).append('.').append(field.getName()).append(": ")
              .append(TextFormat.printer().shortDebugString(field.getOptions().getExtension(ValidateProto.field))).append('\n');
        }
      }
    }
    return out.toString();
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.create(() -> java.util.UUID.randomUUID().toString())),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("0123456789abcdefABCDEFg-").ofLength(36)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
  }

  @Provide
  Arbitrary<String> identifiers() {
    return Arbitraries.oneOf(
        Arbitraries.of("acct-1", "Z9_-", "a".repeat(64)), Arbitraries.of("acct-1", "Z9_-", "a".repeat(64)), Arbitraries.of("acct-1", "Z9_-", "a".repeat(64)), Arbitraries.of("acct-1", "Z9_-", "a".repeat(64)), Arbitraries.of("acct-1", "Z9_-", "a".repeat(64)), Arbitraries.of("acct-1", "Z9_-", "a".repeat(64)),
        Arbitraries.strings().withChars("aZ09_-.é ").ofMinLength(0).ofMaxLength(70),
        Arbitraries.strings().alpha().numeric().ofMinLength(60).ofMaxLength(66),
        Arbitraries.of("acct-1", "a", "_x", "-x", "9lives", ""));
  }

  @Provide
  Arbitrary<String> emails() {
    return Arbitraries.oneOf(
        Arbitraries.of("alice@example.com", "a.b+c@x-y.example.org", ""), Arbitraries.of("alice@example.com", "a.b+c@x-y.example.org", ""), Arbitraries.of("alice@example.com", "a.b+c@x-y.example.org", ""), Arbitraries.of("alice@example.com", "a.b+c@x-y.example.org", ""), Arbitraries.of("alice@example.com", "a.b+c@x-y.example.org", ""), Arbitraries.of("alice@example.com", "a.b+c@x-y.example.org", ""),
        Arbitraries.strings().withChars("ab.+_-@Z9").ofMaxLength(20),
        Arbitraries.of("alice@example.com", "a.b@x.io", "a..b@x.io", ".a@x.io", "a.@x.io", "a@b", "a@b.1", "a@-b.io",
            "a@b-.io", "a@b..io", "", "a@b.c", "x@" + "d".repeat(64) + ".io"),
        Arbitraries.strings().ofMaxLength(30));
  }

  @Provide
  Arbitrary<String> ips() {
    return Arbitraries.oneOf(
        Arbitraries.of("203.0.113.7", "10.0.0.1", ""), Arbitraries.of("203.0.113.7", "10.0.0.1", ""), Arbitraries.of("203.0.113.7", "10.0.0.1", ""), Arbitraries.of("203.0.113.7", "10.0.0.1", ""), Arbitraries.of("203.0.113.7", "10.0.0.1", ""), Arbitraries.of("203.0.113.7", "10.0.0.1", ""),
        Arbitraries.strings().withChars("0123456789.").ofMaxLength(16),
        Arbitraries.of("203.0.113.7", "1.2.3.4", "01.2.3.4", "256.1.1.1", "1.2.3", "1.2.3.4.5", "", "::1", "0.0.0.0"));
  }

  @Provide
  Arbitrary<String> actionTypes() {
    return Arbitraries.oneOf(
        Arbitraries.of("zone.settings.update", "a.b", "user.api_token.create"), Arbitraries.of("zone.settings.update", "a.b", "user.api_token.create"), Arbitraries.of("zone.settings.update", "a.b", "user.api_token.create"), Arbitraries.of("zone.settings.update", "a.b", "user.api_token.create"), Arbitraries.of("zone.settings.update", "a.b", "user.api_token.create"), Arbitraries.of("zone.settings.update", "a.b", "user.api_token.create"),
        Arbitraries.strings().withChars("az09_.A").ofMaxLength(12),
        Arbitraries.of("zone.settings.update", "a.b", "a..b", ".a.b", "a.b.", "a", "a_b.c9", "9a.b", "zone.setting"),
        Arbitraries.strings().withChars("ab.").ofMinLength(125).ofMaxLength(131));
  }

  @Provide
  Arbitrary<String> uris() {
    return Arbitraries.oneOf(
        Arbitraries.of("/client/v4/zones", "https://api.example.com:8443/v4/zones?page=2#top", ""), Arbitraries.of("/client/v4/zones", "https://api.example.com:8443/v4/zones?page=2#top", ""), Arbitraries.of("/client/v4/zones", "https://api.example.com:8443/v4/zones?page=2#top", ""), Arbitraries.of("/client/v4/zones", "https://api.example.com:8443/v4/zones?page=2#top", ""), Arbitraries.of("/client/v4/zones", "https://api.example.com:8443/v4/zones?page=2#top", ""), Arbitraries.of("/client/v4/zones", "https://api.example.com:8443/v4/zones?page=2#top", ""),
        Arbitraries.strings().withChars("ab/:?#%[]@ .-~!$&'()*+,;=9").ofMaxLength(30),
        Arbitraries.of("/client/v4/zones", "https://api.example.com/v4/zones?page=2#x", "http://h:80", "http://h:", "http://:80/",
            "https://a-.b/x", "//host/path", "/a#b#c", "/a%20b", "http://exa mple.com", "/x?y=/z", "https://h:123456/"),
        Arbitraries.strings().ofMaxLength(30));
  }

  @Provide
  Arbitrary<Long> offsetsMinutes() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-60, 30), Arbitraries.longs().between(-60, 30), Arbitraries.longs().between(-60, 30),
        Arbitraries.longs().between(-43_300, 120),
        Arbitraries.of(-43_200L, -43_199L, -43_201L, 59L, 60L, 61L, 0L));
  }

  @Provide
  Arbitrary<Integer> smallInts() {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.of(1, 2)), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-1, 6)));
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("", "GET", "PATCH", "PATCH", "DELETE", "get", "FETCH", "OPTIONS");
  }
}
