package io.github.ipvs4j.testkit;

import java.time.Duration;
import java.util.List;

/** A command outlived its time limit and was killed. */
public final class CommandTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param command the command line that was killed
   * @param timeout the limit it outlived
   */
  public CommandTimeoutException(List<String> command, Duration timeout) {
    super("`" + String.join(" ", command) + "` still running after " + timeout + "; killed");
  }
}
