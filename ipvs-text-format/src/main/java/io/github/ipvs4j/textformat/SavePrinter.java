package io.github.ipvs4j.textformat;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.InvalidValueException;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.Netmask;
import io.github.ipvs4j.Persistence;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceDetails;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.TunnelChecksum;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.textformat.internal.Inet;
import io.github.ipvs4j.textformat.internal.IpvsadmSort;
import io.github.ipvs4j.textformat.internal.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes what {@code ipvsadm -S -n} writes ({@code ipvsadm-save -n}), byte for byte: one {@code -A} line per
 * service, each followed by one {@code -a} line per destination, in ipvsadm's order.
 *
 * <pre>{@code
 * String rules = SavePrinter.numeric().print(table);          // ipvsadm -S -n
 * String named = SavePrinter.withNames(ServiceNames.builtIn(), HostResolver.none()).print(table); // ipvsadm -S
 * String all = SavePrinter.numeric().extended(true).print(table); // also thresholds, timeouts, daemons
 * }</pre>
 *
 * <h2>As ipvsadm 1.31 writes it</h2>
 *
 * <ul>
 *   <li>Order: ipvsadm's ({@code ipvs_cmp_services}, {@code ipvs_cmp_dests} with glibc's merge sort), which is the
 *       table's own order unless fwmarks, IPv4 addresses or IPv6 address words lie 2^31 or more apart; then
 *       ipvsadm's comparison is not a total order and ipvsadm's output depends on the kernel's internal order.
 *       {@link #print(List)} takes services in the kernel's order and gives ipvsadm's output in every case.
 *   <li>Fwmarks from 2^31 print negative ({@code -f -1294967296}), as ipvsadm 1.31 prints them with {@code %d};
 *       ipvsadm cannot read those back. {@link #unsignedFwmarks(boolean)} prints them as later ipvsadm does.
 *   <li>What the format has no place for is lost: thresholds, timeouts, sync daemons; a LOCAL destination is
 *       saved as {@code -g} (direct routing), and BYPASS and the unassigned forwarding values as {@code (null)}
 *       (which ipvsadm then refuses to read); a persistence netmask only shows on a persistent service.
 *   <li>Values ipvsadm's {@code -R} does not read are printed anyway, as ipvsadm prints them: a persistence timeout
 *       of 0 or above 2678400 s.
 * </ul>
 *
 * <h2>Extended</h2>
 *
 * With {@link #extended(boolean)}, the output also carries what the plain format loses, as lines {@code ipvsadm
 * -R} still reads: {@code -x}/{@code -y} on the {@code -a} lines of destinations with thresholds, then a {@code
 * --set tcp tcpfin udp} line for the timeouts and one {@code --start-daemon} line per sync daemon. Values that
 * ipvsadm cannot read back (a threshold above 2147483647, a timeout above 2678400 s) are refused with {@link
 * InvalidValueException} rather than written wrong.
 *
 * <p>Immutable and thread-safe.
 */
public final class SavePrinter {
  private static final long MAX_TIMEOUT = 86400L * 31;

  private final Text.Names names;
  private final boolean extended;
  private final boolean unsignedFwmarks;

  private SavePrinter(Text.Names names, boolean extended, boolean unsignedFwmarks) {
    this.names = names;
    this.extended = extended;
    this.unsignedFwmarks = unsignedFwmarks;
  }

  /** {@code ipvsadm -S -n}: addresses and ports as numbers. */
  public static SavePrinter numeric() {
    return new SavePrinter(Text.Names.NUMERIC, false, false);
  }

  /**
   * {@code ipvsadm -S} without {@code -n}: ports by name where {@code services} has one for the service's protocol,
   * addresses by name where {@code hosts} has one. With {@link HostResolver#none()} no lookup is made.
   */
  public static SavePrinter withNames(ServiceNames services, HostResolver hosts) {
    return new SavePrinter(
        new Text.Names(false, Objects.requireNonNull(services, "services"), Objects.requireNonNull(hosts, "hosts")),
        false,
        false);
  }

  /** This printer with the extended format on or off (off by default). */
  public SavePrinter extended(boolean on) {
    return new SavePrinter(names, on, unsignedFwmarks);
  }

  /** This printer with fwmarks from 2^31 printed unsigned (as ipvsadm after 1.31) or, by default, negative. */
  public SavePrinter unsignedFwmarks(boolean on) {
    return new SavePrinter(names, extended, on);
  }

  /** The save text of {@code table}. */
  public String print(IpvsTable table) {
    int lines = 2 + table.services().size() + table.syncDaemons().size();
    for (ServiceConfig c : table.services()) {
      lines += c.destinations().size();
    }
    // room for the whole text at once: growing 6 MB by doubling copied more than the printing wrote
    StringBuilder sb = new StringBuilder(Text.capacity(lines, 80));
    print(table, sb);
    return sb.toString();
  }

  /** Appends the save text of {@code table} to {@code out}. */
  public void print(IpvsTable table, Appendable out) {
    Objects.requireNonNull(table, "table");
    List<Svc> svcs = new ArrayList<>(table.services().size());
    for (ServiceConfig c : table.services()) {
      svcs.add(new Svc(c.service(), c.destinations()));
    }
    write(svcs, table, out);
  }

  /**
   * The save text of {@code services} as read from the kernel, given in the kernel's order (as a dump returns
   * them), which is what ipvsadm sorts: the result is ipvsadm's in every case.
   */
  public String print(List<ServiceDetails> services) {
    List<Svc> svcs = new ArrayList<>(services.size());
    int lines = 0;
    for (ServiceDetails d : services) {
      List<Destination> dests = new ArrayList<>(d.destinations().size());
      for (DestinationStatus s : d.destinations()) {
        dests.add(s.spec());
      }
      svcs.add(new Svc(d.service().spec(), dests));
      lines += 1 + dests.size();
    }
    StringBuilder sb = new StringBuilder(Text.capacity(lines, 80));
    write(svcs, null, sb);
    return sb.toString();
  }

  private record Svc(VirtualService service, List<Destination> destinations) {}

  private void write(List<Svc> svcs, IpvsTable table, Appendable out) {
    List<Svc> sorted = IpvsadmSort.sortServices(svcs, s -> s.service.key());
    StringBuilder sb = out instanceof StringBuilder b ? b : new StringBuilder(4096);
    StringBuilder name = new StringBuilder(64);
    try {
      for (Svc s : sorted) {
        VirtualService v = s.service;
        name.setLength(0);
        serviceName(name, v.key());
        serviceLine(sb, name, v);
        Protocol portProtocol = Text.portProtocol(v.key());
        List<Destination> dests =
            IpvsadmSort.sortDestinations(s.destinations, Destination::address, Destination::port);
        for (Destination d : dests) {
          destinationLine(sb, name, d, portProtocol);
          if (sb != out && sb.length() > 8192) {
            out.append(sb);
            sb.setLength(0);
          }
        }
      }
      if (extended && table != null) {
        table.timeouts().ifPresent(t -> timeoutsLine(sb, t));
        for (SyncDaemon d : table.syncDaemons()) {
          daemonLine(sb, d);
        }
      }
      if (sb != out) {
        out.append(sb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serviceName(StringBuilder sb, ServiceKey key) {
    if (key instanceof ServiceKey.FwMark f) {
      sb.append("-f ");
      Text.fwmark(sb, f.mark(), unsignedFwmarks);
      if (f.family() == AddressFamily.INET6) {
        sb.append(" -6");
      }
    } else {
      ServiceKey.Inet i = (ServiceKey.Inet) key;
      sb.append(Text.serviceSwitch(i.protocol())).append(' ');
      Text.addrPort(sb, i.address(), i.port(), i.protocol(), names);
    }
  }

  private static void serviceLine(StringBuilder sb, CharSequence name, VirtualService v) {
    sb.append("-A ").append(name).append(" -s ").append(v.scheduler().name());
    if (v.persistence().isPresent()) {
      Persistence p = v.persistence().get();
      sb.append(" -p ").append(p.timeout().getSeconds());
      if (p.netmask().isPresent()) {
        Netmask m = p.netmask().get();
        sb.append(" -M ");
        if (m instanceof Netmask.V4 v4) {
          Inet.format(Inet.ipv4(v4.mask() & 0xFFFF_FFFFL), sb);
        } else {
          sb.append(((Netmask.V6) m).prefixLength());
        }
      }
    }
    v.persistenceEngine().ifPresent(pe -> sb.append(" --pe ").append(pe));
    if (v.onePacket()) {
      sb.append(" -o");
    }
    if (!v.schedulerFlags().isEmpty()) {
      sb.append(" -b ");
      Text.schedFlags(sb, v.scheduler(), v.schedulerFlags());
    }
    sb.append('\n');
  }

  private void destinationLine(StringBuilder sb, CharSequence name, Destination d, Protocol portProtocol) {
    sb.append("-a ").append(name).append(" -r ");
    Text.addrPort(sb, d.address(), d.port(), portProtocol, names);
    sb.append(' ').append(Text.forwardSwitch(d.forwarding())).append(" -w ").append(d.weight());
    if (d.forwarding() == ForwardingMethod.TUNNEL && d.tunnel().isPresent()) {
      Tunnel t = d.tunnel().get();
      switch (t.type()) {
        case GRE -> sb.append(" --tun-type gre ").append(checksumSwitch(t.checksum()));
        case GUE -> sb.append(" --tun-type gue --tun-port ").append(t.port()).append(' ')
            .append(checksumSwitch(t.checksum()));
        default -> sb.append(" --tun-type ipip");
      }
    }
    if (extended && (d.upperThreshold() != 0 || d.lowerThreshold() != 0)) {
      if (d.upperThreshold() > Integer.MAX_VALUE) {
        throw new InvalidValueException("destination.upperThreshold", Long.toString(d.upperThreshold()),
            "0-2147483647 to be saved in ipvsadm's format");
      }
      sb.append(" -x ").append(d.upperThreshold()).append(" -y ").append(d.lowerThreshold());
    }
    sb.append('\n');
  }

  private static String checksumSwitch(TunnelChecksum c) {
    switch (c) {
      case CSUM:
        return "--tun-csum";
      case REMCSUM:
        return "--tun-remcsum";
      default:
        return "--tun-nocsum";
    }
  }

  private static void timeoutsLine(StringBuilder sb, Timeouts t) {
    sb.append("--set ").append(timeout("tcp", t.tcp().getSeconds())).append(' ')
        .append(timeout("tcpFin", t.tcpFin().getSeconds())).append(' ')
        .append(timeout("udp", t.udp().getSeconds())).append('\n');
  }

  private static long timeout(String field, long seconds) {
    if (seconds > MAX_TIMEOUT) {
      throw new InvalidValueException("timeouts." + field, Long.toString(seconds),
          "0-2678400 seconds to be saved in ipvsadm's format");
    }
    return seconds;
  }

  private static void daemonLine(StringBuilder sb, SyncDaemon d) {
    sb.append("--start-daemon ").append(d.state().label())
        .append(" --mcast-interface ").append(d.interfaceName())
        .append(" --syncid ").append(d.syncId());
    if (d.maxLength() != 0) {
      if (d.maxLength() > 65507) {
        throw new InvalidValueException("syncDaemon.maxLength", Integer.toString(d.maxLength()),
            "0-65507 to be saved in ipvsadm's format");
      }
      sb.append(" --sync-maxlen ").append(d.maxLength());
    }
    d.group().ifPresent(g -> {
      sb.append(" --mcast-group ");
      Inet.format(g, sb);
    });
    if (d.port() != 0) {
      sb.append(" --mcast-port ").append(d.port());
    }
    if (d.ttl() != 0) {
      sb.append(" --mcast-ttl ").append(d.ttl());
    }
    sb.append('\n');
  }
}
