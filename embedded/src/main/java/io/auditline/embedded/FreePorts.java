package io.auditline.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks ports for embedded servers whose configuration asks for "any free port". */
public final class FreePorts {

  private FreePorts() {}

  /** A port that was free on {@code host} a moment ago (the server persists it for restarts). */
  public static int pick(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(host, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + host, e);
    }
  }
}
