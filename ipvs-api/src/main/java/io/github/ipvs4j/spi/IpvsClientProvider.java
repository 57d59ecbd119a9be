package io.github.ipvs4j.spi;

import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.IpvsOptions;

/**
 * A source of {@link IpvsClient}s, found by {@link java.util.ServiceLoader}: {@link io.github.ipvs4j.Ipvs#open()}
 * uses the available provider with the highest {@link #priority()}. The {@code ipvs-netlink} module provides the real
 * one ({@code provides io.github.ipvs4j.spi.IpvsClientProvider with ...} in its {@code module-info}, or a {@code
 * META-INF/services/io.github.ipvs4j.spi.IpvsClientProvider} file on the class path).
 *
 * <p>Implementations must have a public no-argument constructor (or a {@code provider()} method on the module path),
 * be thread-safe, and do nothing expensive until {@link #open} is called.
 */
public interface IpvsClientProvider {
  /** A short name for messages and selection, such as {@code "netlink"}. */
  String name();

  /** Higher wins when several providers are present; the netlink provider uses 100. Default 0. */
  default int priority() {
    return 0;
  }

  /**
   * Opens a client with {@code options}.
   *
   * @throws io.github.ipvs4j.IpvsUnavailableException if the kernel offers no IPVS
   * @throws io.github.ipvs4j.PermissionDeniedException if the namespace cannot be entered
   * @throws io.github.ipvs4j.IpvsException for other failures
   */
  IpvsClient open(IpvsOptions options);
}
