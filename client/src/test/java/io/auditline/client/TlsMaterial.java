package io.auditline.client;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Throwaway PEM files: a CA, and a server and a producer certificate it signed. */
record TlsMaterial(Path caPem, Path serverCertPem, Path serverKeyPem, Path clientCertPem, Path clientKeyPem) {

    static TlsMaterial issue(Path dir, String caName) throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair ca = keyPair();
        X509Certificate caCert = sign(new X500Name("CN=" + caName), ca, new X500Name("CN=" + caName), ca, true);
        KeyPair server = keyPair();
        X509Certificate serverCert = sign(new X500Name("CN=localhost"), server, new X500Name("CN=" + caName), ca, false);
        KeyPair client = keyPair();
        X509Certificate clientCert = sign(new X500Name("CN=producer-a"), client, new X500Name("CN=" + caName), ca, false);
        return new TlsMaterial(
                write(dir.resolve("ca.pem"), "CERTIFICATE", caCert.getEncoded()),
                write(dir.resolve("server.pem"), "CERTIFICATE", serverCert.getEncoded()),
                write(dir.resolve("server-key.pem"), "PRIVATE KEY", server.getPrivate().getEncoded()),
                write(dir.resolve("client.pem"), "CERTIFICATE", clientCert.getEncoded()),
                write(dir.resolve("client-key.pem"), "PRIVATE KEY", client.getPrivate().getEncoded()));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                        boolean isCa) throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (!isCa) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        }
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static Path write(Path path, String type, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return Files.writeString(path, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
    }
}
