package io.auditline.platform.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files of one TLS identity: its certificate chain, its private key and the CA it trusts
 * for peers.
 */
public record TlsFiles(Path certChain, Path privateKey, Path trustedCa) {

  public TlsFiles {
    requireReadable("certChain", certChain);
    requireReadable("privateKey", privateKey);
    requireReadable("trustedCa", trustedCa);
  }

  private static void requireReadable(String name, Path path) {
    Objects.requireNonNull(path, name);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException(
          "%s: %s (expected: a readable PEM file)".formatted(name, path));
    }
  }
}
