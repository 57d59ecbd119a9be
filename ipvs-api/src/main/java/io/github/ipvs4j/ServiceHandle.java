package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.InetAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A fluent handle on one virtual service of one {@link IpvsClient}: {@link IpvsClient#service(ServiceKey)} returns
 * it. The setters record changes without talking to the kernel; a terminal method applies them:
 *
 * <ul>
 *   <li>{@link #create()} adds the service: ipvsadm's defaults (scheduler {@code wlc}, no persistence) plus the
 *       changes;
 *   <li>{@link #update()} reads the service and applies only the changes (nothing you did not mention is reset);
 *   <li>{@link #ensure()} does {@code create()} if the service is absent and {@code update()} otherwise;
 *   <li>{@link #remove()}, {@link #removeIfPresent()}, {@link #find()}, {@link #destinations()}, {@link #zero()}.
 * </ul>
 *
 * <p>Immutable and thread-safe: each setter returns a new handle and the terminal methods return a handle without
 * pending changes, so one handle can be reused. {@link #destination(String, int)} continues with a destination of
 * this service.
 */
public final class ServiceHandle {
  private final IpvsClient client;
  private final ServiceKey key;
  private final List<UnaryOperator<VirtualService.Builder>> changes;

  ServiceHandle(IpvsClient client, ServiceKey key, List<UnaryOperator<VirtualService.Builder>> changes) {
    this.client = client;
    this.key = key;
    this.changes = List.copyOf(changes);
  }

  private ServiceHandle with(UnaryOperator<VirtualService.Builder> change) {
    List<UnaryOperator<VirtualService.Builder>> more = new ArrayList<>(changes);
    more.add(change);
    return new ServiceHandle(client, key, more);
  }

  private ServiceHandle clean() {
    return new ServiceHandle(client, key, List.of());
  }

  /** The service's key. */
  public ServiceKey key() {
    return key;
  }

  /**
   * Sets the scheduler. Scheduler-flag bits already set stay set under their names for the new scheduler, as with
   * {@link VirtualService#withScheduler}: moving from sh to rr turns {@code sh-port} into {@code flag-2}.
   */
  public ServiceHandle scheduler(Scheduler scheduler) {
    Checks.notNull("scheduler", scheduler);
    return with(b -> b.rescheduled(scheduler));
  }

  /** Sets the scheduler by name, such as {@code "wrr"}. */
  public ServiceHandle scheduler(String name) {
    return scheduler(Scheduler.of(name));
  }

  /** Sets exactly these scheduler flags. */
  public ServiceHandle schedulerFlags(SchedulerFlag... flags) {
    Checks.noNulls("schedulerFlags", Arrays.asList(Checks.notNull("schedulerFlags", flags)));
    List<SchedulerFlag> copy = List.of(flags);
    return with(b -> b.schedulerFlags(copy.toArray(new SchedulerFlag[0])));
  }

  /** Makes the service persistent for {@code timeout}; a netmask set earlier (or on the kernel's copy) is kept. */
  public ServiceHandle persistence(Duration timeout) {
    Persistence.of(timeout); // check now
    return with(
        b ->
            b.persistence(
                b.currentPersistence().map(p -> p.withTimeout(timeout)).orElseGet(() -> Persistence.of(timeout))));
  }

  /** Makes the service persistent for {@code timeout} per client network of {@code netmask}. */
  public ServiceHandle persistence(Duration timeout, Netmask netmask) {
    Persistence p = Persistence.of(timeout, netmask);
    return with(b -> b.persistence(p));
  }

  /** Sets the persistence. */
  public ServiceHandle persistence(Persistence persistence) {
    Checks.notNull("persistence", persistence);
    return with(b -> b.persistence(persistence));
  }

  /** Makes the service not persistent. */
  public ServiceHandle noPersistence() {
    return with(b -> b.persistence(Optional.empty()));
  }

  /** Sets the persistence engine, such as {@code "sip"}. */
  public ServiceHandle persistenceEngine(String name) {
    Checks.name("persistenceEngine", name, 15);
    return with(b -> b.persistenceEngine(name));
  }

  /** Removes the persistence engine. */
  public ServiceHandle noPersistenceEngine() {
    return with(b -> b.persistenceEngine(Optional.empty()));
  }

  /** Turns one-packet scheduling on (UDP and fwmark services only). */
  public ServiceHandle onePacket() {
    return onePacket(true);
  }

  /** Turns one-packet scheduling on or off. */
  public ServiceHandle onePacket(boolean on) {
    return with(b -> b.onePacket(on));
  }

  /** The service {@link #create()} would add: ipvsadm's defaults plus the changes. Talks to no kernel. */
  public VirtualService spec() {
    return applyTo(VirtualService.builder(key));
  }

  private VirtualService applyTo(VirtualService.Builder b) {
    VirtualService.Builder current = b;
    for (UnaryOperator<VirtualService.Builder> c : changes) {
      current = c.apply(current);
    }
    return current.build();
  }

  /**
   * Adds the service ({@code ipvsadm -A}): defaults plus the changes.
   *
   * @return a handle on the service without pending changes
   * @throws ServiceAlreadyExistsException if it exists
   */
  public ServiceHandle create() {
    client.createService(spec());
    return clean();
  }

  /**
   * Reads the service and applies the changes, and only them; writes only if something differs.
   *
   * @return a handle on the service without pending changes
   * @throws NoSuchServiceException if it does not exist
   */
  public ServiceHandle update() {
    client.updateService(key, s -> applyTo(s.toBuilder()));
    return clean();
  }

  /**
   * Makes the service exist with the changes applied: {@link #create()} if absent, {@link #update()} otherwise.
   *
   * @return a handle on the service without pending changes
   */
  public ServiceHandle ensure() {
    Optional<ServiceStatus> current = client.findService(key);
    if (current.isEmpty()) {
      try {
        return create();
      } catch (ServiceAlreadyExistsException raced) {
        // created meanwhile: update it instead
      }
    }
    return update();
  }

  /** Deletes the service and its destinations; {@link NoSuchServiceException} if absent. */
  public void remove() {
    client.removeService(key);
  }

  /** Deletes the service if it exists; returns whether it did. */
  public boolean removeIfPresent() {
    return client.removeServiceIfPresent(key);
  }

  /** The service as the kernel has it, or empty. */
  public Optional<ServiceStatus> find() {
    return client.findService(key);
  }

  /** The service's destinations; {@link NoSuchServiceException} if absent. */
  public List<DestinationStatus> destinations() {
    return client.destinations(key);
  }

  /** Zeroes the service's counters. */
  public void zero() {
    client.zero(key);
  }

  /** A fluent handle on the destination at literal {@code address} (never DNS) and {@code port} of this service. */
  public DestinationHandle destination(String address, int port) {
    return destination(InetAddresses.parse("destination.address", address), port);
  }

  /** A fluent handle on the destination at {@code address} and {@code port} of this service. */
  public DestinationHandle destination(InetAddress address, int port) {
    return new DestinationHandle(
        client,
        key,
        InetAddresses.normalize("destination.address", address),
        Checks.range("destination.port", port, 0, 65535),
        List.of());
  }

  /** {@code "service TCP 192.0.2.10:80"}, with the number of pending changes if any. */
  @Override
  public String toString() {
    return "service " + key + (changes.isEmpty() ? "" : " (" + changes.size() + " pending changes)");
  }
}
