package io.auditline.logpush.destination.https;

import io.auditline.platform.net.AddressGuard;
import io.auditline.platform.net.RefusedAddressException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves every host HttpClient connects to through the {@link AddressGuard}, so the check
 * happens at connect time on the very addresses the socket then uses: no second lookup can
 * answer differently (DNS rebinding), and no connection of the client escapes it.
 */
final class GuardedDnsResolver implements DnsResolver {

  private final AddressGuard guard;

  GuardedDnsResolver(AddressGuard guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    try {
      return guard.resolve(host).toArray(InetAddress[]::new);
    } catch (RefusedAddressException e) {
      // DnsResolver may only throw UnknownHostException; the subclass carries the refusal out.
      throw new Refused(e);
    }
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    // Overridden so a null answer can never become an unresolved address resolved elsewhere.
    return List.of(resolve(host)).stream().map(a -> new InetSocketAddress(a, port)).toList();
  }

  /** Only Kerberos/SPNEGO asks for it, and that is never configured; a reverse lookup would go unguarded. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  /** The guard refused the host; {@link #refusal()} says why. */
  static final class Refused extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    Refused(RefusedAddressException refusal) {
      super(refusal.getMessage());
      initCause(refusal);
    }

    RefusedAddressException refusal() {
      return (RefusedAddressException) getCause();
    }
  }
}
