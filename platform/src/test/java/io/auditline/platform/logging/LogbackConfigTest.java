package io.auditline.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
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

  @SuppressWarnings("unchecked")
  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {"none,json", "json,json", "TEXT,text", "yaml,json"})
  void encodesInTheFormatNamedByTheEnvironment(String format, String expected) throws Exception {
    LoggerContext context = configure(format);
    try {
      var appender = (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
          .getAppender("console");
      var encoder = (ConsoleEncoder) appender.getEncoder();
      LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("x"), Level.INFO, "hello", null, null);
      event.setMDCPropertyMap(java.util.Map.of());

      String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

      assertThat(encoder.format()).isEqualTo(expected);
      if (expected.equals("json")) {
        assertThat(line).startsWith("{").contains("\"message\":\"hello\"");
      } else {
        assertThat(line).doesNotStartWith("{").contains("INFO").contains("hello");
      }
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
