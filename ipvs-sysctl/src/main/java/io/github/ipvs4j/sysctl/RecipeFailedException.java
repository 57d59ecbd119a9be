package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOperation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applying or reverting a recipe failed part-way. Says exactly where the host stands: which changes had been made
 * ({@link #done()}), which of those were undone again ({@link #reverted()}), which could not be undone
 * ({@link #notReverted()}, normally empty), and which steps were never tried ({@link #notDone()}). The
 * {@linkplain #getCause() cause} is the failure that stopped it.
 *
 * <pre>{@code
 * try {
 *   recipe.apply(host);
 * } catch (RecipeFailedException e) {
 *   e.getMessage();   // "apply dr-director: step 4 of 5 (send_redirects on eth9) failed: no such interface 'eth9';
 *                     //  3 changes made and reverted; the host is as it was"
 *   e.isClean();      // true: every change was undone
 * }
 * }</pre>
 */
public class RecipeFailedException extends IpvsException {
  private static final long serialVersionUID = 1L;

  private final transient List<HostChange> done;
  private final transient List<HostChange> reverted;
  private final transient List<HostChange> notReverted;
  private final transient List<RecipeStep> notDone;

  /** A failure with the full account of what happened. */
  public RecipeFailedException(
      String message,
      List<HostChange> done,
      List<HostChange> reverted,
      List<HostChange> notReverted,
      List<RecipeStep> notDone,
      Throwable cause) {
    super(IpvsOperation.NONE, message, errnoOf(cause), Optional.empty(), cause);
    this.done = List.copyOf(done);
    this.reverted = List.copyOf(reverted);
    this.notReverted = List.copyOf(notReverted);
    this.notDone = List.copyOf(notDone);
  }

  private static OptionalInt errnoOf(Throwable cause) {
    return cause instanceof IpvsException e ? e.errno() : OptionalInt.empty();
  }

  /** The changes made before the failure, in order. */
  public List<HostChange> done() {
    return done;
  }

  /** The changes undone after the failure. */
  public List<HostChange> reverted() {
    return reverted;
  }

  /** The changes that could not be undone: the host differs from its prior state by these. */
  public List<HostChange> notReverted() {
    return notReverted;
  }

  /** The steps never tried (the failed one included). */
  public List<RecipeStep> notDone() {
    return notDone;
  }

  /** Whether the host is as it was before (every change made was undone). */
  public boolean isClean() {
    return notReverted.isEmpty();
  }
}
