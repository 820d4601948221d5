package io.auditline.ingest.validate;

/** Keeps producer-supplied text that is echoed back in errors to a bounded size. */
public final class Texts {

  /** Longest field path reported back (map keys are producer input and may be huge). */
  public static final int MAX_FIELD_CHARS = 200;
  /** Longest violation message reported back. */
  public static final int MAX_MESSAGE_CHARS = 400;

  private Texts() {}

  /** {@code text} cut to {@code max} characters, marking the cut and the original length. */
  public static String abbreviate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    String suffix = "...(" + text.length() + " chars)";
    return text.substring(0, Math.max(0, max - suffix.length())) + suffix;
  }
}
