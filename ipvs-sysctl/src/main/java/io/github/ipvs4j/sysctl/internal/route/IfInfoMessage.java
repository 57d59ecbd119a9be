package io.github.ipvs4j.sysctl.internal.route;

import io.github.ipvs4j.MalformedMessageException;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.codec.NativeOrder;
import io.github.ipvs4j.netlink.codec.ReceivedMessage;
import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code RTM_NEWLINK}/{@code RTM_DELLINK}/{@code RTM_SETLINK} message: {@code struct ifinfomsg} with the name and
 * the link kind ({@code IFLA_LINKINFO > IFLA_INFO_KIND}).
 *
 * @param family {@code ifi_family} (usually {@link Rtnl#AF_UNSPEC})
 * @param type {@code ifi_type}: ARPHRD_* (u16)
 * @param index {@code ifi_index}, 0 when creating
 * @param flags {@code ifi_flags}, e.g. {@link Rtnl#IFF_UP}
 * @param change {@code ifi_change}: which flags to change (requests)
 * @param name {@code IFLA_IFNAME}, or empty
 * @param kind {@code IFLA_LINKINFO > IFLA_INFO_KIND}, or empty
 */
public record IfInfoMessage(
    int family, int type, int index, int flags, int change, Optional<String> name, Optional<String> kind) {

  /** Checks ranges and nulls. */
  public IfInfoMessage {
    if ((family & ~0xFF) != 0 || (type & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("family is u8 and type u16");
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** Whether {@link Rtnl#IFF_UP} is set. */
  public boolean isUp() {
    return (flags & Rtnl.IFF_UP) != 0;
  }

  /** Writes the payload: ifinfomsg, then IFLA_IFNAME and IFLA_LINKINFO when present. */
  public void writePayload(ByteBuf out) {
    out.writeByte(family);
    out.writeByte(0);
    NativeOrder.writeShort(out, type);
    NativeOrder.writeInt(out, index);
    NativeOrder.writeInt(out, flags);
    NativeOrder.writeInt(out, change);
    AttributeEncoder a = new AttributeEncoder(out);
    name.ifPresent(n -> a.string(Rtnl.IFLA_IFNAME, n));
    kind.ifPresent(k -> a.nested(Rtnl.IFLA_LINKINFO, li -> li.string(Rtnl.IFLA_INFO_KIND, k)));
  }

  /**
   * Decodes an {@code RTM_NEWLINK} message.
   *
   * @throws MalformedMessageException if it does not decode
   */
  public static IfInfoMessage decode(ReceivedMessage m) {
    if (m.payloadLength() < Rtnl.IFINFOMSG_SIZE) {
      throw new MalformedMessageException(
          "ifinfomsg: " + m.payloadLength() + "-byte payload (expected: at least " + Rtnl.IFINFOMSG_SIZE + ")");
    }
    int family = m.payloadUnsignedByte(0);
    int type = m.payloadUnsignedShort(2);
    int index = m.payloadInt(4);
    int flags = m.payloadInt(8);
    int change = m.payloadInt(12);
    String[] name = {null};
    String[] kind = {null};
    AttributeDecoder d = m.attributes(Rtnl.IFINFOMSG_SIZE).names("ifinfomsg", Rtnl::iflaName);
    while (d.next()) {
      switch (d.type()) {
        case Rtnl.IFLA_IFNAME -> name[0] = d.string();
        case Rtnl.IFLA_LINKINFO -> d.nested(t -> t == Rtnl.IFLA_INFO_KIND ? "IFLA_INFO_KIND" : null, li -> {
          while (li.next()) {
            if (li.type() == Rtnl.IFLA_INFO_KIND) {
              kind[0] = li.string();
            }
          }
        });
        default -> { } // unknown attributes are skipped
      }
    }
    d.finish();
    return new IfInfoMessage(family, type, index, flags, change, Optional.ofNullable(name[0]),
        Optional.ofNullable(kind[0]));
  }
}
