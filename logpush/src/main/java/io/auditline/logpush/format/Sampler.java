package io.auditline.logpush.format;

/**
 * Keeps a fraction of events, decided by a stable hash of the event id alone: the same event is
 * kept or skipped every time, so a re-delivered or replayed batch holds exactly the same events.
 *
 * <p>The hash (64-bit FNV-1a over the id's UTF-16 chars, then the MurmurHash3 finaliser) is part of
 * that contract: changing it would change which events past deliveries contained.
 */
public record Sampler(double rate) {

  public Sampler {
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("sample_rate: %s (expected: 0 < rate <= 1)".formatted(rate));
    }
  }

  /** Whether the event with this id belongs in the output. */
  public boolean keeps(String eventId) {
    return rate >= 1 || unit(eventId) < rate;
  }

  /** The id's hash mapped uniformly onto [0, 1). */
  static double unit(String eventId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < eventId.length(); i++) {
      h ^= eventId.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53;
  }
}
