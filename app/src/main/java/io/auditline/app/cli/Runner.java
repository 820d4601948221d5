package io.auditline.app.cli;

import io.auditline.app.AuditlineServer;
import io.auditline.app.config.AuditlineConfig;
import io.auditline.app.tracing.ProcessTracing;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.LifecycleException;
import io.auditline.platform.metrics.Metrics;
import io.auditline.platform.startup.DependencyUnavailableException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs an assembled server until SIGTERM/SIGINT, then drains it in reverse start order. */
final class Runner {

  private static final Logger log = LoggerFactory.getLogger(Runner.class);

  private Runner() {}

  static int run(AuditlineConfig config, List<Component> before, Consumer<AuditlineServer> onStarted) throws Exception {
    Metrics metrics = Metrics.create("auditline");
    ProcessTracing tracing = ProcessTracing.create(config.tracing());
    AuditlineServer server = AuditlineServer.assemble(config, metrics, tracing.sdk(), before);
    tracing.mount(server.http(), config.http().admin());
    // SIGTERM and SIGINT drain the lifecycle in reverse start order within the shutdown deadline;
    // the JVM then exits with 143 (130 for SIGINT), or with 1 when the drain overran the deadline.
    server.lifecycle().installShutdownHook(config.lifecycle().shutdownTimeout());
    try {
      server.lifecycle().start();
    } catch (LifecycleException e) {
      if (e.getCause() instanceof DependencyUnavailableException unavailable) {
        // Already explained in one line; the stack trace would only bury it.
        log.atError().addKeyValue("component", e.component()).addKeyValue("dependency", unavailable.kind())
            .log("start failed: " + unavailable.getMessage());
        System.err.println("auditline: could not start: " + unavailable.getMessage());
      } else {
        log.atError().setCause(e.getCause()).addKeyValue("component", e.component()).log("start failed: " + e.getMessage());
        System.err.println("auditline: could not start: " + e.getMessage());
      }
      return 1;
    }
    onStarted.accept(server);
    server.lifecycle().awaitClosed();
    metrics.close();
    return 0;
  }

  /** A component started before the lifecycle was assembled; the lifecycle only closes it. */
  record AlreadyStarted(Component delegate) implements Component {
    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public void start() {}

    @Override
    public io.auditline.platform.lifecycle.Health check() {
      return delegate.check();
    }

    @Override
    public void close() throws Exception {
      delegate.close();
    }
  }
}
