package io.github.ipvs4j.netlink.codec;

import io.netty.buffer.ByteBuf;
import java.nio.ByteOrder;

/**
 * Reads and writes integers in the host's native byte order, the order of every netlink header field and of most
 * netlink attribute payloads.
 *
 * <p>Netlink is <em>native</em>-endian, not little-endian: it is little-endian on x86 and arm64 only because those hosts
 * are. Netty deprecated {@code ByteBuf.order(ByteOrder)}, so this helper picks {@code getIntLE} or {@code getInt} once,
 * from {@link ByteOrder#nativeOrder()}.
 *
 * <p>Example on a little-endian host: {@code writeShort(buf, 0x0102)} appends the bytes {@code 02 01}; on a big-endian
 * host it appends {@code 01 02}. Network-order (big-endian) fields such as ports use netty's plain
 * {@code writeShort}/{@code getShort} instead.
 *
 * <p>Every method works on the given buffer only; none keeps a reference to it.
 */
public final class NativeOrder {
  /** True when the host is little-endian (x86, arm64, most others). */
  public static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private NativeOrder() {}

  /** The host byte order. */
  public static ByteOrder order() {
    return ByteOrder.nativeOrder();
  }

  /** The unsigned 16-bit value at {@code index}, in host order; indices unchanged. */
  public static int getUnsignedShort(ByteBuf buf, int index) {
    return LITTLE_ENDIAN ? buf.getUnsignedShortLE(index) : buf.getUnsignedShort(index);
  }

  /** The 32-bit value at {@code index}, in host order; indices unchanged. */
  public static int getInt(ByteBuf buf, int index) {
    return LITTLE_ENDIAN ? buf.getIntLE(index) : buf.getInt(index);
  }

  /** The 64-bit value at {@code index}, in host order; indices unchanged. */
  public static long getLong(ByteBuf buf, int index) {
    return LITTLE_ENDIAN ? buf.getLongLE(index) : buf.getLong(index);
  }

  /** Sets the 16-bit value at {@code index} in host order; indices unchanged. */
  public static void setShort(ByteBuf buf, int index, int value) {
    if (LITTLE_ENDIAN) {
      buf.setShortLE(index, value);
    } else {
      buf.setShort(index, value);
    }
  }

  /** Sets the 32-bit value at {@code index} in host order; indices unchanged. */
  public static void setInt(ByteBuf buf, int index, int value) {
    if (LITTLE_ENDIAN) {
      buf.setIntLE(index, value);
    } else {
      buf.setInt(index, value);
    }
  }

  /** Appends a 16-bit value in host order; the writer index moves by 2. */
  public static void writeShort(ByteBuf buf, int value) {
    if (LITTLE_ENDIAN) {
      buf.writeShortLE(value);
    } else {
      buf.writeShort(value);
    }
  }

  /** Appends a 32-bit value in host order; the writer index moves by 4. */
  public static void writeInt(ByteBuf buf, int value) {
    if (LITTLE_ENDIAN) {
      buf.writeIntLE(value);
    } else {
      buf.writeInt(value);
    }
  }

  /** Appends a 64-bit value in host order; the writer index moves by 8. */
  public static void writeLong(ByteBuf buf, long value) {
    if (LITTLE_ENDIAN) {
      buf.writeLongLE(value);
    } else {
      buf.writeLong(value);
    }
  }
}
