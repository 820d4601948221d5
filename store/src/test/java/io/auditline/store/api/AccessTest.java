package io.auditline.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.store.token.Authenticator;
import io.auditline.store.token.Principal;
import io.auditline.store.token.Scope;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {

  private final Authenticator tokens = token -> switch (token) {
    case "reader" -> Optional.of(new Principal("t1", "acct-a", Set.of(Scope.AUDIT_LOGS_READ)));
    case "writer" -> Optional.of(new Principal("t2", "acct-a", Set.of(Scope.LOGPUSH_WRITE)));
    default -> Optional.empty();
  };

  @Test
  void checksAuthenticationThenAccountThenScope() {
    assertThat(status(null, "acct-a")).isEqualTo(401);
    assertThat(status("Basic reader", "acct-a")).isEqualTo(401);
    assertThat(status("Bearer ", "acct-a")).isEqualTo(401);
    assertThat(status("Bearer unknown", "acct-a")).isEqualTo(401);
    assertThat(status("Bearer writer", "acct-b")).isEqualTo(404);
    assertThat(status("Bearer reader", "acct-b")).isEqualTo(404);
    assertThat(status("Bearer writer", "acct-a")).isEqualTo(403);
    assertThat(Access.check(tokens, "bearer  reader ", "acct-a", Scope.AUDIT_LOGS_READ)).isInstanceOf(Access.Granted.class);
  }

  private int status(String header, String account) {
    return switch (Access.check(tokens, header, account, Scope.AUDIT_LOGS_READ)) {
      case Access.Granted g -> 200;
      case Access.Denied d -> d.problem().status();
    };
  }
}
