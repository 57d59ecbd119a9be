package io.github.ipvs4j.netlink.codec;

import io.github.ipvs4j.MalformedMessageException;
import io.netty.buffer.ByteBuf;

/**
 * {@code struct nlmsghdr} (netlink.h): the 16-byte header in front of every netlink message, all fields in host order.
 *
 * <pre>
 *  0               4       6       8               12              16
 *  +---------------+-------+-------+---------------+---------------+
 *  | nlmsg_len u32 | type  | flags | nlmsg_seq u32 | nlmsg_pid u32 |
 *  +---------------+-------+-------+---------------+---------------+
 * </pre>
 *
 * @param length {@code nlmsg_len}: length of the message including this header (unsigned, kept as int)
 * @param type {@code nlmsg_type}: 0-65535; a reserved {@code NLMSG_*} type or a family id
 * @param flags {@code nlmsg_flags}: 0-65535, {@code NLM_F_*} bits
 * @param seq {@code nlmsg_seq}: sequence number (any 32 bits)
 * @param pid {@code nlmsg_pid}: sending port id (0 for the kernel)
 */
public record NlMsgHdr(int length, int type, int flags, int seq, int pid) {
  /** {@code sizeof(struct nlmsghdr)}: 16. */
  public static final int SIZE = 16;
  /** Offset of {@code __u32 nlmsg_len}. */
  public static final int OFFSET_LEN = 0;
  /** Offset of {@code __u16 nlmsg_type}. */
  public static final int OFFSET_TYPE = 4;
  /** Offset of {@code __u16 nlmsg_flags}. */
  public static final int OFFSET_FLAGS = 6;
  /** Offset of {@code __u32 nlmsg_seq}. */
  public static final int OFFSET_SEQ = 8;
  /** Offset of {@code __u32 nlmsg_pid}. */
  public static final int OFFSET_PID = 12;

  /** Checks that type and flags fit 16 bits. */
  public NlMsgHdr {
    if ((type & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("type: " + type + " (expected: 0-65535)");
    }
    if ((flags & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("flags: " + flags + " (expected: 0-65535)");
    }
  }

  /**
   * Reads the header at {@code index} without checking {@code nlmsg_len} against anything; indices unchanged.
   *
   * @throws MalformedMessageException if fewer than 16 bytes are readable from {@code index} to the writer index
   */
  public static NlMsgHdr read(ByteBuf buf, int index) {
    if (index < 0 || buf.writerIndex() - index < SIZE) {
      throw new MalformedMessageException(
          "nlmsghdr: " + Math.max(0, buf.writerIndex() - index) + " bytes (expected: at least " + SIZE + ")");
    }
    return new NlMsgHdr(
        NativeOrder.getInt(buf, index + OFFSET_LEN),
        NativeOrder.getUnsignedShort(buf, index + OFFSET_TYPE),
        NativeOrder.getUnsignedShort(buf, index + OFFSET_FLAGS),
        NativeOrder.getInt(buf, index + OFFSET_SEQ),
        NativeOrder.getInt(buf, index + OFFSET_PID));
  }

  /** Appends this header (16 bytes) in host order; the writer index moves by 16. */
  public void write(ByteBuf out) {
    write(out, length, type, flags, seq, pid);
  }

  /**
   * Appends a header of these fields (16 bytes, host order) without making a record of them: for the send path,
   * which writes one per request. {@code type} and {@code flags} must already fit 16 bits.
   */
  static void write(ByteBuf out, int length, int type, int flags, int seq, int pid) {
    NativeOrder.writeInts(out, length, NativeOrder.shortsAsInt(type, flags));
    NativeOrder.writeInts(out, seq, pid);
  }

  /**
   * Checks that a {@code size}-byte field at {@code offset} lies within a payload of {@code payloadLength} bytes.
   *
   * @throws MalformedMessageException if it does not
   */
  static void checkPayloadField(int offset, int size, int payloadLength) {
    if (offset < 0 || offset > payloadLength - size) {
      throw new MalformedMessageException("a " + size + "-byte field at payload offset " + offset
          + " (expected: within the " + payloadLength + "-byte payload)");
    }
  }

  /** Whether all of {@code mask}'s bits are set in {@link #flags()}. */
  public boolean hasFlags(int mask) {
    return (flags & mask) == mask;
  }

  @Override
  public String toString() {
    return "nlmsghdr{len="
        + Integer.toUnsignedString(length)
        + ", type="
        + type
        + ", flags=0x"
        + Integer.toHexString(flags)
        + ", seq="
        + Integer.toUnsignedString(seq)
        + ", pid="
        + Integer.toUnsignedString(pid)
        + "}";
  }
}
