package io.github.ipvs4j.sysctl.internal.route;

import io.github.ipvs4j.Addresses;
import io.github.ipvs4j.MalformedMessageException;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.codec.NativeOrder;
import io.github.ipvs4j.netlink.codec.ReceivedMessage;
import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * An {@code RTM_NEWADDR}/{@code RTM_DELADDR} message: {@code struct ifaddrmsg} and the attributes VIP aliases use.
 *
 * @param family {@code ifa_family}: {@link Rtnl#AF_INET} or {@link Rtnl#AF_INET6}
 * @param prefixLength {@code ifa_prefixlen}
 * @param flags the address flags: {@code IFA_FLAGS} when present, else {@code ifa_flags}
 * @param scope {@code ifa_scope}
 * @param index {@code ifa_index}: the interface index
 * @param address {@code IFA_ADDRESS}, raw network bytes, or null (not copied: an internal type, nobody changes it)
 * @param local {@code IFA_LOCAL}, raw network bytes, or null (not copied either)
 * @param label {@code IFA_LABEL}, or empty
 */
public record IfAddrMessage(
    int family, int prefixLength, int flags, int scope, int index, byte[] address, byte[] local,
    Optional<String> label) {

  /** Checks ranges. */
  public IfAddrMessage {
    if ((family & ~0xFF) != 0 || (prefixLength & ~0xFF) != 0 || (scope & ~0xFF) != 0) {
      throw new IllegalArgumentException("family, prefixlen and scope are u8");
    }
    Objects.requireNonNull(label, "label");
  }

  /**
   * The address that identifies the entry: {@code IFA_LOCAL} if present (IPv4), else {@code IFA_ADDRESS}; empty if
   * there is neither, or the family is neither IPv4 nor IPv6.
   */
  public Optional<InetAddress> key() {
    return Optional.ofNullable(key(family, address, local));
  }

  /** {@link #key()} of these fields, or null. */
  public static InetAddress key(int family, byte[] address, byte[] local) {
    byte[] key = local != null ? local : address;
    if (key == null || (family != Rtnl.AF_INET && family != Rtnl.AF_INET6)) {
      return null;
    }
    return Addresses.fromBytes(key); // the decoder checked the length against the family
  }

  /** Writes the payload: ifaddrmsg then the attributes (IFA_FLAGS only when a flag needs more than 8 bits or any is set). */
  public void writePayload(ByteBuf out) {
    out.writeByte(family);
    out.writeByte(prefixLength);
    out.writeByte(flags & 0xFF);
    out.writeByte(scope);
    NativeOrder.writeInt(out, index);
    AttributeEncoder a = new AttributeEncoder(out);
    if (local != null) {
      a.bytes(Rtnl.IFA_LOCAL, local);
    }
    if (address != null) {
      a.bytes(Rtnl.IFA_ADDRESS, address);
    }
    label.ifPresent(l -> a.string(Rtnl.IFA_LABEL, l));
    if (flags != 0) {
      a.u32(Rtnl.IFA_FLAGS, flags);
    }
  }

  /** The fields of a decoded message, for a caller that builds its own value from them rather than the record. */
  @FunctionalInterface
  public interface Fields<T> {
    /** The record's fields; {@code address}, {@code local} and {@code label} are null when absent. */
    T of(int family, int prefixLength, int flags, int scope, int index, byte[] address, byte[] local, String label);
  }

  /**
   * Decodes an {@code RTM_NEWADDR} message (from a dump or a notification).
   *
   * @throws MalformedMessageException if it does not decode
   */
  public static IfAddrMessage decode(ReceivedMessage m) {
    return decode(
        m,
        index -> null,
        (family, prefix, flags, scope, index, address, local, label) ->
            new IfAddrMessage(family, prefix, flags, scope, index, address, local, Optional.ofNullable(label)));
  }

  /**
   * Decodes an {@code RTM_NEWADDR} message straight into {@code result}'s value, without the record and its
   * optionals in between (a list of a thousand addresses builds a thousand values). {@code likelyLabel} gives, by
   * interface index, the label to expect, usually the device's name: when the label is that, the same string is
   * used rather than a new one.
   *
   * @throws MalformedMessageException if it does not decode
   */
  public static <T> T decode(ReceivedMessage m, IntFunction<String> likelyLabel, Fields<T> result) {
    if (m.payloadLength() < Rtnl.IFADDRMSG_SIZE) {
      throw new MalformedMessageException(
          "ifaddrmsg: " + m.payloadLength() + "-byte payload (expected: at least " + Rtnl.IFADDRMSG_SIZE + ")");
    }
    int family = m.payloadUnsignedByte(0);
    int prefix = m.payloadUnsignedByte(1);
    int flags = m.payloadUnsignedByte(2);
    int scope = m.payloadUnsignedByte(3);
    int index = m.payloadInt(4);
    byte[] address = null;
    byte[] local = null;
    String label = null;
    int addrLen = family == Rtnl.AF_INET ? 4 : family == Rtnl.AF_INET6 ? 16 : -1;
    AttributeDecoder d = m.attributes(Rtnl.IFADDRMSG_SIZE).names("ifaddrmsg", Rtnl::ifaName);
    while (d.next()) {
      switch (d.type()) {
        case Rtnl.IFA_ADDRESS -> address = address(d, addrLen);
        case Rtnl.IFA_LOCAL -> local = address(d, addrLen);
        case Rtnl.IFA_LABEL -> label = d.string(likelyLabel.apply(index));
        case Rtnl.IFA_FLAGS -> flags = d.u32();
        default -> { } // unknown attributes are skipped
      }
    }
    d.finish();
    return result.of(family, prefix, flags, scope, index, address, local, label);
  }

  /** The current attribute's address bytes, which must be {@code addrLen} long when that is known (not -1). */
  private static byte[] address(AttributeDecoder d, int addrLen) {
    byte[] a = d.bytes();
    if (addrLen > 0 && a.length != addrLen) {
      d.fail("is not a " + addrLen + "-byte address; length " + a.length);
    }
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IfAddrMessage x
        && family == x.family && prefixLength == x.prefixLength && flags == x.flags && scope == x.scope
        && index == x.index && Arrays.equals(address, x.address) && Arrays.equals(local, x.local)
        && label.equals(x.label);
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, prefixLength, flags, scope, index, Arrays.hashCode(address), Arrays.hashCode(local),
        label);
  }

  @Override
  public String toString() {
    return "IfAddrMessage{family=" + family + ", prefix=" + prefixLength + ", flags=0x" + Integer.toHexString(flags)
        + ", scope=" + scope + ", index=" + index + ", address=" + Arrays.toString(address) + ", local="
        + Arrays.toString(local) + ", label=" + label.orElse("-") + "}";
  }
}
