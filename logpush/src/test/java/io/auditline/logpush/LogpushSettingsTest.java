package io.auditline.logpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.destination.DestinationParse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogpushSettingsTest {

  @Test
  void fileDestinationsAreRefusedUnlessTheOperatorAllowsThem() {
    DestinationParse refused = LogpushSettings.defaults().destinationParser().apply("file:///tmp/logs/{DATE}");
    assertThat(refused).isInstanceOfSatisfying(DestinationParse.Invalid.class,
        invalid -> assertThat(invalid.message()).contains("logpush.allowFileDestinations"));

    LogpushSettings dev = new LogpushSettings(Duration.ofMinutes(15), Duration.ofSeconds(15), Duration.ofSeconds(60), List.of(),
        false, true);
    assertThat(dev.destinationParser().apply("file:///tmp/logs/{DATE}")).isInstanceOf(DestinationParse.Valid.class);
  }

  @Test
  void otherDestinationsParseAsBefore() {
    assertThat(LogpushSettings.defaults().destinationParser().apply("s3://bucket/logs?region=us-east-1"))
        .isInstanceOf(DestinationParse.Valid.class);
    assertThat(LogpushSettings.defaults().destinationParser().apply("ftp://x")).isInstanceOf(DestinationParse.Invalid.class);
  }
}
