package io.github.ipvs4j.examples.lab;

/** A lab's result was not what LVS promises (a tally off, a revert not exact). */
public final class LabCheckFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With the check that failed and what was seen. */
  public LabCheckFailedException(String message) {
    super(message);
  }
}
