package io.auditline.logpush.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BlockOutputStreamProperties {

  @Property(tries = 200)
  void holdsExactlyTheBytesWrittenInOrder(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 300_000) Integer> writes) {
    BlockOutputStream blocks = new BlockOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    int n = 0;
    for (int length : writes) {
      byte[] piece = new byte[length];
      for (int i = 0; i < length; i++) {
        piece[i] = (byte) (n++ * 31);
      }
      if (length == 1) {
        blocks.write(piece[0]);
      } else {
        blocks.write(piece, 0, length);
      }
      expected.writeBytes(piece);
    }

    assertThat(blocks.toByteArray()).isEqualTo(expected.toByteArray());
  }
}
