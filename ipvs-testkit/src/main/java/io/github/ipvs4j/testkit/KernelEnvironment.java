package io.github.ipvs4j.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a kernel-tier test runs, as {@code tools/ipvs-vm} reports it.
 *
 * <p>{@code tools/ipvs-vm} sets {@value #TIER_VARIABLE} to {@code vm} in its VM and to {@code netns} in the
 * fresh network namespace of its host mode. Anywhere else the variable is unset, and a kernel test must not
 * touch the kernel: it could change the IPVS table of the machine it runs on.
 */
public final class KernelEnvironment {
  /** The environment variable that names the tier. */
  public static final String TIER_VARIABLE = "IPVS4J_KERNEL_TIER";

  /** The tier values {@code tools/ipvs-vm} sets. */
  public static final Set<String> TIERS = Set.of("vm", "netns");

  /** The file the kernel creates in every network namespace once IPVS is loaded. */
  public static final Path PROC_NET_IP_VS = Path.of("/proc/net/ip_vs");

  private KernelEnvironment() {}

  /**
   * Why the given environment is not a kernel tier, if it is not.
   *
   * @param environment the process environment to judge
   * @param procNetIpVs where IPVS's proc file is expected
   * @return the reason, or empty when kernel tests may run here
   */
  public static Optional<String> problem(Map<String, String> environment, Path procNetIpVs) {
    String tier = environment.get(TIER_VARIABLE);
    if (tier == null || tier.isEmpty()) {
      return Optional.of(
          TIER_VARIABLE
              + " is not set: kernel-tier tests run only inside the ipvs4j VM or a fresh test network"
              + " namespace (tools/ipvs-vm -- ..., or ./mvnw verify -Pkernel), never on the host itself");
    }
    if (!TIERS.contains(tier)) {
      return Optional.of(TIER_VARIABLE + "=" + tier + " (expected: one of vm, netns)");
    }
    if (!Files.exists(procNetIpVs)) {
      return Optional.of(
          procNetIpVs + " does not exist: the kernel of this " + tier + " tier has no IPVS loaded");
    }
    return Optional.empty();
  }

  /** Why this process is not in a kernel tier, if it is not. */
  public static Optional<String> problem() {
    return problem(System.getenv(), PROC_NET_IP_VS);
  }

  /**
   * Fails unless this process runs in a kernel tier.
   *
   * @throws IllegalStateException with the reason
   */
  public static void require() {
    problem()
        .ifPresent(
            reason -> {
              throw new IllegalStateException(reason);
            });
  }

  /** The tier this process runs in: {@code vm} or {@code netns}; empty outside a kernel tier. */
  public static Optional<String> tier() {
    return Optional.ofNullable(System.getenv(TIER_VARIABLE)).filter(TIERS::contains);
  }
}
