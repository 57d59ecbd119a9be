package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A virtual service with its destinations, as read from the kernel ({@link IpvsClient#servicesWithDestinations()}).
 *
 * @param service the service
 * @param destinations its destinations in the kernel's order (frozen)
 */
public record ServiceDetails(ServiceStatus service, List<DestinationStatus> destinations) {
  /** Checks every argument and freezes the list. */
  public ServiceDetails {
    Checks.notNull("service", service);
    destinations = List.copyOf(Checks.noNulls("destinations", destinations));
  }

  /** The specification of the service and its destinations, without counters. */
  public ServiceConfig toConfig() {
    return new ServiceConfig(
        service.spec(), destinations.stream().map(DestinationStatus::spec).collect(Collectors.toList()));
  }

  /** The service line followed by one indented line per destination. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(service.toString());
    destinations.forEach(d -> sb.append(System.lineSeparator()).append("  ").append(d));
    return sb.toString();
  }
}
