package io.auditline.app.cli.logpush;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that calls the Logpush API. Turns failures into messages on stderr and exit codes:
 * 2 for the caller's mistakes (bad arguments, 4xx answers), 1 for everything else.
 */
abstract class ApiCall implements Callable<Integer> {

  @Mixin ApiOptions apiOptions;
  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      LogpushApi api = new LogpushApi(apiOptions.baseUri(), apiOptions.bearerToken());
      return run(api, spec.commandLine().getOut(), err);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (ApiError e) {
      e.print(err);
      return e.exitCode();
    } catch (IOException e) {
      err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted");
      return 1;
    } finally {
      err.flush();
      spec.commandLine().getOut().flush();
    }
  }

  /** Does the work; returns the exit code. */
  abstract int run(LogpushApi api, PrintWriter out, PrintWriter err) throws IOException, ApiError, InterruptedException;
}
