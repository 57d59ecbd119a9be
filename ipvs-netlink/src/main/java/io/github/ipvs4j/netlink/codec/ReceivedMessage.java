package io.github.ipvs4j.netlink.codec;

import io.github.ipvs4j.MalformedMessageException;

/**
 * A netlink message as a decoder reads it: the header fields, the generic-netlink header and the attributes. Two
 * kinds: {@link NetlinkMessage} owns a copy of its bytes and may be kept; {@link MessageView} reads a receive buffer
 * in place and is valid only inside the callback that was handed it. Decoders take this type, so one decoder serves
 * both.
 */
public sealed interface ReceivedMessage permits NetlinkMessage, MessageView {
  /** {@code nlmsg_type}. */
  int type();

  /** {@code nlmsg_flags}. */
  int flags();

  /** {@code nlmsg_seq}. */
  int seq();

  /** {@code nlmsg_pid}. */
  int pid();

  /** Payload length in bytes: {@code nlmsg_len} less the 16-byte header, padding excluded. */
  int payloadLength();

  /**
   * The unsigned byte at {@code offset} of the payload: a field of a family's fixed header, such as {@code
   * ifa_prefixlen} of rtnetlink's {@code struct ifaddrmsg}.
   *
   * @throws MalformedMessageException if the payload ends before it
   */
  int payloadUnsignedByte(int offset);

  /** The unsigned 16-bit host-order field at {@code offset} of the payload; see {@link #payloadUnsignedByte}. */
  int payloadUnsignedShort(int offset);

  /** The 32-bit host-order field at {@code offset} of the payload; see {@link #payloadUnsignedByte}. */
  int payloadInt(int offset);

  /**
   * Copies the payload ({@link #payloadLength()} bytes, padding excluded) into {@code dst} from {@code at}.
   *
   * @throws IndexOutOfBoundsException if it does not fit there
   */
  void copyPayload(byte[] dst, int at);

  /** Whether the payload is the bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code bytes}. */
  boolean payloadEquals(byte[] bytes, int from, int to);

  /**
   * The generic-netlink header at the start of the payload.
   *
   * @throws MalformedMessageException if the payload is shorter than 4 bytes
   */
  GenlMsgHdr genlHeader();

  /**
   * A decoder over the attributes that start {@code offset} bytes into the payload (e.g.
   * {@link Netlink#GENL_HDRLEN} for a generic-netlink message, 16 for an rtnetlink {@code ifinfomsg}). An offset
   * beyond the payload makes the decoder fail (sticky), not throw.
   */
  AttributeDecoder attributes(int offset);

  /** {@link #attributes(int)} after the genlmsghdr, for families with {@code hdrsize 0} such as IPVS. */
  default AttributeDecoder genlAttributes() {
    return attributes(Netlink.GENL_HDRLEN);
  }

  /** Whether all bits of {@code mask} are set in the flags. */
  default boolean hasFlags(int mask) {
    return (flags() & mask) == mask;
  }

  /** Whether this is an {@link Netlink#NLMSG_ERROR} (an error or an acknowledgment). */
  default boolean isError() {
    return type() == Netlink.NLMSG_ERROR;
  }

  /** Whether this is an {@link Netlink#NLMSG_DONE}, the end of a multipart reply. */
  default boolean isDone() {
    return type() == Netlink.NLMSG_DONE;
  }
}
