package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;

/** An IP address family as IPVS knows it: {@code AF_INET} or {@code AF_INET6} ({@code IPVS_SVC_ATTR_AF}). */
public enum AddressFamily {
  /** IPv4, {@code AF_INET} = 2. */
  INET(2, 4),
  /** IPv6, {@code AF_INET6} = 10. */
  INET6(10, 16);

  private final int code;
  private final int addressLength;

  AddressFamily(int code, int addressLength) {
    this.code = code;
    this.addressLength = addressLength;
  }

  /** The Linux {@code AF_*} number: 2 or 10. */
  public int code() {
    return code;
  }

  /** The length of an address of this family in bytes: 4 or 16. */
  public int addressLength() {
    return addressLength;
  }

  /**
   * The family with Linux number {@code code}.
   *
   * @throws InvalidValueException for anything but 2 and 10
   */
  public static AddressFamily fromCode(int code) {
    for (AddressFamily f : values()) {
      if (f.code == code) {
        return f;
      }
    }
    throw Checks.invalid("family", code, "2 (AF_INET) or 10 (AF_INET6)");
  }
}
