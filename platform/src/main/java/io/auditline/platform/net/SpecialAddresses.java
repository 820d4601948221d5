package io.auditline.platform.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The address ranges that are not the public internet (IANA special-purpose registries), and the
 * IPv6 forms that carry an IPv4 address inside them.
 */
final class SpecialAddresses {

  private record Range(Cidr cidr, String kind) {}

  // First match wins, so narrower entries come before the ranges that contain them.
  private static final List<Range> V4 = List.of(
      range("0.0.0.0/32", "an unspecified address"),
      range("0.0.0.0/8", "a 'this network' address"),
      range("10.0.0.0/8", "a private address"),
      range("100.64.0.0/10", "a shared (CGNAT) address"),
      range("127.0.0.0/8", "a loopback address"),
      range("169.254.169.254/32", "a link-local address (cloud metadata)"),
      range("169.254.0.0/16", "a link-local address"),
      range("172.16.0.0/12", "a private address"),
      range("192.0.0.0/24", "an IETF protocol assignment address"),
      range("192.0.2.0/24", "a documentation address"),
      range("192.88.99.0/24", "a 6to4 relay anycast address"),
      range("192.168.0.0/16", "a private address"),
      range("198.18.0.0/15", "a benchmarking address"),
      range("198.51.100.0/24", "a documentation address"),
      range("203.0.113.0/24", "a documentation address"),
      range("224.0.0.0/4", "a multicast address"),
      range("255.255.255.255/32", "a broadcast address"),
      range("240.0.0.0/4", "a reserved address"));

  private static final List<Range> V6 = List.of(
      range("::/128", "an unspecified address"),
      range("::1/128", "a loopback address"),
      range("64:ff9b:1::/48", "a local-use NAT64 address"),
      range("100::/64", "a discard-only address"),
      range("2001:db8::/32", "a documentation address"),
      range("fc00::/7", "a unique-local address"),
      range("fe80::/10", "a link-local address"),
      range("fec0::/10", "a site-local address"),
      range("ff00::/8", "a multicast address"));

  // Built from bytes: the JDK parses "::ffff:0:0" into the IPv4 address 0.0.0.0.
  private static final Cidr MAPPED = new Cidr(v6(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0}), 96);
  private static final Cidr COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
  private static final Cidr TEREDO = Cidr.parse("2001::/32");

  private SpecialAddresses() {}

  /**
   * Why {@code address} is not a public address, if it is not; an IPv6 form that embeds an IPv4
   * address is refused when {@code embedded} refuses that IPv4 address.
   */
  static Optional<String> refusal(InetAddress address, Function<Inet4Address, Optional<String>> embedded) {
    String text = IpLiterals.text(address);
    for (Range r : address instanceof Inet4Address ? V4 : V6) {
      if (r.cidr().contains(address)) {
        return Optional.of("%s is %s".formatted(text, r.kind()));
      }
    }
    if (address instanceof Inet4Address) {
      return Optional.empty();
    }
    byte[] b = address.getAddress();
    if (MAPPED.contains(address)) {
      return inner(text, "an IPv4-mapped form of", v4(b, 12), embedded);
    }
    if (COMPATIBLE.contains(address)) {
      return inner(text, "an IPv4-compatible form of", v4(b, 12), embedded);
    }
    if (NAT64.contains(address)) {
      return inner(text, "a NAT64 address embedding", v4(b, 12), embedded);
    }
    if (SIX_TO_FOUR.contains(address)) {
      return inner(text, "a 6to4 address embedding", v4(b, 2), embedded);
    }
    if (TEREDO.contains(address)) {
      // Teredo stores the client's IPv4 address inverted in the last 32 bits (RFC 4380).
      byte[] client = new byte[4];
      for (int i = 0; i < 4; i++) {
        client[i] = (byte) ~b[12 + i];
      }
      return inner(text, "a Teredo address embedding", v4(client, 0), embedded);
    }
    return Optional.empty();
  }

  private static Optional<String> inner(String text, String form, Inet4Address v4,
      Function<Inet4Address, Optional<String>> embedded) {
    return embedded.apply(v4).map(why -> "%s is %s %s, and %s".formatted(text, form, IpLiterals.text(v4), why));
  }

  private static Inet4Address v4(byte[] bytes, int offset) {
    byte[] four = {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]};
    try {
      return (Inet4Address) InetAddress.getByAddress(four);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an IPv4 address", e);
    }
  }

  private static InetAddress v6(byte[] sixteen) {
    try {
      return Inet6Address.getByAddress(null, sixteen, -1);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }

  private static Range range(String cidr, String kind) {
    return new Range(Cidr.parse(cidr), kind);
  }
}
