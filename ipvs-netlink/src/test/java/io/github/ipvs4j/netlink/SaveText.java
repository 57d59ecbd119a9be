package io.github.ipvs4j.netlink;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.SchedulerFlag;
import io.github.ipvs4j.ServiceConfig;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.TunnelChecksum;
import io.github.ipvs4j.VirtualService;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A small test-only renderer of ipvsadm's {@code -S -n} lines (the oracle's own format, written from ipvsadm's
 * {@code FMT_RULE} printf formats), and an order-insensitive view of a save text: ipvsadm sorts with {@code a - b} on
 * unsigned words, which overflows, so the comparison is by blocks (a service line and its destination lines).
 */
final class SaveText {
  private SaveText() {}

  /**
   * The save text of {@code services} as ipvsadm -S prints it (firewall marks as ipvsadm 1.31 prints them, with
   * {@code %d}: negative above 2^31), one block per service.
   */
  static String render(Collection<ServiceConfig> services) {
    return render(services, false, true);
  }

  /** Input for ipvsadm -R: unsigned firewall marks, and the thresholds that -S leaves out. */
  static String restoreInput(Collection<ServiceConfig> services) {
    return render(services, true, false);
  }

  private static String render(Collection<ServiceConfig> services, boolean thresholds, boolean signedFwmark) {
    StringBuilder sb = new StringBuilder();
    for (ServiceConfig c : services) {
      sb.append(serviceLine(c.service(), signedFwmark)).append('\n');
      for (Destination d : c.destinations()) {
        sb.append(destinationLine(c.key(), d, thresholds, signedFwmark)).append('\n');
      }
    }
    return sb.toString();
  }

  /** Service line to sorted destination lines: what must be equal between two save texts. */
  static Map<String, List<String>> blocks(String save) {
    Map<String, List<String>> out = new TreeMap<>();
    List<String> current = null;
    for (String line : save.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("-A ")) {
        current = new ArrayList<>();
        out.put(line, current);
      } else if (current != null) {
        current.add(line);
      } else {
        throw new AssertionError("destination line before any service: " + line);
      }
    }
    out.replaceAll((k, v) -> v.stream().sorted().collect(Collectors.toList()));
    return out;
  }

  static String svc(ServiceKey key, boolean signedFwmark) {
    if (key instanceof ServiceKey.FwMark f) {
      return "-f " + (signedFwmark ? (long) (int) f.mark() : f.mark()) + (f.family() == AddressFamily.INET6 ? " -6" : "");
    }
    ServiceKey.Inet i = (ServiceKey.Inet) key;
    String opt =
        i.protocol().equals(Protocol.TCP)
            ? "-t"
            : i.protocol().equals(Protocol.UDP) ? "-u" : i.protocol().equals(Protocol.SCTP) ? "--sctp-service" : "--xxx-service";
    return opt + " " + addrPort(i.address(), i.port());
  }

  static String serviceLine(VirtualService s, boolean signedFwmark) {
    StringBuilder sb = new StringBuilder("-A ").append(svc(s.key(), signedFwmark)).append(" -s ").append(s.scheduler().name());
    s.persistence()
        .ifPresent(
            p -> {
              sb.append(" -p ").append(p.timeout().toSeconds());
              p.netmask()
                  .filter(m -> !m.isHost())
                  .ifPresent(m -> sb.append(" -M ").append(m));
            });
    s.persistenceEngine().ifPresent(pe -> sb.append(" --pe ").append(pe));
    if (s.onePacket()) {
      sb.append(" -o");
    }
    if (!s.schedulerFlags().isEmpty()) {
      int bits = SchedulerFlag.toBits(s.schedulerFlags());
      List<String> names = new ArrayList<>();
      boolean sh = s.scheduler().equals(Scheduler.SH);
      boolean mh = s.scheduler().equals(Scheduler.MH);
      String prefix = sh ? "sh-" : mh ? "mh-" : null;
      if ((bits & 0x08) != 0) {
        names.add(prefix != null ? prefix + "fallback" : "flag-1");
      }
      if ((bits & 0x10) != 0) {
        names.add(prefix != null ? prefix + "port" : "flag-2");
      }
      if ((bits & 0x20) != 0) {
        names.add("flag-3");
      }
      sb.append(" -b ").append(String.join(",", names));
    }
    return sb.toString();
  }

  static String destinationLine(ServiceKey key, Destination d, boolean thresholds, boolean signedFwmark) {
    StringBuilder sb =
        new StringBuilder("-a ").append(svc(key, signedFwmark)).append(" -r ").append(addrPort(d.address(), d.port())).append(' ');
    sb.append(
        d.forwarding() == ForwardingMethod.MASQUERADE
            ? "-m"
            : d.forwarding() == ForwardingMethod.TUNNEL ? "-i" : "-g");
    sb.append(" -w ").append(d.weight());
    if (d.forwarding() == ForwardingMethod.TUNNEL) {
      Tunnel t = d.tunnel().orElse(Tunnel.IPIP);
      sb.append(" --tun-type ").append(t.type().label());
      switch (t.type()) {
        case GUE -> sb.append(" --tun-port ").append(t.port()).append(' ').append(csum(t.checksum()));
        case GRE -> sb.append(' ').append(csum(t.checksum()));
        default -> { }
      }
    }
    if (thresholds) {
      sb.append(" -x ").append(d.upperThreshold()).append(" -y ").append(d.lowerThreshold());
    }
    return sb.toString();
  }

  private static String csum(TunnelChecksum c) {
    return switch (c) {
      case NOCSUM -> "--tun-nocsum";
      case CSUM -> "--tun-csum";
      case REMCSUM -> "--tun-remcsum";
    };
  }

  static String addrPort(InetAddress a, int port) {
    return a instanceof Inet4Address ? a.getHostAddress() + ":" + port : "[" + ipv6(a.getAddress()) + "]:" + port;
  }

  /** inet_ntop's IPv6 text: lower-case hex, the longest run (2 or more) of zero groups as "::". */
  static String ipv6(byte[] b) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] == 0) {
        int j = i;
        while (j < 8 && g[j] == 0) {
          j++;
        }
        if (j - i > bestLen) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
