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
import io.github.ipvs4j.internal.AscendingDestinations;
import io.github.ipvs4j.textformat.TextFormatException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
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

  /**
   * A service and its destinations. A save file lists destinations in {@link Destination#ORDER}, so while every add
   * is greater than the last they stay in an ascending list, where no add can repeat an earlier one, a look-up is a
   * binary search, and {@link ServiceConfig} need not check the order again; the first add out of order moves them
   * into a map keyed by address and port.
   */
  private static final class Entry {
    private VirtualService service;
    private AscendingDestinations ascending = new AscendingDestinations();
    private Map<DestKey, Destination> byKey;
    private ServiceConfig built;
    private boolean builtAhead;

    Entry(VirtualService service) {
      this.service = service;
    }

    void edit(VirtualService service) {
      this.service = service;
      built = null;
    }

    /** The service with its destinations, checked by the model; built once until the next change. */
    ServiceConfig config() {
      if (built == null) {
        built = new ServiceConfig(service, destinations());
      }
      return built;
    }

    /**
     * Builds the config now, while its destinations are still in the CPU cache: walking 100,000 cold destinations
     * at the end cost more than parsing their lines. Once per service only: a stream that goes back and forth
     * between services would otherwise rebuild each one at every switch. A refusal is left for {@link #table} to
     * report, where the whole table is checked.
     */
    void buildAhead() {
      if (builtAhead) {
        return;
      }
      builtAhead = true;
      try {
        config();
      } catch (InvalidValueException deferred) {
        // built stays null: table() builds this service again and reports the refusal with the table's last line
      }
    }

    /** Adds {@code d}; false if a destination at its address and port exists. */
    boolean add(Destination d) {
      built = null;
      if (byKey == null) {
        if (ascending.append(d)) {
          return true;
        }
        byKey = new LinkedHashMap<>();
        for (Destination old : ascending) {
          byKey.put(new DestKey(old.address(), old.port()), old);
        }
        ascending = null;
      }
      return byKey.putIfAbsent(new DestKey(d.address(), d.port()), d) == null;
    }

    /** Replaces the destination at {@code d}'s address and port; false if there is none. */
    boolean replace(Destination d) {
      built = null;
      if (byKey != null) {
        return byKey.replace(new DestKey(d.address(), d.port()), d) != null;
      }
      int i = ascending.indexOf(d.address(), d.port());
      if (i >= 0) {
        ascending.replace(i, d);
      }
      return i >= 0;
    }

    /** Removes the destination at {@code address} and {@code port}; false if there is none. */
    boolean remove(InetAddress address, int port) {
      built = null;
      if (byKey != null) {
        return byKey.remove(new DestKey(address, port)) != null;
      }
      int i = ascending.indexOf(address, port);
      if (i >= 0) {
        ascending.removeAt(i);
      }
      return i >= 0;
    }

    private List<Destination> destinations() {
      return byKey == null ? ascending : new ArrayList<>(byKey.values());
    }
  }

  // in the order added: a save file's, which is the table's order, so building the table sorts nothing
  private final Map<ServiceKey, Entry> services = new LinkedHashMap<>();
  private ServiceKey lastKey;
  private Entry lastEntry;
  private Optional<Timeouts> timeouts = Optional.empty();
  private final Map<SyncState, SyncDaemon> daemons = new EnumMap<>(SyncState.class);

  /**
   * Applies {@code command}, read from line {@code line}.
   *
   * @throws TextFormatException if the kernel would refuse it in the table built so far
   */
  public void apply(IpvsCommand command, long line) {
    // the usual line first: a save file is mostly destinations
    if (command instanceof IpvsCommand.AddDestination c) {
      if (!entry(line, c, c.service()).add(c.destination())) {
        throw refuse(line, c, "a destination not added before (the kernel would say: destination already exists)");
      }
    } else if (command instanceof IpvsCommand.AddService c) {
      if (services.putIfAbsent(c.service().key(), new Entry(c.service())) != null) {
        throw refuse(line, c, "a service not added before (the kernel would say: service already exists)");
      }
    } else if (command instanceof IpvsCommand.EditService c) {
      entry(line, c, c.service().key()).edit(c.service());
    } else if (command instanceof IpvsCommand.DeleteService c) {
      entry(line, c, c.key());
      services.remove(c.key());
      forgetLastEntry();
    } else if (command instanceof IpvsCommand.EditDestination c) {
      if (!entry(line, c, c.service()).replace(c.destination())) {
        throw refuse(line, c, "an existing destination (the kernel would say: no such destination)");
      }
    } else if (command instanceof IpvsCommand.DeleteDestination c) {
      if (!entry(line, c, c.service()).remove(c.address(), c.port())) {
        throw refuse(line, c, "an existing destination (the kernel would say: no such destination)");
      }
    } else if (command instanceof IpvsCommand.Flush) {
      services.clear();
      forgetLastEntry();
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
    // The parser hands every destination line of a service the same key object: skip hashing it again.
    if (key == lastKey) {
      return lastEntry;
    }
    Entry e = services.get(key);
    if (e == null) {
      throw refuse(line, c, "an existing service " + key + " (the kernel would say: no such service)");
    }
    if (lastEntry != null) {
      lastEntry.buildAhead();
    }
    lastKey = key;
    lastEntry = e;
    return e;
  }

  private void forgetLastEntry() {
    lastKey = null;
    lastEntry = null;
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
        configs.add(e.config());
      }
      return new IpvsTable(configs, timeouts, new ArrayList<>(daemons.values()));
    } catch (InvalidValueException e) {
      throw new TextFormatException(lastLine, 1, e.value(), e.expected());
    }
  }
}
