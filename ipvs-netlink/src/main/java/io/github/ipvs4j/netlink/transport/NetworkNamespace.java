package io.github.ipvs4j.netlink.transport;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Linux network namespace to open netlink sockets in, given by name ({@code ip netns} style, the file
 * {@code /run/netns/NAME}) or by the path of a namespace file (e.g. {@code /proc/PID/ns/net}).
 *
 * <p>Opening a socket in a namespace never moves a caller's thread: a short-lived thread enters the namespace, creates
 * the socket and exits; the socket stays in that namespace for its whole life. It needs {@code CAP_SYS_ADMIN}.
 *
 * @param path the namespace file
 */
public record NetworkNamespace(Path path) {
  /** Where {@code ip netns add NAME} puts named namespaces ({@code NETNS_RUN_DIR}). */
  public static final Path NETNS_RUN_DIR = Path.of("/run/netns");

  /** Checks for null. */
  public NetworkNamespace {
    Objects.requireNonNull(path, "path");
  }

  /**
   * The namespace {@code ip netns} calls {@code name}: {@code /run/netns/NAME}.
   *
   * @throws IllegalArgumentException if {@code name} is empty, {@code "."} or {@code ".."}, longer than 255 bytes, or
   *     contains {@code '/'} or NUL
   */
  public static NetworkNamespace named(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
        || name.indexOf('\0') >= 0 || name.length() > 255) {
      throw new IllegalArgumentException(
          "name: '" + name + "' (expected: 1-255 characters, no '/' or NUL, not '.' or '..')");
    }
    return new NetworkNamespace(NETNS_RUN_DIR.resolve(name));
  }

  /** The namespace whose file is {@code path}, e.g. {@code /proc/1234/ns/net}. */
  public static NetworkNamespace of(Path path) {
    return new NetworkNamespace(path);
  }
}
