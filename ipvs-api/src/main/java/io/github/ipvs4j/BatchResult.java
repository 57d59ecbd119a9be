package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What became of each command of a batch ({@link IpvsClient#execute(List)}), in the order given.
 *
 * <p>The kernel runs a batch's commands one after another with no transaction: a failed command does not stop the
 * ones after it (as {@code ipvsadm -R} goes on after a kernel error), and what succeeded stays done.
 *
 * @param outcomes one outcome per command, in order (frozen)
 */
public record BatchResult(List<Outcome> outcomes) {
  /** Checks and freezes the list. */
  public BatchResult {
    outcomes = List.copyOf(Checks.noNulls("outcomes", outcomes));
  }

  /**
   * What became of one command.
   *
   * @param command the command
   * @param error empty if it succeeded, else why it failed
   */
  public record Outcome(IpvsCommand command, Optional<IpvsException> error) {
    /** Checks every argument. */
    public Outcome {
      Checks.notNull("command", command);
      Checks.notNull("error", error);
    }

    /** A success. */
    public static Outcome success(IpvsCommand command) {
      return new Outcome(command, Optional.empty());
    }

    /** A failure. */
    public static Outcome failure(IpvsCommand command, IpvsException error) {
      return new Outcome(command, Optional.of(Checks.notNull("error", error)));
    }

    /** Whether the command succeeded. */
    public boolean isSuccess() {
      return error.isEmpty();
    }
  }

  /** Whether every command succeeded. */
  public boolean isSuccess() {
    return outcomes.stream().allMatch(Outcome::isSuccess);
  }

  /** The failed outcomes, in order. */
  public List<Outcome> failures() {
    return outcomes.stream().filter(o -> !o.isSuccess()).collect(Collectors.toList());
  }

  /** The number of commands. */
  public int size() {
    return outcomes.size();
  }

  /**
   * Returns normally if every command succeeded; otherwise throws the first failure, with the later ones attached as
   * {@linkplain Throwable#getSuppressed() suppressed} exceptions.
   */
  public void throwIfFailed() {
    IpvsException first = null;
    for (Outcome o : outcomes) {
      if (o.error().isPresent()) {
        if (first == null) {
          first = o.error().get();
        } else if (first != o.error().get()
            && !java.util.Arrays.asList(first.getSuppressed()).contains(o.error().get())) {
          first.addSuppressed(o.error().get());
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
