package io.auditline.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Example;

class AddressGuardTest {

  private final AddressGuard guard = AddressGuard.publicOnly();

  @Example
  void refusesEveryNonPublicIpv4Range() throws Exception {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("127.0.0.1", "127.0.0.1 is a loopback address"),
        Map.entry("127.255.255.254", "127.255.255.254 is a loopback address"),
        Map.entry("10.1.2.3", "10.1.2.3 is a private address"),
        Map.entry("172.16.0.1", "172.16.0.1 is a private address"),
        Map.entry("172.31.255.255", "172.31.255.255 is a private address"),
        Map.entry("192.168.1.1", "192.168.1.1 is a private address"),
        Map.entry("169.254.169.254", "169.254.169.254 is a link-local address (cloud metadata)"),
        Map.entry("169.254.1.1", "169.254.1.1 is a link-local address"),
        Map.entry("100.64.0.1", "100.64.0.1 is a shared (CGNAT) address"),
        Map.entry("100.127.255.255", "100.127.255.255 is a shared (CGNAT) address"),
        Map.entry("0.0.0.0", "0.0.0.0 is an unspecified address"),
        Map.entry("0.1.2.3", "0.1.2.3 is a 'this network' address"),
        Map.entry("224.0.0.1", "224.0.0.1 is a multicast address"),
        Map.entry("239.255.255.250", "239.255.255.250 is a multicast address"),
        Map.entry("255.255.255.255", "255.255.255.255 is a broadcast address"),
        Map.entry("240.0.0.1", "240.0.0.1 is a reserved address"));
    cases.forEach((literal, reason) -> assertThat(guard.refusal(ip(literal))).as(literal).contains(reason));
  }

  @Example
  void refusesEveryNonPublicIpv6RangeAndEmbeddedPrivateIpv4() throws Exception {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("::1", "::1 is a loopback address"),
        Map.entry("::", ":: is an unspecified address"),
        Map.entry("fe80::1", "fe80::1 is a link-local address"),
        Map.entry("febf::1", "febf::1 is a link-local address"),
        Map.entry("fc00::1", "fc00::1 is a unique-local address"),
        Map.entry("fd12:3456::1", "fd12:3456::1 is a unique-local address"),
        Map.entry("ff02::1", "ff02::1 is a multicast address"),
        Map.entry("::ffff:127.0.0.1", "127.0.0.1 is a loopback address"), // the JDK parses it as IPv4
        Map.entry("::10.0.0.1", "::a00:1 is an IPv4-compatible form of 10.0.0.1, and 10.0.0.1 is a private address"),
        Map.entry("64:ff9b::a9fe:a9fe",
            "64:ff9b::a9fe:a9fe is a NAT64 address embedding 169.254.169.254, and 169.254.169.254 is a link-local address (cloud metadata)"),
        Map.entry("2002:c0a8:101::1", "2002:c0a8:101::1 is a 6to4 address embedding 192.168.1.1, and 192.168.1.1 is a private address"),
        Map.entry("2001:0:4136:e378:8000:63bf:f5ff:fffe",
            "2001:0:4136:e378:8000:63bf:f5ff:fffe is a Teredo address embedding 10.0.0.1, and 10.0.0.1 is a private address"));
    cases.forEach((literal, reason) -> assertThat(guard.refusal(ip(literal))).as(literal).contains(reason));
    assertThat(guard.refusal(mapped(10, 0, 0, 1)))
        .contains("::ffff:a00:1 is an IPv4-mapped form of 10.0.0.1, and 10.0.0.1 is a private address");
  }

  @Example
  void allowsPublicAddressesAndTheirEmbeddedForms() throws Exception {
    for (String literal : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "169.255.0.1",
        "2606:4700:4700::1111", "64:ff9b::808:808", "2002:808:808::1")) {
      assertThat(guard.refusal(ip(literal))).as(literal).isEmpty();
    }
    assertThat(guard.refusal(mapped(8, 8, 8, 8))).isEmpty();
  }

  @Example
  void allowListAddsRangesBackIncludingTheirMappedForms() throws Exception {
    AddressGuard loopback = AddressGuard.allowing(List.of("127.0.0.0/8"));
    assertThat(loopback.refusal(ip("127.0.0.1"))).isEmpty();
    assertThat(loopback.refusal(mapped(127, 0, 0, 1))).isEmpty();
    assertThat(loopback.refusal(ip("::1"))).contains("::1 is a loopback address");
    assertThat(loopback.refusal(ip("10.0.0.1"))).contains("10.0.0.1 is a private address");
    assertThat(loopback).hasToString("AddressGuard[public and [127.0.0.0/8]]");
  }

  @Example
  void allowingAllRefusesNothing() throws Exception {
    AddressGuard all = AddressGuard.allowingAll();
    for (String literal : List.of("127.0.0.1", "169.254.169.254", "::1", "10.0.0.1")) {
      assertThat(all.refusal(ip(literal))).as(literal).isEmpty();
    }
  }

  @Example
  void allowListNamesTheBadRange() {
    assertThatThrownBy(() -> AddressGuard.allowing(List.of("127.0.0.0/8", "nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cidrs[1]: cidr: 'nope' (expected: an IP range like 10.0.0.0/8 or fc00::/7)");
  }

  @Example
  void resolveRefusesANameThatResolvesToAPrivateAddress() {
    AddressGuard faked = guard.withResolver(fakeDns(Map.of("internal.example", List.of(ip("10.0.0.5")))));
    assertThatThrownBy(() -> faked.resolve("internal.example"))
        .isInstanceOfSatisfying(RefusedAddressException.class, e -> {
          assertThat(e.host()).isEqualTo("internal.example");
          assertThat(e.address()).isEqualTo(ip("10.0.0.5"));
          assertThat(e.reason()).isEqualTo("10.0.0.5 is a private address");
        })
        .hasMessage("host 'internal.example' resolves to 10.0.0.5: 10.0.0.5 is a private address");
  }

  @Example
  void resolveRefusesIfAnyAddressIsRefused() {
    AddressGuard faked = guard.withResolver(
        fakeDns(Map.of("mixed.example", List.of(ip("8.8.8.8"), ip("2606:4700::1"), ip("127.0.0.1")))));
    assertThatThrownBy(() -> faked.resolve("mixed.example"))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessage("host 'mixed.example' resolves to 127.0.0.1: 127.0.0.1 is a loopback address");
  }

  @Example
  void resolveReturnsEveryAddressOfAPublicName() throws Exception {
    AddressGuard faked = guard.withResolver(
        fakeDns(Map.of("logs.example", List.of(ip("8.8.8.8"), ip("2606:4700::1")))));
    assertThat(faked.resolve("logs.example")).containsExactly(ip("8.8.8.8"), ip("2606:4700::1"));
  }

  @Example
  void resolveRefusesLiteralsAndLocalhostThroughTheSystemResolver() {
    assertThatThrownBy(() -> guard.resolve("127.0.0.1")).hasMessage("127.0.0.1 is a loopback address");
    assertThatThrownBy(() -> guard.resolve("[::1]")).hasMessage("::1 is a loopback address");
    assertThatThrownBy(() -> guard.resolve("::1")).hasMessage("::1 is a loopback address");
    assertThatThrownBy(() -> guard.resolve("localhost")).isInstanceOf(RefusedAddressException.class)
        .hasMessageStartingWith("host 'localhost' resolves to ");
    // Alternative spellings resolve to the same address, and the address is what is judged.
    assertThatThrownBy(() -> guard.resolve("2130706433")).isInstanceOf(RefusedAddressException.class)
        .hasMessageEndingWith("127.0.0.1 is a loopback address");
  }

  @Example
  void resolveNeverAsksTheResolverAboutAnEmptyHostAndFailsOnNoAnswer() {
    AtomicInteger asked = new AtomicInteger();
    AddressGuard faked = guard.withResolver(host -> {
      asked.incrementAndGet();
      return List.of();
    });
    assertThatThrownBy(() -> faked.resolve("")).isInstanceOf(UnknownHostException.class);
    assertThatThrownBy(() -> faked.resolve("[]")).isInstanceOf(UnknownHostException.class);
    assertThat(asked).hasValue(0);
    assertThatThrownBy(() -> faked.resolve("nothing.example"))
        .isInstanceOf(UnknownHostException.class).hasMessage("nothing.example: no addresses");
  }

  static HostResolver fakeDns(Map<String, List<InetAddress>> answers) {
    return host -> {
      List<InetAddress> answer = answers.get(host);
      if (answer == null) {
        throw new UnknownHostException(host);
      }
      return new ArrayList<>(answer);
    };
  }

  static InetAddress ip(String literal) {
    return IpLiterals.parse(literal).orElseThrow(() -> new AssertionError("not a literal: " + literal));
  }

  static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
    byte[] bytes = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, (byte) a, (byte) b, (byte) c, (byte) d};
    return Inet6Address.getByAddress(null, bytes, -1);
  }
}
