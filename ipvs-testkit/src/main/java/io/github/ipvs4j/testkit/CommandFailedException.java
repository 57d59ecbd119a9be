package io.github.ipvs4j.testkit;

/** A command exited with a non-zero status where success was required. */
public final class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient CommandResult result;

  /**
   * Creates the exception for a failed command.
   *
   * @param result the failed command's result
   */
  public CommandFailedException(CommandResult result) {
    super(result.describe());
    this.result = result;
  }

  /** The failed command's result. */
  public CommandResult result() {
    return result;
  }
}
