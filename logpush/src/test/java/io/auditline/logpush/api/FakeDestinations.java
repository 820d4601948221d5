package io.auditline.logpush.api;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.Destinations;
import io.auditline.logpush.destination.KeyTemplate;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * In-memory destinations behind a parser: {@code fake://bucket/prefix?secret=S} can be read back,
 * {@code fakepost://bucket/prefix?secret=S} cannot (like an HTTPS endpoint), and {@code reject=true}
 * makes every upload fail, {@code throw=true} makes opening throw with the URI in the message. Other
 * URIs go to the real parser.
 */
final class FakeDestinations implements Function<String, DestinationParse> {

  /** Every object written, by {@code bucket/key}. */
  final Map<String, byte[]> objects = new ConcurrentHashMap<>();

  @Override
  public DestinationParse apply(String text) {
    if (!text.startsWith("fake://") && !text.startsWith("fakepost://")) {
      return Destinations.parse(text);
    }
    String scheme = text.substring(0, text.indexOf("://"));
    String rest = text.substring(scheme.length() + 3);
    String query = rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "";
    String location = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    String bucket = location.contains("/") ? location.substring(0, location.indexOf('/')) : location;
    String prefix = location.substring(bucket.length()).replaceFirst("^/", "");
    Optional<String> problem = KeyTemplate.problem(prefix);
    if (problem.isPresent()) {
      return new DestinationParse.Invalid(problem.get());
    }
    String redacted = text.replaceAll("secret=[^&]*", "secret=REDACTED");
    return new DestinationParse.Valid(new Spec(scheme, bucket, new KeyTemplate(prefix), redacted, scheme.equals("fake"), query.contains("reject=true"), query.contains("throw=true") ? text : null, objects));
  }

  /** The keys written to {@code bucket}. */
  List<String> keys(String bucket) {
    return objects.keySet().stream().filter(k -> k.startsWith(bucket + "/")).map(k -> k.substring(bucket.length() + 1))
        .sorted().toList();
  }

  byte[] object(String bucket, String key) {
    return objects.get(bucket + "/" + key);
  }

  private record Spec(String scheme, String bucket, KeyTemplate keyTemplate, String redacted, boolean readable,
      boolean reject, String throwWith, Map<String, byte[]> objects) implements DestinationSpec {
    @Override
    public Destination open(DestinationContext context) {
      if (throwWith != null) {
        throw new IllegalStateException("cannot open " + throwWith);
      }
      return new Fake(this);
    }
  }

  private static final class Fake implements Destination {
    private final Spec spec;

    Fake(Spec spec) {
      this.spec = spec;
    }

    @Override
    public UploadOutcome upload(Upload upload) {
      if (spec.reject()) {
        return new UploadOutcome.Rejected("access_denied", "the bucket " + spec.bucket() + " denied the write (403)");
      }
      spec.objects().put(spec.bucket() + "/" + upload.key(), upload.body().clone());
      return new UploadOutcome.Stored(upload.key(), upload.body().length);
    }

    @Override
    public ReadOutcome read(String key) {
      if (!spec.readable()) {
        return new ReadOutcome.Unsupported("fakepost endpoints accept POSTs only");
      }
      byte[] body = spec.objects().get(spec.bucket() + "/" + key);
      return body == null ? new ReadOutcome.Failed("no such key " + key) : new ReadOutcome.Found(body.clone());
    }

    @Override
    public String describe() {
      return spec.redacted();
    }
  }
}
