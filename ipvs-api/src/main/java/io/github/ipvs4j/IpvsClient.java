package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A connection to the kernel's IPVS in one network namespace: reads, changes and snapshots of its virtual services,
 * destinations, timeouts and sync daemons. Open one with {@link Ipvs#open()} and close it when done:
 *
 * <pre>{@code
 * try (IpvsClient ipvs = Ipvs.open()) {
 *   var web = ipvs.service(tcp("192.0.2.10", 80)).scheduler(WRR).persistence(Duration.ofMinutes(5)).create();
 *   web.destination("198.51.100.11", 8080).masquerade().weight(3).add();
 *   web.destination("198.51.100.12", 8080).masquerade().weight(1).add();
 *   ipvs.services().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <h2>Implementing</h2>
 *
 * An implementation provides the seven primitive methods only: {@link #services()}, {@link #findService}, {@link
 * #destinations}, {@link #timeouts()}, {@link #syncDaemons()}, {@link #info()} and {@link #execute(List)} (every
 * change is an {@link IpvsCommand}), plus {@link #close()}. Everything else (the fluent {@link #service(ServiceKey)}
 * surface, {@code ensure…}, {@code …IfPresent}, read-modify-write updates, {@link #snapshot()}) is built once here
 * on top of them, so every implementation behaves the same. Implementations should not override the default
 * methods.
 *
 * <h2>Thread safety</h2>
 *
 * Implementations must be safe for use by several threads at once; each primitive call is a complete exchange with
 * the kernel (the netlink implementation serialises them on its one socket). The default methods that read, then
 * write ({@code ensure…}, {@code update…(key, function)}, {@link #snapshot()}) are <em>not</em> atomic: the kernel
 * offers no transaction and no compare-and-set, so a change made by another thread or process between the read and
 * the write is overwritten, and a snapshot taken while the table changes may mix before and after. Coordinate
 * writers outside ipvs4j if that matters. After {@link #close()}, every method throws {@link IpvsException}.
 *
 * <h2>Updates never reset what you did not mention</h2>
 *
 * The kernel replaces a whole service or destination on edit (ipvsadm's {@code -E} turns an omitted scheduler into
 * {@code wlc}). Here an edit either takes the whole object ({@link #updateService(VirtualService)}), or reads the
 * current object and changes only what you say ({@link #updateService(ServiceKey, UnaryOperator)}, {@code
 * service(key).scheduler(RR).update()}).
 *
 * <h2>Errors</h2>
 *
 * Everything throws {@link IpvsException} subclasses; see that class for the (operation, errno) mapping. Model values
 * are checked when they are built ({@link InvalidValueException}), before anything is sent.
 */
public interface IpvsClient extends AutoCloseable {

  // ---------------------------------------------------------------------------------------------------------------
  // Primitives: what an implementation provides.

  /** Every virtual service with its counters, in the kernel's order ({@code ipvsadm -L}). Primitive. */
  List<ServiceStatus> services();

  /** The virtual service with {@code key}, or empty if there is none (the kernel's ESRCH). Primitive. */
  Optional<ServiceStatus> findService(ServiceKey key);

  /**
   * The destinations of the service with {@code key}, with connection counts and counters, in the kernel's order.
   * Primitive.
   *
   * @throws NoSuchServiceException if there is no such service (an implementation must check: the kernel's dump of
   *     a missing service's destinations is merely empty)
   */
  List<DestinationStatus> destinations(ServiceKey key);

  /** The TCP, TCP FIN and UDP timeouts ({@code ipvsadm -L --timeout}). Primitive. */
  Timeouts timeouts();

  /** The running sync daemons, master first ({@code ipvsadm -L --daemon}). Primitive. */
  List<SyncDaemon> syncDaemons();

  /** The IPVS version and connection-table size. Primitive. */
  IpvsInfo info();

  /**
   * Runs {@code commands} in order, as one batch where the implementation can (the netlink implementation sends
   * them together and matches each acknowledgement), and reports each command's own outcome. A failed command does
   * not stop the others and nothing is rolled back: the kernel has no transactions. Primitive.
   *
   * @return one outcome per command, in order
   * @throws IpvsException only if the batch as a whole could not run (the client is closed, the socket failed
   *     before anything was sent); a command's own failure is in its outcome
   */
  BatchResult execute(List<? extends IpvsCommand> commands);

  /** Releases the socket. Idempotent; never throws. */
  @Override
  void close();

  // ---------------------------------------------------------------------------------------------------------------
  // Built on the primitives.

  /**
   * Runs one command and throws its failure, if any.
   *
   * @throws IpvsException the subclass for the kernel's answer, such as {@link ServiceAlreadyExistsException}
   */
  default void execute(IpvsCommand command) {
    Checks.notNull("command", command);
    execute(List.of(command)).throwIfFailed();
  }

  /**
   * Starts a fluent, immutable description of the service with {@code key}: set what matters, then {@code
   * create()}, {@code ensure()}, {@code update()} or {@code remove()} it, or reach its destinations.
   */
  default ServiceHandle service(ServiceKey key) {
    return new ServiceHandle(this, Checks.notNull("key", key), List.of());
  }

  /**
   * Every service with its destinations: one read of the services, then one per service (the kernel has no dump of
   * all destinations). A service deleted between the two reads is left out.
   */
  default List<ServiceDetails> servicesWithDestinations() {
    List<ServiceDetails> out = new ArrayList<>();
    for (ServiceStatus s : services()) {
      try {
        out.add(new ServiceDetails(s, destinations(s.key())));
      } catch (NoSuchServiceException gone) {
        // deleted meanwhile: leave it out
      }
    }
    return List.copyOf(out);
  }

  /** The service with {@code key}, or {@link NoSuchServiceException}. */
  default ServiceStatus getService(ServiceKey key) {
    return findService(key)
        .orElseThrow(() -> IpvsException.forErrno(IpvsOperation.GET_SERVICE, key.toString(), Errno.ESRCH, null));
  }

  /** Adds {@code service} ({@code ipvsadm -A}); {@link ServiceAlreadyExistsException} if it exists. */
  default void createService(VirtualService service) {
    execute(new IpvsCommand.AddService(service));
  }

  /**
   * Replaces the settings of the service with {@code service.key()} by {@code service}, every field ({@code ipvsadm
   * -E} with all options given); {@link NoSuchServiceException} if it does not exist. To change one field, use
   * {@link #updateService(ServiceKey, UnaryOperator)}.
   */
  default void updateService(VirtualService service) {
    execute(new IpvsCommand.EditService(service));
  }

  /**
   * Reads the service with {@code key}, applies {@code change} and writes the result if it differs: {@code
   * updateService(key, s -> s.withScheduler(Scheduler.RR))} changes the scheduler and nothing else. Not atomic (see
   * the class description).
   *
   * @return the service as written (or as it was, if {@code change} changed nothing)
   * @throws NoSuchServiceException if there is no such service
   * @throws InvalidValueException if {@code change} returns null or changes the key
   */
  default VirtualService updateService(ServiceKey key, UnaryOperator<VirtualService> change) {
    Checks.notNull("change", change);
    VirtualService current =
        findService(key)
            .orElseThrow(
                () -> IpvsException.forErrno(IpvsOperation.EDIT_SERVICE, key.toString(), Errno.ESRCH, null))
            .spec();
    VirtualService updated = Checks.notNull("service", change.apply(current));
    if (!updated.key().equals(key)) {
      throw Checks.invalid("key", updated.key(), key + " (an update cannot change the key)");
    }
    if (!updated.equals(current)) {
      updateService(updated);
    }
    return updated;
  }

  /**
   * Makes the service {@code service.key()} exist with exactly the settings of {@code service}: adds it if absent,
   * replaces its settings if they differ, does nothing otherwise. Its destinations are left alone.
   */
  default Change ensureService(VirtualService service) {
    Checks.notNull("service", service);
    Optional<ServiceStatus> current = findService(service.key());
    if (current.isEmpty()) {
      try {
        createService(service);
        return Change.CREATED;
      } catch (ServiceAlreadyExistsException raced) {
        current = findService(service.key());
        if (current.isEmpty()) {
          throw raced;
        }
      }
    }
    if (current.get().spec().equals(service)) {
      return Change.UNCHANGED;
    }
    updateService(service);
    return Change.UPDATED;
  }

  /** Deletes the service with {@code key} and its destinations; {@link NoSuchServiceException} if absent. */
  default void removeService(ServiceKey key) {
    execute(new IpvsCommand.DeleteService(key));
  }

  /** Deletes the service with {@code key} if it exists; returns whether it did. Other failures still throw. */
  default boolean removeServiceIfPresent(ServiceKey key) {
    try {
      removeService(key);
      return true;
    } catch (NoSuchServiceException absent) {
      return false;
    }
  }

  /**
   * The destination at {@code address} and {@code port} of service {@code key}, or empty.
   *
   * @throws NoSuchServiceException if there is no such service
   */
  default Optional<DestinationStatus> findDestination(ServiceKey key, InetAddress address, int port) {
    InetAddress a = InetAddresses.normalize("destination.address", address);
    return destinations(key).stream().filter(d -> d.spec().isAt(a, port)).findFirst();
  }

  /** Adds {@code destination} to service {@code key} ({@code ipvsadm -a}). */
  default void createDestination(ServiceKey key, Destination destination) {
    execute(new IpvsCommand.AddDestination(key, destination));
  }

  /** Replaces every setting of the destination at {@code destination}'s address and port ({@code ipvsadm -e}). */
  default void updateDestination(ServiceKey key, Destination destination) {
    execute(new IpvsCommand.EditDestination(key, destination));
  }

  /**
   * Reads the destination at {@code address} and {@code port}, applies {@code change} and writes the result if it
   * differs: {@code updateDestination(key, addr, 80, d -> d.withWeight(0))} quiesces it and changes nothing else.
   * Not atomic.
   *
   * @return the destination as written (or as it was)
   * @throws NoSuchServiceException if there is no such service
   * @throws NoSuchDestinationException if there is no such destination
   * @throws InvalidValueException if {@code change} returns null or moves the destination
   */
  default Destination updateDestination(
      ServiceKey key, InetAddress address, int port, UnaryOperator<Destination> change) {
    Checks.notNull("change", change);
    Destination current =
        findDestination(key, address, port)
            .orElseThrow(
                () ->
                    IpvsException.forErrno(
                        IpvsOperation.EDIT_DEST,
                        key + " -> " + InetAddresses.formatWithPort(address, port),
                        Errno.ENOENT,
                        null))
            .spec();
    Destination updated = Checks.notNull("destination", change.apply(current));
    if (!updated.isAt(current.address(), current.port())) {
      throw Checks.invalid(
          "destination",
          InetAddresses.formatWithPort(updated.address(), updated.port()),
          InetAddresses.formatWithPort(current.address(), current.port())
              + " (an update cannot change address or port)");
    }
    if (!updated.equals(current)) {
      updateDestination(key, updated);
    }
    return updated;
  }

  /**
   * Makes {@code destination} exist in service {@code key} with exactly its settings: adds it if absent, replaces
   * its settings if they differ, does nothing otherwise.
   *
   * @throws NoSuchServiceException if there is no such service
   */
  default Change ensureDestination(ServiceKey key, Destination destination) {
    Checks.notNull("destination", destination);
    Optional<DestinationStatus> current = findDestination(key, destination.address(), destination.port());
    if (current.isEmpty()) {
      try {
        createDestination(key, destination);
        return Change.CREATED;
      } catch (DestinationAlreadyExistsException raced) {
        current = findDestination(key, destination.address(), destination.port());
        if (current.isEmpty()) {
          throw raced;
        }
      }
    }
    if (current.get().spec().equals(destination)) {
      return Change.UNCHANGED;
    }
    updateDestination(key, destination);
    return Change.UPDATED;
  }

  /** Deletes the destination at {@code address} and {@code port} from service {@code key} ({@code ipvsadm -d}). */
  default void removeDestination(ServiceKey key, InetAddress address, int port) {
    execute(new IpvsCommand.DeleteDestination(key, address, port));
  }

  /**
   * Deletes the destination if it exists; returns whether it did. A missing service still throws {@link
   * NoSuchServiceException}.
   */
  default boolean removeDestinationIfPresent(ServiceKey key, InetAddress address, int port) {
    try {
      removeDestination(key, address, port);
      return true;
    } catch (NoSuchDestinationException absent) {
      return false;
    }
  }

  /** Deletes every service ({@code ipvsadm -C}). */
  default void flush() {
    execute(new IpvsCommand.Flush());
  }

  /** Zeroes the counters of every service and the totals ({@code ipvsadm -Z}). */
  default void zero() {
    execute(IpvsCommand.Zero.all());
  }

  /** Zeroes the counters of service {@code key} ({@code ipvsadm -Z -t ...}). */
  default void zero(ServiceKey key) {
    execute(IpvsCommand.Zero.of(key));
  }

  /** Sets the timeouts ({@code ipvsadm --set}); zero values leave those unchanged. */
  default void setTimeouts(Timeouts timeouts) {
    execute(new IpvsCommand.SetTimeouts(timeouts));
  }

  /** Starts a sync daemon; {@link SyncDaemonAlreadyRunningException} if one in its state runs. */
  default void startSyncDaemon(SyncDaemon daemon) {
    execute(new IpvsCommand.StartDaemon(daemon));
  }

  /** Stops the sync daemon in {@code state}; {@link NoSuchSyncDaemonException} if none runs. */
  default void stopSyncDaemon(SyncState state) {
    execute(new IpvsCommand.StopDaemon(state));
  }

  /** Stops the sync daemon in {@code state} if one runs; returns whether one did. */
  default boolean stopSyncDaemonIfRunning(SyncState state) {
    try {
      stopSyncDaemon(state);
      return true;
    } catch (NoSuchSyncDaemonException absent) {
      return false;
    }
  }

  /**
   * The whole configuration as one value: services with their destinations, the timeouts and the sync daemons, in
   * canonical order. Several reads, not atomic: see the class description.
   */
  default IpvsTable snapshot() {
    List<ServiceConfig> services = new ArrayList<>();
    for (ServiceDetails d : servicesWithDestinations()) {
      services.add(d.toConfig());
    }
    return new IpvsTable(services, Optional.of(timeouts()), syncDaemons());
  }
}
