package io.auditline.logpush.format;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An audit event read straight from its protobuf wire bytes: where each string lies in the record's
 * array, and the numbers, without building an {@code AuditEvent} or a String. Reading follows the
 * generated parser's rules (a later value of a field replaces an earlier one, a repeated message is
 * merged into the first, a later metadata entry replaces an earlier one with the same key, unknown
 * fields are skipped, strings must be valid UTF-8), so what it renders is what the parsed event would.
 * Where a record is unusual (invalid wire data or UTF-8, non-ASCII metadata keys) {@link #read} says
 * so and the caller parses the record the ordinary way. One instance per thread; it is reused.
 */
public final class WireEvent {

  private static final int LENGTH_DELIMITED = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int VARINT = WireFormat.WIRETYPE_VARINT;
  private static final int FIELDS = EventField.values().length;
  // The nested messages read.
  private static final int ACTOR = 0;
  private static final int ACTION = 1;
  private static final int RESOURCE = 2;
  private static final int REQUEST = 3;
  private static final int METADATA_ENTRY = 4;
  private static final int OCCURRED_AT = 5;

  private byte[] bytes;
  /** Start and length of each string field in {@link #bytes}, by {@link EventField#ordinal()}. */
  private final int[] starts = new int[FIELDS];
  private final int[] lengths = new int[FIELDS];
  private int actorType;
  private int actionResult;
  private long seconds;
  private int nanos;
  private int statusCode;
  private int schemaVersion;
  private boolean hasRequest;
  /** Metadata entries as key start, key length, value start, value length; sorted by key once read. */
  private int[] entries = new int[4 * 32];
  private int entryCount;
  private final int[] entry = new int[4];

  /**
   * Indexes {@code value}; true when it is an event this reader renders exactly, false when the caller
   * must parse it instead (which also rejects what is not an event at all).
   */
  public boolean read(byte[] value) {
    bytes = value;
    Arrays.fill(lengths, 0);
    actorType = actionResult = nanos = statusCode = schemaVersion = entryCount = 0;
    seconds = 0;
    hasRequest = false;
    try {
      return event(CodedInputStream.newInstance(value)) && sortMetadata();
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the event's account id is exactly these UTF-8 bytes. */
  public boolean accountIs(byte[] utf8) {
    int at = EventField.ACCOUNT_ID.ordinal();
    return Arrays.equals(bytes, starts[at], starts[at] + lengths[at], utf8, 0, utf8.length);
  }

  /** The event id, decoded (only sampling needs it as text). */
  public String id() {
    int at = EventField.ID.ordinal();
    return new String(bytes, starts[at], lengths[at], StandardCharsets.UTF_8);
  }

  byte[] bytes() {
    return bytes;
  }

  int start(EventField f) {
    return starts[f.ordinal()];
  }

  int length(EventField f) {
    return lengths[f.ordinal()];
  }

  int actorType() {
    return actorType;
  }

  int actionResult() {
    return actionResult;
  }

  long seconds() {
    return seconds;
  }

  int nanos() {
    return nanos;
  }

  int statusCode() {
    return statusCode;
  }

  int schemaVersion() {
    return schemaVersion;
  }

  boolean hasRequest() {
    return hasRequest;
  }

  int metadataCount() {
    return entryCount;
  }

  /** Entry {@code i} in key order: {@code part} 0 key start, 1 key length, 2 value start, 3 value length. */
  int metadata(int i, int part) {
    return entries[4 * i + part];
  }

  private boolean event(CodedInputStream in) throws IOException {
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      boolean ok = switch (tag) {
        case 1 << 3 | LENGTH_DELIMITED -> string(in, EventField.ID);
        case 2 << 3 | LENGTH_DELIMITED -> string(in, EventField.ACCOUNT_ID);
        case 3 << 3 | LENGTH_DELIMITED -> message(in, ACTOR);
        case 4 << 3 | LENGTH_DELIMITED -> message(in, ACTION);
        case 5 << 3 | LENGTH_DELIMITED -> message(in, RESOURCE);
        case 6 << 3 | LENGTH_DELIMITED -> {
          hasRequest = true;
          yield message(in, REQUEST);
        }
        case 7 << 3 | LENGTH_DELIMITED -> string(in, EventField.ZONE_ID);
        case 8 << 3 | LENGTH_DELIMITED -> message(in, METADATA_ENTRY);
        case 9 << 3 | VARINT -> {
          schemaVersion = in.readUInt32();
          yield true;
        }
        default -> in.skipField(tag);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A nested message: one of the kinds below. */
  private boolean message(CodedInputStream in, int kind) throws IOException {
    int limit = in.pushLimit(in.readRawVarint32());
    int entry = kind == METADATA_ENTRY ? startEntry() : -1;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      boolean ok = switch (kind) {
        case ACTOR -> actor(in, tag);
        case ACTION -> action(in, tag);
        case RESOURCE -> resource(in, tag);
        case REQUEST -> request(in, tag);
        case METADATA_ENTRY -> entry(in, tag, entry);
        case OCCURRED_AT -> timestamp(in, tag);
        default -> throw new IllegalStateException("no message kind " + kind);
      };
      if (!ok) {
        return false;
      }
    }
    in.popLimit(limit);
    return true;
  }

  private boolean actor(CodedInputStream in, int tag) throws IOException {
    return switch (tag) {
      case 1 << 3 | VARINT -> {
        actorType = in.readEnum();
        yield true;
      }
      case 2 << 3 | LENGTH_DELIMITED -> string(in, EventField.ACTOR_ID);
      case 3 << 3 | LENGTH_DELIMITED -> string(in, EventField.ACTOR_EMAIL);
      case 4 << 3 | LENGTH_DELIMITED -> string(in, EventField.ACTOR_IP);
      case 5 << 3 | LENGTH_DELIMITED -> string(in, EventField.ACTOR_USER_AGENT);
      case 6 << 3 | LENGTH_DELIMITED -> string(in, EventField.ACTOR_TOKEN_ID);
      case 7 << 3 | LENGTH_DELIMITED -> string(in, EventField.ACTOR_TOKEN_NAME);
      default -> in.skipField(tag);
    };
  }

  private boolean action(CodedInputStream in, int tag) throws IOException {
    return switch (tag) {
      case 1 << 3 | LENGTH_DELIMITED -> string(in, EventField.ACTION_TYPE);
      case 2 << 3 | LENGTH_DELIMITED -> string(in, EventField.ACTION_DESCRIPTION);
      case 3 << 3 | VARINT -> {
        actionResult = in.readEnum();
        yield true;
      }
      case 4 << 3 | LENGTH_DELIMITED -> message(in, OCCURRED_AT);
      default -> in.skipField(tag);
    };
  }

  private boolean resource(CodedInputStream in, int tag) throws IOException {
    return switch (tag) {
      case 1 << 3 | LENGTH_DELIMITED -> string(in, EventField.RESOURCE_TYPE);
      case 2 << 3 | LENGTH_DELIMITED -> string(in, EventField.RESOURCE_ID);
      case 3 << 3 | LENGTH_DELIMITED -> string(in, EventField.RESOURCE_PRODUCT);
      case 4 << 3 | LENGTH_DELIMITED -> string(in, EventField.RESOURCE_SCOPE);
      default -> in.skipField(tag);
    };
  }

  private boolean request(CodedInputStream in, int tag) throws IOException {
    return switch (tag) {
      case 1 << 3 | LENGTH_DELIMITED -> string(in, EventField.REQUEST_REQUEST_ID);
      case 2 << 3 | LENGTH_DELIMITED -> string(in, EventField.REQUEST_METHOD);
      case 3 << 3 | LENGTH_DELIMITED -> string(in, EventField.REQUEST_URI);
      case 4 << 3 | VARINT -> {
        statusCode = in.readUInt32();
        yield true;
      }
      default -> in.skipField(tag);
    };
  }

  private boolean timestamp(CodedInputStream in, int tag) throws IOException {
    switch (tag) {
      case 1 << 3 | VARINT -> seconds = in.readInt64();
      case 2 << 3 | VARINT -> nanos = in.readInt32();
      default -> {
        return in.skipField(tag);
      }
    }
    return true;
  }

  private boolean string(CodedInputStream in, EventField f) throws IOException {
    int length = in.readRawVarint32();
    int start = in.getTotalBytesRead();
    in.skipRawBytes(length);
    starts[f.ordinal()] = start;
    lengths[f.ordinal()] = length;
    return validUtf8(bytes, start, start + length);
  }

  /** A new metadata entry, key and value empty until read; returns its index. */
  private int startEntry() {
    if (4 * entryCount == entries.length) {
      entries = Arrays.copyOf(entries, entries.length * 2);
    }
    Arrays.fill(entries, 4 * entryCount, 4 * entryCount + 4, 0);
    return entryCount++;
  }

  private boolean entry(CodedInputStream in, int tag, int entry) throws IOException {
    int part = switch (tag) {
      case 1 << 3 | LENGTH_DELIMITED -> 0;
      case 2 << 3 | LENGTH_DELIMITED -> 2;
      default -> -1;
    };
    if (part < 0) {
      return in.skipField(tag);
    }
    int length = in.readRawVarint32();
    int start = in.getTotalBytesRead();
    in.skipRawBytes(length);
    entries[4 * entry + part] = start;
    entries[4 * entry + part + 1] = length;
    return validUtf8(bytes, start, start + length);
  }

  /**
   * Sorts the entries by key, keeping only the last of equal keys (a map's later entry wins). Keys
   * must be ASCII, so that byte order is the String order the parsed event's keys sort in.
   */
  private boolean sortMetadata() {
    for (int i = 0; i < entryCount; i++) {
      int start = entries[4 * i];
      for (int b = start; b < start + entries[4 * i + 1]; b++) {
        if (bytes[b] < 0) {
          return false;
        }
      }
    }
    // Insertion sort: stable, so of equal keys the later one stays after the earlier one.
    for (int i = 1; i < entryCount; i++) {
      System.arraycopy(entries, 4 * i, entry, 0, 4);
      int j = i - 1;
      while (j >= 0 && compareKeys(entries[4 * j], entries[4 * j + 1], entry[0], entry[1]) > 0) {
        System.arraycopy(entries, 4 * j, entries, 4 * j + 4, 4);
        j--;
      }
      System.arraycopy(entry, 0, entries, 4 * j + 4, 4);
    }
    int kept = 0;
    for (int i = 0; i < entryCount; i++) {
      boolean replaced = i + 1 < entryCount
          && compareKeys(entries[4 * i], entries[4 * i + 1], entries[4 * i + 4], entries[4 * i + 5]) == 0;
      if (!replaced) {
        System.arraycopy(entries, 4 * i, entries, 4 * kept, 4);
        kept++;
      }
    }
    entryCount = kept;
    return true;
  }

  private int compareKeys(int a, int aLength, int b, int bLength) {
    return Arrays.compare(bytes, a, a + aLength, bytes, b, b + bLength);
  }

  /** Well-formed UTF-8 as the parser requires of proto3 strings (no overlong forms, surrogates or values past U+10FFFF). */
  static boolean validUtf8(byte[] b, int i, int end) {
    while (i < end) {
      if (i + 8 <= end && ((long) JsonBytes.LONGS.get(b, i) & 0x8080808080808080L) == 0) {
        i += 8; // eight ASCII bytes
        continue;
      }
      byte b1 = b[i++];
      if (b1 >= 0) {
        continue;
      }
      if (b1 < (byte) 0xE0) {
        if (i >= end || b1 < (byte) 0xC2 || b[i++] > (byte) 0xBF) {
          return false;
        }
      } else if (b1 < (byte) 0xF0) {
        if (i + 1 >= end) {
          return false;
        }
        byte b2 = b[i++];
        if (b2 > (byte) 0xBF || (b1 == (byte) 0xE0 && b2 < (byte) 0xA0) || (b1 == (byte) 0xED && b2 >= (byte) 0xA0)
            || b[i++] > (byte) 0xBF) {
          return false;
        }
      } else {
        if (i + 2 >= end) {
          return false;
        }
        byte b2 = b[i++];
        // Lead F0 needs a second byte from 0x90, F4 one below 0x90; F5 and above never start a character.
        if (b2 > (byte) 0xBF || (((b1 << 28) + (b2 - (byte) 0x90)) >> 30) != 0 || b[i++] > (byte) 0xBF
            || b[i++] > (byte) 0xBF) {
          return false;
        }
      }
    }
    return true;
  }
}
