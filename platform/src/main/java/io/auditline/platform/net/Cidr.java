package io.auditline.platform.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * A range of IP addresses in CIDR notation, such as {@code 10.0.0.0/8} or {@code fc00::/7}.
 *
 * @param network the first address of the range; no bits may be set after the prefix
 * @param prefixLength how many leading bits every address in the range shares
 */
public record Cidr(InetAddress network, int prefixLength) {

  public Cidr {
    Objects.requireNonNull(network, "network");
    int bits = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefixLength: %d (expected: 0..%d)".formatted(prefixLength, bits));
    }
    byte[] masked = mask(network.getAddress(), prefixLength);
    if (!Arrays.equals(masked, network.getAddress())) {
      // A typo like 10.1.2.3/8 usually means a narrower range than the operator wrote; say so.
      throw new IllegalArgumentException("network: %s/%d (expected: no bits set after the prefix, such as %s/%d)"
          .formatted(IpLiterals.text(network), prefixLength, IpLiterals.text(of(masked)), prefixLength));
    }
  }

  /**
   * Parses {@code address/prefix} or a single address (a range of one).
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static Cidr parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    int slash = t.indexOf('/');
    String addressPart = slash < 0 ? t : t.substring(0, slash);
    InetAddress address = IpLiterals.parse(addressPart).orElseThrow(() -> new IllegalArgumentException(
        "cidr: '%s' (expected: an IP range like 10.0.0.0/8 or fc00::/7)".formatted(text)));
    int bits = address.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (!p.matches("\\d{1,3}")) {
        throw new IllegalArgumentException("cidr: '%s' (expected: a prefix length 0..%d after '/')".formatted(text, bits));
      }
      prefix = Integer.parseInt(p);
      if (address instanceof Inet4Address && addressPart.indexOf(':') >= 0) {
        // The JDK turns ::ffff:a.b.c.d into an IPv4 address; its prefix counts the 96 mapped bits.
        prefix -= 96;
      }
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("cidr: '%s' (expected: a prefix length 0..%d after '/')".formatted(text, bits));
    }
    return new Cidr(address, prefix);
  }

  /** Whether {@code address} is in this range; an IPv4 range holds no IPv6 address and vice versa. */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    return a.length == network.getAddress().length && Arrays.equals(mask(a, prefixLength), network.getAddress());
  }

  @Override
  public String toString() {
    return IpLiterals.text(network) + "/" + prefixLength;
  }

  private static byte[] mask(byte[] address, int prefixLength) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefixLength - 8 * i));
      out[i] &= (byte) (0xff << (8 - keep));
    }
    return out;
  }

  private static InetAddress of(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }
}
