package io.auditline.platform.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A certificate and its private key, as issued by a {@link CertificateAuthority}. */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {

  public IssuedCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /** Writes the certificate and the PKCS#8 key as PEM; the key file is readable by the owner only. */
  public void writePem(Path certFile, Path keyFile) throws IOException {
    Pem.writeCertificate(certFile, certificate);
    Pem.writePrivateKey(keyFile, privateKey);
  }
}
