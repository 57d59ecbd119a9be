package io.github.ipvs4j;

import io.github.ipvs4j.internal.AscendingDestinations;
import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.Rules;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
    Destination[] sorted;
    int order;
    if (destinations instanceof AscendingDestinations proven) {
      // a save file's reader built it in order, comparing each destination with the last: no second pass
      sorted = proven.copy();
      order = 1;
    } else {
      sorted = Checks.noNulls("destinations", destinations).toArray(new Destination[0]);
      // Tables read from a save file usually arrive in order already, and from the kernel in the reverse order (it
      // lists a service's newest destination first): one pass then proves both the order and that no address and
      // port repeats, and the sort is skipped.
      order = strictOrder(sorted);
    }
    if (order < 0) {
      Collections.reverse(Arrays.asList(sorted));
    } else if (order == 0) {
      Arrays.sort(sorted, Destination.ORDER);
    }
    boolean strict = order != 0; // a strict order has no repeat
    for (int i = 0; i < sorted.length; i++) {
      Destination d = sorted[i];
      Rules.checkDestinationFamily(service.key(), d);
      if (!strict && i > 0 && Destination.ORDER.compare(sorted[i - 1], d) == 0) {
        throw Checks.invalid(
            "destinations",
            d.toString(),
            "one destination per address and port in service " + service.key());
      }
    }
    destinations = List.of(sorted);
  }

  /** 1 if strictly ascending (0 or 1 elements too), -1 if strictly descending, else 0 (out of order, or a repeat). */
  private static int strictOrder(Destination[] destinations) {
    int step = 0; // the sign of compare(previous, next) so far: -1 ascending, 1 descending
    for (int i = 1; i < destinations.length; i++) {
      int c = Integer.signum(Destination.ORDER.compare(destinations[i - 1], destinations[i]));
      if (c == 0 || (step != 0 && c != step)) {
        return 0;
      }
      step = c;
    }
    return step <= 0 ? 1 : -1;
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
