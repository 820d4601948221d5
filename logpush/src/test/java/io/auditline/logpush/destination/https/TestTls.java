package io.auditline.logpush.destination.https;

import io.auditline.platform.tls.Pem;
import io.auditline.platform.tls.TlsFiles;
import io.auditline.testkit.tls.TestPki;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts from the testkit PKI: the server's identity, and a client that trusts its CA. */
final class TestTls {

  private static final char[] PASSWORD = "test".toCharArray();

  private TestTls() {}

  /** The identity of {@code localhost}, {@code 127.0.0.1} and {@code ::1}. */
  static SSLContext server() throws Exception {
    TlsFiles files = TestPki.server();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", Pem.readPrivateKey(files.privateKey()), PASSWORD,
        new Certificate[] {Pem.readCertificate(files.certChain())});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  /** Trusts the test CA only. */
  static SSLContext clientTrustingTestCa() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", Pem.readCertificate(TestPki.caCertificate()));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
