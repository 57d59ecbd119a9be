package io.github.ipvs4j.netlink.codec;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Objects;

/**
 * A netlink message read in place from a receive buffer: {@link NetlinkMessages#forEachInPlace} moves one view from
 * message to message of a datagram, so splitting a dump chunk allocates nothing per message. A reader that splits
 * datagram after datagram (a connection receiving a batch's 100,000 acks one per {@code recv}) keeps one view and
 * hands it to {@link NetlinkMessages#forEachInPlace(ByteBuf, MessageView, NetlinkMessages.AckSink,
 * java.util.function.Consumer)} each time.
 *
 * <p>A view is valid only inside the callback that was handed it: afterwards it shows the next message, and once the
 * datagram is done the buffer is refilled. {@link #copy()} makes a {@link NetlinkMessage} to keep. Decoders that
 * build their own values while the callback runs (as the IPVS and rtnetlink decoders do) need no copy. Not
 * thread-safe.
 */
public final class MessageView implements ReceivedMessage {
  private static final byte[] NO_BYTES = {};

  private ByteBuf buf;
  private int start; // offset of the nlmsghdr in buf
  private int length; // nlmsg_len, checked by the splitter to lie within buf
  private byte[] scratch = NO_BYTES; // payloadEquals' copy of the payload, made on first use, grown to the longest

  /** A view of no message yet, for {@link NetlinkMessages#forEachInPlace} to move. */
  public MessageView() {}

  /** Shows the message of {@code length} bytes (header included) at {@code start} of {@code buf}. */
  MessageView at(ByteBuf buf, int start, int length) {
    this.buf = buf;
    this.start = start;
    this.length = length;
    return this;
  }

  @Override
  public int type() {
    return NativeOrder.getUnsignedShort(buf, start + NlMsgHdr.OFFSET_TYPE);
  }

  @Override
  public int flags() {
    return NativeOrder.getUnsignedShort(buf, start + NlMsgHdr.OFFSET_FLAGS);
  }

  @Override
  public int seq() {
    return NativeOrder.getInt(buf, start + NlMsgHdr.OFFSET_SEQ);
  }

  @Override
  public int pid() {
    return NativeOrder.getInt(buf, start + NlMsgHdr.OFFSET_PID);
  }

  @Override
  public int payloadLength() {
    return length - NlMsgHdr.SIZE;
  }

  @Override
  public int payloadUnsignedByte(int offset) {
    return buf.getUnsignedByte(payloadField(offset, 1));
  }

  @Override
  public int payloadUnsignedShort(int offset) {
    return NativeOrder.getUnsignedShort(buf, payloadField(offset, 2));
  }

  @Override
  public int payloadInt(int offset) {
    return NativeOrder.getInt(buf, payloadField(offset, 4));
  }

  /** The buffer index of a {@code size}-byte payload field; the message's end bounds it, not the buffer's. */
  private int payloadField(int offset, int size) {
    NlMsgHdr.checkPayloadField(offset, size, payloadLength());
    return start + NlMsgHdr.SIZE + offset;
  }

  @Override
  public void copyPayload(byte[] dst, int at) {
    buf.getBytes(start + NlMsgHdr.SIZE, dst, at, payloadLength());
  }

  @Override
  public boolean payloadEquals(byte[] bytes, int from, int to) {
    int n = payloadLength();
    Objects.checkFromToIndex(from, to, bytes.length);
    if (to - from != n) {
      return false;
    }
    // One bulk copy to the heap and one vectorised comparison: a fifth faster than reading the message eight bytes
    // at a time through the buffer's checked accessors (a dump's parts are compared one by one, a thousand a list).
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, Math.max(256, 2 * scratch.length))];
    }
    copyPayload(scratch, 0);
    return Arrays.equals(scratch, 0, n, bytes, from, to);
  }

  @Override
  public GenlMsgHdr genlHeader() {
    return GenlMsgHdr.readPayload(type(), buf, start + NlMsgHdr.SIZE, payloadLength());
  }

  @Override
  public AttributeDecoder attributes(int offset) {
    return AttributeDecoder.of(buf, start + NlMsgHdr.SIZE + offset, payloadLength() - offset);
  }

  /** A copy of the message, to keep after the callback returns. */
  public NetlinkMessage copy() {
    byte[] payload = new byte[payloadLength()];
    copyPayload(payload, 0);
    return NetlinkMessage.wrap(NlMsgHdr.read(buf, start), payload);
  }

  @Override
  public String toString() {
    return "MessageView{" + NlMsgHdr.read(buf, start) + ", payload=" + payloadLength() + " bytes}";
  }
}
