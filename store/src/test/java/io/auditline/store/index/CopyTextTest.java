package io.auditline.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyTextTest {

  @Test
  void escapesSeparatorsAndBackslashesAndWritesNullMarker() {
    String row = new CopyText(64).text("a\tb\nc\rd\\e").text(null).number(42).endRow().toString();

    assertThat(row).isEqualTo("a\\tb\\nc\\rd\\\\e\t\\N\t42\n");
  }

  @Test
  void writesByteaAsEscapedHex() {
    String row = new CopyText(16).bytes(new byte[] {0x00, (byte) 0xAB, 0x10}).endRow().toString();

    assertThat(row).isEqualTo("\\\\x00ab10\n");
  }
}
