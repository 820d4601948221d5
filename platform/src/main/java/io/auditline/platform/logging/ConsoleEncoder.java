package io.auditline.platform.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Locale;

/**
 * The console encoder of the shipped {@code logback.xml}: {@link JsonLinesEncoder} when {@code
 * format} is {@code json}, a one-line text pattern when it is {@code text}; both carry the trace and
 * span ids of the current span.
 *
 * <p>One appender whose encoder switches, rather than two appenders picked by name, because logback
 * reports an unreferenced appender as a warning and then prints its whole status on every start.
 */
public final class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg %kvp %mdc%traceIds%n";

  private String format = "json";
  private Encoder<ILoggingEvent> delegate;

  /** {@code json} (default) or {@code text}; set from {@code AUDITLINE_LOG_FORMAT} by the config. */
  public void setFormat(String format) {
    this.format = format == null ? "json" : format.strip().toLowerCase(Locale.ROOT);
  }

  public String format() {
    return format;
  }

  @Override
  public void start() {
    if (!format.equals("json") && !format.equals("text")) {
      addError("format: %s (expected: json or text); using json".formatted(format));
      format = "json";
    }
    if (format.equals("text")) {
      PatternLayout layout = new PatternLayout();
      layout.getInstanceConverterMap().put("traceIds", TraceIdsConverter::new);
      layout.setPattern(TEXT_PATTERN);
      layout.setContext(getContext());
      layout.start();
      LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
      text.setLayout(layout);
      delegate = text;
    } else {
      delegate = new JsonLinesEncoder();
    }
    delegate.setContext(getContext());
    delegate.start();
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
