package io.auditline.logpush.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.Timestamp;
import io.auditline.store.query.EventJson;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** How {@code action.occurred_at} is written: RFC 3339 text, or integer seconds or nanoseconds since the epoch. */
public enum TimestampFormat {
  RFC3339("rfc3339"),
  UNIX("unix"),
  UNIX_NANO("unixnano");

  private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

  private final String wire;

  TimestampFormat(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<TimestampFormat> fromWire(String wire) {
    return Arrays.stream(values()).filter(f -> f.wire.equals(wire)).findFirst();
  }

  static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(TimestampFormat::wire).toList());
  }

  /** The timestamp as text, as a CSV cell holds it. */
  public String text(Timestamp t) {
    Instant at = Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    return switch (this) {
      case RFC3339 -> EventJson.timestamp(t);
      case UNIX -> Long.toString(at.getEpochSecond());
      case UNIX_NANO -> epochNanos(at).toString();
    };
  }

  /** Writes the timestamp as a JSON value; {@code scratch} holds at least 32 chars and spares a String per event. */
  void write(Timestamp t, JsonGenerator g, char[] scratch) throws IOException {
    long seconds = t.getSeconds();
    int nanos = t.getNanos();
    switch (this) {
      case RFC3339 -> {
        int length = Rfc3339.format(seconds, nanos, scratch);
        if (length < 0) {
          g.writeString(EventJson.timestamp(t));
        } else {
          g.writeString(scratch, 0, length);
        }
      }
      case UNIX -> g.writeNumber(Rfc3339.validNanos(nanos) ? seconds : Instant.ofEpochSecond(seconds, nanos).getEpochSecond());
      case UNIX_NANO -> {
        long high = Math.multiplyHigh(seconds, 1_000_000_000L);
        long low = seconds * 1_000_000_000L;
        // Beyond year 2262 the nanoseconds no longer fit a long; such events are invalid but must not break a batch.
        if (Rfc3339.validNanos(nanos) && high == (low >> 63) && low <= Long.MAX_VALUE - nanos) {
          g.writeNumber(low + nanos);
        } else {
          g.writeNumber(epochNanos(Instant.ofEpochSecond(seconds, nanos)));
        }
      }
    }
  }

  /** What {@link #write(Timestamp, JsonGenerator, char[])} writes, as UTF-8 bytes. */
  void write(long seconds, int nanos, JsonBytes out, char[] scratch) throws IOException {
    switch (this) {
      case RFC3339 -> {
        int length = Rfc3339.format(seconds, nanos, scratch);
        if (length < 0) {
          out.string(EventJson.timestamp(Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build()));
        } else {
          out.raw('"');
          out.raw(scratch, length);
          out.raw('"');
        }
      }
      case UNIX -> out.number(Rfc3339.validNanos(nanos) ? seconds : Instant.ofEpochSecond(seconds, nanos).getEpochSecond());
      case UNIX_NANO -> {
        long high = Math.multiplyHigh(seconds, 1_000_000_000L);
        long low = seconds * 1_000_000_000L;
        if (Rfc3339.validNanos(nanos) && high == (low >> 63) && low <= Long.MAX_VALUE - nanos) {
          out.number(low + nanos);
        } else {
          String digits = epochNanos(Instant.ofEpochSecond(seconds, nanos)).toString();
          out.raw(digits.toCharArray(), digits.length());
        }
      }
    }
  }

  private static BigInteger epochNanos(Instant at) {
    return BigInteger.valueOf(at.getEpochSecond()).multiply(BILLION).add(BigInteger.valueOf(at.getNano()));
  }
}
