package io.auditline.store.api;

import io.javalin.config.RoutesConfig;

/**
 * More endpoints for the customer API, hosted by {@link ApiServer} next to the audit-log routes;
 * implementations answer errors with {@link Problem} and check callers with {@link Access}.
 */
@FunctionalInterface
public interface ApiRoutes {

  /** Adds this feature's routes (and exception handlers for its own exceptions) while the server is created. */
  void register(RoutesConfig routes);
}
