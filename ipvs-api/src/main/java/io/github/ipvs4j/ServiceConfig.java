package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.Rules;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A virtual service with its destinations, without counters: one entry of an {@link IpvsTable}.
 *
 * <p>Checked as a whole: no two destinations at the same address and port, and a destination of another family than
 * the service only when it tunnels. The destinations are kept in {@link Destination#ORDER}, ipvsadm's save order.
 *
 * @param service the service
 * @param destinations its destinations (sorted and frozen)
 */
public record ServiceConfig(VirtualService service, List<Destination> destinations) {
  /** Checks every argument and the whole, sorts and freezes the destinations. */
  public ServiceConfig {
    Checks.notNull("service", service);
    Destination[] sorted = Checks.noNulls("destinations", destinations).toArray(new Destination[0]);
    // Tables read back from the kernel or a save file usually arrive in order already: one pass then proves both the
    // order and that no address and port repeats, and the sort is skipped.
    boolean ascending = strictlyAscending(sorted);
    if (!ascending) {
      Arrays.sort(sorted, Destination.ORDER);
    }
    for (int i = 0; i < sorted.length; i++) {
      Destination d = sorted[i];
      Rules.checkDestinationFamily(service.key(), d);
      if (!ascending && i > 0 && Destination.ORDER.compare(sorted[i - 1], d) == 0) {
        throw Checks.invalid(
            "destinations",
            d.toString(),
            "one destination per address and port in service " + service.key());
      }
    }
    destinations = List.of(sorted);
  }

  private static boolean strictlyAscending(Destination[] destinations) {
    for (int i = 1; i < destinations.length; i++) {
      if (Destination.ORDER.compare(destinations[i - 1], destinations[i]) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** A service with {@code destinations}. */
  public static ServiceConfig of(VirtualService service, Destination... destinations) {
    return new ServiceConfig(service, Arrays.asList(Checks.notNull("destinations", destinations)));
  }

  /** The service's key. */
  public ServiceKey key() {
    return service.key();
  }

  /** The destination at {@code address} and {@code port}, if there is one. */
  public Optional<Destination> destination(InetAddress address, int port) {
    return destinations.stream().filter(d -> d.isAt(address, port)).findFirst();
  }

  /** This entry with {@code destination} added, or replacing the one at its address and port. */
  public ServiceConfig withDestination(Destination destination) {
    Checks.notNull("destination", destination);
    List<Destination> out = new ArrayList<>(destinations);
    out.removeIf(d -> d.isAt(destination.address(), destination.port()));
    out.add(destination);
    return new ServiceConfig(service, out);
  }

  /** The service line followed by one indented line per destination. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(service.toString());
    destinations.forEach(d -> sb.append(System.lineSeparator()).append("  ").append(d));
    return sb.toString();
  }
}
