package io.auditline.logpush.destination.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.Scrubber;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/** Writes each upload as one block blob with Put Blob; a repeated key overwrites the blob. */
public final class AzureDestination implements Destination {

  private final AzureSpec spec;
  private final BlobContainerClient container;
  private final Duration requestTimeout;
  private final Scrubber scrubber;

  AzureDestination(AzureSpec spec, BlobContainerClient container, Duration requestTimeout) {
    this.spec = spec;
    this.container = container;
    this.requestTimeout = requestTimeout;
    this.scrubber = new Scrubber(spec.credential().secrets());
  }

  @Override
  public UploadOutcome upload(Upload upload) {
    BlobHttpHeaders headers = new BlobHttpHeaders()
        .setContentType(upload.contentType())
        .setContentEncoding(upload.contentEncoding().isEmpty() ? null : upload.contentEncoding());
    // No request conditions: Put Blob then replaces an existing blob, which a retried batch needs.
    BlockBlobSimpleUploadOptions options = new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(upload.body()))
        .setHeaders(headers)
        // The service rejects the write with Md5Mismatch if the body was damaged on the way.
        .setContentMd5(md5(upload.body()));
    try {
      container.getBlobClient(upload.key()).getBlockBlobClient().uploadWithResponse(options, requestTimeout, Context.NONE);
      return new UploadOutcome.Stored(upload.key(), upload.body().length);
    } catch (RuntimeException e) {
      // The SDK reports timeouts and connection failures as plain or reactor runtime exceptions.
      return AzureOutcomes.of(e, scrubber);
    }
  }

  @Override
  public ReadOutcome read(String key) {
    try {
      return new ReadOutcome.Found(container.getBlobClient(key)
          .downloadContentWithResponse(null, null, requestTimeout, Context.NONE).getValue().toBytes());
    } catch (BlobStorageException e) {
      if (e.getErrorCode() != null && e.getErrorCode().toString().equals("BlobNotFound")) {
        return new ReadOutcome.Failed("no blob with key '%s'".formatted(key));
      }
      return failed(e);
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public String describe() {
    return spec.redacted();
  }

  private ReadOutcome failed(RuntimeException e) {
    return new ReadOutcome.Failed(switch (AzureOutcomes.of(e, scrubber)) {
      case UploadOutcome.Retry r -> r.reason() + ": " + r.message();
      case UploadOutcome.Rejected r -> r.reason() + ": " + r.message();
      case UploadOutcome.Stored s -> "unexpected";
    });
  }

  private static byte[] md5(byte[] body) {
    try {
      return MessageDigest.getInstance("MD5").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
