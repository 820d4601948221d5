package io.auditline.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.inprocess.InProcessChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditlineClientBuilderTest {

    @Test
    void rejectsSettingsOutsideTheirRangesNamingValueAndExpectation() {
        var channel = InProcessChannelBuilder.forName("unused").build();
        try {
            assertThatThrownBy(() -> AuditlineClient.builder().channel(channel).maxBatchSize(0).build())
                    .hasMessage("maxBatchSize: 0 (expected: 1..1000)");
            assertThatThrownBy(() -> AuditlineClient.builder().channel(channel).linger(Duration.ofMillis(-1)).build())
                    .hasMessage("linger: PT-0.001S (expected: >= 0)");
            assertThatThrownBy(() -> AuditlineClient.builder().channel(channel).maxInFlightBatches(0).build())
                    .hasMessage("maxInFlightBatches: 0 (expected: >= 1)");
            assertThatThrownBy(() -> AuditlineClient.builder().channel(channel).maxBufferedEvents(10).build())
                    .hasMessage("maxBufferedEvents: 10 (expected: >= maxBatchSize 500)");
            assertThatThrownBy(() -> AuditlineClient.builder().channel(channel).rpcTimeout(Duration.ZERO).build())
                    .hasMessage("rpcTimeout: PT0S (expected: > 0)");
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void refusesATargetWithoutMutualTls() {
        assertThatThrownBy(() -> AuditlineClient.builder().target("ingest.example:443").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tls: not set for target ingest.example:443");
    }

    @Test
    void refusesUnreadableTlsFilesNamingTheSetting() {
        var missing = Path.of("does-not-exist.pem");

        assertThatThrownBy(() -> AuditlineClient.builder().target("ingest.example:443").tls(missing, missing, missing).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("caPem: does-not-exist.pem (expected: a readable PEM file)");
    }
}
