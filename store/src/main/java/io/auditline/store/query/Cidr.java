package io.auditline.store.query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network such as {@code 203.0.113.0/24}; a bare address is a /32 (or /128).
 *
 * <p>Host bits are cleared ({@code 10.1.2.3/8} becomes {@code 10.0.0.0/8}), which is what a
 * caller filtering by network means and what PostgreSQL's {@code cidr} type requires.
 */
public record Cidr(InetAddress network, int prefixLength) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

  public Cidr {
    Objects.requireNonNull(network, "network");
    int max = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException("prefixLength: %d (expected: 0..%d)".formatted(prefixLength, max));
    }
    network = masked(network, prefixLength);
  }

  /**
   * Parses {@code address[/prefix]} without any name lookup.
   *
   * @throws IllegalArgumentException with the expectation, when {@code text} is not a network
   */
  public static Cidr parse(String text) {
    String expectation = "(expected: an IPv4 or IPv6 address or CIDR network, e.g. 203.0.113.0/24 or 2001:db8::/32)";
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    InetAddress parsed = literal(address);
    if (parsed == null) {
      throw new IllegalArgumentException(expectation);
    }
    int max = parsed.getAddress().length * 8;
    if (slash < 0) {
      return new Cidr(parsed, max);
    }
    String prefix = text.substring(slash + 1);
    if (!PREFIX.matcher(prefix).matches() || Integer.parseInt(prefix) > max) {
      throw new IllegalArgumentException("(expected: a prefix length in 0..%d after the /)".formatted(max));
    }
    return new Cidr(parsed, Integer.parseInt(prefix));
  }

  private static InetAddress literal(String address) {
    boolean v4 = IPV4.matcher(address).matches();
    boolean v6 = !v4 && address.indexOf(':') >= 0 && IPV6.matcher(address).matches();
    if (v4) {
      for (String octet : address.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return null;
        }
      }
    } else if (!v6) {
      return null;
    }
    try {
      // Only literals reach this point, so no name is ever resolved.
      InetAddress parsed = InetAddress.getByName(address);
      // An IPv4-mapped IPv6 literal comes back as IPv4; asking for the IPv4 form avoids ambiguity.
      return v6 && parsed.getAddress().length == 4 ? null : parsed;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static InetAddress masked(InetAddress address, int prefixLength) {
    byte[] bytes = address.getAddress();
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
    }
  }

  /** PostgreSQL {@code cidr} text, e.g. {@code 203.0.113.0/24}. */
  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }
}
