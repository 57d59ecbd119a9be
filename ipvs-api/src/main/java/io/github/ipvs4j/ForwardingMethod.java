package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;

/**
 * How packets reach a destination ({@code IPVS_DEST_ATTR_FWD_METHOD}, the low three bits of the kernel's {@code
 * conn_flags}, {@code IP_VS_CONN_F_FWD_MASK} = 0x7).
 *
 * <p>All eight values of the three bits have a constant, so decoding never fails: 0-4 are the kernel's methods and
 * 5-7, which no kernel assigns today, are {@link #UNASSIGNED_5}, {@link #UNASSIGNED_6} and {@link #UNASSIGNED_7}.
 */
public enum ForwardingMethod {
  /** {@code IP_VS_CONN_F_MASQ} = 0: NAT ({@code ipvsadm -m}). */
  MASQUERADE(0, "Masq"),
  /** {@code IP_VS_CONN_F_LOCALNODE} = 1: the director itself serves (ipvsadm saves it as {@code -g}). */
  LOCAL(1, "Local"),
  /** {@code IP_VS_CONN_F_TUNNEL} = 2: IP-in-IP, GUE or GRE tunnelling ({@code ipvsadm -i}); see {@link Tunnel}. */
  TUNNEL(2, "Tunnel"),
  /** {@code IP_VS_CONN_F_DROUTE} = 3: direct routing, "gatewaying" ({@code ipvsadm -g}, its default). */
  DIRECT_ROUTE(3, "Route"),
  /** {@code IP_VS_CONN_F_BYPASS} = 4: cache bypass. */
  BYPASS(4, "Bypass"),
  /** Value 5: not assigned by any kernel so far, kept as read. */
  UNASSIGNED_5(5, "5"),
  /** Value 6: not assigned by any kernel so far, kept as read. */
  UNASSIGNED_6(6, "6"),
  /** Value 7: not assigned by any kernel so far, kept as read. */
  UNASSIGNED_7(7, "7");

  /** {@code IP_VS_CONN_F_FWD_MASK} = 0x7. */
  public static final int MASK = 0x7;

  private final int code;
  private final String label;

  ForwardingMethod(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The kernel value, 0-7. */
  public int code() {
    return code;
  }

  /** The word {@code ipvsadm -L} prints: {@code Masq}, {@code Local}, {@code Tunnel}, {@code Route}, ... */
  public String label() {
    return label;
  }

  // values() copies its array on every call; fromCode runs once per parsed or decoded destination
  private static final ForwardingMethod[] BY_CODE = values();

  /** The method for kernel value {@code code}, 0-7. A decoder masks {@code conn_flags} with {@link #MASK} first. */
  public static ForwardingMethod fromCode(int code) {
    Checks.range("forwarding", code, 0, 7);
    return BY_CODE[code];
  }
}
