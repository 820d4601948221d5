package io.auditline.app.cli;

import io.auditline.app.dev.DevEnvironment;
import io.auditline.store.token.IssuedToken;
import io.auditline.store.token.Scope;
import io.auditline.store.token.TokenInfo;
import io.auditline.store.token.TokenStore;
import io.auditline.store.token.TokenStoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code auditline tokens}: creates, lists and revokes customer API tokens. It never migrates the
 * schema (the server does); without the table it says so and fails.
 */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens for the query API.",
    subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
public final class TokensCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: create, list or revoke");
  }

  /** Where the database is: explicit options, or the file written by {@code auditline dev}. */
  static final class Connection {
    @Option(names = "--postgres", description = "JDBC URL, e.g. jdbc:postgresql://host:5432/auditline (default: from dev.json)")
    String jdbcUrl;

    @Option(names = "--postgres-user", description = "Database user (default: from dev.json)")
    String user;

    @Option(names = "--postgres-password", description = "Database password (default: from dev.json)")
    String password;

    @Option(names = "--dev-json", defaultValue = "data/dev.json", description = "Endpoints written by `auditline dev` (default: ${DEFAULT-VALUE})")
    Path devJson;

    @SuppressWarnings("unchecked")
    TokenStore open() throws Exception {
      if (jdbcUrl == null) {
        Map<String, Object> dev = DevEnvironment.readDevJson(devJson);
        Object postgres = dev.get("postgres");
        if (!(postgres instanceof Map<?, ?>)) {
          throw new IllegalStateException(devJson + " has no \"postgres\" section: pass --postgres, --postgres-user and --postgres-password");
        }
        Map<String, Object> pg = (Map<String, Object>) postgres;
        jdbcUrl = (String) pg.get("jdbcUrl");
        user = user != null ? user : (String) pg.get("user");
        password = password != null ? password : (String) pg.get("password");
      }
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(jdbcUrl);
      if (user != null) {
        ds.setUser(user);
      }
      if (password != null) {
        ds.setPassword(password);
      }
      TokenStore store = new TokenStore(ds);
      store.requireSchema();
      return store;
    }
  }

  /** Runs a subcommand, turning expected failures into one line on stderr and exit code 1. */
  abstract static class Sub implements Callable<Integer> {
    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        return run(connection.open(), spec.commandLine().getOut());
      } catch (TokenStoreException | IllegalArgumentException | IllegalStateException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return 1;
      } catch (Exception e) {
        spec.commandLine().getErr().println("error: " + e);
        return 1;
      }
    }

    abstract int run(TokenStore store, PrintWriter out);
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; it is shown once.")
  static final class Create extends Sub {
    @Option(names = "--account", required = true, description = "Account the token may read")
    String account;

    @Option(names = "--scope", required = true, description = "audit_logs:read, logpush:write or alerts:write (repeatable)")
    List<String> scopes;

    @Option(names = "--name", defaultValue = "cli", description = "A label shown by `tokens list` (default: ${DEFAULT-VALUE})")
    String name;

    @Override
    int run(TokenStore store, PrintWriter out) {
      Set<Scope> parsed = EnumSet.noneOf(Scope.class);
      for (String s : scopes) {
        parsed.add(Scope.fromWireName(s).orElseThrow(() -> new IllegalArgumentException(
            "--scope: %s (expected: one of audit_logs:read, logpush:write, alerts:write)".formatted(s))));
      }
      IssuedToken issued = store.create(account, name, parsed);
      out.println(issued.plaintext());
      out.println();
      out.println("Token " + issued.info().id() + " for account " + account + " with scopes " + scopes(parsed) + ".");
      out.println("Store it now: it cannot be shown again.");
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List an account's tokens (never their secrets).")
  static final class ListTokens extends Sub {
    @Option(names = "--account", required = true, description = "Account whose tokens to list")
    String account;

    @Override
    int run(TokenStore store, PrintWriter out) {
      List<TokenInfo> tokens = store.list(account);
      out.printf("%-18s %-8s %-30s %-26s %-26s %s%n", "ID", "STATUS", "SCOPES", "CREATED", "LAST USED", "NAME");
      for (TokenInfo t : tokens) {
        out.printf("%-18s %-8s %-30s %-26s %-26s %s%n", t.id(), t.revoked() ? "revoked" : "active", scopes(t.scopes()),
            t.createdAt(), t.lastUsedAt().map(Object::toString).orElse("-"), t.name());
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
  static final class Revoke extends Sub {
    @Parameters(index = "0", paramLabel = "ID", description = "Token id (the part after alt_, as `tokens list` shows)")
    String id;

    @Override
    int run(TokenStore store, PrintWriter out) {
      if (!store.revoke(id)) {
        spec.commandLine().getErr().println("error: no active token " + id);
        return 1;
      }
      out.println("revoked " + id);
      return 0;
    }
  }

  private static String scopes(Set<Scope> scopes) {
    return scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(","));
  }
}
