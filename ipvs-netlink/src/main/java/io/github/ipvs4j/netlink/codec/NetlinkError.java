package io.github.ipvs4j.netlink.codec;

import io.github.ipvs4j.MalformedMessageException;
import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A decoded {@code NLMSG_ERROR} ({@code struct nlmsgerr}) or {@code NLMSG_DONE} status: the kernel's error code (0 for
 * an acknowledgment), the header of the request it answers, and the extended-ack TLVs.
 *
 * <pre>
 *  NLMSG_ERROR payload:
 *  +-----------+---------------------------+----------------------------+-----+---------------------+
 *  | error s32 | original nlmsghdr (16)    | original payload           | pad | NLMSGERR_ATTR_* TLVs |
 *  +-----------+---------------------------+----------------------------+-----+---------------------+
 *               \__ NLM_F_CAPPED: only the header is echoed __/          present with NLM_F_ACK_TLVS
 *  NLMSG_DONE payload:  | error s32 | NLMSGERR_ATTR_* TLVs (with NLM_F_ACK_TLVS) |
 * </pre>
 *
 * <p>With {@code NETLINK_CAP_ACK} on, the kernel echoes only the request header ({@link #capped()}); acks (error 0)
 * are always capped. With {@code NETLINK_EXT_ACK} on, it may add a message ({@code NLMSGERR_ATTR_MSG}), the offset
 * of the rejected attribute in the request ({@code NLMSGERR_ATTR_OFFS}) and the missing attribute
 * ({@code NLMSGERR_ATTR_MISS_TYPE}/{@code MISS_NEST}). Unknown TLVs are skipped.
 *
 * @param error the kernel's code: 0 for success, otherwise a negative errno
 * @param request the echoed request header (absent in {@code NLMSG_DONE})
 * @param capped whether {@code NLM_F_CAPPED} was set (only the request header was echoed)
 * @param message {@code NLMSGERR_ATTR_MSG}, the extended-ack text
 * @param offset {@code NLMSGERR_ATTR_OFFS}, byte offset of the offending attribute in the request
 * @param missingType {@code NLMSGERR_ATTR_MISS_TYPE}
 * @param missingNest {@code NLMSGERR_ATTR_MISS_NEST}
 */
public record NetlinkError(
    int error,
    Optional<NlMsgHdr> request,
    boolean capped,
    Optional<String> message,
    OptionalInt offset,
    OptionalInt missingType,
    OptionalInt missingNest) {

  /** Checks for nulls. */
  public NetlinkError {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(missingType, "missingType");
    Objects.requireNonNull(missingNest, "missingNest");
  }

  /** Whether this is an acknowledgment (error 0). */
  public boolean isAck() {
    return error == 0;
  }

  /** The positive errno, or 0 for an acknowledgment. */
  public int errno() {
    return error == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs(error);
  }

  /**
   * A plain acknowledgment of {@code request} (error 0, no TLVs), as the kernel sends one per acked request. {@code
   * capped}: only the request's header was echoed.
   */
  public static NetlinkError ack(NlMsgHdr request, boolean capped) {
    return new NetlinkError(
        0,
        Optional.of(request),
        capped,
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  /**
   * Decodes an {@code NLMSG_ERROR} message.
   *
   * @throws IllegalArgumentException if {@code msg} is not an {@code NLMSG_ERROR}
   * @throws MalformedMessageException if it is truncated or its TLVs are malformed
   */
  public static NetlinkError decode(NetlinkMessage msg) {
    if (msg.type() != Netlink.NLMSG_ERROR) {
      throw new IllegalArgumentException("type: " + msg.type() + " (expected: NLMSG_ERROR " + Netlink.NLMSG_ERROR + ")");
    }
    ByteBuf p = msg.payload();
    int len = p.readableBytes();
    if (len < Netlink.NLMSGERR_SIZE) {
      throw new MalformedMessageException(
          "nlmsgerr: " + len + " bytes (expected: at least " + Netlink.NLMSGERR_SIZE + ")");
    }
    int error = NativeOrder.getInt(p, 0);
    NlMsgHdr request = NlMsgHdr.read(p, 4);
    boolean capped = msg.hasFlags(Netlink.NLM_F_CAPPED);
    int tlvs;
    if (capped) {
      tlvs = Netlink.NLMSGERR_SIZE;
    } else {
      long echoed = Integer.toUnsignedLong(request.length());
      if (echoed < NlMsgHdr.SIZE || echoed > len - 4) {
        throw new MalformedMessageException(
            "nlmsgerr: echoed request has nlmsg_len " + echoed + " (expected: " + NlMsgHdr.SIZE + "-" + (len - 4)
                + ")");
      }
      tlvs = (int) Math.min(4L + Netlink.nlmsgAlign((int) echoed), len);
    }
    return withTlvs(msg, p, error, Optional.of(request), capped, tlvs);
  }

  /**
   * Decodes the status in an {@code NLMSG_DONE} message: its {@code int error} (0 when the payload is empty) and, with
   * {@code NLM_F_ACK_TLVS}, the TLVs after it.
   *
   * @throws IllegalArgumentException if {@code msg} is not an {@code NLMSG_DONE}
   * @throws MalformedMessageException if it is malformed
   */
  public static NetlinkError decodeDone(NetlinkMessage msg) {
    if (msg.type() != Netlink.NLMSG_DONE) {
      throw new IllegalArgumentException("type: " + msg.type() + " (expected: NLMSG_DONE " + Netlink.NLMSG_DONE + ")");
    }
    ByteBuf p = msg.payload();
    int len = p.readableBytes();
    if (len == 0) {
      return new NetlinkError(
          0, Optional.empty(), false, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
    }
    if (len < 4) {
      throw new MalformedMessageException("NLMSG_DONE: " + len + "-byte payload (expected: 0 or at least 4)");
    }
    return withTlvs(msg, p, NativeOrder.getInt(p, 0), Optional.empty(), false, 4);
  }

  private static NetlinkError withTlvs(
      NetlinkMessage msg, ByteBuf p, int error, Optional<NlMsgHdr> request, boolean capped, int tlvOffset) {
    if (error > 0) {
      throw new MalformedMessageException("nlmsgerr: error " + error + " (expected: 0 or a negative errno)");
    }
    String[] text = {null};
    int[] ints = {-1, -1, -1};
    boolean[] has = new boolean[3];
    if (msg.hasFlags(Netlink.NLM_F_ACK_TLVS) && tlvOffset < p.readableBytes()) {
      AttributeDecoder d =
          AttributeDecoder.of(p, tlvOffset, p.readableBytes() - tlvOffset).names("extended ack", NetlinkError::tlvName);
      while (d.next()) {
        switch (d.type()) {
          case Netlink.NLMSGERR_ATTR_MSG -> text[0] = d.string();
          case Netlink.NLMSGERR_ATTR_OFFS -> {
            ints[0] = d.u32();
            has[0] = true;
          }
          case Netlink.NLMSGERR_ATTR_MISS_TYPE -> {
            ints[1] = d.u32();
            has[1] = true;
          }
          case Netlink.NLMSGERR_ATTR_MISS_NEST -> {
            ints[2] = d.u32();
            has[2] = true;
          }
          default -> {} // COOKIE, POLICY and anything newer: skipped
        }
      }
      d.finish();
    }
    return new NetlinkError(
        error,
        request,
        capped,
        Optional.ofNullable(text[0]),
        has[0] ? OptionalInt.of(ints[0]) : OptionalInt.empty(),
        has[1] ? OptionalInt.of(ints[1]) : OptionalInt.empty(),
        has[2] ? OptionalInt.of(ints[2]) : OptionalInt.empty());
  }

  /** The C name of an {@code NLMSGERR_ATTR_*} type, or null. */
  public static String tlvName(int type) {
    return switch (type) {
      case Netlink.NLMSGERR_ATTR_MSG -> "NLMSGERR_ATTR_MSG";
      case Netlink.NLMSGERR_ATTR_OFFS -> "NLMSGERR_ATTR_OFFS";
      case Netlink.NLMSGERR_ATTR_COOKIE -> "NLMSGERR_ATTR_COOKIE";
      case Netlink.NLMSGERR_ATTR_POLICY -> "NLMSGERR_ATTR_POLICY";
      case Netlink.NLMSGERR_ATTR_MISS_TYPE -> "NLMSGERR_ATTR_MISS_TYPE";
      case Netlink.NLMSGERR_ATTR_MISS_NEST -> "NLMSGERR_ATTR_MISS_NEST";
      default -> null;
    };
  }
}
