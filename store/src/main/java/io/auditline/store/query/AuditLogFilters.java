package io.auditline.store.query;

import java.util.Objects;
import java.util.Optional;

/**
 * Filters of an audit-log query; every present one must match (AND). Values are already
 * validated by {@link AuditLogQueryParser}.
 */
public record AuditLogFilters(
    Optional<String> actorId,
    Optional<String> actorEmail,
    Optional<Cidr> actorIp,
    Optional<String> actionType,
    Optional<String> actionTypePrefix,
    Optional<String> actionResult,
    Optional<String> resourceType,
    Optional<String> resourceId,
    Optional<String> zoneId) {

  public AuditLogFilters {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(actorEmail, "actorEmail");
    Objects.requireNonNull(actorIp, "actorIp");
    Objects.requireNonNull(actionType, "actionType");
    Objects.requireNonNull(actionTypePrefix, "actionTypePrefix");
    Objects.requireNonNull(actionResult, "actionResult");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(zoneId, "zoneId");
    if (actionType.isPresent() && actionTypePrefix.isPresent()) {
      throw new IllegalArgumentException("actionType and actionTypePrefix: both given (expected: at most one)");
    }
    actionResult.ifPresent(r -> {
      if (!r.equals("success") && !r.equals("failure")) {
        throw new IllegalArgumentException("actionResult: %s (expected: success or failure)".formatted(r));
      }
    });
  }

  public static AuditLogFilters none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds filters one field at a time (tests and callers other than the HTTP edge). */
  public static final class Builder {
    private String actorId;
    private String actorEmail;
    private Cidr actorIp;
    private String actionType;
    private String actionTypePrefix;
    private String actionResult;
    private String resourceType;
    private String resourceId;
    private String zoneId;

    private Builder() {}

    public Builder actorId(String v) { actorId = v; return this; }
    public Builder actorEmail(String v) { actorEmail = v; return this; }
    public Builder actorIp(Cidr v) { actorIp = v; return this; }
    public Builder actionType(String v) { actionType = v; return this; }
    public Builder actionTypePrefix(String v) { actionTypePrefix = v; return this; }
    public Builder actionResult(String v) { actionResult = v; return this; }
    public Builder resourceType(String v) { resourceType = v; return this; }
    public Builder resourceId(String v) { resourceId = v; return this; }
    public Builder zoneId(String v) { zoneId = v; return this; }

    public AuditLogFilters build() {
      return new AuditLogFilters(Optional.ofNullable(actorId), Optional.ofNullable(actorEmail),
          Optional.ofNullable(actorIp), Optional.ofNullable(actionType), Optional.ofNullable(actionTypePrefix),
          Optional.ofNullable(actionResult), Optional.ofNullable(resourceType), Optional.ofNullable(resourceId),
          Optional.ofNullable(zoneId));
    }
  }
}
