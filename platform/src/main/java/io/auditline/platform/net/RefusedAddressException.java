package io.auditline.platform.net;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A host resolved to an address the {@link AddressGuard} refuses. Deliberately not an {@code
 * IOException}: a caller's generic "network trouble, retry later" handler must not swallow it.
 */
public final class RefusedAddressException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String host;
  private final transient InetAddress address;
  private final String reason;

  public RefusedAddressException(String host, InetAddress address, String reason) {
    super(message(host, address, reason));
    this.host = Objects.requireNonNull(host, "host");
    this.address = Objects.requireNonNull(address, "address");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The host as given, for example {@code internal.example.com}. */
  public String host() {
    return host;
  }

  /** The first refused address the host resolved to. */
  public InetAddress address() {
    return address;
  }

  /** Why the address is refused, for example {@code 10.0.0.5 is a private address}. */
  public String reason() {
    return reason;
  }

  private static String message(String host, InetAddress address, String reason) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (IpLiterals.parse(bare).map(address::equals).orElse(false)) {
      return reason;
    }
    return "host '%s' resolves to %s: %s".formatted(host, IpLiterals.text(address), reason);
  }
}
