package io.auditline.store.token;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens in PostgreSQL ({@code api_tokens}): created and revoked by the CLI, checked on every
 * API request. Only the SHA-256 of a token's secret is stored; the plaintext exists once, in the
 * {@link IssuedToken} that {@link #create} returns.
 */
public final class TokenStore implements Authenticator {

  private static final Logger log = LoggerFactory.getLogger(TokenStore.class);
  /** {@code last_used_at} is a hint for operators; writing it on every request would be waste. */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
  private static final int MAX_NAME_LENGTH = 256;
  private static final String UNDEFINED_TABLE = "42P01";
  // Compared against when the id is unknown, so both paths hash and compare.
  private static final byte[] DUMMY_HASH = BearerToken.sha256("0".repeat(43));

  private final DataSource dataSource;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

  public TokenStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public TokenStore(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Creates a token; the returned plaintext cannot be recovered later. */
  public IssuedToken create(String accountId, String name, Set<Scope> scopes) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(name, "name");
    if (accountId.isBlank()) {
      throw new IllegalArgumentException("accountId: \"%s\" (expected: not blank)".formatted(accountId));
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name: %d characters (expected: <= %d)".formatted(name.length(), MAX_NAME_LENGTH));
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes: [] (expected: at least one of audit_logs:read, logpush:write, alerts:write)");
    }
    String id = BearerToken.newId(random);
    String secret = BearerToken.newSecret(random);
    Instant now = clock.instant();
    String sql = "INSERT INTO api_tokens (id, account_id, name, scopes, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setString(2, accountId);
      ps.setString(3, name);
      ps.setArray(4, c.createArrayOf("text", scopes.stream().map(Scope::wireName).sorted().toArray()));
      ps.setBytes(5, BearerToken.sha256(secret));
      ps.setTimestamp(6, Timestamp.from(now));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("create a token", e);
    }
    log.atInfo().setMessage("api token created")
        .addKeyValue("token_id", id).addKeyValue("account_id", accountId).addKeyValue("scopes", scopes).log();
    TokenInfo info = new TokenInfo(id, accountId, name, scopes, now, Optional.empty(), Optional.empty());
    return new IssuedToken(info, BearerToken.format(id, secret));
  }

  /** The account's tokens, revoked ones included, oldest first. */
  public List<TokenInfo> list(String accountId) {
    String sql = "SELECT id, account_id, name, scopes, created_at, revoked_at, last_used_at"
        + " FROM api_tokens WHERE account_id = ? ORDER BY created_at, id";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, accountId);
      List<TokenInfo> tokens = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tokens.add(info(rs));
        }
      }
      return tokens;
    } catch (SQLException e) {
      throw failure("list tokens", e);
    }
  }

  /** Revokes a token; false when there is no such token or it was already revoked. */
  public boolean revoke(String tokenId) {
    String sql = "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, tokenId);
      boolean revoked = ps.executeUpdate() == 1;
      if (revoked) {
        lastTouched.remove(tokenId);
        log.atInfo().setMessage("api token revoked").addKeyValue("token_id", tokenId).log();
      }
      return revoked;
    } catch (SQLException e) {
      throw failure("revoke a token", e);
    }
  }

  /** Throws with an actionable message when the schema has not been migrated yet. */
  public void requireSchema() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT to_regclass('api_tokens') IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (!rs.getBoolean(1)) {
        throw new TokenStoreException("table api_tokens does not exist: start the server once"
            + " (`auditline dev` or `auditline serve`), which applies the database migrations", null);
      }
    } catch (SQLException e) {
      throw failure("check the schema", e);
    }
  }

  @Override
  public Optional<Principal> authenticate(String bearerToken) {
    Optional<BearerToken.Parts> parsed = BearerToken.parse(bearerToken);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    BearerToken.Parts parts = parsed.get();
    String sql = "SELECT account_id, scopes, secret_sha256, revoked_at FROM api_tokens WHERE id = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parts.id());
      try (ResultSet rs = ps.executeQuery()) {
        byte[] presented = BearerToken.sha256(parts.secret());
        if (!rs.next()) {
          MessageDigest.isEqual(presented, DUMMY_HASH);
          return Optional.empty();
        }
        boolean matches = MessageDigest.isEqual(presented, rs.getBytes("secret_sha256"));
        if (!matches || rs.getTimestamp("revoked_at") != null) {
          log.atDebug().setMessage("api token rejected").addKeyValue("token_id", parts.id())
              .addKeyValue("reason", matches ? "revoked" : "wrong secret").log();
          return Optional.empty();
        }
        Principal principal = new Principal(parts.id(), rs.getString("account_id"), scopes(rs.getArray("scopes")));
        touch(c, parts.id());
        return Optional.of(principal);
      }
    } catch (SQLException e) {
      throw failure("authenticate a token", e);
    }
  }

  private void touch(Connection c, String tokenId) throws SQLException {
    Instant now = clock.instant();
    Instant last = lastTouched.get(tokenId);
    if (last != null && last.plus(LAST_USED_RESOLUTION).isAfter(now)) {
      return;
    }
    lastTouched.put(tokenId, now);
    // The WHERE clause keeps several server processes to one write a minute as well.
    String sql = "UPDATE api_tokens SET last_used_at = ? WHERE id = ?"
        + " AND (last_used_at IS NULL OR last_used_at <= ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, tokenId);
      ps.setTimestamp(3, Timestamp.from(now.minus(LAST_USED_RESOLUTION)));
      ps.executeUpdate();
    }
  }

  private static TokenInfo info(ResultSet rs) throws SQLException {
    return new TokenInfo(
        rs.getString("id"),
        rs.getString("account_id"),
        rs.getString("name"),
        scopes(rs.getArray("scopes")),
        rs.getTimestamp("created_at").toInstant(),
        Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant),
        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant));
  }

  /** Scopes this version does not know (written by a newer one) are ignored, never granted. */
  private static Set<Scope> scopes(Array array) throws SQLException {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (Object name : (Object[]) array.getArray()) {
      Scope.fromWireName((String) name).ifPresent(scopes::add);
    }
    return scopes;
  }

  private static TokenStoreException failure(String what, SQLException e) {
    if (UNDEFINED_TABLE.equals(e.getSQLState())) {
      return new TokenStoreException("cannot " + what + ": table api_tokens does not exist; start the"
          + " server once (`auditline dev` or `auditline serve`), which applies the database migrations", e);
    }
    return new TokenStoreException("cannot " + what + ": " + e.getMessage(), e);
  }
}
