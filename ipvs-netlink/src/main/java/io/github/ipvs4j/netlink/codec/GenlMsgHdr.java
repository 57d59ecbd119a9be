package io.github.ipvs4j.netlink.codec;

import io.github.ipvs4j.MalformedMessageException;
import io.netty.buffer.ByteBuf;

/**
 * {@code struct genlmsghdr} (genetlink.h): the 4-byte generic-netlink header after the nlmsghdr.
 *
 * <pre>
 *  0     1         2              4
 *  +-----+---------+--------------+
 *  | cmd | version | reserved u16 |
 *  +-----+---------+--------------+
 * </pre>
 *
 * @param cmd command, 0-255 (for IPVS: {@code IPVS_CMD_*})
 * @param version family version, 0-255 (IPVS: {@code IPVS_GENL_VERSION 1})
 * @param reserved 0-65535, sent as 0
 */
public record GenlMsgHdr(int cmd, int version, int reserved) {
  /** {@code sizeof(struct genlmsghdr)}: 4. */
  public static final int SIZE = 4;

  /** Checks the ranges. */
  public GenlMsgHdr {
    if ((cmd & ~0xFF) != 0) {
      throw new IllegalArgumentException("cmd: " + cmd + " (expected: 0-255)");
    }
    if ((version & ~0xFF) != 0) {
      throw new IllegalArgumentException("version: " + version + " (expected: 0-255)");
    }
    if ((reserved & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("reserved: " + reserved + " (expected: 0-65535)");
    }
  }

  /** A header with {@code reserved == 0}. */
  public static GenlMsgHdr of(int cmd, int version) {
    return new GenlMsgHdr(cmd, version, 0);
  }

  /**
   * Reads the header at {@code index}; indices unchanged.
   *
   * @throws MalformedMessageException if fewer than 4 bytes are readable there
   */
  public static GenlMsgHdr read(ByteBuf buf, int index) {
    if (index < 0 || buf.writerIndex() - index < SIZE) {
      throw new MalformedMessageException(
          "genlmsghdr: " + Math.max(0, buf.writerIndex() - index) + " bytes (expected: at least " + SIZE + ")");
    }
    return new GenlMsgHdr(
        buf.getUnsignedByte(index), buf.getUnsignedByte(index + 1), NativeOrder.getUnsignedShort(buf, index + 2));
  }

  /**
   * The header at the start of a payload of {@code payloadLength} bytes at {@code payloadStart} of {@code buf}, in a
   * message of type {@code messageType} (named in the error).
   *
   * @throws MalformedMessageException if the payload is shorter than 4 bytes
   */
  static GenlMsgHdr readPayload(int messageType, ByteBuf buf, int payloadStart, int payloadLength) {
    if (payloadLength < SIZE) {
      throw new MalformedMessageException(
          "genlmsghdr: message type " + messageType + " has a " + payloadLength + "-byte payload (expected: at least "
              + SIZE + ")");
    }
    return read(buf, payloadStart);
  }

  /** Appends this header (4 bytes); the writer index moves by 4. */
  public void write(ByteBuf out) {
    out.writeByte(cmd);
    out.writeByte(version);
    NativeOrder.writeShort(out, reserved);
  }

  /**
   * Appends {@code {cmd, version, 0}} (4 bytes) without making a record of it, for requests written in a hot loop.
   *
   * @throws IllegalArgumentException if {@code cmd} or {@code version} is outside 0-255
   */
  public static void write(ByteBuf out, int cmd, int version) {
    if ((cmd & ~0xFF) != 0 || (version & ~0xFF) != 0) {
      throw new IllegalArgumentException("genlmsghdr: cmd " + cmd + ", version " + version + " (expected: 0-255 each)");
    }
    NativeOrder.writeInt(out, NativeOrder.bytesAsInt(cmd, version, 0, 0)); // reserved: 0
  }
}
