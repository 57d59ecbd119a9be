package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.spi.IpvsClientProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The entry point: opens an {@link IpvsClient} through the {@link IpvsClientProvider} found on the class or module
 * path ({@code ipvs-netlink} provides the real one). To avoid the {@link ServiceLoader}, construct an implementation
 * directly (such as {@code NetlinkIpvsClient.open(options)}).
 */
public final class Ipvs {
  private Ipvs() {}

  /** Opens a client in the caller's network namespace with {@linkplain IpvsOptions#defaults() default options}. */
  public static IpvsClient open() {
    return open(IpvsOptions.defaults());
  }

  /**
   * Opens a client with {@code options}, from the provider with the highest priority.
   *
   * @throws IpvsUnavailableException if no provider is on the class or module path, or the kernel offers no IPVS
   */
  public static IpvsClient open(IpvsOptions options) {
    Checks.notNull("options", options);
    List<IpvsClientProvider> providers = providers();
    if (providers.isEmpty()) {
      throw new IpvsUnavailableException(
          "no "
              + IpvsClientProvider.class.getName()
              + " found on the class or module path: add the ipvs-netlink module");
    }
    return providers.get(0).open(options);
  }

  /** The providers found, highest priority first (ties by name). */
  public static List<IpvsClientProvider> providers() {
    List<IpvsClientProvider> out = new ArrayList<>();
    ServiceLoader.load(IpvsClientProvider.class, Ipvs.class.getClassLoader()).forEach(out::add);
    if (out.isEmpty() && Thread.currentThread().getContextClassLoader() != null) {
      ServiceLoader.load(IpvsClientProvider.class).forEach(out::add);
    }
    out.sort(
        Comparator.comparingInt(IpvsClientProvider::priority)
            .reversed()
            .thenComparing(IpvsClientProvider::name));
    return out.stream().collect(Collectors.toUnmodifiableList());
  }
}
