package io.auditline.platform.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority that issues EC P-256 server and client certificates signed with
 * SHA256withECDSA, for development clusters and tests.
 */
public final class CertificateAuthority {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate certificate;
  private final PrivateKey privateKey;

  private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    this.privateKey = privateKey;
  }

  /** A new self-signed CA valid from a minute ago (clock skew) for {@code validity}. */
  public static CertificateAuthority create(String commonName, Duration validity) {
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity: %s (expected: > 0)".formatted(validity));
    }
    KeyPair keys = newKeyPair();
    X500Name name = subject(commonName);
    Instant now = Instant.now();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
          Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(validity)), name,
          keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
          .addExtension(Extension.subjectKeyIdentifier, false,
              ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new CertificateAuthority(sign(builder, keys.getPrivate()), keys.getPrivate());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot create CA '%s'".formatted(commonName), e);
    }
  }

  /** Loads a CA from its certificate and unencrypted private key PEM files. */
  public static CertificateAuthority load(Path certPem, Path keyPem) throws IOException {
    return new CertificateAuthority(Pem.readCertificate(certPem), Pem.readPrivateKey(keyPem));
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Writes the CA certificate as PEM, for peers to trust. */
  public void writeCertificatePem(Path certFile) throws IOException {
    Pem.writeCertificate(certFile, certificate);
  }

  /** Writes the CA certificate and its key (owner-only), so the CA can be {@link #load loaded}. */
  public void writePem(Path certFile, Path keyFile) throws IOException {
    new IssuedCertificate(certificate, privateKey).writePem(certFile, keyFile);
  }

  /** A server certificate (serverAuth) for the given DNS names and IP addresses. */
  public IssuedCertificate issueServer(String commonName, List<String> dnsNames,
      List<String> ipAddresses, Instant notBefore, Instant notAfter) {
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
    for (String ip : ipAddresses) {
      requireIpLiteral(ip);
      names.add(new GeneralName(GeneralName.iPAddress, ip));
    }
    return issue(commonName, names, KeyPurposeId.id_kp_serverAuth, notBefore, notAfter);
  }

  /** A client certificate (clientAuth), with a SPIFFE ID as URI SAN when given. */
  public IssuedCertificate issueClient(
      String commonName, Optional<URI> spiffeId, Instant notBefore, Instant notAfter) {
    List<GeneralName> names = new ArrayList<>();
    spiffeId.ifPresent(id -> {
      if (!"spiffe".equals(id.getScheme())) {
        throw new IllegalArgumentException("spiffeId: %s (expected: spiffe://...)".formatted(id));
      }
      names.add(new GeneralName(GeneralName.uniformResourceIdentifier, id.toString()));
    });
    return issue(commonName, names, KeyPurposeId.id_kp_clientAuth, notBefore, notAfter);
  }

  private IssuedCertificate issue(String commonName, List<GeneralName> altNames, KeyPurposeId purpose,
      Instant notBefore, Instant notAfter) {
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter: %s (expected: after notBefore %s)".formatted(notAfter, notBefore));
    }
    KeyPair keys = newKeyPair();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      PublicKey caKey = certificate.getPublicKey();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
          Date.from(notBefore), Date.from(notAfter), subject(commonName), keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
          .addExtension(Extension.subjectKeyIdentifier, false,
              ext.createSubjectKeyIdentifier(keys.getPublic()))
          .addExtension(Extension.authorityKeyIdentifier, false,
              ext.createAuthorityKeyIdentifier(caKey));
      if (!altNames.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(altNames.toArray(GeneralName[]::new)));
      }
      return new IssuedCertificate(sign(builder, privateKey), keys.getPrivate());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue certificate for '%s'".formatted(commonName), e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available in this JVM", e);
    }
  }

  private static X500Name subject(String commonName) {
    Objects.requireNonNull(commonName, "commonName");
    if (commonName.isBlank()) {
      throw new IllegalArgumentException("commonName: '%s' (expected: not blank)".formatted(commonName));
    }
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM); // positive and unique enough for a dev CA
  }

  private static void requireIpLiteral(String ip) {
    // InetAddress.getByName would do a DNS lookup for a host name; only literals are SANs here.
    if (!ip.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      throw new IllegalArgumentException("ipAddresses: %s (expected: an IP literal)".formatted(ip));
    }
    try {
      InetAddress.getByName(ip);
    } catch (IOException e) {
      throw new IllegalArgumentException("ipAddresses: %s (expected: an IP literal)".formatted(ip), e);
    }
  }
}
