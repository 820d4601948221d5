package io.auditline.bench.logpush;

import java.util.UUID;

/**
 * An order-independent fingerprint of a multiset of event ids: their count and the sum of a 64-bit
 * mix of each. Two equal fingerprints mean the same ids, short of a 2^-64 accident, without holding
 * millions of ids in memory; a lost, extra or duplicated event changes it.
 */
final class IdSum {

  private long count;
  private long sum;

  void add(String id) {
    UUID uuid = UUID.fromString(id);
    count++;
    sum += mix(uuid.getMostSignificantBits() ^ mix(uuid.getLeastSignificantBits()));
  }

  long count() {
    return count;
  }

  boolean sameAs(IdSum other) {
    return count == other.count && sum == other.sum;
  }

  /** The finalizer of SplitMix64. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
