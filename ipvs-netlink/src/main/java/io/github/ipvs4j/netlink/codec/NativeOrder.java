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

  // Reads from a heap buffer go straight to its array: decoding a dump reads every attribute header this way, and
  // the array's own bounds check (an IndexOutOfBoundsException too) replaces the buffer's index and reference-count
  // checks. Callers check lengths first either way.

  /** The unsigned 16-bit value at {@code index}, in host order; indices unchanged. */
  public static int getUnsignedShort(ByteBuf buf, int index) {
    if (buf.hasArray()) {
      byte[] a = buf.array();
      int i = buf.arrayOffset() + index;
      int b0 = a[i] & 0xFF;
      int b1 = a[i + 1] & 0xFF;
      return LITTLE_ENDIAN ? b0 | b1 << 8 : b0 << 8 | b1;
    }
    return LITTLE_ENDIAN ? buf.getUnsignedShortLE(index) : buf.getUnsignedShort(index);
  }

  /** The 32-bit value at {@code index}, in host order; indices unchanged. */
  public static int getInt(ByteBuf buf, int index) {
    if (buf.hasArray()) {
      return intAt(buf.array(), buf.arrayOffset() + index);
    }
    return LITTLE_ENDIAN ? buf.getIntLE(index) : buf.getInt(index);
  }

  /** The 64-bit value at {@code index}, in host order; indices unchanged. */
  public static long getLong(ByteBuf buf, int index) {
    if (buf.hasArray()) {
      byte[] a = buf.array();
      int i = buf.arrayOffset() + index;
      long first = intAt(a, i) & 0xFFFF_FFFFL;
      long second = intAt(a, i + 4) & 0xFFFF_FFFFL;
      return LITTLE_ENDIAN ? first | second << 32 : first << 32 | second;
    }
    return LITTLE_ENDIAN ? buf.getLongLE(index) : buf.getLong(index);
  }

  private static int intAt(byte[] a, int i) {
    int b0 = a[i] & 0xFF;
    int b1 = a[i + 1] & 0xFF;
    int b2 = a[i + 2] & 0xFF;
    int b3 = a[i + 3] & 0xFF;
    return LITTLE_ENDIAN ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b0 << 24 | b1 << 16 | b2 << 8 | b3;
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

  /**
   * Appends two 32-bit values in host order, {@code first} then {@code second}, in one 8-byte write: the bytes of two
   * {@link #writeInt} calls at the cost of one bounds check (requests write a header and a value this way).
   */
  public static void writeInts(ByteBuf buf, int first, int second) {
    if (LITTLE_ENDIAN) {
      buf.writeLongLE((first & 0xFFFF_FFFFL) | (long) second << 32);
    } else {
      buf.writeLong((long) first << 32 | (second & 0xFFFF_FFFFL));
    }
  }

  /**
   * The int whose host-order bytes are the 16-bit {@code first} in host order, then {@code second}: what {@link
   * #writeInt} must be given to append two u16 fields, such as {@code nla_len} and {@code nla_type}.
   */
  public static int shortsAsInt(int first, int second) {
    return LITTLE_ENDIAN ? (first & 0xFFFF) | second << 16 : first << 16 | (second & 0xFFFF);
  }

  /**
   * The int whose host-order bytes are {@code b0 b1 b2 b3} in this order: what {@link #writeInt} must be given to
   * append those four bytes.
   */
  public static int bytesAsInt(int b0, int b1, int b2, int b3) {
    return LITTLE_ENDIAN
        ? (b0 & 0xFF) | (b1 & 0xFF) << 8 | (b2 & 0xFF) << 16 | b3 << 24
        : b0 << 24 | (b1 & 0xFF) << 16 | (b2 & 0xFF) << 8 | (b3 & 0xFF);
  }
}
