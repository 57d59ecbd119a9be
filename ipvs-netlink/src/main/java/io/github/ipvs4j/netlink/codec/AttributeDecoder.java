package io.github.ipvs4j.netlink.codec;

import io.github.ipvs4j.MalformedMessageException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads netlink attributes from a region of a {@link ByteBuf}, in the shape of mdlayher/netlink's
 * {@code AttributeDecoder}: {@link #next()} moves to the next attribute, {@link #type()} names it, and a typed getter
 * reads its payload after checking the <em>exact</em> length (a u16 of length 3 is an error, not a u16).
 *
 * <pre>{@code
 * AttributeDecoder d = message.genlAttributes().names("CTRL_CMD_NEWFAMILY", GenlCtrl::attrName);
 * while (d.next()) {
 *   switch (d.type()) {
 *     case CTRL_ATTR_FAMILY_ID -> id = d.u16();
 *     case CTRL_ATTR_FAMILY_NAME -> name = d.string();
 *     default -> { } // unknown attributes are skipped, never fatal
 *   }
 * }
 * d.finish(); // throws the first error, if any
 * }</pre>
 *
 * <p>Errors are sticky: the first one (a header running past the end, a wrong length, a {@link #fail} by the caller)
 * is kept, {@link #next()} returns false from then on, getters return 0/empty, and {@link #finish()} throws it as a
 * {@link MalformedMessageException} whose message carries the context chain, e.g. {@code "IPVS_CMD_ATTR_SERVICE >
 * IPVS_SVC_ATTR_PORT: attribute 4 is not a u16; length 3"}. Later errors are not reported. Malformed bytes never raise
 * anything else (no {@code IndexOutOfBoundsException}, no endless loop): every length is checked before it is used.
 *
 * <p>{@link #type()} is masked with {@link Netlink#NLA_TYPE_MASK}, so {@code NLA_F_NESTED} and
 * {@code NLA_F_NET_BYTEORDER} never change the type a caller switches on; {@link #rawType()} keeps them.
 *
 * <p>Buffers: the decoder reads the caller's buffer and never releases or retains it; the caller keeps it alive (and
 * unchanged) while it decodes. Values returned ({@code String}, {@code byte[]}) are copies. Indices of the buffer are
 * never changed. Not thread-safe.
 */
public final class AttributeDecoder {
  private final ByteBuf buf;
  private final int base;
  private final int end;
  private final AttributeDecoder parent;
  private final int typeInParent; // the raw type of the attribute this nest is the payload of
  private String context; // null in a nest until an error message needs it: built then, from the parent
  private IntFunction<String> names;

  private int position;
  private int start = -1;
  private int rawType;
  private int payloadLength;
  private MalformedMessageException error;

  private AttributeDecoder(
      ByteBuf buf,
      int offset,
      int length,
      String context,
      IntFunction<String> names,
      AttributeDecoder parent,
      int typeInParent) {
    this.buf = buf;
    this.base = offset;
    this.position = offset;
    this.end = offset + length;
    this.context = context;
    this.names = names;
    this.parent = parent;
    this.typeInParent = typeInParent;
  }

  /**
   * A decoder over {@code length} bytes of attributes starting at {@code offset} of {@code buf}. A region that does not
   * lie within {@code [0, buf.writerIndex())} makes the decoder fail at once (sticky error), never throw here.
   */
  public static AttributeDecoder of(ByteBuf buf, int offset, int length) {
    Objects.requireNonNull(buf, "buf");
    AttributeDecoder d = new AttributeDecoder(buf, offset, Math.max(0, length), "", null, null, 0);
    if (offset < 0 || length < 0 || offset > buf.writerIndex() || length > buf.writerIndex() - offset) {
      d.error =
          new MalformedMessageException(
              "attributes at offset " + offset + ", length " + length + " lie outside the "
                  + buf.writerIndex() + "-byte buffer");
      d.start = -1;
    }
    return d;
  }

  /** A decoder over the readable bytes of {@code buf} (reader index to writer index). */
  public static AttributeDecoder of(ByteBuf buf) {
    return of(buf, buf.readerIndex(), buf.readableBytes());
  }

  /**
   * Names what this decoder reads, for error messages: {@code context} (e.g. {@code "IPVS_CMD_ATTR_SERVICE"}) is put in
   * front of every message and {@code names} turns an attribute type into its C name (may return null). Returns this.
   */
  public AttributeDecoder names(String context, IntFunction<String> names) {
    this.context = context == null ? "" : context;
    this.names = names;
    return this;
  }

  /**
   * Moves to the next attribute. Returns false at the end of the region or once an error is recorded; a header that
   * runs past the end or a {@code nla_len} below 4 records an error.
   */
  public boolean next() {
    if (error != null) {
      return false;
    }
    start = -1;
    if (position >= end) {
      return false;
    }
    int left = end - position;
    if (left < Netlink.NLA_HDRLEN) {
      record(null, "trailing " + left + " bytes at offset " + (position - base) + " are too short for an attribute header");
      return false;
    }
    int len = NativeOrder.getUnsignedShort(buf, position);
    int type = NativeOrder.getUnsignedShort(buf, position + 2);
    if (len < Netlink.NLA_HDRLEN) {
      record(null, "attribute " + (type & Netlink.NLA_TYPE_MASK) + " at offset " + (position - base)
          + " has length " + len + " (expected: at least " + Netlink.NLA_HDRLEN + ")");
      return false;
    }
    if (len > left) {
      record(null, "attribute " + (type & Netlink.NLA_TYPE_MASK) + " at offset " + (position - base)
          + " has length " + len + ", beyond the " + left + " bytes left");
      return false;
    }
    start = position;
    rawType = type;
    payloadLength = len - Netlink.NLA_HDRLEN;
    position += Math.min(Netlink.nlaAlign(len), left);
    return true;
  }

  /** The current attribute's type with {@code NLA_F_NESTED} and {@code NLA_F_NET_BYTEORDER} masked off. */
  public int type() {
    checkCurrent();
    return rawType & Netlink.NLA_TYPE_MASK;
  }

  /** The current attribute's {@code nla_type} as sent, flag bits included. */
  public int rawType() {
    checkCurrent();
    return rawType;
  }

  /** Whether the current attribute has {@link Netlink#NLA_F_NESTED} (IPVS never sets it). */
  public boolean hasNestedFlag() {
    return (rawType() & Netlink.NLA_F_NESTED) != 0;
  }

  /** Whether the current attribute has {@link Netlink#NLA_F_NET_BYTEORDER}. */
  public boolean hasNetByteOrderFlag() {
    return (rawType() & Netlink.NLA_F_NET_BYTEORDER) != 0;
  }

  /** The current attribute's payload length ({@code nla_len - NLA_HDRLEN}), padding excluded. */
  public int length() {
    checkCurrent();
    return payloadLength;
  }

  /** The current payload as a u8 (0-255); its length must be 1. */
  public int u8() {
    return expect(1, "u8") ? buf.getUnsignedByte(payload()) : 0;
  }

  /** The current payload as a host-order u16 (0-65535); its length must be 2. */
  public int u16() {
    return expect(2, "u16") ? NativeOrder.getUnsignedShort(buf, payload()) : 0;
  }

  /** The current payload as a host-order u32 (the 32 bits, unsigned: see {@link Integer#toUnsignedLong}). */
  public int u32() {
    return expect(4, "u32") ? NativeOrder.getInt(buf, payload()) : 0;
  }

  /** The current payload as a host-order u64 (the 64 bits, unsigned); its length must be 8. */
  public long u64() {
    return expect(8, "u64") ? NativeOrder.getLong(buf, payload()) : 0L;
  }

  /** The current payload as a network-order {@code __be16} (0-65535), e.g. a port; its length must be 2. */
  public int be16() {
    return expect(2, "be16") ? buf.getUnsignedShort(payload()) : 0;
  }

  /** The current payload as a network-order {@code __be32}; its length must be 4. */
  public int be32() {
    return expect(4, "be32") ? buf.getInt(payload()) : 0;
  }

  /**
   * The current payload as a string: UTF-8 bytes up to the first NUL, or all of them when there is none (the kernel
   * sends {@code NLA_NUL_STRING}s with their NUL). Returns "" after an error.
   */
  public String string() {
    return string(null);
  }

  /**
   * {@link #string()}, but {@code likely} itself when the payload spells it: no new string for a value the caller
   * expects (an address label is nearly always its device's name). {@code likely} may be null.
   */
  public String string(String likely) {
    if (!current()) {
      return "";
    }
    int from = payload();
    int nul = buf.indexOf(from, from + payloadLength, (byte) 0);
    int len = nul < 0 ? payloadLength : nul - from;
    return likely != null && spells(from, len, likely) ? likely : buf.toString(from, len, StandardCharsets.UTF_8);
  }

  /** Whether the {@code len} bytes at {@code from} are {@code s} in UTF-8, for an ASCII {@code s}. */
  private boolean spells(int from, int len, String s) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || buf.getByte(from + i) != (byte) c) {
        return false;
      }
    }
    return true;
  }

  /** A copy of the current payload; an empty array after an error. */
  public byte[] bytes() {
    if (!current()) {
      return new byte[0];
    }
    byte[] copy = new byte[payloadLength];
    buf.getBytes(payload(), copy);
    return copy;
  }

  /** True for a flag attribute ({@code NLA_FLAG}), whose length must be 0. */
  public boolean flag() {
    return expect(0, "flag");
  }

  /**
   * Decodes the current attribute's payload as nested attributes with {@code body}; an error in the nest becomes this
   * decoder's error (if it has none yet). The nested decoder's context is this one's plus the current attribute.
   */
  public void nested(Consumer<AttributeDecoder> body) {
    nested(null, body);
  }

  /** {@link #nested(Consumer)} with {@code names} naming the nested attribute types in error messages. */
  public void nested(IntFunction<String> names, Consumer<AttributeDecoder> body) {
    Objects.requireNonNull(body, "body");
    nestedValue(
        names,
        child -> {
          body.accept(child);
          return null;
        });
  }

  /**
   * {@link #nested(IntFunction, Consumer)} for a body that returns what it decoded: returns that value, or null if an
   * error was already recorded (then {@code body} does not run).
   */
  public <T> T nestedValue(IntFunction<String> names, Function<AttributeDecoder, T> body) {
    Objects.requireNonNull(body, "body");
    AttributeDecoder child = nestedDecoder(names);
    if (child == null) {
      return null;
    }
    T value = body.apply(child);
    if (child.error != null && error == null) {
      error = child.error;
    }
    return value;
  }

  /**
   * A decoder over the current attribute's payload as nested attributes, to read now or after this decoder has moved
   * on (while the buffer lives): a caller may keep a nest it needs only if a later attribute is missing. Its errors
   * become this decoder's, as with {@link #nested}. Returns null if an error is already recorded.
   */
  public AttributeDecoder nestedDecoder(IntFunction<String> names) {
    if (!current()) {
      return null;
    }
    // the child's context ("A > B > C") is built only if it records an error: a dump decodes nests for every
    // destination, and none of them needs its name unless something is wrong
    return new AttributeDecoder(buf, payload(), payloadLength, null, names, this, rawType);
  }

  /**
   * Records {@code reason} as an error about the current attribute (or about the region when there is none), unless
   * an error is already recorded; for callers that find a value they cannot accept.
   */
  public void fail(String reason) {
    if (error == null) {
      record(start >= 0 ? label() : null, reason);
    }
  }

  /** The first error recorded, if any. */
  public Optional<MalformedMessageException> error() {
    return Optional.ofNullable(error);
  }

  /** Whether no error has been recorded. */
  public boolean ok() {
    return error == null;
  }

  /**
   * Throws the first recorded error, if any. Call it once after the loop; nested decoders report through their parent.
   *
   * @throws MalformedMessageException the first error, with its context chain
   */
  public void finish() {
    if (error != null) {
      throw error;
    }
  }

  // ---- internals ----

  private boolean current() {
    if (error != null) {
      return false;
    }
    checkCurrent();
    return true;
  }

  private boolean expect(int len, String what) {
    if (!current()) {
      return false;
    }
    if (payloadLength != len) {
      record(label(), "attribute " + (rawType & Netlink.NLA_TYPE_MASK) + " is not a " + what + "; length "
          + payloadLength);
      return false;
    }
    return true;
  }

  private int payload() {
    return start + Netlink.NLA_HDRLEN;
  }

  private void checkCurrent() {
    if (start < 0 && error == null) {
      throw new IllegalStateException("no current attribute: call next() first and only while it returns true");
    }
  }

  /** The C name of the current attribute from {@link #names}, or null. */
  private String label() {
    return nameOf(rawType);
  }

  private String nameOf(int type) {
    return names == null ? null : names.apply(type & Netlink.NLA_TYPE_MASK);
  }

  /** What comes before this decoder's messages: the names of the attributes it is nested in. */
  private String context() {
    if (context == null) {
      String here = parent.nameOf(typeInParent);
      if (here == null) {
        here = "attribute " + (typeInParent & Netlink.NLA_TYPE_MASK);
      }
      String outer = parent.context();
      context = outer.isEmpty() ? here : outer + " > " + here;
    }
    return context;
  }

  private void record(String attributeName, String reason) {
    String prefix = context();
    if (attributeName != null) {
      prefix = prefix.isEmpty() ? attributeName : prefix + " > " + attributeName;
    }
    error = new MalformedMessageException(prefix.isEmpty() ? reason : prefix + ": " + reason);
    start = -1;
    if (parent != null && parent.error == null) {
      // Reported through the parent once nested() returns; set eagerly so a parent's next() stops too.
      parent.error = error;
    }
  }
}
