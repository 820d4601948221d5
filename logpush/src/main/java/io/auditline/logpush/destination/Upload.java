package io.auditline.logpush.destination;

import java.util.Objects;

/**
 * One object to write.
 *
 * @param key the object's key relative to the destination's bucket, container, directory or URL,
 *     placeholders already expanded (for example {@code logs/20261126/0f1e...-p3-00000000000000004096.ndjson.gz})
 * @param body the encoded, compressed bytes
 * @param contentType for example {@code application/x-ndjson}
 * @param contentEncoding {@code gzip}, {@code zstd} or empty for none
 * @param idempotencyKey stable across retries and restarts of the same batch; HTTP destinations send
 *     it as {@code Idempotency-Key}
 */
public record Upload(String key, byte[] body, String contentType, String contentEncoding, String idempotencyKey) {

  public Upload {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(contentEncoding, "contentEncoding");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (key.isEmpty() || key.startsWith("/") || key.contains("..")) {
      throw new IllegalArgumentException("key: '%s' (expected: a relative key without '..')".formatted(key));
    }
  }
}
