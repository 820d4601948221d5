package io.auditline.detect.rollup;

import com.google.protobuf.InvalidProtocolBufferException;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.store.query.EventJson;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code security.events.v1} records: the value is a protobuf {@link SecurityEvent} (as ingest
 * and edge producers write it). Enum values become lower-case words without their prefix ({@code
 * block}, {@code rate_limit}); a record that is not a valid event is skipped with a warning, since
 * one bad edge producer must not stop the rollups of every zone.
 */
public final class SecurityEventDecoder implements ObservationDecoder {

  private static final Logger log = LoggerFactory.getLogger(SecurityEventDecoder.class);

  @Override
  public Optional<SecurityObservation> decode(byte[] key, byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      SecurityEvent e = SecurityEvent.parseFrom(value);
      return Optional.of(new SecurityObservation(e.getZoneId(), e.getAccountId(),
          Instant.ofEpochSecond(e.getOccurredAt().getSeconds(), e.getOccurredAt().getNanos()),
          EventJson.enumWord(e.getAction(), "SECURITY_ACTION_"), EventJson.enumWord(e.getSource(), "SECURITY_SOURCE_"), e.getRuleId(), e.getClientIp(),
          e.getClientCountry(), e.getHost(), e.getPath()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      log.atWarn().setMessage("security event skipped: not a valid SecurityEvent").addKeyValue("error", e.getMessage()).log();
      return Optional.empty();
    }
  }

}
