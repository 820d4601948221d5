package io.auditline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokensCommandTest {

  @TempDir Path dir;

  @Test
  void createsListsAndRevokesTokensReadingDevJson() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("tokens_cli");
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
    Path devJson = dir.resolve("dev.json");
    Files.writeString(devJson, """
        {"postgres":{"jdbcUrl":"%s","user":"%s","password":"%s"}}""".formatted(db.jdbcUrl(), db.user(), db.password()));

    Run created = run("create", "--dev-json", devJson.toString(), "--account", "acct-1", "--scope", "audit_logs:read", "--name", "ci");
    assertThat(created.code).isZero();
    String token = created.out.lines().findFirst().orElseThrow();
    assertThat(token).startsWith("alt_");
    assertThat(created.out).contains("cannot be shown again");
    String id = token.substring(4, 20);

    Run listed = run("list", "--dev-json", devJson.toString(), "--account", "acct-1");
    assertThat(listed.out).contains(id).contains("active").contains("audit_logs:read").doesNotContain(token.substring(21));

    assertThat(run("revoke", "--dev-json", devJson.toString(), id).code).isZero();
    assertThat(run("list", "--dev-json", devJson.toString(), "--account", "acct-1").out).contains("revoked");
    assertThat(run("revoke", "--dev-json", devJson.toString(), id).code).isEqualTo(1);
  }

  @Test
  void rejectsUnknownScopes() {
    TestDatabase db = migrated();
    Run r = run("create", "--postgres", db.jdbcUrl(), "--postgres-user", db.user(), "--postgres-password", db.password(),
        "--account", "a", "--scope", "everything");
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).contains("--scope: everything (expected: one of audit_logs:read");
  }

  @Test
  void failsClearlyWithoutTheSchemaAndDoesNotMigrate() {
    TestDatabase db = SharedPostgres.newDatabase("tokens_cli_empty");
    Run r = run("list", "--postgres", db.jdbcUrl(), "--postgres-user", db.user(), "--postgres-password", db.password(),
        "--account", "a");
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).contains("api_tokens does not exist").contains("start the server once");
  }

  private static TestDatabase migrated() {
    TestDatabase db = SharedPostgres.newDatabase("tokens_cli");
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
    return db;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TokensCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
