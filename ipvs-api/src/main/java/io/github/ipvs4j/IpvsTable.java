package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A whole IPVS configuration as one value: the services with their destinations, and optionally the timeouts and the
 * sync daemons. The unit that {@link IpvsClient#snapshot()} returns, that the {@code ipvsadm-save} format prints and
 * parses, and that a diff compares.
 *
 * <p>Canonical order, so that equal configurations are equal values whatever order they were read or built in:
 * services in {@link ServiceKey#ORDER} (ipvsadm's save order: by fwmark with non-fwmark services first, then family
 * IPv4 first, protocol number, address bytes, port), destinations in {@link Destination#ORDER} (address, port), sync
 * daemons master first. Checked as a whole: one entry per service key, one daemon per state, and each {@link
 * ServiceConfig}'s own checks.
 *
 * @param services the services with their destinations (sorted and frozen)
 * @param timeouts the timeouts, if part of this configuration (ipvsadm's save format has none)
 * @param syncDaemons the sync daemons (sorted and frozen)
 */
public record IpvsTable(List<ServiceConfig> services, Optional<Timeouts> timeouts, List<SyncDaemon> syncDaemons) {

  /** No services, no timeouts, no daemons. */
  public static final IpvsTable EMPTY = new IpvsTable(List.of(), Optional.empty(), List.of());

  /** Checks every argument and the whole, sorts and freezes the lists. */
  public IpvsTable {
    List<ServiceConfig> s = new ArrayList<>(Checks.noNulls("services", services));
    s.sort(Comparator.comparing(ServiceConfig::key, ServiceKey.ORDER));
    for (int i = 1; i < s.size(); i++) {
      if (s.get(i - 1).key().equals(s.get(i).key())) {
        throw Checks.invalid("services", s.get(i).key(), "one entry per service");
      }
    }
    services = List.copyOf(s);
    Checks.notNull("timeouts", timeouts);
    List<SyncDaemon> d = new ArrayList<>(Checks.noNulls("syncDaemons", syncDaemons));
    d.sort(Comparator.comparing(SyncDaemon::state));
    for (int i = 1; i < d.size(); i++) {
      if (d.get(i - 1).state() == d.get(i).state()) {
        throw Checks.invalid("syncDaemons", d.get(i).state(), "at most one master and one backup");
      }
    }
    syncDaemons = List.copyOf(d);
  }

  /** A table of {@code services} only. */
  public static IpvsTable of(ServiceConfig... services) {
    return new IpvsTable(Arrays.asList(Checks.notNull("services", services)), Optional.empty(), List.of());
  }

  /** A builder, empty. */
  public static Builder builder() {
    return new Builder(EMPTY);
  }

  /** A builder with the contents of this table. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The entry of the service with {@code key}, if there is one. */
  public Optional<ServiceConfig> service(ServiceKey key) {
    return services.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** This table with {@code service} added, or replacing the entry with its key. */
  public IpvsTable withService(ServiceConfig service) {
    return toBuilder().service(service).build();
  }

  /** This table without the service with {@code key} (unchanged if there is none). */
  public IpvsTable withoutService(ServiceKey key) {
    List<ServiceConfig> s = new ArrayList<>(services);
    s.removeIf(c -> c.key().equals(key));
    return new IpvsTable(s, timeouts, syncDaemons);
  }

  /** This table with the timeouts set. */
  public IpvsTable withTimeouts(Timeouts timeouts) {
    return new IpvsTable(services, Optional.of(Checks.notNull("timeouts", timeouts)), syncDaemons);
  }

  /** This table without sync daemons and timeouts: the part {@code ipvsadm-save} covers. */
  public IpvsTable servicesOnly() {
    return new IpvsTable(services, Optional.empty(), List.of());
  }

  /**
   * The commands that build this configuration on an empty kernel, in canonical order: each service followed by its
   * destinations, then the timeouts, then the daemons. Prepend an {@link IpvsCommand.Flush} to replace whatever is
   * there, as {@code ipvsadm-restore} does.
   *
   * @throws InvalidValueException if a service breaks one of ipvsadm's write rules that the kernel does not enforce
   *     (see {@link IpvsCommand.AddService}): possible only for a table read from a kernel that another tool set up
   */
  public List<IpvsCommand> toCommands() {
    List<IpvsCommand> out = new ArrayList<>();
    for (ServiceConfig s : services) {
      out.add(new IpvsCommand.AddService(s.service()));
      for (Destination d : s.destinations()) {
        out.add(new IpvsCommand.AddDestination(s.key(), d));
      }
    }
    timeouts.ifPresent(t -> out.add(new IpvsCommand.SetTimeouts(t)));
    syncDaemons.forEach(d -> out.add(new IpvsCommand.StartDaemon(d)));
    return List.copyOf(out);
  }

  /**
   * The commands that turn this table into {@code target}, touching only what differs: services and destinations only
   * this table has are deleted, those only {@code target} has are added, and those in both that differ are edited. So
   * whatever is kept keeps its counters and connections, unlike a flush and a restore. Timeouts are set if
   * {@code target} has them and they differ; sync daemons are left as they are.
   *
   * <pre>{@code
   * IpvsTable before = ipvs.snapshot();
   * BatchResult r = ipvs.execute(commands);
   * if (!r.isSuccess()) {
   *   ipvs.execute(ipvs.snapshot().changesTo(before));   // back to where it was (counters of zeroed services aside)
   * }
   * }</pre>
   *
   * @return the commands, in order: deleted services, then per service of {@code target} its edit or addition and
   *     its destinations' deletions, edits and additions, then the timeouts
   */
  public List<IpvsCommand> changesTo(IpvsTable target) {
    Checks.notNull("target", target);
    List<IpvsCommand> out = new ArrayList<>();
    Map<ServiceKey, ServiceConfig> mine = new HashMap<>();
    services.forEach(s -> mine.put(s.key(), s));
    Set<ServiceKey> wanted = new HashSet<>();
    target.services.forEach(s -> wanted.add(s.key()));
    for (ServiceConfig s : services) {
      if (!wanted.contains(s.key())) {
        out.add(new IpvsCommand.DeleteService(s.key()));
      }
    }
    for (ServiceConfig want : target.services) {
      ServiceConfig have = mine.get(want.key());
      if (have == null) {
        out.add(new IpvsCommand.AddService(want.service()));
        want.destinations().forEach(d -> out.add(new IpvsCommand.AddDestination(want.key(), d)));
        continue;
      }
      if (!have.service().equals(want.service())) {
        out.add(new IpvsCommand.EditService(want.service()));
      }
      for (Destination d : have.destinations()) {
        if (want.destination(d.address(), d.port()).isEmpty()) {
          out.add(new IpvsCommand.DeleteDestination(want.key(), d.address(), d.port()));
        }
      }
      for (Destination d : want.destinations()) {
        Optional<Destination> old = have.destination(d.address(), d.port());
        if (old.isEmpty()) {
          out.add(new IpvsCommand.AddDestination(want.key(), d));
        } else if (!old.get().equals(d)) {
          out.add(new IpvsCommand.EditDestination(want.key(), d));
        }
      }
    }
    target.timeouts.filter(t -> !timeouts.equals(Optional.of(t)))
        .ifPresent(t -> out.add(new IpvsCommand.SetTimeouts(t)));
    return List.copyOf(out);
  }

  /** One block per service, then the timeouts and daemons if present; {@code (empty IPVS table)} if none. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    services.forEach(s -> sb.append(s).append(nl));
    timeouts.ifPresent(t -> sb.append(t).append(nl));
    syncDaemons.forEach(d -> sb.append(d).append(nl));
    // an empty table says so, rather than print nothing
    return sb.length() == 0 ? "(empty IPVS table)" : sb.toString();
  }

  /** A builder of {@link IpvsTable}s; the whole is checked in {@link #build()}. Not thread-safe; reusable. */
  public static final class Builder {
    // by key, so that replacing is one look-up: a table of 50,000 services is built in linear time
    private final Map<ServiceKey, ServiceConfig> services = new HashMap<>();
    private Optional<Timeouts> timeouts;
    private final List<SyncDaemon> syncDaemons;

    Builder(IpvsTable t) {
      t.services.forEach(s -> services.put(s.key(), s));
      timeouts = t.timeouts;
      syncDaemons = new ArrayList<>(t.syncDaemons);
    }

    /** Adds a service entry, replacing any with the same key. */
    public Builder service(ServiceConfig service) {
      Checks.notNull("service", service);
      services.put(service.key(), service);
      return this;
    }

    /** Adds {@code service} with {@code destinations}, replacing any entry with the same key. */
    public Builder service(VirtualService service, Destination... destinations) {
      return service(ServiceConfig.of(service, destinations));
    }

    /** Sets the timeouts. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Optional.of(Checks.notNull("timeouts", timeouts));
      return this;
    }

    /** Sets the timeouts, empty for none. */
    public Builder timeouts(Optional<Timeouts> timeouts) {
      this.timeouts = Checks.notNull("timeouts", timeouts);
      return this;
    }

    /** Adds a sync daemon, replacing any in the same state. */
    public Builder syncDaemon(SyncDaemon daemon) {
      Checks.notNull("syncDaemon", daemon);
      syncDaemons.removeIf(d -> d.state() == daemon.state());
      syncDaemons.add(daemon);
      return this;
    }

    /** The table. */
    public IpvsTable build() {
      return new IpvsTable(new ArrayList<>(services.values()), timeouts, syncDaemons);
    }
  }
}
