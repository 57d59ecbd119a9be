package io.github.ipvs4j.netlink;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.Netmask;
import io.github.ipvs4j.Persistence;
import io.github.ipvs4j.Protocol;
import io.github.ipvs4j.Scheduler;
import io.github.ipvs4j.SchedulerFlag;
import io.github.ipvs4j.ServiceKey;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.Stats;
import io.github.ipvs4j.SyncDaemon;
import io.github.ipvs4j.SyncState;
import io.github.ipvs4j.Tunnel;
import io.github.ipvs4j.TunnelChecksum;
import io.github.ipvs4j.VirtualService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The known table whose kernel replies are kept as golden bytes ({@code src/test/resources/golden/ipvs-*.hex},
 * captured by {@link GoldenCaptureKernelTest}), and the model they must decode to.
 */
final class GoldenTable {
  private GoldenTable() {}

  /** What ipvsadm -R is given to build the table. */
  static final String RESTORE =
      "-A -t 192.0.2.10:80 -s sh -p 600 -M 255.255.255.0 -b sh-fallback,sh-port\n"
          + "-a -t 192.0.2.10:80 -r 198.51.100.1:80 -i -w 3 --tun-type gue --tun-port 6080 --tun-remcsum -x 50 -y 10\n"
          + "-a -t 192.0.2.10:80 -r 198.51.100.2:8080 -m -w 2\n"
          + "-a -t 192.0.2.10:80 -r [2001:db8::2]:80 -i -w 1 --tun-type gre --tun-csum\n"
          + "-A -u [2001:db8::53]:53 -s rr -p 300 -M 64 --pe sip -o\n"
          + "-a -u [2001:db8::53]:53 -r [2001:db8::1]:53 -m -w 1\n"
          + "-A -f 4000000000 -6 -s mh -b mh-port\n"
          + "-A --sctp-service 192.0.2.11:3868 -s wlc -b flag-3\n";

  static final ServiceKey WEB = ServiceKey.tcp("192.0.2.10", 80);
  static final ServiceKey SIP6 = ServiceKey.udp("2001:db8::53", 53);
  static final ServiceKey FWM6 = new ServiceKey.FwMark(4000000000L, AddressFamily.INET6);
  static final ServiceKey SCTP = ServiceKey.of(Protocol.SCTP, "192.0.2.11", 3868);

  static final VirtualService WEB_SPEC =
      VirtualService.of(WEB, Scheduler.SH)
          .withPersistence(Persistence.of(Duration.ofSeconds(600), Netmask.ipv4("255.255.255.0")))
          .withSchedulerFlags(Set.of(SchedulerFlag.SH_FALLBACK, SchedulerFlag.SH_PORT));
  static final VirtualService SIP6_SPEC =
      VirtualService.of(SIP6, Scheduler.RR)
          .withPersistence(Persistence.of(Duration.ofSeconds(300), Netmask.ipv6(64)))
          .withPersistenceEngine("sip")
          .withOnePacket(true);
  static final VirtualService FWM6_SPEC =
      VirtualService.of(FWM6, Scheduler.MH).withSchedulerFlags(Set.of(SchedulerFlag.MH_PORT));
  static final VirtualService SCTP_SPEC =
      VirtualService.of(SCTP, Scheduler.WLC).withSchedulerFlags(Set.of(SchedulerFlag.FLAG_3));

  /** The services, as every kernel dump of this table lists them (without counters: no traffic). */
  static final List<VirtualService> SERVICES = List.of(WEB_SPEC, SIP6_SPEC, FWM6_SPEC, SCTP_SPEC);

  /** The destinations of {@link #WEB}. */
  static final List<DestinationStatus> WEB_DESTINATIONS =
      List.of(
          status(
              Destination.builder("198.51.100.1", 80)
                  .weight(3)
                  .upperThreshold(50)
                  .lowerThreshold(10)
                  .tunnel(Tunnel.gue(6080, TunnelChecksum.REMCSUM))
                  .build()),
          status(Destination.builder("198.51.100.2", 8080).forwarding(ForwardingMethod.MASQUERADE).weight(2).build()),
          status(Destination.builder("2001:db8::2", 80).tunnel(Tunnel.gre(TunnelChecksum.CSUM)).build()));

  static final SyncDaemon MASTER =
      SyncDaemon.builder(SyncState.MASTER, "sync0").syncId(9).maxLength(1400).group("239.0.0.81").port(8849).ttl(3).build();

  static DestinationStatus status(Destination d) {
    return new DestinationStatus(d, 0, 0, 0, Stats.ZERO);
  }

  static ServiceStatus status(VirtualService s) {
    return new ServiceStatus(s, Stats.ZERO);
  }

  static Optional<VirtualService> spec(ServiceKey key) {
    return SERVICES.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
