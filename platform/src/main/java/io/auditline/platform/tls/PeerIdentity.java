package io.auditline.platform.tls;

import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Who a verified client certificate says the peer is.
 *
 * <p>Precedence: the first {@code spiffe://} URI subject alternative name wins; without one, the
 * subject's common name is used; a certificate with neither has no identity. SPIFFE comes first
 * because it is the structured, workload-oriented identity; the CN is the fallback for simple PKIs.
 */
public sealed interface PeerIdentity permits PeerIdentity.Spiffe, PeerIdentity.CommonName {

  /** The identity as a string: the SPIFFE URI or the common name. */
  String value();

  /** A SPIFFE ID such as {@code spiffe://auditline.test/producer/billing}. */
  record Spiffe(URI id) implements PeerIdentity {
    public Spiffe {
      if (!"spiffe".equals(Objects.requireNonNull(id, "id").getScheme())) {
        throw new IllegalArgumentException("id: %s (expected: spiffe://...)".formatted(id));
      }
    }

    @Override
    public String value() {
      return id.toString();
    }
  }

  /** A subject common name such as {@code orders-service}. */
  record CommonName(String name) implements PeerIdentity {
    public CommonName {
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("name: '%s' (expected: not blank)".formatted(name));
      }
    }

    @Override
    public String value() {
      return name;
    }
  }

  /** The identity of a certificate, or empty when it has neither a SPIFFE URI SAN nor a CN. */
  static Optional<PeerIdentity> of(X509Certificate certificate) {
    return spiffe(certificate).or(() -> commonName(certificate));
  }

  /** The identity of the peer's leaf certificate, or empty when the peer sent none. */
  static Optional<PeerIdentity> of(SSLSession session) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? of(leaf) : Optional.empty();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  private static Optional<PeerIdentity> spiffe(X509Certificate certificate) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names == null) {
        return Optional.empty();
      }
      for (List<?> name : names) {
        // Entry 6 is uniformResourceIdentifier (RFC 5280 GeneralName).
        if (name.size() == 2 && Integer.valueOf(6).equals(name.get(0))
            && name.get(1) instanceof String uri && uri.startsWith("spiffe://")) {
          return Optional.of(new Spiffe(URI.create(uri)));
        }
      }
      return Optional.empty();
    } catch (CertificateParsingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<PeerIdentity> commonName(X509Certificate certificate) {
    try {
      List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
      // LdapName lists RDNs from the least significant, so the most specific CN is last.
      for (int i = rdns.size() - 1; i >= 0; i--) {
        Rdn rdn = rdns.get(i);
        if ("CN".equalsIgnoreCase(rdn.getType()) && !rdn.getValue().toString().isBlank()) {
          return Optional.of(new CommonName(rdn.getValue().toString()));
        }
      }
      return Optional.empty();
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }
}
