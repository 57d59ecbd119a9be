package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.InetAddresses;
import io.github.ipvs4j.internal.Rules;
import java.net.InetAddress;
import java.util.Optional;

/**
 * One change to the kernel's IPVS configuration: one record per {@code ipvsadm} operation that writes. The client
 * runs these ({@link IpvsClient#execute(java.util.List)}), the {@code ipvsadm-save} parser produces them, and a
 * batch is a list of them.
 *
 * <p>Each command is checked when built, so a refused value never reaches the kernel: besides the model's own
 * checks, {@link AddService} and {@link EditService} apply ipvsadm's service rules and {@link AddDestination} and
 * {@link EditDestination} the destination-family rule.
 */
public sealed interface IpvsCommand
    permits IpvsCommand.AddService,
        IpvsCommand.EditService,
        IpvsCommand.DeleteService,
        IpvsCommand.AddDestination,
        IpvsCommand.EditDestination,
        IpvsCommand.DeleteDestination,
        IpvsCommand.Flush,
        IpvsCommand.Zero,
        IpvsCommand.SetTimeouts,
        IpvsCommand.StartDaemon,
        IpvsCommand.StopDaemon {

  /** The kernel operation this command performs. */
  IpvsOperation operation();

  /**
   * What the command acts on, for messages: {@code "TCP 192.0.2.10:80"}, {@code "TCP 192.0.2.10:80 ->
   * 198.51.100.11:8080"}, {@code "master"}, or empty.
   */
  String subject();

  /**
   * Adds a virtual service ({@code ipvsadm -A}); fails with {@link ServiceAlreadyExistsException} if it exists.
   *
   * <p>Besides the model's checks, refuses what ipvsadm refuses although the kernel would take it: port 0 for a
   * service that is not persistent, and one-packet scheduling for TCP or SCTP services.
   *
   * @param service the whole service
   */
  record AddService(VirtualService service) implements IpvsCommand {
    /** Checks the service. */
    public AddService {
      Checks.notNull("service", service);
      Rules.checkServiceForWrite(service);
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.ADD_SERVICE;
    }

    @Override
    public String subject() {
      return service.key().toString();
    }
  }

  /**
   * Replaces a virtual service's settings ({@code ipvsadm -E}); fails with {@link NoSuchServiceException} if it does
   * not exist. The kernel replaces every field: this carries the whole service, so nothing is reset by omission.
   *
   * @param service the whole service, as it should be
   */
  record EditService(VirtualService service) implements IpvsCommand {
    /** Checks the service, as {@link AddService} does. */
    public EditService {
      Checks.notNull("service", service);
      Rules.checkServiceForWrite(service);
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.EDIT_SERVICE;
    }

    @Override
    public String subject() {
      return service.key().toString();
    }
  }

  /**
   * Deletes a virtual service and its destinations ({@code ipvsadm -D}); fails with {@link NoSuchServiceException}.
   *
   * @param key the service
   */
  record DeleteService(ServiceKey key) implements IpvsCommand {
    /** Checks the key. */
    public DeleteService {
      Checks.notNull("key", key);
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.DEL_SERVICE;
    }

    @Override
    public String subject() {
      return key.toString();
    }
  }

  /**
   * Adds a destination to a service ({@code ipvsadm -a}); fails with {@link DestinationAlreadyExistsException} if it
   * exists, {@link NoSuchServiceException} if the service does not.
   *
   * @param service the service
   * @param destination the whole destination; of the service's family unless it tunnels
   */
  record AddDestination(ServiceKey service, Destination destination) implements IpvsCommand {
    /** Checks both and the family rule. */
    public AddDestination {
      Checks.notNull("service", service);
      Checks.notNull("destination", destination);
      Rules.checkDestinationFamily(service, destination);
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.ADD_DEST;
    }

    @Override
    public String subject() {
      return service + " -> " + InetAddresses.formatWithPort(destination.address(), destination.port());
    }
  }

  /**
   * Replaces a destination's settings ({@code ipvsadm -e}); fails with {@link NoSuchDestinationException}. The kernel
   * replaces every field, tunnel settings included: this carries the whole destination.
   *
   * @param service the service
   * @param destination the whole destination, as it should be
   */
  record EditDestination(ServiceKey service, Destination destination) implements IpvsCommand {
    /** Checks both and the family rule. */
    public EditDestination {
      Checks.notNull("service", service);
      Checks.notNull("destination", destination);
      Rules.checkDestinationFamily(service, destination);
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.EDIT_DEST;
    }

    @Override
    public String subject() {
      return service + " -> " + InetAddresses.formatWithPort(destination.address(), destination.port());
    }
  }

  /**
   * Deletes a destination ({@code ipvsadm -d}); fails with {@link NoSuchDestinationException}.
   *
   * @param service the service
   * @param address the destination's address
   * @param port the destination's port, 0-65535
   */
  record DeleteDestination(ServiceKey service, InetAddress address, int port) implements IpvsCommand {
    /** Checks every argument. */
    public DeleteDestination {
      Checks.notNull("service", service);
      address = InetAddresses.normalize("destination.address", address);
      Checks.range("destination.port", port, 0, 65535);
    }

    /** Deletes {@code destination} (only its address and port count). */
    public static DeleteDestination of(ServiceKey service, Destination destination) {
      Checks.notNull("destination", destination);
      return new DeleteDestination(service, destination.address(), destination.port());
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.DEL_DEST;
    }

    @Override
    public String subject() {
      return service + " -> " + InetAddresses.formatWithPort(address, port);
    }
  }

  /** Deletes every virtual service of the network namespace ({@code ipvsadm -C}). */
  record Flush() implements IpvsCommand {
    @Override
    public IpvsOperation operation() {
      return IpvsOperation.FLUSH;
    }

    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * Zeroes the counters of one service, or of all services and the totals ({@code ipvsadm -Z [service]}).
   *
   * @param service the service, or empty for all
   */
  record Zero(Optional<ServiceKey> service) implements IpvsCommand {
    /** Checks the argument. */
    public Zero {
      Checks.notNull("service", service);
    }

    /** Zeroes everything. */
    public static Zero all() {
      return new Zero(Optional.empty());
    }

    /** Zeroes {@code service}. */
    public static Zero of(ServiceKey service) {
      return new Zero(Optional.of(Checks.notNull("service", service)));
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.ZERO;
    }

    @Override
    public String subject() {
      return service.map(ServiceKey::toString).orElse("");
    }
  }

  /**
   * Sets the timeouts ({@code ipvsadm --set}); a zero value leaves that timeout unchanged.
   *
   * @param timeouts the timeouts
   */
  record SetTimeouts(Timeouts timeouts) implements IpvsCommand {
    /** Checks the argument. */
    public SetTimeouts {
      Checks.notNull("timeouts", timeouts);
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.SET_CONFIG;
    }

    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * Starts a sync daemon ({@code ipvsadm --start-daemon}); fails with {@link SyncDaemonAlreadyRunningException} if
   * one in that state runs.
   *
   * @param daemon its configuration
   */
  record StartDaemon(SyncDaemon daemon) implements IpvsCommand {
    /** Checks the argument. */
    public StartDaemon {
      Checks.notNull("daemon", daemon);
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.NEW_DAEMON;
    }

    @Override
    public String subject() {
      return daemon.state().label();
    }
  }

  /**
   * Stops the sync daemon in {@code state} ({@code ipvsadm --stop-daemon}); fails with {@link
   * NoSuchSyncDaemonException} if none runs.
   *
   * @param state master or backup
   */
  record StopDaemon(SyncState state) implements IpvsCommand {
    /** Checks the argument. */
    public StopDaemon {
      Checks.notNull("state", state);
    }

    @Override
    public IpvsOperation operation() {
      return IpvsOperation.DEL_DAEMON;
    }

    @Override
    public String subject() {
      return state.label();
    }
  }
}
