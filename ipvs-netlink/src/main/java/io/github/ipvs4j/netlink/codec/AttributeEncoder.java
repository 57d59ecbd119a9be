package io.github.ipvs4j.netlink.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes netlink attributes ({@code struct nlattr}: {@code nla_len u16, nla_type u16}, payload, padding to 4) straight
 * into a {@link ByteBuf}, in the shape of mdlayher/netlink's {@code AttributeEncoder}.
 *
 * <p>Integers are host order ({@link #u16}, {@link #u32}...) unless the method says network order ({@link #be16},
 * {@link #be32}). Each attribute is padded with zeros to a multiple of 4 ({@code NLA_ALIGN}); {@code nla_len} counts
 * the header and payload but not the padding, as the kernel's {@code nla_put} does.
 *
 * <p>Example: {@code new AttributeEncoder(buf).u16(1, 0x1234)} appends {@code 06 00 01 00 34 12 00 00} on a
 * little-endian host; {@code .be16(4, 80)} appends {@code 06 00 04 00 00 50 00 00}; {@code .string(2, "nlctrl")}
 * appends {@code 0b 00 02 00 6e 6c 63 74 72 6c 00 00}.
 *
 * <p>Nests: {@link #nested(int, Consumer)} writes the type exactly as given. IPVS nests are sent <em>without</em>
 * {@link Netlink#NLA_F_NESTED} (the kernel parses them with {@code nla_parse_nested_deprecated}); families that want
 * the flag pass {@code type | Netlink.NLA_F_NESTED} explicitly, or call {@link #nestedWithFlag}.
 *
 * <p>Buffers: the encoder appends at the writer index of the buffer it was given and never releases it; the caller
 * owns the buffer before, during and after. The encoder is a thin cursor: not thread-safe, cheap to create.
 * Arguments out of range throw {@link IllegalArgumentException} and leave the bytes written so far in place.
 */
public final class AttributeEncoder {
  /** Largest {@code nla_len}: it is a u16. */
  public static final int MAX_ATTRIBUTE_LENGTH = 0xFFFF;

  private final ByteBuf out;

  /** An encoder appending to {@code out} from its current writer index. */
  public AttributeEncoder(ByteBuf out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** The buffer this encoder appends to (owned by the caller). */
  public ByteBuf buffer() {
    return out;
  }

  /** A u8 attribute; {@code value} 0-255. */
  public AttributeEncoder u8(int type, int value) {
    checkRange("value", value, 0, 0xFF);
    return word(type, 1, NativeOrder.bytesAsInt(value, 0, 0, 0));
  }

  /** A u16 attribute in host order; {@code value} 0-65535. */
  public AttributeEncoder u16(int type, int value) {
    checkRange("value", value, 0, 0xFFFF);
    return word(type, 2, NativeOrder.shortsAsInt(value, 0)); // the u16 in host order, then two zero bytes
  }

  /** A u32 attribute in host order; all 32 bits of {@code value} are used as unsigned. */
  public AttributeEncoder u32(int type, int value) {
    return word(type, 4, value);
  }

  /** A u64 attribute in host order; all 64 bits are used as unsigned. */
  public AttributeEncoder u64(int type, long value) {
    NativeOrder.writeInt(out, header(type, Netlink.NLA_HDRLEN + 8));
    NativeOrder.writeLong(out, value);
    return this;
  }

  /** A {@code __be16} attribute (network order), e.g. a port; {@code value} 0-65535. */
  public AttributeEncoder be16(int type, int value) {
    checkRange("value", value, 0, 0xFFFF);
    return word(type, 2, NativeOrder.bytesAsInt(value >>> 8, value, 0, 0));
  }

  /** A {@code __be32} attribute (network order), e.g. an IPv4 netmask. */
  public AttributeEncoder be32(int type, int value) {
    return word(type, 4, NativeOrder.bytesAsInt(value >>> 24, value >>> 16, value >>> 8, value));
  }

  /**
   * A NUL-terminated string attribute ({@code NLA_NUL_STRING}), UTF-8 encoded.
   *
   * @throws IllegalArgumentException if {@code value} contains a NUL character
   */
  public AttributeEncoder string(int type, String value) {
    Objects.requireNonNull(value, "value");
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("value: contains a NUL character");
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    checkPayload(bytes.length + 1);
    int start = begin(type);
    out.writeBytes(bytes);
    out.writeByte(0);
    return end(start);
  }

  /** A binary attribute holding a copy of {@code value}. */
  public AttributeEncoder bytes(int type, byte[] value) {
    Objects.requireNonNull(value, "value");
    return bytes(type, value, value.length);
  }

  /**
   * A binary attribute of exactly {@code length} bytes: {@code value}, then zeros up to {@code length}. For fixed-size C
   * fields filled from shorter values, such as an IPv4 address in a 16-byte {@code union nf_inet_addr}, without
   * making a padded copy first.
   *
   * @throws IllegalArgumentException if {@code value} is longer than {@code length}
   */
  public AttributeEncoder bytes(int type, byte[] value, int length) {
    Objects.requireNonNull(value, "value");
    if (value.length > length) {
      throw new IllegalArgumentException("value: " + value.length + " bytes (expected: at most " + length + ")");
    }
    checkPayload(length);
    NativeOrder.writeInt(out, header(type, Netlink.NLA_HDRLEN + length));
    out.writeBytes(value);
    out.writeZero(Netlink.nlaAlign(length) - value.length); // up to length, then the attribute's padding
    return this;
  }

  /** A zero-length flag attribute ({@code NLA_FLAG}): present means true. */
  public AttributeEncoder flag(int type) {
    NativeOrder.writeInt(out, header(type, Netlink.NLA_HDRLEN));
    return this;
  }

  /**
   * An attribute whose payload is {@code length} (1-4) bytes: the header and the payload word in one 8-byte write.
   * {@code payload} is the int whose host-order bytes are the payload followed by its zero padding.
   */
  private AttributeEncoder word(int type, int length, int payload) {
    NativeOrder.writeInts(out, header(type, Netlink.NLA_HDRLEN + length), payload);
    return this;
  }

  /** {@code struct nlattr {u16 nla_len; u16 nla_type}} as the int a host-order write turns into those four bytes. */
  private static int header(int type, int length) {
    checkRange("type", type, 0, 0xFFFF);
    return NativeOrder.shortsAsInt(length, type);
  }

  /**
   * A nested attribute whose payload {@code body} writes with the encoder it is given; {@code type} is written as is,
   * so IPVS nests go without {@link Netlink#NLA_F_NESTED}. {@code nla_len} is back-patched when {@code body} returns.
   *
   * @throws IllegalArgumentException if the nest grows beyond 65535 bytes
   */
  public AttributeEncoder nested(int type, Consumer<AttributeEncoder> body) {
    Objects.requireNonNull(body, "body");
    int start = begin(type);
    body.accept(this);
    return end(start);
  }

  /** {@link #nested(int, Consumer)} with {@link Netlink#NLA_F_NESTED} set on {@code type}, for families that need it. */
  public AttributeEncoder nestedWithFlag(int type, Consumer<AttributeEncoder> body) {
    return nested(type | Netlink.NLA_F_NESTED, body);
  }

  /**
   * Starts an attribute of {@code type} whose payload the caller writes next, and returns where it starts, for {@link
   * #end}: nested attributes through this encoder, or a C struct's fields straight into {@link #buffer()}. What {@link
   * #nested(int, Consumer)} does, without a body to call: hot paths write their nests this way and allocate nothing.
   *
   * <pre>{@code
   * int service = e.begin(IPVS_CMD_ATTR_SERVICE);
   * e.u16(IPVS_SVC_ATTR_AF, AF_INET).u32(IPVS_SVC_ATTR_FWMARK, 1);
   * e.end(service);                                  // nla_len back-patched, padding added
   * }</pre>
   */
  public int begin(int type) {
    int start = out.writerIndex();
    NativeOrder.writeInt(out, header(type, 0)); // nla_len is back-patched by end()
    return start;
  }

  /**
   * Ends the attribute {@link #begin} started at {@code start}: back-patches its {@code nla_len} and pads it to 4.
   *
   * @throws IllegalArgumentException if {@code start} is not before the writer index, or the attribute grew beyond
   *     65535 bytes
   */
  public AttributeEncoder end(int start) {
    int len = out.writerIndex() - start;
    if (start < 0 || len < Netlink.NLA_HDRLEN) {
      throw new IllegalArgumentException(
          "start: " + start + " (expected: where begin() put an attribute header, before " + out.writerIndex() + ")");
    }
    if (len > MAX_ATTRIBUTE_LENGTH) {
      throw new IllegalArgumentException(
          "attribute length: " + len + " (expected: at most " + MAX_ATTRIBUTE_LENGTH + ")");
    }
    NativeOrder.setShort(out, start, len);
    out.writeZero(Netlink.nlaAlign(len) - len);
    return this;
  }

  private static void checkPayload(int payloadLength) {
    if (payloadLength > MAX_ATTRIBUTE_LENGTH - Netlink.NLA_HDRLEN) {
      throw new IllegalArgumentException(
          "payload length: "
              + payloadLength
              + " (expected: at most "
              + (MAX_ATTRIBUTE_LENGTH - Netlink.NLA_HDRLEN)
              + ")");
    }
  }

  private static void checkRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + "-" + max + ")");
    }
  }
}
