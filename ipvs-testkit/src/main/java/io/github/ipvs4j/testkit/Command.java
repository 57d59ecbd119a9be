package io.github.ipvs4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a process with a time limit and collects its exit status and both outputs.
 *
 * <p>Standard input is empty; the outputs go to temporary files, so a chatty process can never block on a
 * full pipe. A process still running at the deadline is killed and reported with {@link
 * CommandTimeoutException}.
 */
public final class Command {
  /** The time limit of {@link #run(String...)}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private Command() {}

  /**
   * Runs {@code argv} with the {@linkplain #DEFAULT_TIMEOUT default time limit}.
   *
   * @param argv the program and its arguments
   * @return the finished process's status and outputs
   */
  public static CommandResult run(String... argv) {
    return run(DEFAULT_TIMEOUT, List.of(argv));
  }

  /**
   * Runs {@code argv}, killing it when it outlives {@code timeout}.
   *
   * @param timeout the time limit, positive
   * @param argv the program and its arguments, not empty
   * @return the finished process's status and outputs
   * @throws CommandTimeoutException when the process outlived the limit (it has been killed)
   * @throws UncheckedIOException when the process cannot be started
   */
  public static CommandResult run(Duration timeout, List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv: empty (expected: a program and its arguments)");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: positive)");
    }
    List<String> command = List.copyOf(argv);
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("ipvs4j-cmd", ".out");
      err = Files.createTempFile("ipvs4j-cmd", ".err");
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + command, e);
      }
      if (!finished) {
        process.destroyForcibly();
        throw new CommandTimeoutException(command, timeout);
      }
      return new CommandResult(
          command,
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }
}
