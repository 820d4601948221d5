package io.auditline.platform.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SecondsParamTest {

  @Test
  void defaultsTo30WhenAbsent() {
    assertThat(ProfilingEndpoints.seconds(null)).hasValue(30);
    assertThat(ProfilingEndpoints.seconds("other=1")).hasValue(30);
  }

  @Test
  void acceptsTheBounds() {
    assertThat(ProfilingEndpoints.seconds("seconds=1")).hasValue(1);
    assertThat(ProfilingEndpoints.seconds("x=y&seconds=300")).hasValue(300);
  }

  @Test
  void rejectsEverythingElse() {
    for (String q : new String[] {"seconds=0", "seconds=301", "seconds=1.5", "seconds=%31", "seconds", "seconds=99999999999"}) {
      assertThat(ProfilingEndpoints.seconds(q)).as(q).isEqualTo(OptionalInt.empty());
    }
  }
}
