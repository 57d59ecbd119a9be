package io.github.ipvs4j.cli;

import io.github.ipvs4j.Addresses;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.SchedulerFlag;
import io.github.ipvs4j.ServiceDetails;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.Stats;
import io.github.ipvs4j.VirtualService;
import java.util.List;
import java.util.Locale;

/**
 * {@code jipvsadm -L --json}: the listing as one JSON object, every counter in full (64 bits, never K/M/G), addresses
 * as {@code ipvsadm -n} writes them, services and destinations in the kernel's order.
 *
 * <pre>
 * {"version":"1.2.1","connectionTableSize":4096,"services":[{"protocol":"TCP","address":"192.0.2.1","port":80,
 *  "scheduler":"rr","flags":[],"persistence":null,"persistenceEngine":null,"onePacket":false,"stats":{...},
 *  "destinations":[{"address":"198.51.100.1","port":80,"forwarding":"DIRECT_ROUTE","weight":1,...}]}]}
 * </pre>
 */
final class ListingJson {
  private ListingJson() {}

  static String of(IpvsInfo info, List<ServiceDetails> services) {
    StringBuilder sb = new StringBuilder(256 + 512 * services.size());
    sb.append("{\"version\":").append(quote(info.version()))
        .append(",\"connectionTableSize\":").append(info.connectionTableSize()).append(",\"services\":[");
    for (int i = 0; i < services.size(); i++) {
      sb.append(i == 0 ? "" : ",");
      service(services.get(i), sb);
    }
    return sb.append("]}\n").toString();
  }

  private static void service(ServiceDetails details, StringBuilder sb) {
    VirtualService s = details.service().spec();
    sb.append('{');
    if (s.key() instanceof ServiceKey.Inet k) {
      sb.append("\"protocol\":").append(quote(k.protocol().label()))
          .append(",\"address\":").append(quote(Addresses.format(k.address())))
          .append(",\"port\":").append(k.port());
    } else if (s.key() instanceof ServiceKey.FwMark f) {
      sb.append("\"fwmark\":").append(f.mark());
    }
    sb.append(",\"family\":").append(quote(s.key().family().name()))
        .append(",\"scheduler\":").append(quote(s.scheduler().name())).append(",\"flags\":[");
    int n = 0;
    for (SchedulerFlag f : s.schedulerFlags()) {
      sb.append(n++ == 0 ? "" : ",").append(quote(f.label()));
    }
    sb.append("],\"persistence\":");
    s.persistence().ifPresentOrElse(
        p -> sb.append("{\"timeoutSeconds\":").append(p.timeout().toSeconds()).append(",\"netmask\":")
            .append(p.netmask().map(m -> quote(m.toString())).orElse("null")).append('}'),
        () -> sb.append("null"));
    sb.append(",\"persistenceEngine\":").append(s.persistenceEngine().map(ListingJson::quote).orElse("null"))
        .append(",\"onePacket\":").append(s.onePacket()).append(",\"stats\":");
    stats(details.service().stats(), sb);
    sb.append(",\"destinations\":[");
    for (int i = 0; i < details.destinations().size(); i++) {
      sb.append(i == 0 ? "" : ",");
      destination(details.destinations().get(i), sb);
    }
    sb.append("]}");
  }

  private static void destination(DestinationStatus status, StringBuilder sb) {
    Destination d = status.spec();
    sb.append("{\"address\":").append(quote(Addresses.format(d.address())))
        .append(",\"port\":").append(d.port())
        .append(",\"forwarding\":").append(quote(d.forwarding().name()))
        .append(",\"weight\":").append(d.weight())
        .append(",\"upperThreshold\":").append(d.upperThreshold())
        .append(",\"lowerThreshold\":").append(d.lowerThreshold())
        .append(",\"tunnel\":");
    d.tunnel().ifPresentOrElse(
        t -> sb.append("{\"type\":").append(quote(t.type().label())).append(",\"port\":").append(t.port())
            .append(",\"checksum\":").append(quote(t.checksum().name().toLowerCase(Locale.ROOT)))
            .append('}'),
        () -> sb.append("null"));
    sb.append(",\"activeConnections\":").append(status.activeConnections())
        .append(",\"inactiveConnections\":").append(status.inactiveConnections())
        .append(",\"persistentConnections\":").append(status.persistentConnections())
        .append(",\"stats\":");
    stats(status.stats(), sb);
    sb.append('}');
  }

  private static void stats(Stats s, StringBuilder sb) {
    sb.append("{\"connections\":").append(Long.toUnsignedString(s.connections()))
        .append(",\"inPackets\":").append(Long.toUnsignedString(s.inPackets()))
        .append(",\"outPackets\":").append(Long.toUnsignedString(s.outPackets()))
        .append(",\"inBytes\":").append(Long.toUnsignedString(s.inBytes()))
        .append(",\"outBytes\":").append(Long.toUnsignedString(s.outBytes()))
        .append(",\"connectionRate\":").append(Long.toUnsignedString(s.connectionRate()))
        .append(",\"inPacketRate\":").append(Long.toUnsignedString(s.inPacketRate()))
        .append(",\"outPacketRate\":").append(Long.toUnsignedString(s.outPacketRate()))
        .append(",\"inByteRate\":").append(Long.toUnsignedString(s.inByteRate()))
        .append(",\"outByteRate\":").append(Long.toUnsignedString(s.outByteRate()))
        .append('}');
  }

  /** A JSON string: names here are visible ASCII, but quotes, backslashes and controls are escaped all the same. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
