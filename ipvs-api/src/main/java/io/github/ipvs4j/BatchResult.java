package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.IntFunction;

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
    if (!(outcomes instanceof Outcomes)) { // Outcomes is frozen and checked already
      outcomes = List.copyOf(Checks.noNulls("outcomes", outcomes));
    }
  }

  /**
   * The result of {@code commands}, where {@code errorOf.apply(i)} is why command {@code i} failed, or null when it
   * succeeded; {@code errorOf} is asked once per command, now. The result keeps the commands and the errors only, and
   * makes each {@link Outcome} when asked for: a batch of 100,000 commands that all succeeded holds no object per
   * command beyond the command.
   *
   * <pre>{@code
   * BatchResult r = BatchResult.of(List.of(add, edit), i -> i == 1 ? new IpvsException("refused") : null);
   * r.isSuccess();                 // false
   * r.failures().get(0).command(); // edit
   * }</pre>
   *
   * @throws InvalidValueException if {@code commands} or one of them is null
   */
  public static BatchResult of(List<? extends IpvsCommand> commands, IntFunction<IpvsException> errorOf) {
    List<IpvsCommand> frozen = List.copyOf(Checks.noNulls("commands", commands));
    Checks.notNull("errorOf", errorOf);
    IpvsException[] errors = null;
    for (int i = 0; i < frozen.size(); i++) {
      IpvsException e = errorOf.apply(i);
      if (e != null) {
        if (errors == null) {
          errors = new IpvsException[frozen.size()];
        }
        errors[i] = e;
      }
    }
    return new BatchResult(new Outcomes(frozen, errors));
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
    for (int i = 0; i < outcomes.size(); i++) {
      if (errorAt(i) != null) {
        return false;
      }
    }
    return true;
  }

  /** The failed outcomes, in order. */
  public List<Outcome> failures() {
    List<Outcome> failed = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (errorAt(i) != null) {
        failed.add(outcomes.get(i));
      }
    }
    return failed;
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
    for (int i = 0; i < outcomes.size(); i++) {
      IpvsException e = errorAt(i);
      if (e != null) {
        if (first == null) {
          first = e;
        } else if (first != e && !Arrays.asList(first.getSuppressed()).contains(e)) {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Why command {@code i} failed, or null: without making its outcome when the list is {@link Outcomes}. */
  private IpvsException errorAt(int i) {
    return outcomes instanceof Outcomes o ? o.errorAt(i) : outcomes.get(i).error().orElse(null);
  }

  /** {@link #of}'s list: commands and the errors of those that failed (null when none did), outcomes made on demand. */
  private static final class Outcomes extends AbstractList<Outcome> implements RandomAccess {
    private final List<IpvsCommand> commands;
    private final IpvsException[] errors;

    Outcomes(List<IpvsCommand> commands, IpvsException[] errors) {
      this.commands = commands;
      this.errors = errors;
    }

    IpvsException errorAt(int i) {
      Objects.checkIndex(i, commands.size());
      return errors == null ? null : errors[i];
    }

    @Override
    public Outcome get(int i) {
      IpvsException e = errorAt(i);
      return e == null ? Outcome.success(commands.get(i)) : Outcome.failure(commands.get(i), e);
    }

    @Override
    public int size() {
      return commands.size();
    }
  }
}
