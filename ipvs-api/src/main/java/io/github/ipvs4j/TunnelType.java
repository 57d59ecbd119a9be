package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;

/** The encapsulation of a tunnelling destination ({@code IPVS_DEST_ATTR_TUN_TYPE}, {@code ipvsadm --tun-type}). */
public enum TunnelType {
  /** {@code IP_VS_CONN_F_TUNNEL_TYPE_IPIP} = 0: IP in IP, the default and the only type before kernel 5.2. */
  IPIP(0),
  /** {@code IP_VS_CONN_F_TUNNEL_TYPE_GUE} = 1: generic UDP encapsulation (kernel 5.2); needs a port. */
  GUE(1),
  /** {@code IP_VS_CONN_F_TUNNEL_TYPE_GRE} = 2: GRE (kernel 5.3). */
  GRE(2);

  private final int code;

  TunnelType(int code) {
    this.code = code;
  }

  /** The kernel value. */
  public int code() {
    return code;
  }

  // values() copies its array on every call; fromCode runs once per parsed or decoded destination
  private static final TunnelType[] BY_CODE = values();

  /** The type for kernel value {@code code}, 0-2 ({@code IP_VS_CONN_F_TUNNEL_TYPE_MAX} is 3). */
  public static TunnelType fromCode(int code) {
    Checks.range("tunnel.type", code, 0, 2);
    return BY_CODE[code];
  }

  /** {@code "ipip"}, {@code "gue"} or {@code "gre"}, as ipvsadm spells them. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
