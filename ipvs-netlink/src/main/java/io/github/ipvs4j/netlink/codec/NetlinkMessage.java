package io.github.ipvs4j.netlink.codec;

import io.github.ipvs4j.MalformedMessageException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Objects;

/**
 * One received netlink message: its {@link NlMsgHdr} and a private copy of its payload (the bytes after the 16-byte
 * header, up to {@code nlmsg_len}; trailing padding excluded).
 *
 * <p>Immutable and safe to share between threads. It owns no reference-counted buffer, so nobody has to release it:
 * {@link #payload()} returns an unpooled read-only heap view that needs no release (releasing it is harmless), and
 * {@link #attributes(int)} decoders read that same private copy. {@link MessageView} is the in-place kind, for
 * decoders that need no copy.
 */
public final class NetlinkMessage implements ReceivedMessage {
  private final NlMsgHdr header;
  private final byte[] payload;
  private final ByteBuf view;

  private NetlinkMessage(NlMsgHdr header, byte[] payload) {
    this.header = header;
    this.payload = payload;
    this.view = Unpooled.wrappedBuffer(payload);
  }

  /** A message with {@code header} and a copy of {@code payload}; {@code header.length()} is kept as given. */
  public static NetlinkMessage of(NlMsgHdr header, byte[] payload) {
    Objects.requireNonNull(header, "header");
    return new NetlinkMessage(header, payload.clone());
  }

  /** Takes ownership of {@code payload} without copying (for the decoder). */
  static NetlinkMessage wrap(NlMsgHdr header, byte[] payload) {
    return new NetlinkMessage(header, payload);
  }

  /** The message header as received. */
  public NlMsgHdr header() {
    return header;
  }

  @Override
  public int type() {
    return header.type();
  }

  @Override
  public int flags() {
    return header.flags();
  }

  @Override
  public int seq() {
    return header.seq();
  }

  @Override
  public int pid() {
    return header.pid();
  }

  @Override
  public int payloadLength() {
    return payload.length;
  }

  /** A new read-only view of the payload (reader index 0); unpooled heap memory, no release needed. */
  public ByteBuf payload() {
    return Unpooled.wrappedBuffer(payload).asReadOnly();
  }

  /** A copy of the payload. */
  public byte[] copyPayload() {
    return payload.clone();
  }

  @Override
  public void copyPayload(byte[] dst, int at) {
    System.arraycopy(payload, 0, dst, at, payload.length);
  }

  @Override
  public boolean payloadEquals(byte[] bytes, int from, int to) {
    return Arrays.equals(payload, 0, payload.length, bytes, from, to);
  }

  @Override
  public int payloadUnsignedByte(int offset) {
    return view.getUnsignedByte(payloadField(offset, 1));
  }

  @Override
  public int payloadUnsignedShort(int offset) {
    return NativeOrder.getUnsignedShort(view, payloadField(offset, 2));
  }

  @Override
  public int payloadInt(int offset) {
    return NativeOrder.getInt(view, payloadField(offset, 4));
  }

  /** The index in {@link #view} of a {@code size}-byte payload field, checked to lie within the payload. */
  private int payloadField(int offset, int size) {
    NlMsgHdr.checkPayloadField(offset, size, payload.length);
    return offset;
  }

  @Override
  public GenlMsgHdr genlHeader() {
    return GenlMsgHdr.readPayload(header.type(), view, 0, payload.length);
  }

  @Override
  public AttributeDecoder attributes(int offset) {
    return AttributeDecoder.of(view, offset, payload.length - offset);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetlinkMessage m && header.equals(m.header) && Arrays.equals(payload, m.payload);
  }

  @Override
  public int hashCode() {
    return header.hashCode() * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "NetlinkMessage{" + header + ", payload=" + payload.length + " bytes}";
  }
}
