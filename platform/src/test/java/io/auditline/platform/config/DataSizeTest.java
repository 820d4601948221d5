package io.auditline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DataSizeTest {

  @Property
  void toStringThenParseIsIdentity(@ForAll @LongRange(min = 0) long bytes) {
    DataSize size = DataSize.ofBytes(bytes);
    assertThat(DataSize.parse(size.toString())).isEqualTo(size);
  }

  @Property
  void binaryUnitsArePowersOf1024(@ForAll @IntRange(min = 0, max = 1 << 20) int amount) {
    assertThat(DataSize.parse(amount + "KiB").toBytes()).isEqualTo(amount * 1024L);
    assertThat(DataSize.parse(amount + "MiB").toBytes()).isEqualTo(amount * 1024L * 1024);
    assertThat(DataSize.parse(amount + "GiB").toBytes()).isEqualTo(amount * 1024L * 1024 * 1024);
  }

  @Property
  void decimalUnitsArePowersOf1000(@ForAll @IntRange(min = 0, max = 1 << 20) int amount) {
    assertThat(DataSize.parse(amount + "KB").toBytes()).isEqualTo(amount * 1_000L);
    assertThat(DataSize.parse(amount + "MB").toBytes()).isEqualTo(amount * 1_000_000L);
    assertThat(DataSize.parse(amount + " GB").toBytes()).isEqualTo(amount * 1_000_000_000L);
  }

  @Property
  void plainDigitsAreBytes(@ForAll @LongRange(min = 0) long bytes) {
    assertThat(DataSize.parse(Long.toString(bytes)).toBytes()).isEqualTo(bytes);
  }

  @Example
  void rejectsOverflowAndUnknownUnits() {
    assertThatThrownBy(() -> DataSize.parse("9999999999TiB"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    assertThatThrownBy(() -> DataSize.parse("4 parsecs"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown unit 'parsecs'");
    assertThatThrownBy(() -> DataSize.parse("-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: bytes or a size");
  }

  @Example
  void printsReadably() {
    assertThat(DataSize.ofMebibytes(4)).hasToString("4MiB");
    assertThat(DataSize.parse("100MB")).hasToString("100MB");
    assertThat(DataSize.ofBytes(1500)).hasToString("1500B");
    assertThat(DataSize.ofBytes(0)).hasToString("0B");
  }
}
