package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;
import io.github.ipvs4j.internal.InetAddresses;

/**
 * The persistence granularity of a service ({@code IPVS_SVC_ATTR_NETMASK}, {@code ipvsadm -M}): clients whose
 * addresses agree under the mask share one persistence template and so one destination.
 *
 * <p>One attribute, two meanings, hence two types: for IPv4 services a 32-bit mask ({@link V4}), for IPv6 services a
 * prefix length ({@link V6}).
 */
public sealed interface Netmask permits Netmask.V4, Netmask.V6 {

  /** The family this netmask belongs to. */
  AddressFamily family();

  /** Whether this is the family's default, a host mask: 255.255.255.255 or /128. */
  boolean isHost();

  /**
   * An IPv4 netmask: any 32-bit value. The kernel ANDs it with the client address and checks nothing, so non-contiguous
   * masks such as {@code 255.0.255.0} are kept as given; {@link #prefixLength()} tells whether it is a prefix.
   *
   * @param mask the mask, most significant byte first: {@code 0xFFFFFF00} is 255.255.255.0
   */
  record V4(int mask) implements Netmask {
    @Override
    public AddressFamily family() {
      return AddressFamily.INET;
    }

    @Override
    public boolean isHost() {
      return mask == -1;
    }

    /** The prefix length 0-32 if the mask is contiguous ones then zeros; -1 otherwise. */
    public int prefixLength() {
      int ones = Integer.bitCount(mask);
      int expected = ones == 0 ? 0 : -1 << (32 - ones);
      return mask == expected ? ones : -1;
    }

    /** The mask as network-order bytes. */
    public byte[] toBytes() {
      return new byte[] {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
    }

    /** Dotted decimal, such as {@code 255.255.255.0}. */
    @Override
    public String toString() {
      return InetAddresses.format(InetAddresses.fromBytes("netmask", toBytes()));
    }
  }

  /**
   * An IPv6 "netmask": a prefix length.
   *
   * @param prefixLength 1-128 (the kernel refuses others with EINVAL)
   */
  record V6(int prefixLength) implements Netmask {
    /** Checks the prefix length. */
    public V6 {
      Checks.range("netmask", prefixLength, 1, 128);
    }

    @Override
    public AddressFamily family() {
      return AddressFamily.INET6;
    }

    @Override
    public boolean isHost() {
      return prefixLength == 128;
    }

    /** The prefix length in decimal, as ipvsadm prints it. */
    @Override
    public String toString() {
      return Integer.toString(prefixLength);
    }
  }

  /** An IPv4 mask from dotted decimal, such as {@code ipv4("255.255.255.0")}. */
  static V4 ipv4(String dotted) {
    byte[] b = InetAddresses.parseIpv4(Checks.notNull("netmask", dotted));
    if (b == null) {
      throw Checks.invalid("netmask", Checks.quote(dotted), "an IPv4 mask in dotted decimal such as 255.255.255.0");
    }
    return new V4(InetAddresses.ipv4Value(b));
  }

  /** An IPv4 mask of {@code prefixLength} leading ones, 0-32: {@code ipv4Prefix(24)} is 255.255.255.0. */
  static V4 ipv4Prefix(int prefixLength) {
    Checks.range("netmask", prefixLength, 0, 32);
    return new V4(prefixLength == 0 ? 0 : -1 << (32 - prefixLength));
  }

  /** An IPv6 prefix length, 1-128. */
  static V6 ipv6(int prefixLength) {
    return new V6(prefixLength);
  }

  /** The host mask of {@code family}: 255.255.255.255 or /128. */
  static Netmask host(AddressFamily family) {
    return Checks.notNull("family", family) == AddressFamily.INET ? new V4(-1) : new V6(128);
  }
}
