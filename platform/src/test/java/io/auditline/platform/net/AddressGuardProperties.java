package io.auditline.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AddressGuardProperties {

  private final AddressGuard guard = AddressGuard.publicOnly();

  @Property
  void everyAddressInANonPublicRangeIsRefused(@ForAll("nonPublicRanges") String cidr, @ForAll int random)
      throws UnknownHostException {
    Cidr range = Cidr.parse(cidr);
    InetAddress inside = within(range, random);
    assertThat(guard.refusal(inside)).as(inside.toString()).isPresent();
  }

  @Property
  void embeddedFormsAreJudgedLikeTheirIpv4Address(@ForAll @Size(4) List<Byte> v4Bytes) throws UnknownHostException {
    byte[] v4 = {v4Bytes.get(0), v4Bytes.get(1), v4Bytes.get(2), v4Bytes.get(3)};
    boolean refused = guard.refusal(InetAddress.getByAddress(v4)).isPresent();
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, v4[0], v4[1], v4[2], v4[3]};
    byte[] nat64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, v4[0], v4[1], v4[2], v4[3]};
    byte[] sixToFour = {0x20, 0x02, v4[0], v4[1], v4[2], v4[3], 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    for (byte[] form : List.of(mapped, nat64, sixToFour)) {
      assertThat(guard.refusal(Inet6Address.getByAddress(null, form, -1)).isPresent()).isEqualTo(refused);
    }
  }

  @Property
  void anAllowedRangeAllowsEveryAddressInIt(@ForAll int base, @ForAll @IntRange(min = 0, max = 32) int prefix,
      @ForAll int random) throws UnknownHostException {
    Cidr range = new Cidr(InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(base & mask(prefix)).array()), prefix);
    AddressGuard allowing = AddressGuard.allowing(List.of(range.toString()));
    assertThat(allowing.refusal(within(range, random))).isEmpty();
  }

  @Property
  void oneRefusedAnswerAmongPublicOnesRefusesTheHost(@ForAll("publicAnswers") List<InetAddress> answers,
      @ForAll("nonPublicRanges") String cidr, @ForAll int random, @ForAll @IntRange(min = 0, max = 5) int at)
      throws UnknownHostException {
    List<InetAddress> all = new ArrayList<>(answers);
    all.add(Math.min(at, all.size()), within(Cidr.parse(cidr), random));
    AddressGuard faked = guard.withResolver(AddressGuardTest.fakeDns(Map.of("name.example", all)));
    assertThatThrownBy(() -> faked.resolve("name.example")).isInstanceOf(RefusedAddressException.class);
  }

  @Provide
  Arbitrary<String> nonPublicRanges() {
    return Arbitraries.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "::1/128", "fc00::/7", "fe80::/10",
        "ff00::/8");
  }

  @Provide
  Arbitrary<List<InetAddress>> publicAnswers() {
    return Arbitraries.of("8.8.8.8", "1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4001::1")
        .map(AddressGuardTest::ip).list().ofMaxSize(4);
  }

  /** An address inside {@code range}: its prefix bits, then bits of {@code random} repeated. */
  private static InetAddress within(Cidr range, int random) throws UnknownHostException {
    byte[] out = range.network().getAddress();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, range.prefixLength() - 8 * i));
      int hostMask = 0xff >>> keep;
      out[i] = (byte) ((out[i] & ~hostMask) | ((random >>> (8 * (i % 4))) & hostMask));
    }
    return out.length == 16 ? Inet6Address.getByAddress(null, out, -1) : InetAddress.getByAddress(out);
  }

  private static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }
}
