package io.auditline.logpush.destination.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.storage.blob.models.BlobStorageException;
import io.auditline.logpush.destination.Scrubber;
import io.auditline.logpush.destination.UploadOutcome;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class AzureOutcomesTest {

  private static final Scrubber SCRUBBER = new Scrubber(List.of("s3cr3t-value"));

  private static BlobStorageException answer(int status, String code, String retryAfter) {
    HttpHeaders headers = new HttpHeaders().set("x-ms-error-code", code);
    if (!retryAfter.isEmpty()) {
      headers.set("Retry-After", retryAfter);
    }
    HttpResponse response = new HttpResponse(new HttpRequest(HttpMethod.PUT, "http://127.0.0.1/a/b")) {
      @Override public int getStatusCode() { return status; }
      @Override public String getHeaderValue(String name) { return headers.getValue(name); }
      @Override public HttpHeaders getHeaders() { return headers; }
      @Override public Flux<ByteBuffer> getBody() { return Flux.empty(); }
      @Override public Mono<byte[]> getBodyAsByteArray() { return Mono.empty(); }
      @Override public Mono<String> getBodyAsString() { return Mono.empty(); }
      @Override public Mono<String> getBodyAsString(Charset charset) { return Mono.empty(); }
    };
    String body = "Status code %d, \"<?xml version=\"1.0\"?><Error><Code>%s</Code><Message>Detail s3cr3t-value.\nRequestId:1</Message></Error>\""
        .formatted(status, code);
    return new BlobStorageException("If you are using a StorageSharedKeyCredential, a hint.\n" + body, response, null);
  }

  @ParameterizedTest
  @CsvSource({"503, ServerBusy, throttled", "500, OperationTimedOut, timeout", "500, InternalError, server_error",
      "429, '', throttled", "502, '', server_error", "400, Md5Mismatch, checksum_mismatch"})
  void failuresThatMayPassAreRetries(int status, String code, String reason) {
    assertThat(AzureOutcomes.of(answer(status, code, ""), SCRUBBER)).isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> {
      assertThat(r.reason()).isEqualTo(reason);
      assertThat(r.message()).isEqualTo("Azure answered %d %s: Detail REDACTED.", status, code.isEmpty() ? "-" : code);
    });
  }

  @ParameterizedTest
  @CsvSource({"404, ContainerNotFound, no_such_container", "403, AuthenticationFailed, invalid_credentials",
      "403, AuthorizationPermissionMismatch, access_denied", "403, AuthorizationFailure, access_denied",
      "412, LeaseIdMissing, blob_locked", "409, '', conflict", "404, '', not_found", "400, InvalidHeaderValue, bad_request"})
  void failuresThatRetryingWillNotFixAreRejected(int status, String code, String reason) {
    assertThat(AzureOutcomes.of(answer(status, code, ""), SCRUBBER)).isInstanceOfSatisfying(UploadOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void aBusyAnswerCarriesItsRetryAfter() {
    assertThat(AzureOutcomes.of(answer(503, "ServerBusy", "12"), SCRUBBER))
        .isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(12)));
  }

  @Test
  void transportFailuresAreRetries() {
    assertThat(AzureOutcomes.of(new UncheckedIOException(new ConnectException("Connection refused")), SCRUBBER))
        .isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> assertThat(r.reason()).isEqualTo("connect"));
    assertThat(AzureOutcomes.of(new RuntimeException(new TimeoutException("no answer")), SCRUBBER))
        .isInstanceOfSatisfying(UploadOutcome.Retry.class, r -> assertThat(r.reason()).isEqualTo("timeout"));
  }
}
