package io.auditline.logpush.destination;

import io.auditline.platform.net.AddressGuard;
import io.auditline.platform.net.RefusedAddressException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a destination's host with the {@link AddressGuard} before every upload and read, for
 * clients whose connections cannot be hooked (the Azure SDK's). A refused host answers {@code
 * Rejected(address_refused)} without any request leaving the process. A host whose DNS answer
 * changes between this check and the client's own lookup is the remaining gap; destinations whose
 * client takes a resolver (HTTPS, S3) also check at connect time.
 */
public final class GuardedDestination implements Destination {

  private final Destination delegate;
  private final AddressGuard guard;
  private final String host;

  public GuardedDestination(Destination delegate, AddressGuard guard, String host) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.host = Objects.requireNonNull(host, "host");
  }

  @Override
  public UploadOutcome upload(Upload upload) {
    Optional<UploadOutcome> refused = refusal();
    return refused.isPresent() ? refused.get() : delegate.upload(upload);
  }

  @Override
  public ReadOutcome read(String key) {
    Optional<UploadOutcome> refused = refusal();
    return refused.isPresent() ? new ReadOutcome.Failed(((UploadOutcome.Rejected) refused.get()).message()) : delegate.read(key);
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  /** The wrapped destination, so tests can show the client's own connect-time check. */
  Destination delegateForTests() {
    return delegate;
  }

  @Override
  public void close() {
    delegate.close();
  }

  private Optional<UploadOutcome> refusal() {
    try {
      guard.resolve(host);
      return Optional.empty();
    } catch (RefusedAddressException e) {
      return Optional.of(new UploadOutcome.Rejected("address_refused", e.getMessage()));
    } catch (UnknownHostException e) {
      return Optional.of(new UploadOutcome.Retry("dns", "the destination's host name does not resolve"));
    }
  }
}
