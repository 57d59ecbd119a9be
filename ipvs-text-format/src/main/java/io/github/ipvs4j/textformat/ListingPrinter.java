package io.github.ipvs4j.textformat;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.IpvsTable;
import io.github.ipvs4j.Netmask;
import io.github.ipvs4j.Persistence;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceDetails;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.Stats;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Timeouts;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.TunnelChecksum;
import io.github.ipvs4j.VirtualService;
import io.github.ipvs4j.textformat.internal.Inet;
import io.github.ipvs4j.textformat.internal.IpvsadmSort;
import io.github.ipvs4j.textformat.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the {@code ipvsadm -L} listings byte for byte from status values, as a client reads them from the kernel:
 * {@link IpvsInfo} for the header and {@link ServiceDetails} (spec, counters, connection counts) for the rows.
 *
 * <pre>{@code
 * String ln = ListingPrinter.numeric().list(info, services);                       // ipvsadm -L -n
 * String stats = ListingPrinter.numeric().columns(Columns.STATS).list(info, services);  // ipvsadm -L -n --stats
 * String one = ListingPrinter.numeric().listService(service);                      // ipvsadm -L -n -t VIP:PORT
 * String t = ListingPrinter.timeouts(timeouts);                                   // ipvsadm -L --timeout
 * }</pre>
 *
 * <p>As ipvsadm 1.31 prints them: lines of destinations end in spaces (the last column is padded); an IPv4 service
 * name is cut at 33 characters and an IPv4 destination at 28, IPv6 ones never; fwmarks from 2^31 print negative
 * unless {@link #unsignedFwmarks(boolean)}; the forwarding of a BYPASS destination prints as {@code (null)}. Rows are
 * sorted as ipvsadm sorts them (see {@link SavePrinter}); give the services in the kernel's order to get ipvsadm's
 * output in every case, and use {@link #sorted(boolean) sorted(false)} for {@code --nosort}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ListingPrinter {

  /** The columns of the listing: which {@code ipvsadm -L} option. */
  public enum Columns {
    /** No option: Forward, Weight, ActiveConn, InActConn. */
    DEFAULT,
    /** {@code --stats}: Conns, InPkts, OutPkts, InBytes, OutBytes. */
    STATS,
    /** {@code --rate}: CPS, InPPS, OutPPS, InBPS, OutBPS. */
    RATE,
    /** {@code --thresholds}: Uthreshold, Lthreshold, ActiveConn, InActConn. */
    THRESHOLDS,
    /** {@code --persistent-conn}: Weight, PersistConn, ActiveConn, InActConn. */
    PERSISTENT_CONN,
    /** {@code --tun-info}: Forward, TunnelInfo, Weight, ActiveConn, InActConn. */
    TUN_INFO
  }

  private final Text.Names names;
  private final Columns columns;
  private final boolean exact;
  private final boolean sorted;
  private final boolean unsignedFwmarks;

  private ListingPrinter(Text.Names names, Columns columns, boolean exact, boolean sorted, boolean unsignedFwmarks) {
    this.names = names;
    this.columns = columns;
    this.exact = exact;
    this.sorted = sorted;
    this.unsignedFwmarks = unsignedFwmarks;
  }

  /** {@code ipvsadm -L -n}: default columns, numbers, sorted. */
  public static ListingPrinter numeric() {
    return new ListingPrinter(Text.Names.NUMERIC, Columns.DEFAULT, false, true, false);
  }

  /** {@code ipvsadm -L} without {@code -n}: names from {@code services} and {@code hosts} where they have one. */
  public static ListingPrinter withNames(ServiceNames services, HostResolver hosts) {
    return new ListingPrinter(
        new Text.Names(false, Objects.requireNonNull(services, "services"), Objects.requireNonNull(hosts, "hosts")),
        Columns.DEFAULT,
        false,
        true,
        false);
  }

  /** This printer with other columns. */
  public ListingPrinter columns(Columns columns) {
    return new ListingPrinter(names, Objects.requireNonNull(columns, "columns"), exact, sorted, unsignedFwmarks);
  }

  /** This printer with {@code --exact} on or off (counters in full instead of K, M, G, T). */
  public ListingPrinter exact(boolean on) {
    return new ListingPrinter(names, columns, on, sorted, unsignedFwmarks);
  }

  /** This printer sorting as ipvsadm does (default) or keeping the given order ({@code --nosort}). */
  public ListingPrinter sorted(boolean on) {
    return new ListingPrinter(names, columns, exact, on, unsignedFwmarks);
  }

  /** This printer with fwmarks from 2^31 printed unsigned (as ipvsadm after 1.31) or, by default, negative. */
  public ListingPrinter unsignedFwmarks(boolean on) {
    return new ListingPrinter(names, columns, exact, sorted, on);
  }

  /** The whole listing, {@code ipvsadm -L}: header, title, every service with its destinations. */
  public String list(IpvsInfo info, List<ServiceDetails> services) {
    Objects.requireNonNull(info, "info");
    int lines = 3 + services.size();
    for (ServiceDetails d : services) {
      lines += d.destinations().size();
    }
    // room for the whole listing at once: growing it by doubling copied more than the printing wrote
    StringBuilder sb = new StringBuilder(Text.capacity(lines, 80));
    int v = info.versionCode();
    sb.append("IP Virtual Server version ").append((v >>> 16) & 0xff).append('.').append((v >>> 8) & 0xff)
        .append('.').append(v & 0xff).append(" (size=").append((int) info.connectionTableSize()).append(")\n");
    title(sb);
    List<ServiceDetails> rows = sorted ? IpvsadmSort.sortServices(services, d -> d.service().key()) : services;
    for (ServiceDetails d : rows) {
      service(sb, d);
    }
    return sb.toString();
  }

  /** One service, {@code ipvsadm -L -t VIP:PORT} (or {@code -u}, {@code -f}): title and the service, no header. */
  public String listService(ServiceDetails service) {
    StringBuilder sb = new StringBuilder(256);
    title(sb);
    service(sb, Objects.requireNonNull(service, "service"));
    return sb.toString();
  }

  /**
   * {@code ipvsadm -L -c}: the connection table, in the order given (the kernel's). With
   * {@link Columns#PERSISTENT_CONN} ({@code -c --persistent-conn}) an entry that has persistence-engine data also
   * prints it, in ipvsadm's columns (whose widths differ between its title and its rows). Addresses and ports print as
   * this printer's other listings print them; only TCP and UDP ports are looked up by name, as ipvsadm does.
   *
   * <pre>
   * IPVS connection entries
   * pro expire state       source             virtual            destination
   * TCP 01:58  TIME_WAIT   192.0.2.2:40312    192.0.2.10:80      198.51.100.11:8080
   * </pre>
   */
  public String connections(List<ConnectionEntry> entries) {
    boolean pe = columns == Columns.PERSISTENT_CONN;
    StringBuilder sb = new StringBuilder(64 + 90 * entries.size());
    // "pro expire %-11s %-18s %-18s %s", or "pro expire %-11s %-18s %-18s %-18s %-16s %s" with --persistent-conn
    sb.append("IPVS connection entries\npro expire ");
    Text.cell(sb, "state", 11);
    Text.cell(sb, "source", 18);
    Text.cell(sb, "virtual", 18);
    if (pe) {
      Text.cell(sb, "destination", 18);
      Text.padRight(sb, "pe name", 16);
      sb.append(" pe_data\n");
    } else {
      sb.append("destination\n");
    }
    StringBuilder addr = new StringBuilder(48);
    for (ConnectionEntry e : entries) {
      // print_conn: "%-3s %-6s %-11s %-18s %-18s %s", or with pe data "%-3s %-6s %-11s %-18s %-18s %-16s %-18s %s"
      Protocol p = e.protocol().equals("TCP") ? Protocol.TCP : e.protocol().equals("UDP") ? Protocol.UDP : null;
      Text.cell(sb, e.protocol(), 3);
      long minutes = e.expiresSeconds() / 60;
      long seconds = e.expiresSeconds() % 60;
      Text.cell(sb, (minutes < 10 ? "0" : "") + minutes + (seconds < 10 ? ":0" : ":") + seconds, 6);
      Text.cell(sb, e.state(), 11);
      Text.cell(sb, addrPort(addr, e.client(), p), 18);
      Text.cell(sb, addrPort(addr, e.virtual(), p), 18);
      String destination = addrPort(addr, e.destination(), p);
      if (pe && e.peName().isPresent()) {
        Text.cell(sb, destination, 16);
        Text.padRight(sb, e.peName().get(), 18);
        sb.append(' ').append(e.peData().get());
      } else {
        sb.append(destination);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private String addrPort(StringBuilder scratch, java.net.InetSocketAddress a, Protocol p) {
    scratch.setLength(0);
    Text.addrPort(scratch, a.getAddress(), a.getPort(), p, names);
    return scratch.toString();
  }

  /** {@code ipvsadm -L --timeout}: {@code Timeout (tcp tcpfin udp): 900 120 300}. */
  public static String timeouts(Timeouts timeouts) {
    return "Timeout (tcp tcpfin udp): " + (int) timeouts.tcp().getSeconds() + " "
        + (int) timeouts.tcpFin().getSeconds() + " " + (int) timeouts.udp().getSeconds() + "\n";
  }

  /** {@code ipvsadm -L --daemon}: one line per running daemon, master first; empty when none runs. */
  public static String daemons(List<SyncDaemon> daemons) {
    StringBuilder sb = new StringBuilder();
    for (SyncState state : SyncState.values()) {
      for (SyncDaemon d : daemons) {
        if (d.state() != state) {
          continue;
        }
        sb.append(state.label()).append(" sync daemon (mcast=").append(d.interfaceName())
            .append(", syncid=").append(d.syncId());
        if (d.maxLength() != 0) {
          sb.append(", maxlen=").append(d.maxLength());
        }
        d.group().ifPresent(g -> {
          sb.append(", group=");
          Inet.format(g, sb);
        });
        if (d.port() != 0) {
          sb.append(", port=").append(d.port());
        }
        if (d.ttl() != 0) {
          sb.append(", ttl=").append(d.ttl());
        }
        sb.append(")\n");
      }
    }
    return sb.toString();
  }

  /**
   * The services of {@code table} as a freshly applied kernel reports them: every counter, rate and connection count
   * zero. For listings of a table that has seen no traffic.
   */
  public static List<ServiceDetails> withZeroCounters(IpvsTable table) {
    List<ServiceDetails> out = new ArrayList<>(table.services().size());
    for (ServiceConfig c : table.services()) {
      List<DestinationStatus> dests = new ArrayList<>(c.destinations().size());
      c.destinations().forEach(d -> dests.add(new DestinationStatus(d, 0, 0, 0, Stats.ZERO)));
      out.add(new ServiceDetails(new ServiceStatus(c.service(), Stats.ZERO), dests));
    }
    return out;
  }

  private void title(StringBuilder sb) {
    switch (columns) {
      case STATS -> {
        Text.padRight(sb, "Prot LocalAddress:Port", 33);
        for (String h : new String[] {"Conns", "InPkts", "OutPkts", "InBytes", "OutBytes"}) {
          sb.append(' ');
          Text.padLeft(sb, h, 8);
        }
        sb.append("\n  -> RemoteAddress:Port\n");
      }
      case RATE -> {
        Text.padRight(sb, "Prot LocalAddress:Port", 33);
        for (String h : new String[] {"CPS", "InPPS", "OutPPS", "InBPS", "OutBPS"}) {
          sb.append(' ');
          Text.padLeft(sb, h, 8);
        }
        sb.append("\n  -> RemoteAddress:Port\n");
      }
      case THRESHOLDS -> {
        Text.padRight(sb, "Prot LocalAddress:Port", 33);
        for (String h : new String[] {"Uthreshold", "Lthreshold", "ActiveConn", "InActConn"}) {
          sb.append(' ');
          Text.padRight(sb, h, 10);
        }
        sb.append("\n  -> RemoteAddress:Port\n");
      }
      case PERSISTENT_CONN -> {
        Text.cell(sb, "Prot LocalAddress:Port", 33);
        Text.cell(sb, "Weight", 9);
        Text.cell(sb, "PersistConn", 11);
        Text.cell(sb, "ActiveConn", 10);
        Text.padRight(sb, "InActConn", 10);
        sb.append("\n  -> RemoteAddress:Port\n");
      }
      case TUN_INFO -> sb.append("Prot LocalAddress:Port Scheduler Flags\n")
          .append("  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n");
      default -> sb.append("Prot LocalAddress:Port Scheduler Flags\n")
          .append("  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n");
    }
  }

  private void service(StringBuilder sb, ServiceDetails details) {
    ServiceStatus status = details.service();
    VirtualService v = status.spec();
    ServiceKey key = v.key();
    StringBuilder name = new StringBuilder(48);
    if (key instanceof ServiceKey.FwMark f) {
      name.append("FWM  ");
      Text.fwmark(name, f.mark(), unsignedFwmarks);
      if (f.family() == AddressFamily.INET6) {
        name.append(" IPv6");
      }
    } else {
      ServiceKey.Inet i = (ServiceKey.Inet) key;
      Text.padRight(name, Text.protocolName(i.protocol()), 4);
      name.append(' ');
      Text.addrPort(name, i.address(), i.port(), i.protocol(), names);
      if (i.family() != AddressFamily.INET6 && name.length() > 33) {
        name.setLength(33);
      }
    }
    Stats st = status.stats();
    switch (columns) {
      case STATS -> {
        Text.padRight(sb, name, 33);
        counters(sb, st.connections(), st.inPackets(), st.outPackets(), st.inBytes(), st.outBytes());
        sb.append('\n');
      }
      case RATE -> {
        Text.padRight(sb, name, 33);
        counters(sb, st.connectionRate(), st.inPacketRate(), st.outPacketRate(), st.inByteRate(), st.outByteRate());
        sb.append('\n');
      }
      default -> {
        sb.append(name).append(' ').append(v.scheduler().name());
        if (!v.schedulerFlags().isEmpty()) {
          sb.append(" (");
          Text.schedFlags(sb, v.scheduler(), v.schedulerFlags());
          sb.append(')');
        }
        if (v.persistence().isPresent()) {
          Persistence p = v.persistence().get();
          sb.append(" persistent ").append(p.timeout().getSeconds());
          if (p.netmask().isPresent()) {
            Netmask m = p.netmask().get();
            sb.append(" mask ");
            if (m instanceof Netmask.V4 v4) {
              Inet.format(Inet.ipv4(v4.mask() & 0xFFFF_FFFFL), sb);
            } else {
              sb.append(((Netmask.V6) m).prefixLength());
            }
          }
          v.persistenceEngine().ifPresent(pe -> sb.append(" pe ").append(pe));
        }
        if (v.onePacket()) {
          sb.append(" ops");
        }
        sb.append('\n');
      }
    }
    List<DestinationStatus> dests =
        sorted
            ? IpvsadmSort.sortDestinations(details.destinations(), d -> d.spec().address(), d -> d.spec().port())
            : details.destinations();
    Protocol portProtocol = Text.portProtocol(key);
    StringBuilder dname = new StringBuilder(48);
    for (DestinationStatus d : dests) {
      dname.setLength(0);
      Text.addrPort(dname, d.spec().address(), d.spec().port(), portProtocol, names);
      if (d.spec().family() != AddressFamily.INET6 && dname.length() > 28) {
        dname.setLength(28);
      }
      destination(sb, dname, d);
    }
  }

  private void counters(StringBuilder sb, long a, long b, long c, long d, long e) {
    Text.largeNum(sb, a, exact);
    Text.largeNum(sb, b, exact);
    Text.largeNum(sb, c, exact);
    Text.largeNum(sb, d, exact);
    Text.largeNum(sb, e, exact);
  }

  private void destination(StringBuilder sb, CharSequence dname, DestinationStatus d) {
    sb.append("  -> ");
    Text.padRight(sb, dname, 28);
    Stats st = d.stats();
    switch (columns) {
      case STATS -> counters(sb, st.connections(), st.inPackets(), st.outPackets(), st.inBytes(), st.outBytes());
      case RATE -> {
        sb.append(' ');
        Text.unsigned8(sb, st.connectionRate());
        sb.append(' ');
        Text.unsigned8(sb, st.inPacketRate());
        sb.append(' ');
        Text.unsigned8(sb, st.outPacketRate());
        Text.largeNum(sb, st.inByteRate(), exact);
        Text.largeNum(sb, st.outByteRate(), exact);
      }
      case THRESHOLDS -> {
        sb.append(' ');
        Text.cell(sb, d.spec().upperThreshold(), 10);
        Text.cell(sb, d.spec().lowerThreshold(), 10);
        Text.cell(sb, d.activeConnections(), 10);
        Text.padRight(sb, d.inactiveConnections(), 10);
      }
      case PERSISTENT_CONN -> {
        sb.append(' ');
        Text.cell(sb, d.spec().weight(), 9);
        Text.cell(sb, d.persistentConnections(), 11);
        Text.cell(sb, d.activeConnections(), 10);
        Text.padRight(sb, d.inactiveConnections(), 10);
      }
      case TUN_INFO -> {
        sb.append(' ');
        Text.cell(sb, Text.forwardName(d.spec().forwarding()), 7);
        Text.cell(sb, tunnelInfo(d), 13);
        Text.cell(sb, d.spec().weight(), 6);
        Text.cell(sb, d.activeConnections(), 10);
        Text.padRight(sb, d.inactiveConnections(), 10);
      }
      default -> {
        sb.append(' ');
        Text.cell(sb, Text.forwardName(d.spec().forwarding()), 7);
        Text.cell(sb, d.spec().weight(), 6);
        Text.cell(sb, d.activeConnections(), 10);
        Text.padRight(sb, d.inactiveConnections(), 10);
      }
    }
    sb.append('\n');
  }

  private static String tunnelInfo(DestinationStatus d) {
    if (d.spec().forwarding() != ForwardingMethod.TUNNEL || d.spec().tunnel().isEmpty()) {
      return "n/a";
    }
    Tunnel t = d.spec().tunnel().get();
    String c = t.checksum() == TunnelChecksum.NOCSUM ? "-c" : t.checksum() == TunnelChecksum.CSUM ? "+c" : "r+c";
    switch (t.type()) {
      case GUE:
        return "gue:" + t.port() + ":" + c;
      case GRE:
        return "gre:" + c;
      default:
        return "ipip";
    }
  }
}
