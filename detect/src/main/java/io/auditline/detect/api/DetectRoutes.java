package io.auditline.detect.api;

import io.auditline.detect.alert.AlertRepository;
import io.auditline.detect.alert.AlertStoreException;
import io.auditline.detect.policy.PolicyRepository;
import io.auditline.detect.policy.PolicyStoreException;
import io.auditline.detect.rollup.RollupRepository;
import io.auditline.detect.rollup.RollupStoreException;
import io.auditline.store.api.ApiRoutes;
import io.auditline.store.api.Problem;
import io.auditline.store.token.Authenticator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection API: security-event time series per zone, alert policies and alert history per account;
 * described at {@code GET /v1/detect/openapi.yaml}.
 */
public final class DetectRoutes implements ApiRoutes {

  static final String OPENAPI_RESOURCE = "/openapi/detect-api.yaml";
  private static final Logger log = LoggerFactory.getLogger(DetectRoutes.class);
  private static final String ACCOUNT = "/v1/accounts/{account}";

  private final TimeseriesEndpoint timeseries;
  private final PolicyEndpoints policies;
  private final AlertEndpoints alerts;
  private final byte[] openApi;

  /**
   * @param plaintextWebhooks admit {@code http://} webhook URLs in policies (development only; the
   *     notifier still connects only where the operator's address guard allows)
   */
  public DetectRoutes(Authenticator authenticator, RollupRepository rollups, PolicyRepository policies,
      AlertRepository alerts, boolean plaintextWebhooks, Clock clock) {
    Http http = new Http(authenticator);
    this.timeseries = new TimeseriesEndpoint(http, rollups, clock);
    this.policies = new PolicyEndpoints(http, policies, plaintextWebhooks);
    this.alerts = new AlertEndpoints(http, alerts);
    this.openApi = openApiDocument();
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/v1/detect/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
    routes.get(ACCOUNT + "/zones/{zone}/security-events/timeseries", timeseries::get);
    routes.post(ACCOUNT + "/alert-policies", policies::create);
    routes.get(ACCOUNT + "/alert-policies", policies::list);
    routes.get(ACCOUNT + "/alert-policies/{id}", policies::get);
    routes.patch(ACCOUNT + "/alert-policies/{id}", policies::patch);
    routes.delete(ACCOUNT + "/alert-policies/{id}", policies::delete);
    routes.get(ACCOUNT + "/alerts", alerts::list);
    routes.get(ACCOUNT + "/alerts/{id}", alerts::get);
    routes.exception(AlertStoreException.class, (e, ctx) -> unavailable(ctx, e));
    routes.exception(RollupStoreException.class, (e, ctx) -> unavailable(ctx, e));
    routes.exception(PolicyStoreException.class, (e, ctx) -> unavailable(ctx, e));
  }

  private static void unavailable(Context ctx, Exception e) {
    log.atError().setMessage("detect api request failed").addKeyValue("path", ctx.path()).setCause(e).log();
    Problem.unavailable("The detection store cannot answer right now; retry later.").send(ctx);
  }

  private static byte[] openApiDocument() {
    try (InputStream in = DetectRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
