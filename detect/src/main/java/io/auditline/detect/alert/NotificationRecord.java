package io.auditline.detect.alert;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One queued notification of an alert's state change to one channel, and how its delivery went. */
public record NotificationRecord(UUID id, Alert.State state, int channelIndex, String channelType, String status,
    int attempts, Optional<String> lastError, Instant nextAttemptAt, Optional<Instant> finishedAt) {}
