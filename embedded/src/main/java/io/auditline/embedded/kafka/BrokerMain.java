package io.auditline.embedded.kafka;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker child JVM: runs {@code kafka.Kafka} and shuts it down gracefully when
 * the parent process goes away.
 *
 * <p>The parent keeps the child's stdin open and never writes to it; the operating system closes
 * that pipe when the parent dies for any reason, including {@code SIGKILL}, where the parent's own
 * shutdown hook never runs. End of input therefore means "orphaned": exit, which runs Kafka's
 * shutdown hook.
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) {
    Thread watchdog = new Thread(BrokerMain::exitWhenParentGoes, "embedded-kafka-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    kafka.Kafka.main(args);
  }

  private static void exitWhenParentGoes() {
    InputStream in = System.in;
    byte[] ignored = new byte[64];
    try {
      while (in.read(ignored) != -1) {
        // The parent never writes; anything read is discarded.
      }
    } catch (IOException e) {
      // A broken pipe means the same as end of input.
    }
    System.err.println("embedded-kafka: parent process is gone, shutting down the broker");
    System.exit(0);
  }
}
