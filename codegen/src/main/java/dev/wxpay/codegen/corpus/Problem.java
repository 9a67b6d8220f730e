package dev.wxpay.codegen.corpus;

/**
 * A defect of the corpus that the reader noticed and how it read past it, e.g. {@code tag:} written for
 * {@code tags:}. Listed, never silently repaired, so the generator's output can be traced to it.
 */
public record Problem(String file, String where, String message) {
  @Override
  public String toString() {
    return file + " " + where + ": " + message;
  }
}
