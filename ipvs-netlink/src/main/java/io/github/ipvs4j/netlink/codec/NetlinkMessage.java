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
  public int payloadUnsignedByte(int offset) {
    NlMsgHdr.checkPayloadField(offset, 1, payload.length);
    return payload[offset] & 0xFF;
  }

  @Override
  public int payloadUnsignedShort(int offset) {
    NlMsgHdr.checkPayloadField(offset, 2, payload.length);
    return NativeOrder.getUnsignedShort(view, offset);
  }

  @Override
  public int payloadInt(int offset) {
    NlMsgHdr.checkPayloadField(offset, 4, payload.length);
    return NativeOrder.getInt(view, offset);
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
