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
 * {@link #attributes(int)} decoders read that same private copy.
 */
public final class NetlinkMessage {
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

  /** {@code nlmsg_type}. */
  public int type() {
    return header.type();
  }

  /** {@code nlmsg_flags}. */
  public int flags() {
    return header.flags();
  }

  /** {@code nlmsg_seq}. */
  public int seq() {
    return header.seq();
  }

  /** {@code nlmsg_pid}. */
  public int pid() {
    return header.pid();
  }

  /** Whether all bits of {@code mask} are set in the flags. */
  public boolean hasFlags(int mask) {
    return header.hasFlags(mask);
  }

  /** Whether this is an {@link Netlink#NLMSG_ERROR} (an error or an acknowledgment). */
  public boolean isError() {
    return header.type() == Netlink.NLMSG_ERROR;
  }

  /** Whether this is an {@link Netlink#NLMSG_DONE}, the end of a multipart reply. */
  public boolean isDone() {
    return header.type() == Netlink.NLMSG_DONE;
  }

  /** Payload length in bytes. */
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

  /**
   * The generic-netlink header at the start of the payload.
   *
   * @throws MalformedMessageException if the payload is shorter than 4 bytes
   */
  public GenlMsgHdr genlHeader() {
    if (payload.length < GenlMsgHdr.SIZE) {
      throw new MalformedMessageException(
          "genlmsghdr: message type " + header.type() + " has a " + payload.length
              + "-byte payload (expected: at least " + GenlMsgHdr.SIZE + ")");
    }
    return GenlMsgHdr.read(view, 0);
  }

  /**
   * A decoder over the attributes that start {@code offset} bytes into the payload (e.g.
   * {@link Netlink#GENL_HDRLEN} for a generic-netlink message, 16 for an rtnetlink {@code ifinfomsg}). An offset
   * beyond the payload makes the decoder fail (sticky), not throw.
   */
  public AttributeDecoder attributes(int offset) {
    return AttributeDecoder.of(view, offset, payload.length - offset);
  }

  /** {@link #attributes(int)} after the genlmsghdr, for families with {@code hdrsize 0} such as IPVS. */
  public AttributeDecoder genlAttributes() {
    return attributes(Netlink.GENL_HDRLEN);
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
