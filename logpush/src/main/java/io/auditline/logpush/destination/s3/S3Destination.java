package io.auditline.logpush.destination.s3;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.Scrubber;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Writes each upload as one S3 object with PutObject; a repeated key overwrites the object. */
public final class S3Destination implements Destination {

  private final S3Spec spec;
  private final S3Client client;
  private final AwsCredentialsProvider credentials;
  private final Scrubber scrubber;

  S3Destination(S3Spec spec, S3Client client, AwsCredentialsProvider credentials) {
    this.spec = spec;
    this.client = client;
    this.credentials = credentials;
    List<String> secrets = new ArrayList<>();
    spec.credentials().ifPresent(c -> {
      secrets.add(c.secretAccessKey());
      c.sessionToken().ifPresent(secrets::add);
    });
    this.scrubber = new Scrubber(secrets);
  }

  @Override
  public UploadOutcome upload(Upload upload) {
    PutObjectRequest.Builder request = PutObjectRequest.builder()
        .bucket(spec.bucket())
        .key(upload.key())
        .contentType(upload.contentType())
        .contentLength((long) upload.body().length)
        // S3 rejects the write with BadDigest if the body was damaged on the way.
        .contentMD5(md5(upload.body()));
    if (!upload.contentEncoding().isEmpty()) {
      request.contentEncoding(upload.contentEncoding());
    }
    spec.storageClass().ifPresent(request::storageClass);
    spec.sse().ifPresent(request::serverSideEncryption);
    spec.sseKmsKeyId().ifPresent(request::ssekmsKeyId);
    try {
      client.putObject(request.build(), RequestBody.fromBytes(upload.body()));
      return new UploadOutcome.Stored(upload.key(), upload.body().length);
    } catch (SdkException e) {
      return S3Outcomes.of(e, scrubber);
    }
  }

  @Override
  public ReadOutcome read(String key) {
    try {
      return new ReadOutcome.Found(client.getObjectAsBytes(r -> r.bucket(spec.bucket()).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return new ReadOutcome.Failed("no object with key '%s'".formatted(key));
    } catch (SdkException e) {
      UploadOutcome outcome = S3Outcomes.of(e, scrubber);
      return new ReadOutcome.Failed(switch (outcome) {
        case UploadOutcome.Retry r -> r.reason() + ": " + r.message();
        case UploadOutcome.Rejected r -> r.reason() + ": " + r.message();
        case UploadOutcome.Stored s -> "unexpected";
      });
    }
  }

  @Override
  public String describe() {
    return spec.redacted();
  }

  @Override
  public void close() {
    client.close();
    // The client does not close a provider it was given; the default chain may hold refresh threads.
    if (credentials instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
  }

  private static String md5(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
