package io.auditline.platform.net;

/** Placeholder: which addresses outgoing requests to customer URLs may reach. */
public final class AddressGuard {

  private AddressGuard() {}

  public static AddressGuard publicOnly() {
    return new AddressGuard();
  }
}
