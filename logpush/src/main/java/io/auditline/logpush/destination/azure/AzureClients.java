package io.auditline.logpush.destination.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;

/** Builds the SDK client for one {@link AzureSpec}. */
final class AzureClients {

  /** One retry inside the SDK for a dropped connection; the delivery engine owns the real retries. */
  static final int SDK_MAX_TRIES = 2;

  private AzureClients() {}

  static BlobContainerClient create(AzureSpec spec, Duration requestTimeout) {
    BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
        .endpoint(spec.serviceUrl().toString())
        .retryOptions(new RequestRetryOptions(
            RetryPolicyType.EXPONENTIAL, SDK_MAX_TRIES, requestTimeout, Duration.ofMillis(200), Duration.ofSeconds(2), null));
    switch (spec.credential()) {
      case AzureCredential.AccountKey key ->
          builder.credential(new StorageSharedKeyCredential(spec.accountName().orElseThrow(), key.key()));
      case AzureCredential.Sas sas -> builder.sasToken(sas.token());
    }
    // A service client, not a container client builder: the latter reads a path segment of a
    // non-IP endpoint (http://azurite:10000/devstoreaccount1) as the container.
    return builder.buildClient().getBlobContainerClient(spec.container());
  }
}
