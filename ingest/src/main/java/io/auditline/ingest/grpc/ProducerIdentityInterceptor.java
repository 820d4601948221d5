package io.auditline.ingest.grpc;

import io.auditline.ingest.auth.ProducerIdentity;
import io.auditline.platform.tls.PeerIdentity;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Takes the producer's identity from its verified client certificate (SPIFFE URI SAN, else CN) and
 * refuses calls without one with UNAUTHENTICATED.
 */
public final class ProducerIdentityInterceptor implements ServerInterceptor {

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    Optional<ProducerIdentity> identity = identify(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
    if (identity.isEmpty()) {
      call.close(
          Status.UNAUTHENTICATED.withDescription(
              "a client certificate with a SPIFFE id or a common name is required"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(
        Context.current().withValue(CallContext.PRODUCER, identity.get()), call, headers, next);
  }

  static Optional<ProducerIdentity> identify(SSLSession session) {
    return session == null
        ? Optional.empty()
        : PeerIdentity.of(session).map(peer -> new ProducerIdentity(peer.value()));
  }
}
