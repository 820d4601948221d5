package io.auditline.testkit.postgres;

import java.util.Objects;

/**
 * A fresh database on the shared test PostgreSQL, for one test class or test.
 *
 * @param jdbcUrl where to connect, e.g. {@code jdbc:postgresql://127.0.0.1:5432/store_it_3}
 * @param user the owner of the database
 * @param password the owner's password
 */
public record TestDatabase(String jdbcUrl, String user, String password) {

  public TestDatabase {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "TestDatabase[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
  }
}
