package io.auditline.logpush.ownership;

import io.auditline.logpush.job.JobStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/** Ownership challenges in PostgreSQL ({@code logpush_ownership_challenges}); only hashes of tokens and URIs are kept. */
public final class OwnershipStore {

  private final DataSource dataSource;

  public OwnershipStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Records a challenge, and forgets the expired ones. */
  public void add(String account, String destinationHash, String tokenHash, String objectKey, Instant now, Instant expiresAt) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement purge = c.prepareStatement("DELETE FROM logpush_ownership_challenges WHERE expires_at <= ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO logpush_ownership_challenges"
            + " (id, account_id, destination_hash, token_hash, object_key, created_at, expires_at) VALUES (?,?,?,?,?,?,?)")) {
      purge.setTimestamp(1, Timestamp.from(now));
      purge.executeUpdate();
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, account);
      insert.setString(3, destinationHash);
      insert.setString(4, tokenHash);
      insert.setString(5, objectKey);
      insert.setTimestamp(6, Timestamp.from(now));
      insert.setTimestamp(7, Timestamp.from(expiresAt));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new JobStoreException("writing an ownership challenge failed", e);
    }
  }

  /** True when {@code account} has an unexpired challenge for this destination with this token. */
  public boolean matches(String account, String destinationHash, String tokenHash, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM logpush_ownership_challenges WHERE account_id = ?"
            + " AND destination_hash = ? AND token_hash = ? AND expires_at > ?")) {
      ps.setString(1, account);
      ps.setString(2, destinationHash);
      ps.setString(3, tokenHash);
      ps.setTimestamp(4, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new JobStoreException("reading ownership challenges failed", e);
    }
  }
}
