package io.github.ipvs4j.sysctl.internal.route;

import io.github.ipvs4j.MalformedMessageException;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.codec.NativeOrder;
import io.github.ipvs4j.netlink.codec.ReceivedMessage;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Objects;

/**
 * An {@code RTM_NEWROUTE}/{@code RTM_DELROUTE} message for a host route: {@code struct rtmsg}, {@code RTA_DST},
 * {@code RTA_OIF} and {@code RTA_TABLE} (what {@code route add -host VIP dev lo:0} makes).
 *
 * @param family {@code rtm_family}
 * @param dstLength {@code rtm_dst_len}
 * @param table the table ({@code RTA_TABLE}, else {@code rtm_table})
 * @param protocol {@code rtm_protocol}
 * @param scope {@code rtm_scope}
 * @param type {@code rtm_type}
 * @param destination {@code RTA_DST}, raw network bytes, or null
 * @param outputInterface {@code RTA_OIF}, 0 when absent
 */
public record RtMessage(
    int family, int dstLength, int table, int protocol, int scope, int type, byte[] destination,
    int outputInterface) {

  /** Copies the destination. */
  public RtMessage {
    destination = destination == null ? null : destination.clone();
  }

  /** Writes the payload: rtmsg, then RTA_DST, RTA_OIF and RTA_TABLE. */
  public void writePayload(ByteBuf out) {
    out.writeByte(family);
    out.writeByte(dstLength);
    out.writeByte(0); // rtm_src_len
    out.writeByte(0); // rtm_tos
    out.writeByte(table < 256 ? table : 252); // RT_TABLE_COMPAT when the table needs RTA_TABLE
    out.writeByte(protocol);
    out.writeByte(scope);
    out.writeByte(type);
    NativeOrder.writeInt(out, 0); // rtm_flags
    AttributeEncoder a = new AttributeEncoder(out);
    if (destination != null) {
      a.bytes(Rtnl.RTA_DST, destination);
    }
    if (outputInterface != 0) {
      a.u32(Rtnl.RTA_OIF, outputInterface);
    }
    a.u32(Rtnl.RTA_TABLE, table);
  }

  /**
   * Decodes an {@code RTM_NEWROUTE} message.
   *
   * @throws MalformedMessageException if it does not decode
   */
  public static RtMessage decode(ReceivedMessage m) {
    if (m.payloadLength() < Rtnl.RTMSG_SIZE) {
      throw new MalformedMessageException(
          "rtmsg: " + m.payloadLength() + "-byte payload (expected: at least " + Rtnl.RTMSG_SIZE + ")");
    }
    int family = m.payloadUnsignedByte(0);
    int dstLen = m.payloadUnsignedByte(1);
    int table = m.payloadUnsignedByte(4);
    int protocol = m.payloadUnsignedByte(5);
    int scope = m.payloadUnsignedByte(6);
    int type = m.payloadUnsignedByte(7);
    byte[] dst = null;
    int oif = 0;
    AttributeDecoder d = m.attributes(Rtnl.RTMSG_SIZE).names("rtmsg", t -> switch (t) {
      case Rtnl.RTA_DST -> "RTA_DST";
      case Rtnl.RTA_OIF -> "RTA_OIF";
      case Rtnl.RTA_TABLE -> "RTA_TABLE";
      default -> null;
    });
    while (d.next()) {
      switch (d.type()) {
        case Rtnl.RTA_DST -> dst = d.bytes();
        case Rtnl.RTA_OIF -> oif = d.u32();
        case Rtnl.RTA_TABLE -> table = d.u32();
        default -> { }
      }
    }
    d.finish();
    return new RtMessage(family, dstLen, table, protocol, scope, type, dst, oif);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RtMessage x && family == x.family && dstLength == x.dstLength && table == x.table
        && protocol == x.protocol && scope == x.scope && type == x.type
        && Arrays.equals(destination, x.destination) && outputInterface == x.outputInterface;
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, dstLength, table, protocol, scope, type, Arrays.hashCode(destination),
        outputInterface);
  }

  @Override
  public String toString() {
    return "RtMessage{family=" + family + ", dst=" + Arrays.toString(destination) + "/" + dstLength + ", table="
        + table + ", oif=" + outputInterface + "}";
  }
}
