package io.auditline.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name or IP literal into addresses; injectable so tests can fake DNS answers. */
@FunctionalInterface
public interface HostResolver {

  /** Every address of {@code host}, never empty. */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The JVM's resolver (system DNS, hosts file; literals without a lookup). */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
