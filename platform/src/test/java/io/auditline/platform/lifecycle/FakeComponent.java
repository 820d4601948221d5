package io.auditline.platform.lifecycle;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A component that records its calls into a shared journal and can be told to fail. */
final class FakeComponent implements Component {

  final String name;
  final List<String> journal;
  volatile boolean failStart;
  volatile boolean failClose;
  volatile boolean gates = true;
  volatile Health health = Health.healthy();
  volatile Health liveness = Health.healthy();
  volatile CountDownLatch closeGate = new CountDownLatch(0);
  volatile CountDownLatch startGate = new CountDownLatch(0);

  FakeComponent(String name, List<String> journal) {
    this.name = name;
    this.journal = journal;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() throws InterruptedException {
    journal.add("start " + name);
    startGate.await();
    if (failStart) {
      throw new IllegalStateException(name + " cannot bind");
    }
  }

  @Override
  public Health check() {
    return health;
  }

  @Override
  public Health liveness() {
    return liveness;
  }

  @Override
  public boolean gatesReadiness() {
    return gates;
  }

  @Override
  public void close() throws InterruptedException {
    journal.add("close " + name);
    closeGate.await();
    if (failClose) {
      throw new IllegalStateException(name + " close failed");
    }
  }
}
