package io.auditline.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import java.util.logging.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped logback.xml, read into a private context so the test's own logging is untouched. */
class LogbackConfigTest {

  private static LoggerContext configure(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    if (format != null) {
      context.putProperty("AUDITLINE_LOG_FORMAT", format);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL shipped = Logging.class.getResource("/logback.xml");
    configurator.doConfigure(shipped);
    return context;
  }

  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {"none,json", "json,json", "text,text"})
  void picksTheAppenderNamedByTheFormat(String format, String appender) throws Exception {
    LoggerContext context = configure(format);
    try {
      Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
      assertThat(root.getAppender(appender)).isNotNull();
      assertThat(root.iteratorForAppenders()).toIterable().hasSize(1);
    } finally {
      context.stop();
    }
  }

  @Test
  void keepsKafkaAndNettyNoiseAtWarn() throws Exception {
    LoggerContext context = configure(null);
    try {
      assertThat(context.getLogger("org.apache.kafka.clients.NetworkClient").getEffectiveLevel())
          .isEqualTo(Level.WARN);
      assertThat(context.getLogger("io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler").getEffectiveLevel())
          .isEqualTo(Level.WARN);
      assertThat(context.getLogger("io.auditline.ingest").getEffectiveLevel()).isEqualTo(Level.INFO);
    } finally {
      context.stop();
    }
  }

  @Test
  void installRoutesJulIntoSlf4jOnce() {
    Logging.install();
    Logging.install();

    assertThat(LogManager.getLogManager().getLogger("").getHandlers())
        .hasSize(1)
        .allMatch(h -> h instanceof org.slf4j.bridge.SLF4JBridgeHandler);
  }
}
