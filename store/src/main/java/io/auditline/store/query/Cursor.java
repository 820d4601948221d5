package io.auditline.store.query;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The opaque continuation token of a page: the keyset position after which the next page starts,
 * the resolved time range (so default ranges stay fixed while paging) and a fingerprint of the
 * account, direction, range and filters it was issued for.
 *
 * <p>A cursor only ever selects a position; every query is still scoped by the account in the
 * path, so a forged cursor cannot reach other data. The fingerprint makes a cursor reused with a
 * different account or query a client error instead of a silently different result.
 */
public record Cursor(Direction direction, Instant since, Instant before, Position after, byte[] fingerprint) {

  private static final byte VERSION = 1;
  private static final int FINGERPRINT_BYTES = 16;
  private static final int ENCODED_BYTES = 1 + 1 + 12 + 12 + 12 + 16 + FINGERPRINT_BYTES;

  public Cursor {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (fingerprint.length != FINGERPRINT_BYTES) {
      throw new IllegalArgumentException("fingerprint: %d bytes (expected: %d)".formatted(fingerprint.length, FINGERPRINT_BYTES));
    }
    fingerprint = fingerprint.clone();
  }

  /** The cursor that continues {@code query} after {@code last}. */
  public static Cursor after(AuditLogQuery query, Position last) {
    return new Cursor(query.direction(), query.since(), query.before(), last, fingerprint(query));
  }

  /** Whether this cursor was issued for the same account, direction, range and filters. */
  public boolean issuedFor(AuditLogQuery query) {
    return direction == query.direction() && since.equals(query.since()) && before.equals(query.before())
        && MessageDigest.isEqual(fingerprint, fingerprint(query));
  }

  public String encode() {
    ByteBuffer b = ByteBuffer.allocate(ENCODED_BYTES);
    b.put(VERSION).put((byte) direction.ordinal());
    putInstant(b, since);
    putInstant(b, before);
    putInstant(b, after.occurredAt());
    b.putLong(after.id().getMostSignificantBits()).putLong(after.id().getLeastSignificantBits());
    b.put(fingerprint);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** Decodes a cursor; empty for anything this API did not issue in this shape. */
  public static Optional<Cursor> decode(String text) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != ENCODED_BYTES || bytes[0] != VERSION || bytes[1] < 0 || bytes[1] >= Direction.values().length) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
    try {
      Instant since = getInstant(b);
      Instant before = getInstant(b);
      Instant at = getInstant(b);
      UUID id = new UUID(b.getLong(), b.getLong());
      byte[] fingerprint = new byte[FINGERPRINT_BYTES];
      b.get(fingerprint);
      return Optional.of(new Cursor(Direction.values()[bytes[1]], since, before, new Position(at, id), fingerprint));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cursor c && direction == c.direction && since.equals(c.since) && before.equals(c.before)
        && after.equals(c.after) && Arrays.equals(fingerprint, c.fingerprint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(direction, since, before, after, Arrays.hashCode(fingerprint));
  }

  @Override
  public String toString() {
    return "Cursor[" + direction.wireName() + ", " + since + ".." + before + ", after=" + after + "]";
  }

  private static byte[] fingerprint(AuditLogQuery q) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      field(out, q.account());
      field(out, q.direction().wireName());
      field(out, q.since().toString());
      field(out, q.before().toString());
      AuditLogFilters f = q.filters();
      field(out, f.actorId().orElse(null));
      field(out, f.actorEmail().orElse(null));
      field(out, f.actorIp().map(Cidr::toString).orElse(null));
      field(out, f.actionType().orElse(null));
      field(out, f.actionTypePrefix().orElse(null));
      field(out, f.actionResult().orElse(null));
      field(out, f.resourceType().orElse(null));
      field(out, f.resourceId().orElse(null));
      field(out, f.zoneId().orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()), FINGERPRINT_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** Length-prefixed so that no two different field lists serialise alike. */
  private static void field(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static void putInstant(ByteBuffer b, Instant instant) {
    b.putLong(instant.getEpochSecond()).putInt(instant.getNano());
  }

  private static Instant getInstant(ByteBuffer b) {
    return Instant.ofEpochSecond(b.getLong(), b.getInt());
  }
}
