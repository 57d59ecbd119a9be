package io.github.ipvs4j.textformat.internal;

import io.github.ipvs4j.Destination;
import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.textformat.TextFormatException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays commands on an empty in-memory table, as a kernel would apply them one after the other, and refuses what
 * the kernel would refuse for existence reasons (a service added twice, a destination of a missing service, ...).
 * Not API.
 */
public final class TableReplay {
  private record DestKey(InetAddress address, int port) {}

  private static final class Entry {
    VirtualService service;
    final Map<DestKey, Destination> destinations = new LinkedHashMap<>();

    Entry(VirtualService service) {
      this.service = service;
    }
  }

  private final Map<ServiceKey, Entry> services = new HashMap<>();
  private Optional<Timeouts> timeouts = Optional.empty();
  private final Map<SyncState, SyncDaemon> daemons = new EnumMap<>(SyncState.class);

  /**
   * Applies {@code command}, read from line {@code line}.
   *
   * @throws TextFormatException if the kernel would refuse it in the table built so far
   */
  public void apply(IpvsCommand command, long line) {
    if (command instanceof IpvsCommand.AddService c) {
      if (services.putIfAbsent(c.service().key(), new Entry(c.service())) != null) {
        throw refuse(line, c, "a service not added before (the kernel would say: service already exists)");
      }
    } else if (command instanceof IpvsCommand.EditService c) {
      entry(line, c, c.service().key()).service = c.service();
    } else if (command instanceof IpvsCommand.DeleteService c) {
      entry(line, c, c.key());
      services.remove(c.key());
    } else if (command instanceof IpvsCommand.AddDestination c) {
      Entry e = entry(line, c, c.service());
      DestKey k = new DestKey(c.destination().address(), c.destination().port());
      if (e.destinations.putIfAbsent(k, c.destination()) != null) {
        throw refuse(line, c, "a destination not added before (the kernel would say: destination already exists)");
      }
    } else if (command instanceof IpvsCommand.EditDestination c) {
      Entry e = entry(line, c, c.service());
      DestKey k = new DestKey(c.destination().address(), c.destination().port());
      if (e.destinations.replace(k, c.destination()) == null) {
        throw refuse(line, c, "an existing destination (the kernel would say: no such destination)");
      }
    } else if (command instanceof IpvsCommand.DeleteDestination c) {
      Entry e = entry(line, c, c.service());
      if (e.destinations.remove(new DestKey(c.address(), c.port())) == null) {
        throw refuse(line, c, "an existing destination (the kernel would say: no such destination)");
      }
    } else if (command instanceof IpvsCommand.Flush) {
      services.clear();
    } else if (command instanceof IpvsCommand.Zero c) {
      c.service().ifPresent(k -> entry(line, c, k));
    } else if (command instanceof IpvsCommand.SetTimeouts c) {
      timeouts = Optional.of(timeouts.map(t -> t.overriddenBy(c.timeouts())).orElse(c.timeouts()));
    } else if (command instanceof IpvsCommand.StartDaemon c) {
      if (daemons.putIfAbsent(c.daemon().state(), c.daemon()) != null) {
        throw refuse(line, c, "no " + c.daemon().state().label() + " sync daemon running yet");
      }
    } else if (command instanceof IpvsCommand.StopDaemon c) {
      if (daemons.remove(c.state()) == null) {
        throw refuse(line, c, "a running " + c.state().label() + " sync daemon");
      }
    }
  }

  private Entry entry(long line, IpvsCommand c, ServiceKey key) {
    Entry e = services.get(key);
    if (e == null) {
      throw refuse(line, c, "an existing service " + key + " (the kernel would say: no such service)");
    }
    return e;
  }

  private static TextFormatException refuse(long line, IpvsCommand c, String expected) {
    String subject = c.subject();
    return new TextFormatException(line, 1, subject.isEmpty() ? c.operation().description() : subject, expected);
  }

  /**
   * The table built so far.
   *
   * @throws TextFormatException if the whole does not make a valid table (as reported by the model), at line {@code
   *     lastLine}
   */
  public IpvsTable table(long lastLine) {
    List<ServiceConfig> configs = new ArrayList<>(services.size());
    try {
      for (Entry e : services.values()) {
        configs.add(new ServiceConfig(e.service, new ArrayList<>(e.destinations.values())));
      }
      return new IpvsTable(configs, timeouts, new ArrayList<>(daemons.values()));
    } catch (InvalidValueException e) {
      throw new TextFormatException(lastLine, 1, e.value(), e.expected());
    }
  }
}
