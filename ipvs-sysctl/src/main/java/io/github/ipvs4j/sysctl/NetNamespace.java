package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.sysctl.internal.NamespaceRunner;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The network namespace that sysctls and addresses are read and written in: the caller's own ({@link #current()}),
 * one named by {@code ip netns} ({@link #named(String)}, the file {@code /run/netns/NAME}) or one given by the path of
 * a namespace file ({@link #of(Path)}, e.g. {@code /proc/1234/ns/net}).
 *
 * <p>Working in another namespace never moves a caller's thread: a short-lived thread enters it ({@code setns}), opens
 * what it needs and ends. That needs {@code CAP_SYS_ADMIN}.
 *
 * <pre>{@code
 * NetNamespace ns = NetNamespace.named("lvs1");      // /run/netns/lvs1
 * Sysctl sysctl = ProcSysctl.in(ns);
 * sysctl.get(LvsSysctls.IP_FORWARD);                  // "0", read inside lvs1
 * }</pre>
 *
 * @param path the namespace file, or empty for the caller's own namespace
 */
public record NetNamespace(Optional<Path> path) {
  private static final Path NETNS_RUN_DIR = Path.of("/run/netns");
  private static final NetNamespace CURRENT = new NetNamespace(Optional.empty());

  /** Checks for null. */
  public NetNamespace {
    Objects.requireNonNull(path, "path");
  }

  /** The caller's own network namespace. */
  public static NetNamespace current() {
    return CURRENT;
  }

  /**
   * The namespace {@code ip netns} calls {@code name}: {@code /run/netns/NAME}.
   *
   * @throws io.github.ipvs4j.InvalidValueException if {@code name} is empty, {@code "."} or {@code ".."}, longer
   *     than 255 characters, or contains {@code '/'} or NUL
   */
  public static NetNamespace named(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
        || name.indexOf('\0') >= 0 || name.length() > 255) {
      throw new io.github.ipvs4j.InvalidValueException(
          "namespace", "'" + name + "'", "1-255 characters, no '/' or NUL, not '.' or '..'");
    }
    return new NetNamespace(Optional.of(NETNS_RUN_DIR.resolve(name)));
  }

  /** The namespace whose file is {@code path}, such as {@code /proc/1234/ns/net}. */
  public static NetNamespace of(Path path) {
    return new NetNamespace(Optional.of(Objects.requireNonNull(path, "path")));
  }

  /** Whether this is the caller's own namespace. */
  public boolean isCurrent() {
    return path.isEmpty();
  }

  /**
   * Runs {@code task} inside this namespace and returns its result: on a short-lived thread that enters the namespace
   * and ends, or on the calling thread if this is the current namespace. An unchecked exception from the task is
   * rethrown here.
   *
   * <p>Sockets the task opens stay in this namespace after it returns (a socket belongs to the namespace it was made
   * in), so one program can listen and connect in several namespaces, as a health checker or a lab needs:
   *
   * <pre>{@code
   * ServerSocket server = NetNamespace.named("rs1").call(() -> {
   *   try { return new ServerSocket(8080); } catch (IOException e) { throw new UncheckedIOException(e); }
   * });
   * server.accept();   // on any thread: accepts connections made to rs1's port 8080
   * }</pre>
   *
   * @throws io.github.ipvs4j.PermissionDeniedException without {@code CAP_SYS_ADMIN}
   * @throws SysctlException if the namespace file cannot be opened or entered
   */
  public <T> T call(Supplier<T> task) {
    Objects.requireNonNull(task, "task");
    return NamespaceRunner.call(this, task);
  }

  /** As {@link #call}, for a task with no result. */
  public void run(Runnable task) {
    Objects.requireNonNull(task, "task");
    NamespaceRunner.call(this, () -> {
      task.run();
      return null;
    });
  }

  @Override
  public String toString() {
    return path.map(p -> "netns " + p).orElse("the current netns");
  }
}
