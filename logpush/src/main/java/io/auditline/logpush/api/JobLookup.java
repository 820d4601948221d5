package io.auditline.logpush.api;

import io.auditline.logpush.job.Job;
import io.auditline.logpush.job.JobService;
import io.auditline.logpush.job.JobView;
import io.auditline.store.api.Problem;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/** The job of a {@code /jobs/{id}/...} path, after access and query checks; otherwise the problem is already sent. */
final class JobLookup {

  private final Http http;
  private final JobService jobs;

  JobLookup(Http http, JobService jobs) {
    this.http = http;
    this.jobs = jobs;
  }

  Optional<Job> job(Context ctx, Set<String> params) {
    Optional<String> account = http.authorize(ctx);
    if (account.isEmpty() || !Http.onlyParams(ctx, params)) {
      return Optional.empty();
    }
    Optional<Job> job = Http.uuid(ctx, "id").flatMap(id -> jobs.find(account.get(), id)).map(JobView::job);
    if (job.isEmpty()) {
      Problem.notFound().send(ctx);
    }
    return job;
  }
}
