package io.github.ipvs4j.testkit;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A named network namespace made for one test ({@code ip netns add ipvs4j-<random>}), so that each test
 * starts with an empty IPVS table, no addresses and only a loopback device (brought up). {@link #close()}
 * deletes it, and with it every service, address and link the test made.
 *
 * <p>Only available in a kernel tier (see {@link KernelEnvironment}); {@link #create()} fails elsewhere.
 */
public final class TestNetns implements AutoCloseable {
  /** The prefix of every namespace name this class makes. */
  public static final String PREFIX = "ipvs4j-";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private boolean closed;

  private TestNetns(String name) {
    this.name = name;
  }

  /**
   * Creates a fresh namespace with a random name and brings its loopback device up.
   *
   * @throws IllegalStateException outside a kernel tier
   * @throws CommandFailedException when {@code ip} fails
   */
  public static TestNetns create() {
    KernelEnvironment.require();
    String name = randomName();
    Command.run("ip", "netns", "add", name).orThrow();
    TestNetns netns = new TestNetns(name);
    try {
      netns.exec("ip", "link", "set", "lo", "up").orThrow();
    } catch (RuntimeException e) {
      netns.close();
      throw e;
    }
    return netns;
  }

  /** A handle on an existing namespace that this object does not own, for tests of command lines. */
  static TestNetns existing(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException("name: " + name + " (expected: a valid network namespace name)");
    }
    TestNetns netns = new TestNetns(name);
    netns.closed = true;
    return netns;
  }

  /** A fresh name: {@value #PREFIX} and 12 random hex digits. */
  static String randomName() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return PREFIX + HexFormat.of().formatHex(bytes);
  }

  /** Whether {@code name} is a name {@code ip netns} accepts and that needs no quoting. */
  static boolean isValidName(String name) {
    return NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  /** The namespace's name, as {@code ip netns} knows it. */
  public String name() {
    return name;
  }

  /** The namespace's file, {@code /run/netns/NAME}, for APIs that open a namespace by path. */
  public Path path() {
    return Path.of("/run/netns", name);
  }

  /** The command line that runs {@code argv} inside this namespace. */
  public List<String> wrap(List<String> argv) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name));
    command.addAll(argv);
    return command;
  }

  /**
   * Runs a command inside this namespace with the default time limit.
   *
   * @param argv the program and its arguments
   * @return its status and outputs
   */
  public CommandResult exec(String... argv) {
    ensureOpen();
    return Command.run(Command.DEFAULT_TIMEOUT, wrap(List.of(argv)));
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("network namespace " + name + " was deleted");
    }
  }

  /** Deletes the namespace; a second call does nothing. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Command.run("ip", "netns", "delete", name).orThrow();
    }
  }

  @Override
  public String toString() {
    return "TestNetns[" + name + "]";
  }
}
