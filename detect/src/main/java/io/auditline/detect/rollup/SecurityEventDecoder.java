package io.auditline.detect.rollup;

import com.google.protobuf.InvalidProtocolBufferException;
import io.auditline.proto.v1.SecurityEvent;
import java.time.Instant;
import java.util.Locale;
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
          word(e.getAction(), "SECURITY_ACTION_"), word(e.getSource(), "SECURITY_SOURCE_"), e.getRuleId(), e.getClientIp(),
          e.getClientCountry(), e.getHost(), e.getPath()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      log.atWarn().setMessage("security event skipped: not a valid SecurityEvent").addKeyValue("error", e.getMessage()).log();
      return Optional.empty();
    }
  }

  static String word(Enum<?> value, String prefix) {
    String name = value.name();
    if (name.equals("UNRECOGNIZED")) {
      return "unknown";
    }
    return name.substring(name.startsWith(prefix) ? prefix.length() : 0).toLowerCase(Locale.ROOT);
  }

}
