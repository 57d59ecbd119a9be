package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import java.time.Duration;

/**
 * The connection timeouts of IPVS ({@code ipvsadm --set tcp tcpfin udp}; {@code IPVS_CMD_ATTR_TIMEOUT_*}), whole
 * seconds 0-4294967295 each.
 *
 * <p>When setting, {@link Duration#ZERO} means "leave this one unchanged", as the kernel reads it; when read, zero
 * means the kernel has no such protocol support compiled in. {@link #unchanged()} with {@code with…} sets just one.
 *
 * @param tcp TCP ESTABLISHED sessions ({@code IPVS_CMD_ATTR_TIMEOUT_TCP}; kernel default 900 s)
 * @param tcpFin TCP sessions after a FIN ({@code IPVS_CMD_ATTR_TIMEOUT_TCP_FIN}; kernel default 120 s)
 * @param udp UDP ({@code IPVS_CMD_ATTR_TIMEOUT_UDP}; kernel default 300 s)
 */
public record Timeouts(Duration tcp, Duration tcpFin, Duration udp) {
  /** Checks every argument. */
  public Timeouts {
    Checks.seconds("timeouts.tcp", tcp, 0, 0xFFFF_FFFFL);
    Checks.seconds("timeouts.tcpFin", tcpFin, 0, 0xFFFF_FFFFL);
    Checks.seconds("timeouts.udp", udp, 0, 0xFFFF_FFFFL);
  }

  /** Timeouts in seconds, as {@code ipvsadm --set} takes them. */
  public static Timeouts ofSeconds(long tcp, long tcpFin, long udp) {
    return new Timeouts(Duration.ofSeconds(tcp), Duration.ofSeconds(tcpFin), Duration.ofSeconds(udp));
  }

  /** All zero: setting this changes nothing; start here and set one with a {@code with…} method. */
  public static Timeouts unchanged() {
    return new Timeouts(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** These timeouts with another TCP timeout. */
  public Timeouts withTcp(Duration tcp) {
    return new Timeouts(tcp, tcpFin, udp);
  }

  /** These timeouts with another TCP FIN timeout. */
  public Timeouts withTcpFin(Duration tcpFin) {
    return new Timeouts(tcp, tcpFin, udp);
  }

  /** These timeouts with another UDP timeout. */
  public Timeouts withUdp(Duration udp) {
    return new Timeouts(tcp, tcpFin, udp);
  }

  /** {@code other}'s non-zero values over these: what the kernel holds after setting {@code other}. */
  public Timeouts overriddenBy(Timeouts other) {
    return new Timeouts(
        other.tcp.isZero() ? tcp : other.tcp,
        other.tcpFin.isZero() ? tcpFin : other.tcpFin,
        other.udp.isZero() ? udp : other.udp);
  }

  /** {@code "Timeout (tcp tcpfin udp): 900 120 300"}, as {@code ipvsadm -L --timeout} prints it. */
  @Override
  public String toString() {
    return "Timeout (tcp tcpfin udp): "
        + tcp.toSeconds()
        + " "
        + tcpFin.toSeconds()
        + " "
        + udp.toSeconds();
  }
}
