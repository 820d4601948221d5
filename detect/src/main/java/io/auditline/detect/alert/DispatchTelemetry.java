package io.auditline.detect.alert;

/** What the notification sender reports; {@code reason} is a short stable token such as {@code server_error}. */
public interface DispatchTelemetry {

  DispatchTelemetry NONE = new DispatchTelemetry() {
    @Override
    public void delivered() {}

    @Override
    public void retried(String reason) {}

    @Override
    public void failed(String reason) {}
  };

  void delivered();

  void retried(String reason);

  void failed(String reason);
}
