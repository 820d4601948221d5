package io.auditline.platform.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which IP addresses outgoing requests to customer-supplied URLs may reach, so a customer
 * cannot point Auditline at its own network (SSRF). Shared by Logpush destinations and, later,
 * alert webhooks.
 *
 * <p>By default only public addresses pass: loopback, private, link-local (including the cloud
 * metadata address 169.254.169.254), unique-local, CGNAT, multicast, broadcast, unspecified,
 * documentation and reserved ranges are refused, and so are IPv6 forms that embed such an IPv4
 * address (IPv4-mapped and -compatible, NAT64 {@code 64:ff9b::/96}, 6to4, Teredo). An operator
 * allow-list adds ranges back, for example {@code 127.0.0.0/8} in tests.
 *
 * <p>Callers must connect only to the addresses {@link #resolve(String)} returned, never resolve
 * the host again: a second lookup could answer differently (DNS rebinding).
 */
public final class AddressGuard {

  private final boolean allowAll;
  private final List<Cidr> allowed;
  private final HostResolver resolver;

  private AddressGuard(boolean allowAll, List<Cidr> allowed, HostResolver resolver) {
    this.allowAll = allowAll;
    this.allowed = List.copyOf(allowed);
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** Public addresses only; the production default. */
  public static AddressGuard publicOnly() {
    return new AddressGuard(false, List.of(), HostResolver.system());
  }

  /** Every address; for development setups that push to local servers, never for production. */
  public static AddressGuard allowingAll() {
    return new AddressGuard(true, List.of(), HostResolver.system());
  }

  /**
   * Public addresses plus the given ranges, such as {@code 127.0.0.0/8} or {@code fd00:1::/64}.
   *
   * @throws IllegalArgumentException naming the first range that is not valid CIDR
   */
  public static AddressGuard allowing(List<String> cidrs) {
    Objects.requireNonNull(cidrs, "cidrs");
    List<Cidr> parsed = new ArrayList<>();
    for (int i = 0; i < cidrs.size(); i++) {
      try {
        parsed.add(Cidr.parse(Objects.requireNonNull(cidrs.get(i), "cidrs[" + i + "]")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cidrs[%d]: %s".formatted(i, e.getMessage()), e);
      }
    }
    return new AddressGuard(false, parsed, HostResolver.system());
  }

  /** The same policy, resolving host names with {@code resolver} (tests fake DNS with it). */
  public AddressGuard withResolver(HostResolver resolver) {
    return new AddressGuard(allowAll, allowed, resolver);
  }

  /** Why requests may not reach {@code address}, for example "127.0.0.1 is a loopback address". */
  public Optional<String> refusal(InetAddress address) {
    Objects.requireNonNull(address, "address");
    if (allowAll || allowed.stream().anyMatch(c -> c.contains(address))) {
      return Optional.empty();
    }
    return SpecialAddresses.refusal(address, (Inet4Address v4) -> refusal(v4));
  }

  /**
   * Resolves {@code host} (a name or an IP literal, IPv6 in brackets or not) and returns all its
   * addresses, or refuses the host if ANY address is refused: a name that answers with one public
   * and one private address would otherwise reach the private one on a later connection attempt.
   *
   * @throws UnknownHostException when the host does not resolve
   * @throws RefusedAddressException naming the host, the first refused address and why
   */
  public List<InetAddress> resolve(String host) throws UnknownHostException, RefusedAddressException {
    Objects.requireNonNull(host, "host");
    String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (name.isBlank()) {
      // The JDK resolves an empty name to the loopback address.
      throw new UnknownHostException("empty host name");
    }
    List<InetAddress> addresses = List.copyOf(resolver.resolve(name));
    if (addresses.isEmpty()) {
      throw new UnknownHostException(name + ": no addresses");
    }
    for (InetAddress address : addresses) {
      Optional<String> why = refusal(address);
      if (why.isPresent()) {
        throw new RefusedAddressException(host, address, why.get());
      }
    }
    return addresses;
  }

  @Override
  public String toString() {
    if (allowAll) {
      return "AddressGuard[all addresses]";
    }
    return allowed.isEmpty() ? "AddressGuard[public only]" : "AddressGuard[public and " + allowed + "]";
  }
}
