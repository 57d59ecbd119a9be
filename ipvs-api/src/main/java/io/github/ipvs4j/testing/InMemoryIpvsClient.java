package io.github.ipvs4j.testing;

import io.github.ipvs4j.BatchResult;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.Errno;
import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.IpvsOperation;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.Stats;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.VirtualService;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fake {@link IpvsClient} for unit tests of code that uses ipvs4j: it keeps one IPVS table in memory and answers
 * commands with the errnos the kernel uses (EEXIST for an existing service or destination, ESRCH for a missing
 * service, ENOENT for a missing destination or an unknown scheduler, ...), turned into exceptions by {@link
 * IpvsException#forErrno}, so callers see the same exception types as with the real client.
 *
 * <p><strong>A fake, never proof of kernel behaviour.</strong> It knows nothing of traffic (counters and connection
 * counts stay zero), of kernel versions or of sync daemons beyond bookkeeping, and it accepts only the schedulers in
 * {@link #KNOWN_SCHEDULERS} and the persistence engine {@code sip}. Behaviour that matters must be checked against a
 * real kernel (the kernel-tier tests).
 *
 * <p>Thread-safe: every method is synchronized. {@link #close()} makes every later call throw.
 */
public final class InMemoryIpvsClient implements IpvsClient {
  /** The schedulers this fake "has loaded"; any other name fails with ENOENT, as a missing module does. */
  public static final Set<Scheduler> KNOWN_SCHEDULERS =
      Set.of(
          Scheduler.RR, Scheduler.WRR, Scheduler.LC, Scheduler.WLC, Scheduler.LBLC, Scheduler.LBLCR,
          Scheduler.DH, Scheduler.SH, Scheduler.SED, Scheduler.NQ, Scheduler.FO, Scheduler.OVF, Scheduler.MH,
          Scheduler.TWOS, Scheduler.NONE);

  private record DestKey(InetAddress address, int port) {}

  private final Map<ServiceKey, VirtualService> services = new LinkedHashMap<>();
  private final Map<ServiceKey, Map<DestKey, Destination>> destinations = new LinkedHashMap<>();
  private final Map<SyncState, SyncDaemon> daemons = new EnumMap<>(SyncState.class);
  private Timeouts timeouts = Timeouts.ofSeconds(900, 120, 300);

  /** An empty table with the kernel's default timeouts (900, 120, 300 s). */
  public InMemoryIpvsClient() {}
  private boolean closed;
  private int commandsExecuted;

  private void checkOpen() {
    if (closed) {
      throw new IpvsException("the in-memory IPVS client is closed");
    }
  }

  /** How many commands reached this fake so far: lets tests check that a no-op update sends nothing. */
  public synchronized int commandsExecuted() {
    return commandsExecuted;
  }

  @Override
  public synchronized List<ServiceStatus> services() {
    checkOpen();
    List<ServiceStatus> out = new ArrayList<>();
    services.values().forEach(s -> out.add(new ServiceStatus(s, Stats.ZERO)));
    return out;
  }

  @Override
  public synchronized Optional<ServiceStatus> findService(ServiceKey key) {
    checkOpen();
    return Optional.ofNullable(services.get(key)).map(s -> new ServiceStatus(s, Stats.ZERO));
  }

  @Override
  public synchronized List<DestinationStatus> destinations(ServiceKey key) {
    checkOpen();
    Map<DestKey, Destination> d = destinations.get(key);
    if (d == null) {
      throw IpvsException.forErrno(IpvsOperation.GET_DESTS, key.toString(), Errno.ESRCH, null);
    }
    List<DestinationStatus> out = new ArrayList<>();
    d.values().forEach(x -> out.add(new DestinationStatus(x, 0, 0, 0, Stats.ZERO)));
    return out;
  }

  @Override
  public synchronized Timeouts timeouts() {
    checkOpen();
    return timeouts;
  }

  @Override
  public synchronized List<SyncDaemon> syncDaemons() {
    checkOpen();
    return List.copyOf(daemons.values());
  }

  @Override
  public synchronized IpvsInfo info() {
    checkOpen();
    return new IpvsInfo(0x010201, 4096);
  }

  @Override
  public synchronized BatchResult execute(List<? extends IpvsCommand> commands) {
    checkOpen();
    List<BatchResult.Outcome> out = new ArrayList<>();
    for (IpvsCommand c : commands) {
      try {
        commandsExecuted++;
        apply(c);
        out.add(BatchResult.Outcome.success(c));
      } catch (IpvsException e) {
        out.add(BatchResult.Outcome.failure(c, e));
      }
    }
    return new BatchResult(out);
  }

  private static IpvsException fail(IpvsCommand c, int errno) {
    return IpvsException.forErrno(c.operation(), c.subject(), errno, null);
  }

  private void checkModules(IpvsCommand c, VirtualService s) {
    if (!KNOWN_SCHEDULERS.contains(s.scheduler())
        || s.persistenceEngine().filter(pe -> !pe.equals("sip")).isPresent()) {
      throw fail(c, Errno.ENOENT);
    }
  }

  private Map<DestKey, Destination> dests(IpvsCommand c, ServiceKey key) {
    Map<DestKey, Destination> d = destinations.get(key);
    if (d == null) {
      throw fail(c, Errno.ESRCH);
    }
    return d;
  }

  private void apply(IpvsCommand command) {
    if (command instanceof IpvsCommand.AddService c) {
      if (services.containsKey(c.service().key())) {
        throw fail(c, Errno.EEXIST);
      }
      checkModules(c, c.service());
      services.put(c.service().key(), c.service());
      destinations.put(c.service().key(), new LinkedHashMap<>());
    } else if (command instanceof IpvsCommand.EditService c) {
      if (!services.containsKey(c.service().key())) {
        throw fail(c, Errno.ESRCH);
      }
      checkModules(c, c.service());
      services.put(c.service().key(), c.service());
    } else if (command instanceof IpvsCommand.DeleteService c) {
      if (services.remove(c.key()) == null) {
        throw fail(c, Errno.ESRCH);
      }
      destinations.remove(c.key());
    } else if (command instanceof IpvsCommand.AddDestination c) {
      Map<DestKey, Destination> d = dests(c, c.service());
      DestKey k = new DestKey(c.destination().address(), c.destination().port());
      if (d.containsKey(k)) {
        throw fail(c, Errno.EEXIST);
      }
      d.put(k, c.destination());
    } else if (command instanceof IpvsCommand.EditDestination c) {
      Map<DestKey, Destination> d = dests(c, c.service());
      DestKey k = new DestKey(c.destination().address(), c.destination().port());
      if (!d.containsKey(k)) {
        throw fail(c, Errno.ENOENT);
      }
      d.put(k, c.destination());
    } else if (command instanceof IpvsCommand.DeleteDestination c) {
      if (dests(c, c.service()).remove(new DestKey(c.address(), c.port())) == null) {
        throw fail(c, Errno.ENOENT);
      }
    } else if (command instanceof IpvsCommand.Flush) {
      services.clear();
      destinations.clear();
    } else if (command instanceof IpvsCommand.Zero c) {
      if (c.service().isPresent() && !services.containsKey(c.service().get())) {
        throw fail(c, Errno.ESRCH);
      }
    } else if (command instanceof IpvsCommand.SetTimeouts c) {
      timeouts = timeouts.overriddenBy(c.timeouts());
    } else if (command instanceof IpvsCommand.StartDaemon c) {
      if (daemons.containsKey(c.daemon().state())) {
        throw fail(c, Errno.EEXIST);
      }
      daemons.put(c.daemon().state(), c.daemon());
    } else if (command instanceof IpvsCommand.StopDaemon c) {
      if (daemons.remove(c.state()) == null) {
        throw fail(c, Errno.ESRCH);
      }
    } else {
      throw new AssertionError(command);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
