package io.github.ipvs4j.netlink.codec;

import io.github.ipvs4j.MalformedMessageException;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a received datagram into netlink messages. One {@code recv} can return several messages (a multipart dump
 * chunk, or acks), each starting at the {@code NLMSG_ALIGN}ed end of the previous one:
 *
 * <pre>
 *  | nlmsghdr | payload ... | pad | nlmsghdr | payload ... | pad | ...
 *  |&lt;----- nlmsg_len ------&gt;|     |&lt;----- nlmsg_len ------&gt;|
 * </pre>
 *
 * <p>Every length is checked before use: a length shorter than the header or longer than the bytes left raises
 * {@link MalformedMessageException}, never an index error or a loop.
 *
 * <p>Buffers: the caller owns {@code in}; its indices are not changed and nothing keeps it after the call returns.
 */
public final class NetlinkMessages {
  private NetlinkMessages() {}

  /** What {@link #forEach(ByteBuf, AckSink, Consumer)} hands a plain acknowledgment to. */
  @FunctionalInterface
  public interface AckSink {
    /** The kernel acknowledged the request with sequence number {@code seq}; {@code status} is that ack. */
    void ack(int seq, NetlinkError status);
  }

  /** All messages in the readable bytes of {@code in}, in order. */
  public static List<NetlinkMessage> decodeAll(ByteBuf in) {
    List<NetlinkMessage> out = new ArrayList<>();
    forEach(in, null, out::add);
    return out;
  }

  /**
   * Hands each message in the readable bytes of {@code in} to {@code sink}, in order. Messages before a malformed one
   * are delivered before the exception is thrown.
   */
  public static void forEach(ByteBuf in, Consumer<NetlinkMessage> sink) {
    forEach(in, null, sink);
  }

  /**
   * Like {@link #forEach(ByteBuf, Consumer)}, but a plain acknowledgment (an {@code NLMSG_ERROR} with error 0 and no
   * TLVs) goes to {@code acks}, read in place: a batch of 100,000 requests gets 100,000 of them, and a copy of each
   * as a message would be thrown away at once. {@code acks} null: acks go to {@code sink} like the rest.
   */
  public static void forEach(ByteBuf in, AckSink acks, Consumer<NetlinkMessage> sink) {
    int base = in.readerIndex();
    int pos = base;
    int end = in.writerIndex();
    while (pos < end) {
      int left = end - pos;
      if (left < NlMsgHdr.SIZE) {
        throw new MalformedMessageException(
            "nlmsghdr: trailing " + left + " bytes at offset " + (pos - base) + " (expected: at least "
                + NlMsgHdr.SIZE + ")");
      }
      NlMsgHdr header = NlMsgHdr.read(in, pos);
      long len = Integer.toUnsignedLong(header.length());
      if (len < NlMsgHdr.SIZE) {
        throw new MalformedMessageException(
            "nlmsghdr: message at offset " + (pos - base) + " has nlmsg_len " + len + " (expected: at least "
                + NlMsgHdr.SIZE + ")");
      }
      if (len > left) {
        throw new MalformedMessageException(
            "nlmsghdr: message at offset " + (pos - base) + " has nlmsg_len " + len + ", beyond the " + left
                + " bytes left");
      }
      if (acks != null && isPlainAck(header, in, pos)) {
        acks.ack(
            header.seq(),
            NetlinkError.ack(NlMsgHdr.read(in, pos + NlMsgHdr.SIZE + 4), header.hasFlags(Netlink.NLM_F_CAPPED)));
        pos += Math.min(Netlink.nlmsgAlign((int) len), left);
        continue;
      }
      byte[] payload = new byte[(int) len - NlMsgHdr.SIZE];
      in.getBytes(pos + NlMsgHdr.SIZE, payload);
      sink.accept(NetlinkMessage.wrap(header, payload));
      pos += Math.min(Netlink.nlmsgAlign((int) len), left);
    }
  }

  /** An {@code NLMSG_ERROR} of error 0 whose {@code struct nlmsgerr} is whole and that carries no TLVs. */
  private static boolean isPlainAck(NlMsgHdr header, ByteBuf in, int pos) {
    return header.type() == Netlink.NLMSG_ERROR
        && header.length() >= NlMsgHdr.SIZE + Netlink.NLMSGERR_SIZE
        && !header.hasFlags(Netlink.NLM_F_ACK_TLVS)
        && NativeOrder.getInt(in, pos + NlMsgHdr.SIZE) == 0;
  }
}
