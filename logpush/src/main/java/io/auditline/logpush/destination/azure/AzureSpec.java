package io.auditline.logpush.destination.azure;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.GuardedDestination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.EndpointUrls;
import io.auditline.logpush.destination.KeyTemplate;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure Blob Storage container and key prefix, parsed from one of two URI forms.
 *
 * <pre>
 * azure://ACCOUNT.blob.SUFFIX/CONTAINER[/PREFIX]?CREDENTIAL
 *     an account in an Azure cloud, reached at https://ACCOUNT.blob.SUFFIX, where SUFFIX is
 *     core.windows.net, core.usgovcloudapi.net or core.chinacloudapi.cn; for example
 *     azure://acme.blob.core.windows.net/audit/logs/{DATE}?sas=sv%3D2024-08-04%26...%26sig%3D...
 *
 * azure://CONTAINER[/PREFIX]?endpoint=URL[&amp;account_name=NAME]&amp;CREDENTIAL
 *     any other blob service URL (emulators, private endpoints), for example
 *     azure://audit/logs?endpoint=http://127.0.0.1:10000/devstoreaccount1&amp;account_name=devstoreaccount1&amp;account_key=...
 *
 * CREDENTIAL is exactly one of
 *     sas=TOKEN          a shared access signature, URL-encoded as one value (its '&amp;' as %26)
 *     account_key=KEY    the account's base64 shared key; needs account_name in the endpoint form
 * </pre>
 *
 * PREFIX may hold {@code {DATE}}, {@code {HOUR}} and {@code {JOB}}. Values are percent-decoded once
 * and a {@code +} stays a plus; unknown parameters are rejected.
 *
 * @param serviceUrl the blob service: {@code https://ACCOUNT.blob.SUFFIX} or the endpoint given
 * @param customEndpoint whether the URI used the endpoint form
 * @param accountName the storage account; empty only in the endpoint form with a SAS
 */
public record AzureSpec(
    URI serviceUrl,
    boolean customEndpoint,
    Optional<String> accountName,
    String container,
    KeyTemplate keyTemplate,
    AzureCredential credential)
    implements DestinationSpec {

  static final String EXAMPLE_ENDPOINT = "http://127.0.0.1:10000/devstoreaccount1";

  public AzureSpec {
    Objects.requireNonNull(serviceUrl, "serviceUrl");
    Objects.requireNonNull(accountName, "accountName");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(keyTemplate, "keyTemplate");
    Objects.requireNonNull(credential, "credential");
    accountName.flatMap(AzureNames::accountProblem).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    AzureNames.containerProblem(container).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    EndpointUrls.problem(serviceUrl, true, EXAMPLE_ENDPOINT).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    if (credential instanceof AzureCredential.AccountKey && accountName.isEmpty()) {
      throw new IllegalArgumentException(
          "account_name: missing (expected: account_name=<storage account> with account_key when endpoint is given)");
    }
  }

  /** Parses an {@code azure://} URI; the message of an invalid one never contains a secret. */
  public static DestinationParse parse(URI uri) {
    return AzureUri.parse(uri);
  }

  @Override
  public String scheme() {
    return "azure";
  }

  @Override
  public String redacted() {
    String prefix = keyTemplate.template().isEmpty() ? "" : "/" + keyTemplate.template();
    if (!customEndpoint) {
      return "azure://%s/%s%s?%s".formatted(serviceUrl.getHost(), container, prefix, credential.redactedParameter());
    }
    return "azure://%s%s?endpoint=%s%s&%s".formatted(container, prefix, serviceUrl,
        accountName.map(a -> "&account_name=" + a).orElse(""), credential.redactedParameter());
  }

  @Override
  public Destination open(DestinationContext context) {
    Destination destination = new AzureDestination(this, AzureClients.create(this, context.requestTimeout()), context.requestTimeout());
    return new GuardedDestination(destination, context.addressGuard(), serviceUrl().getHost());
  }

  @Override
  public String toString() {
    return "AzureSpec[" + redacted() + "]";
  }
}
