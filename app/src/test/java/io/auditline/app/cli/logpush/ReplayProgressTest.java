package io.auditline.app.cli.logpush;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

  @Test
  void rendersABarWithPercentRecordsAndObjects() {
    assertThat(ReplayProgress.line(replay("running", 1_234_567, 1_950_000L, 63, 12)))
        .isEqualTo("[" + "#".repeat(18) + ".".repeat(12) + "] 63% 1,234,567/1,950,000 records, 12 objects");
    assertThat(ReplayProgress.line(replay("completed", 10, 10L, 100, 1)))
        .isEqualTo("[" + "#".repeat(30) + "] 100% 10/10 records, 1 objects");
  }

  @Test
  void beforeTheTotalIsKnownItShowsTheState() {
    assertThat(ReplayProgress.line(replay("pending", 0, null, null, 0)))
        .isEqualTo("[" + ".".repeat(30) + "] --% 0 records, 0 objects (pending)");
  }

  @Test
  void withoutATerminalItWritesOneLinePerTenPercent() {
    StringWriter err = new StringWriter();
    ReplayProgress progress = new ReplayProgress(new PrintWriter(err), false);
    progress.update(replay("pending", 0, null, null, 0));
    for (int p : new int[] {0, 4, 10, 12, 19, 35, 99}) {
      progress.update(replay("running", p, 100L, p, 0));
    }
    progress.finish(replay("completed", 100, 100L, 100, 3));

    assertThat(err.toString().lines()).extracting(l -> l.substring(l.indexOf(']') + 2, l.indexOf('%')))
        .containsExactly("0", "10", "35", "99", "100");
    assertThat(err.toString()).doesNotContain("\r");
  }

  @Test
  void onATerminalItRedrawsOneLine() {
    StringWriter err = new StringWriter();
    ReplayProgress progress = new ReplayProgress(new PrintWriter(err), true);
    progress.update(replay("pending", 0, null, null, 0));
    progress.update(replay("running", 5, 100L, 5, 0));
    progress.finish(replay("completed", 100, 100L, 100, 3));

    String text = err.toString();
    assertThat(text).startsWith("\r[").endsWith("3 objects" + System.lineSeparator());
    assertThat(text.chars().filter(c -> c == '\r')).hasSize(3);
    assertThat(text.chars().filter(c -> c == '\n')).hasSize(1);
    // The shorter second line is padded with blanks over what is left of the first.
    String[] drawn = text.split("\r");
    assertThat(drawn[2]).startsWith("[#.").endsWith(" ").hasSameSizeAs(drawn[1]);
  }

  private static ObjectNode replay(String state, long done, Long total, Integer percent, int objects) {
    ObjectNode r = LogpushApi.JSON.createObjectNode().put("state", state).put("delivered_records", done).put("objects", objects);
    if (total == null) {
      r.putNull("total_records");
    } else {
      r.put("total_records", total);
    }
    if (percent == null) {
      r.putNull("progress_percent");
    } else {
      r.put("progress_percent", percent);
    }
    return r;
  }
}
