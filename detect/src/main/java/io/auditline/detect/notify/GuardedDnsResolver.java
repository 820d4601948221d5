package io.auditline.detect.notify;

import io.auditline.platform.net.AddressGuard;
import io.auditline.platform.net.RefusedAddressException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves every host HttpClient connects to through the {@link AddressGuard}, so the check happens
 * at connect time on the very addresses the socket then uses (no DNS rebinding). The same approach
 * as Logpush's HTTPS destination, whose resolver is package-private there.
 *
 * <p>For plain-HTTP webhooks it also refuses every address that is public: unencrypted delivery is
 * only for servers the operator allow-listed, never for the internet.
 */
final class GuardedDnsResolver implements DnsResolver {

  private static final AddressGuard PUBLIC_ONLY = AddressGuard.publicOnly();

  private final AddressGuard guard;
  private final boolean plaintext;

  GuardedDnsResolver(AddressGuard guard, boolean plaintext) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.plaintext = plaintext;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    try {
      List<InetAddress> addresses = guard.resolve(host);
      if (plaintext) {
        for (InetAddress address : addresses) {
          if (PUBLIC_ONLY.refusal(address).isEmpty()) {
            throw new RefusedAddressException(host, address,
                "plain http is only allowed to operator-allowed addresses (expected: an https URL)");
          }
        }
      }
      return addresses.toArray(InetAddress[]::new);
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
