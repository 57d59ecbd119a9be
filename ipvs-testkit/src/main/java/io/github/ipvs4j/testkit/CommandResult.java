package io.github.ipvs4j.testkit;

import java.util.List;
import java.util.Objects;

/**
 * What a finished process left behind.
 *
 * @param command the command line that ran
 * @param exitStatus its exit status
 * @param stdout everything it wrote to standard output, decoded as UTF-8
 * @param stderr everything it wrote to standard error, decoded as UTF-8
 */
public record CommandResult(List<String> command, int exitStatus, String stdout, String stderr) {

  /** Checks the parts and copies the command line. */
  public CommandResult {
    command = List.copyOf(command);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Whether the exit status is 0. */
  public boolean succeeded() {
    return exitStatus == 0;
  }

  /**
   * Returns this result when the exit status is 0.
   *
   * @throws CommandFailedException otherwise, with the command, status and both outputs in the message
   */
  public CommandResult orThrow() {
    if (!succeeded()) {
      throw new CommandFailedException(this);
    }
    return this;
  }

  /** The command line, its status and both outputs, for failure messages. */
  public String describe() {
    return "`"
        + String.join(" ", command)
        + "` exited with status "
        + exitStatus
        + "\n--- stdout ---\n"
        + stdout
        + "--- stderr ---\n"
        + stderr;
  }
}
