package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import java.net.InetAddress;
import java.util.Arrays;

/** Addresses as IPVS carries them: {@code union nf_inet_addr}, 16 bytes, IPv4 in the first 4. */
final class Addresses {
  private Addresses() {}

  /** Writes {@code address} as attribute {@code type}: the 16 bytes of {@code union nf_inet_addr}, IPv4 zero-padded. */
  static void encode(int type, InetAddress address, AttributeEncoder e) {
    e.bytes(type, address.getAddress(), IpvsUapi.INET_ADDR_SIZE);
  }

  /**
   * The address of {@code family} at the start of {@code raw} (a kernel sends 16 bytes; 4 are enough for IPv4), or
   * null if {@code raw} is too short.
   */
  static InetAddress fromInetAddr(byte[] raw, AddressFamily family) {
    int len = family.addressLength();
    if (raw.length < len) {
      return null;
    }
    // the model's own plain addresses, which its constructors then take as they are
    return io.github.ipvs4j.Addresses.fromBytes(raw.length == len ? raw : Arrays.copyOf(raw, len));
  }
}
