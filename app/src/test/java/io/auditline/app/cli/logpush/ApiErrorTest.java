package io.auditline.app.cli.logpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @Test
  void printsTitleDetailAndEachInvalidParameter() throws Exception {
    String problem = """
        {"type":"urn:auditline:problem:invalid-body","title":"Invalid request body","status":422,
         "detail":"2 fields are invalid.","invalid_params":[
           {"name":"max_age","reason":"0s is out of range (expected: 1s .. 1h)"},
           {"name":"output_options.format","reason":"\\"xml\\" (expected: one of ndjson, csv)"}]}""";

    assertThat(print(new ApiError(422, LogpushApi.JSON.readTree(problem), problem))).isEqualTo("""
        error: Invalid request body (HTTP 422): 2 fields are invalid.
          max_age: 0s is out of range (expected: 1s .. 1h)
          output_options.format: "xml" (expected: one of ndjson, csv)
        """);
  }

  @Test
  void aBodyThatIsNoProblemIsShownShortened() {
    assertThat(print(new ApiError(502, null, "<html>\n  bad   gateway\n</html>"))).isEqualTo("error: HTTP 502: <html> bad gateway </html>\n");
    assertThat(print(new ApiError(500, null, "x".repeat(1000)))).hasSize("error: HTTP 500: ".length() + 300 + "...\n".length());
  }

  @Test
  void clientErrorsExitWith2AndTheRestWith1() {
    assertThat(new ApiError(400, null, "").exitCode()).isEqualTo(2);
    assertThat(new ApiError(401, null, "").exitCode()).isEqualTo(2);
    assertThat(new ApiError(409, null, "").exitCode()).isEqualTo(2);
    assertThat(new ApiError(422, null, "").exitCode()).isEqualTo(2);
    assertThat(new ApiError(500, null, "").exitCode()).isEqualTo(1);
    assertThat(new ApiError(503, null, "").exitCode()).isEqualTo(1);
  }

  private static String print(ApiError e) {
    StringWriter out = new StringWriter();
    e.print(new PrintWriter(out, true));
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
