package io.auditline.logpush.api;

import io.auditline.logpush.deadletter.DeadLetterStore;
import io.auditline.logpush.deadletter.Redriver;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.job.JobRepository;
import io.auditline.logpush.job.JobService;
import io.auditline.logpush.job.JobStoreException;
import io.auditline.logpush.job.JobValidation;
import io.auditline.logpush.ownership.Ownership;
import io.auditline.logpush.ownership.OwnershipStore;
import io.auditline.logpush.replay.ReplayStore;
import io.auditline.store.api.ApiRoutes;
import io.auditline.store.api.Problem;
import io.auditline.store.token.Authenticator;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Logpush API under {@code /v1/accounts/{account}/logpush}: jobs, destination ownership, dead
 * letters and replays, every endpoint behind {@code logpush:write}; described at {@code GET /v1/logpush/openapi.yaml}.
 */
public final class LogpushRoutes implements ApiRoutes {

  static final String OPENAPI_RESOURCE = "/openapi/logpush-api.yaml";
  private static final Logger log = LoggerFactory.getLogger(LogpushRoutes.class);
  private static final String BASE = "/v1/accounts/{account}/logpush";
  private static final String JOB = BASE + "/jobs/{id}";

  private final JobEndpoints jobs;
  private final OwnershipEndpoint ownership;
  private final DeadLetterEndpoints deadLetters;
  private final ReplayEndpoints replays;
  private final byte[] openApi;

  public LogpushRoutes(Authenticator authenticator, JobRepository repository, JobValidation validation,
      Function<String, DestinationParse> destinationParser, DestinationContext destinationContext,
      DeadLetterStore deadLetterStore, Redriver redriver, ReplayStore replayStore, OwnershipStore ownershipStore, Clock clock) {
    Http http = new Http(authenticator);
    Ownership proofs = new Ownership(ownershipStore, destinationContext, clock);
    JobService service = new JobService(repository, proofs, destinationParser, clock);
    JobRequests requests = new JobRequests(validation, destinationParser);
    JobLookup lookup = new JobLookup(http, service);
    this.jobs = new JobEndpoints(http, requests, service, clock);
    this.ownership = new OwnershipEndpoint(http, requests, proofs);
    this.deadLetters = new DeadLetterEndpoints(lookup, deadLetterStore, redriver);
    this.replays = new ReplayEndpoints(lookup, replayStore, clock);
    this.openApi = openApiDocument();
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/v1/logpush/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
    routes.post(BASE + "/ownership", ownership::challenge);
    routes.post(BASE + "/jobs", jobs::create);
    routes.get(BASE + "/jobs", jobs::list);
    routes.get(JOB, jobs::get);
    routes.patch(JOB, jobs::patch);
    routes.delete(JOB, jobs::delete);
    routes.get(JOB + "/dead-letters", deadLetters::list);
    routes.post(JOB + "/dead-letters/redrive", deadLetters::redriveAll);
    routes.get(JOB + "/dead-letters/{dl}", deadLetters::get);
    routes.post(JOB + "/dead-letters/{dl}/redrive", deadLetters::redrive);
    routes.post(JOB + "/replays", replays::create);
    routes.get(JOB + "/replays", replays::list);
    routes.get(JOB + "/replays/{replay}", replays::get);
    routes.exception(JobStoreException.class, (e, ctx) -> {
      log.atError().setMessage("logpush api request failed").addKeyValue("path", ctx.path()).setCause(e).log();
      Problem.unavailable("The Logpush store cannot answer right now; retry later.").send(ctx);
    });
  }

  private static byte[] openApiDocument() {
    try (InputStream in = LogpushRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
