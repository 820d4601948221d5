package io.auditline.store.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.auditline.store.query.TestStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenStoreIT {

  private static HikariDataSource ds;
  private static TokenStore store;

  @BeforeAll
  static void setUp() {
    ds = TestStore.migratedDatabase("token_it");
    store = new TokenStore(ds);
  }

  @AfterAll
  static void tearDown() {
    ds.close();
  }

  @Test
  void authenticatesTheIssuedTokenAsItsAccountAndScopes() {
    IssuedToken issued = store.create("acct-1", "ci", Set.of(Scope.AUDIT_LOGS_READ, Scope.LOGPUSH_WRITE));
    assertThat(issued.plaintext()).startsWith("alt_" + issued.info().id() + "_");
    assertThat(store.authenticate(issued.plaintext()))
        .contains(new Principal(issued.info().id(), "acct-1", Set.of(Scope.AUDIT_LOGS_READ, Scope.LOGPUSH_WRITE)));
  }

  @Test
  void storesOnlyTheHashOfTheSecret() throws Exception {
    IssuedToken issued = store.create("acct-2", "hash", Set.of(Scope.AUDIT_LOGS_READ));
    String secret = issued.plaintext().substring(("alt_" + issued.info().id() + "_").length());
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT t::text AS row_text, secret_sha256 FROM api_tokens t WHERE id = '" + issued.info().id() + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("row_text")).doesNotContain(secret).doesNotContain(issued.plaintext());
      assertThat(rs.getBytes("secret_sha256")).isEqualTo(BearerToken.sha256(secret)).hasSize(32);
    }
    assertThat(issued.toString()).doesNotContain(secret);
    assertThat(store.list("acct-2").toString()).doesNotContain(secret);
  }

  @Test
  void rejectsWrongSecretsUnknownIdsAndRevokedTokens() {
    IssuedToken issued = store.create("acct-3", "revoke me", Set.of(Scope.AUDIT_LOGS_READ));
    String id = issued.info().id();
    assertThat(store.authenticate(BearerToken.format(id, "B".repeat(43)))).isEmpty();
    assertThat(store.authenticate(BearerToken.format("aaaaaaaaaaaaaaaa", "B".repeat(43)))).isEmpty();
    assertThat(store.authenticate("Bearer " + issued.plaintext())).isEmpty();
    assertThat(store.revoke(id)).isTrue();
    assertThat(store.revoke(id)).isFalse();
    assertThat(store.revoke("no-such-token")).isFalse();
    assertThat(store.authenticate(issued.plaintext())).isEmpty();
    assertThat(store.list("acct-3")).singleElement().satisfies(t -> assertThat(t.revoked()).isTrue());
  }

  @Test
  void listsOnlyTheAccountsTokens() {
    store.create("acct-4", "one", Set.of(Scope.AUDIT_LOGS_READ));
    store.create("acct-4", "two", Set.of(Scope.ALERTS_WRITE));
    store.create("acct-5", "other", Set.of(Scope.AUDIT_LOGS_READ));
    assertThat(store.list("acct-4")).extracting(TokenInfo::name).containsExactly("one", "two");
    assertThat(store.list("acct-4")).allSatisfy(t -> assertThat(t.accountId()).isEqualTo("acct-4"));
  }

  @Test
  void recordsLastUseAtMostOnceAMinute() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-06-01T00:00:00Z"));
    TokenStore timed = new TokenStore(ds, clock);
    IssuedToken issued = timed.create("acct-6", "timed", Set.of(Scope.AUDIT_LOGS_READ));
    timed.authenticate(issued.plaintext());
    assertThat(lastUsed(issued)).isEqualTo(clock.instant());
    Instant first = clock.instant();
    clock.advance(Duration.ofSeconds(59));
    timed.authenticate(issued.plaintext());
    assertThat(lastUsed(issued)).isEqualTo(first);
    clock.advance(Duration.ofSeconds(2));
    timed.authenticate(issued.plaintext());
    assertThat(lastUsed(issued)).isEqualTo(clock.instant());
  }

  @Test
  void rejectsTokensWithoutScopes() {
    assertThatThrownBy(() -> store.create("acct-7", "none", Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scopes");
  }

  private static Instant lastUsed(IssuedToken issued) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_used_at FROM api_tokens WHERE id = '" + issued.info().id() + "'")) {
      rs.next();
      Timestamp t = rs.getTimestamp(1);
      return t == null ? null : t.toInstant();
    }
  }

  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
