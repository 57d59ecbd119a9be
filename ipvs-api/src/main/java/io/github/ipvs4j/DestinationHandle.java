package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A fluent handle on one destination of one virtual service: {@link ServiceHandle#destination(String, int)} returns
 * it. The setters record changes; a terminal method applies them:
 *
 * <ul>
 *   <li>{@link #add()} adds the destination: ipvsadm's defaults (direct routing, weight 1, no thresholds) plus the
 *       changes;
 *   <li>{@link #update()} reads the destination and applies only the changes;
 *   <li>{@link #ensure()} does {@code add()} if absent and {@code update()} otherwise;
 *   <li>{@link #remove()}, {@link #removeIfPresent()}, {@link #find()}.
 * </ul>
 *
 * <p>Immutable and thread-safe, like {@link ServiceHandle}.
 */
public final class DestinationHandle {
  private final IpvsClient client;
  private final ServiceKey service;
  private final InetAddress address;
  private final int port;
  private final List<UnaryOperator<Destination.Builder>> changes;

  DestinationHandle(
      IpvsClient client,
      ServiceKey service,
      InetAddress address,
      int port,
      List<UnaryOperator<Destination.Builder>> changes) {
    this.client = client;
    this.service = service;
    this.address = address;
    this.port = port;
    this.changes = List.copyOf(changes);
  }

  private DestinationHandle with(UnaryOperator<Destination.Builder> change) {
    List<UnaryOperator<Destination.Builder>> more = new ArrayList<>(changes);
    more.add(change);
    return new DestinationHandle(client, service, address, port, more);
  }

  private DestinationHandle clean() {
    return new DestinationHandle(client, service, address, port, List.of());
  }

  /** The service's key. */
  public ServiceKey service() {
    return service;
  }

  /** The destination's address. */
  public InetAddress address() {
    return address;
  }

  /** The destination's port. */
  public int port() {
    return port;
  }

  /** Forwards by NAT ({@code ipvsadm -m}). */
  public DestinationHandle masquerade() {
    return forwarding(ForwardingMethod.MASQUERADE);
  }

  /** Forwards by direct routing ({@code ipvsadm -g}), the default. */
  public DestinationHandle directRoute() {
    return forwarding(ForwardingMethod.DIRECT_ROUTE);
  }

  /** Forwards by an IP-in-IP tunnel ({@code ipvsadm -i}); tunnel settings read from the kernel are kept. */
  public DestinationHandle tunnel() {
    return forwarding(ForwardingMethod.TUNNEL);
  }

  /** Forwards through {@code tunnel} ({@code ipvsadm -i --tun-type ...}). */
  public DestinationHandle tunnel(Tunnel tunnel) {
    Checks.notNull("destination.tunnel", tunnel);
    return with(b -> b.tunnel(tunnel));
  }

  /** Serves locally ({@link ForwardingMethod#LOCAL}). */
  public DestinationHandle local() {
    return forwarding(ForwardingMethod.LOCAL);
  }

  /** Sets the forwarding method. */
  public DestinationHandle forwarding(ForwardingMethod method) {
    Checks.notNull("destination.forwarding", method);
    return with(b -> b.forwarding(method));
  }

  /** Sets the weight, 0-2147483647 (0 quiesces). */
  public DestinationHandle weight(int weight) {
    Checks.range("destination.weight", weight, 0, Integer.MAX_VALUE);
    return with(b -> b.weight(weight));
  }

  /** Sets the upper connection threshold (0 for none). */
  public DestinationHandle upperThreshold(long upper) {
    Checks.range("destination.upperThreshold", upper, 0, 0xFFFF_FFFFL);
    return with(b -> b.upperThreshold(upper));
  }

  /** Sets the lower connection threshold. */
  public DestinationHandle lowerThreshold(long lower) {
    Checks.range("destination.lowerThreshold", lower, 0, 0xFFFF_FFFFL);
    return with(b -> b.lowerThreshold(lower));
  }

  /** Sets both thresholds. */
  public DestinationHandle thresholds(long lower, long upper) {
    return lowerThreshold(lower).upperThreshold(upper);
  }

  /** The destination {@link #add()} would add: ipvsadm's defaults plus the changes. Talks to no kernel. */
  public Destination spec() {
    return applyTo(Destination.builder(address, port));
  }

  private Destination applyTo(Destination.Builder b) {
    Destination.Builder current = b;
    for (UnaryOperator<Destination.Builder> c : changes) {
      current = c.apply(current);
    }
    return current.build();
  }

  /**
   * Adds the destination ({@code ipvsadm -a}).
   *
   * @return a handle on it without pending changes
   * @throws DestinationAlreadyExistsException if it exists
   * @throws NoSuchServiceException if the service does not exist
   */
  public DestinationHandle add() {
    client.createDestination(service, spec());
    return clean();
  }

  /**
   * Reads the destination and applies the changes, and only them; writes only if something differs.
   *
   * @return a handle on it without pending changes
   * @throws NoSuchDestinationException if it does not exist
   */
  public DestinationHandle update() {
    client.updateDestination(service, address, port, d -> applyTo(d.toBuilder()));
    return clean();
  }

  /** {@link #add()} if absent, {@link #update()} otherwise. */
  public DestinationHandle ensure() {
    if (client.findDestination(service, address, port).isEmpty()) {
      try {
        return add();
      } catch (DestinationAlreadyExistsException raced) {
        // added meanwhile: update it instead
      }
    }
    return update();
  }

  /** Deletes the destination ({@code ipvsadm -d}). */
  public void remove() {
    client.removeDestination(service, address, port);
  }

  /** Deletes the destination if it exists; returns whether it did. */
  public boolean removeIfPresent() {
    return client.removeDestinationIfPresent(service, address, port);
  }

  /** The destination as the kernel has it, or empty. */
  public Optional<DestinationStatus> find() {
    return client.findDestination(service, address, port);
  }

  /** {@code "destination TCP 192.0.2.10:80 -> 198.51.100.11:8080"}, with pending changes if any. */
  @Override
  public String toString() {
    return "destination "
        + service
        + " -> "
        + InetAddresses.formatWithPort(address, port)
        + (changes.isEmpty() ? "" : " (" + changes.size() + " pending changes)");
  }
}
