package io.auditline.logpush.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.platform.net.AddressGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** Shared setup of the destination integration tests, which talk to servers on loopback. */
public final class TestDestinations {

  private TestDestinations() {}

  /**
   * A context for test servers on 127.0.0.1. The guard is not consulted by the destinations yet;
   * once it is, this must allow loopback (the one place to change).
   */
  public static DestinationContext loopback(Duration requestTimeout) {
    return new DestinationContext(AddressGuard.allowing(java.util.List.of("127.0.0.0/8")), requestTimeout);
  }

  /** The spec of a URI the test knows to be valid. */
  public static DestinationSpec spec(String uri) {
    DestinationParse parse = Destinations.parse(uri);
    assertThat(parse).isInstanceOf(DestinationParse.Valid.class);
    return ((DestinationParse.Valid) parse).spec();
  }

  /**
   * A listening socket that never accepts: the kernel completes connections into its backlog,
   * so a client connects and then waits for an answer that never comes.
   */
  public static ServerSocket silentServer() {
    try {
      return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback port with nothing listening a moment ago. */
  public static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
