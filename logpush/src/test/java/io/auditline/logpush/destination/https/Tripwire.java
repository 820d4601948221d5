package io.auditline.logpush.destination.https;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener that counts connections: stronger evidence than a request count that a refused
 * upload never reached the address at all, not even for a TLS handshake. It either closes each
 * connection at once or holds it open without a word (a server that never answers).
 */
final class Tripwire implements AutoCloseable {

  private final ServerSocket socket;
  private final boolean holdOpen;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  private Tripwire(ServerSocket socket, boolean holdOpen) {
    this.socket = socket;
    this.holdOpen = holdOpen;
    Thread acceptor = new Thread(this::accept, "tripwire-" + socket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Counts and closes every connection. */
  static Tripwire on(InetAddress address) throws IOException {
    return new Tripwire(new ServerSocket(0, 50, address), false);
  }

  /** Counts every connection and keeps it open, silent. */
  static Tripwire silentOn(InetAddress address) throws IOException {
    return new Tripwire(new ServerSocket(0, 50, address), true);
  }

  int port() {
    return socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        connections.incrementAndGet();
        if (holdOpen) {
          held.add(s);
        } else {
          s.close();
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : held) {
      s.close();
    }
  }
}
