package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to open an {@link IpvsClient}: in which network namespace, how long to wait for the kernel, how large a
 * receive buffer to ask for. Start from {@link #defaults()} and change with the {@code with…} methods:
 *
 * <pre>{@code
 * Ipvs.open(IpvsOptions.defaults().withNetworkNamespace("lb1").withRequestTimeout(Duration.ofSeconds(2)))
 * }</pre>
 *
 * @param networkNamespace the network namespace file to work in, such as {@code /run/netns/lb1} or {@code
 *     /proc/1234/ns/net}; empty for the caller's own. Opening one needs CAP_SYS_ADMIN; the client does not move the
 *     caller's threads
 * @param requestTimeout how long to wait for each answer from the kernel, positive ({@link IpvsTimeoutException}
 *     after that); default 10 seconds
 * @param receiveBufferSize the socket receive buffer to ask for, in bytes; 0 for the implementation's default (at least
 *     32 KiB); otherwise 4096-2147483647
 */
public record IpvsOptions(Optional<Path> networkNamespace, Duration requestTimeout, int receiveBufferSize) {
  /** The default request timeout: 10 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Checks every argument. */
  public IpvsOptions {
    Checks.notNull("networkNamespace", networkNamespace);
    Checks.notNull("requestTimeout", requestTimeout);
    Checks.check(
        !requestTimeout.isNegative() && !requestTimeout.isZero(),
        "requestTimeout",
        requestTimeout,
        "a positive duration");
    Checks.check(
        receiveBufferSize == 0 || receiveBufferSize >= 4096,
        "receiveBufferSize",
        receiveBufferSize,
        "0 (the default) or 4096-2147483647");
  }

  /** The caller's namespace, a 10 second timeout, the default buffer. */
  public static IpvsOptions defaults() {
    return new IpvsOptions(Optional.empty(), DEFAULT_REQUEST_TIMEOUT, 0);
  }

  /**
   * These options in the named network namespace {@code name}, as {@code ip netns} names them: the file {@code
   * /run/netns/<name>}.
   */
  public IpvsOptions withNetworkNamespace(String name) {
    Checks.notNull("networkNamespace", name);
    Checks.check(
        !name.isEmpty()
            && name.length() <= 255
            && name.indexOf('/') < 0
            && name.indexOf('\0') < 0
            && !name.equals(".")
            && !name.equals(".."),
        "networkNamespace",
        Checks.quote(name),
        "a name as ip netns takes it: no '/', not . or ..");
    return withNetworkNamespacePath(Path.of("/run/netns", name));
  }

  /** These options in the network namespace at {@code path}, such as {@code /proc/1234/ns/net}. */
  public IpvsOptions withNetworkNamespacePath(Path path) {
    return new IpvsOptions(Optional.of(Checks.notNull("networkNamespace", path)), requestTimeout, receiveBufferSize);
  }

  /** These options in the network namespace of process {@code pid}: {@code /proc/<pid>/ns/net}. */
  public IpvsOptions withProcessNetworkNamespace(long pid) {
    Checks.range("pid", pid, 1, Long.MAX_VALUE);
    return withNetworkNamespacePath(Path.of("/proc", Long.toString(pid), "ns", "net"));
  }

  /** These options in the caller's own network namespace. */
  public IpvsOptions withCallerNetworkNamespace() {
    return new IpvsOptions(Optional.empty(), requestTimeout, receiveBufferSize);
  }

  /** These options with another request timeout. */
  public IpvsOptions withRequestTimeout(Duration timeout) {
    return new IpvsOptions(networkNamespace, timeout, receiveBufferSize);
  }

  /** These options with another receive buffer size (0 for the default). */
  public IpvsOptions withReceiveBufferSize(int bytes) {
    return new IpvsOptions(networkNamespace, requestTimeout, bytes);
  }
}
