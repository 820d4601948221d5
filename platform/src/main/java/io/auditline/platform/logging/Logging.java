package io.auditline.platform.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Process-wide logging setup that is not expressible in {@code logback.xml}.
 *
 * <p>Output format: JSON lines by default, plain text when {@code AUDITLINE_LOG_FORMAT=text}; the
 * root level follows {@code AUDITLINE_LOG_LEVEL} (default INFO). Both are read by the shipped
 * {@code logback.xml}.
 */
public final class Logging {

  private Logging() {}

  /**
   * Routes {@code java.util.logging} (used by gRPC and the JDK) into SLF4J; idempotent. Call first
   * thing in {@code main}.
   */
  public static synchronized void install() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
