package io.github.ipvs4j.examples.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the plumbing commands a lab needs around ipvs4j: {@code ip netns}, veth pairs, bridges and routes
 * ({@code ip}), and the firewall-mark rule ({@code nft}). ipvs4j is not a general link or firewall manager, so the labs
 * build their wiring with the usual tools; every LVS step (IPVS, VIPs, sysctls) goes through ipvs4j.
 */
final class Commands {
  private Commands() {}

  /** Runs {@code argv}, feeding it {@code input}, and returns its output; fails with its stderr if it fails. */
  static String run(String input, List<String> argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", argv) + ": no answer in 60 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", argv) + ": exit status " + p.exitValue() + ": " + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", argv) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(String.join(" ", argv) + ": interrupted", e);
    }
  }

  /** Runs {@code argv} with no input. */
  static String run(String... argv) {
    return run("", List.of(argv));
  }
}
