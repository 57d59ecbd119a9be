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
    /**
     * The kernel acknowledged the request with sequence number {@code seq}. A plain ack says nothing more: its
     * echoed header is the request's own, as sent.
     */
    void ack(int seq);
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
    forEachInPlace(in, acks, view -> sink.accept(view.copy()));
  }

  /**
   * Like {@link #forEach(ByteBuf, AckSink, Consumer)}, but without copies: {@code sink} gets one {@link MessageView}
   * moved from message to message of {@code in}, valid only during each call (see {@link MessageView}). What a dump
   * decoder needs: it builds its own values from the bytes at once.
   */
  public static void forEachInPlace(ByteBuf in, AckSink acks, Consumer<MessageView> sink) {
    forEachInPlace(in, new MessageView(), acks, sink);
  }

  /** {@link #forEachInPlace(ByteBuf, AckSink, Consumer)} moving the caller's {@code view} instead of a new one. */
  public static void forEachInPlace(ByteBuf in, MessageView view, AckSink acks, Consumer<MessageView> sink) {
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
      long len = Integer.toUnsignedLong(NativeOrder.getInt(in, pos + NlMsgHdr.OFFSET_LEN));
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
      view.at(in, pos, (int) len);
      if (acks != null && isPlainAck(view, in, pos)) {
        acks.ack(view.seq());
      } else {
        sink.accept(view);
      }
      pos += Math.min(Netlink.nlmsgAlign((int) len), left);
    }
  }

  /** An {@code NLMSG_ERROR} of error 0 whose {@code struct nlmsgerr} is whole and that carries no TLVs. */
  private static boolean isPlainAck(MessageView message, ByteBuf in, int pos) {
    return message.isError()
        && message.payloadLength() >= Netlink.NLMSGERR_SIZE
        && !message.hasFlags(Netlink.NLM_F_ACK_TLVS)
        && NativeOrder.getInt(in, pos + NlMsgHdr.SIZE) == 0;
  }
}
