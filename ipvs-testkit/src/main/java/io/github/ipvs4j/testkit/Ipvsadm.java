package io.github.ipvs4j.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real {@code ipvsadm}, as the oracle of kernel-tier tests: what the library writes, {@code ipvsadm -Sn}
 * must show; what ipvsadm writes, the library must read back.
 *
 * <p>Bound to a {@link TestNetns} it runs as {@code ip netns exec NAME ipvsadm ...}; {@link
 * #inCurrentNamespace()} runs it in the test process's own namespace (the VM's, or the fresh one of the host
 * mode).
 */
public final class Ipvsadm {
  private final Optional<TestNetns> netns;
  private final Duration timeout;

  private Ipvsadm(Optional<TestNetns> netns, Duration timeout) {
    this.netns = netns;
    this.timeout = timeout;
  }

  /** The ipvsadm that works inside {@code netns}. */
  public static Ipvsadm in(TestNetns netns) {
    return new Ipvsadm(Optional.of(netns), Command.DEFAULT_TIMEOUT);
  }

  /**
   * The ipvsadm of the test process's own network namespace.
   *
   * @throws IllegalStateException outside a kernel tier, so that no test changes a real machine's table
   */
  public static Ipvsadm inCurrentNamespace() {
    KernelEnvironment.require();
    return new Ipvsadm(Optional.empty(), Command.DEFAULT_TIMEOUT);
  }

  /** The namespace this ipvsadm works in; empty for the test process's own. */
  public Optional<TestNetns> netns() {
    return netns;
  }

  /** The command line that runs ipvsadm with {@code args}. */
  public List<String> commandLine(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add("ipvsadm");
    command.addAll(args);
    return netns.map(n -> n.wrap(command)).orElse(command);
  }

  /**
   * Runs ipvsadm and returns its status and outputs, whatever the status.
   *
   * @param args ipvsadm's arguments, e.g. {@code "-A", "-t", "192.0.2.1:80", "-s", "rr"}
   */
  public CommandResult run(String... args) {
    return Command.run(timeout, commandLine(List.of(args)));
  }

  /**
   * Runs ipvsadm and requires exit status 0.
   *
   * @throws CommandFailedException otherwise
   */
  public CommandResult exec(String... args) {
    return run(args).orThrow();
  }

  /** The table in the canonical save form, {@code ipvsadm -S -n}. */
  public String save() {
    return exec("-S", "-n").stdout();
  }

  /** The numeric listing, {@code ipvsadm -L -n}, plus any further listing options. */
  public String list(String... options) {
    List<String> args = new ArrayList<>(List.of("-L", "-n"));
    args.addAll(List.of(options));
    return exec(args.toArray(String[]::new)).stdout();
  }

  /** Deletes every service, {@code ipvsadm -C}. */
  public void clear() {
    exec("-C");
  }
}
