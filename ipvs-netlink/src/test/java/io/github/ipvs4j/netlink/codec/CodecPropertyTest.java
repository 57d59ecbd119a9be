package io.github.ipvs4j.netlink.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.MalformedMessageException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips through the encoder and decoder, and mutated bytes that must fail only with the decode exception. */
class CodecPropertyTest {

  /** An attribute to encode; {@code bits} are the flag bits OR-ed into the type on the wire. */
  sealed interface Attr permits Leaf, Nest {
    int type();

    int bits();
  }

  enum Kind { U8, U16, U32, U64, BE16, BE32, STRING, BYTES, FLAG }

  @SuppressWarnings("ArrayRecordComponent") // test data only; compared field by field
  record Leaf(Kind kind, int type, int bits, long number, String text, byte[] raw) implements Attr {}

  record Nest(int type, int bits, List<Attr> children) implements Attr {}

  // ---- generators ----

  private static Arbitrary<Integer> types() {
    return Arbitraries.integers().between(0, Netlink.NLA_TYPE_MASK);
  }

  private static Arbitrary<String> texts() {
    return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u07ff').ofMaxLength(40);
  }

  private static Arbitrary<Attr> leaves() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            types(),
            Arbitraries.of(0, Netlink.NLA_F_NET_BYTEORDER),
            Arbitraries.longs(),
            texts(),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(70))
        .as(
            (kind, type, bits, n, text, raw) -> {
              long number =
                  switch (kind) {
                    case U8 -> n & 0xFF;
                    case U16, BE16 -> n & 0xFFFF;
                    case U32, BE32 -> n.intValue();
                    default -> n;
                  };
              return new Leaf(kind, type, bits, number, text, raw);
            });
  }

  private static Arbitrary<Attr> attrs(int depth) {
    if (depth == 0) {
      return leaves();
    }
    Arbitrary<Attr> nest =
        Combinators.combine(types(), Arbitraries.of(0, Netlink.NLA_F_NESTED), attrs(depth - 1).list().ofMaxSize(4))
            .as(Nest::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, leaves()), net.jqwik.api.Tuple.of(1, nest));
  }

  @Provide
  Arbitrary<List<Attr>> attributeLists() {
    return attrs(3).list().ofMaxSize(8);
  }

  // ---- encode / decode ----

  static void encode(Attr attr, AttributeEncoder e) {
    int type = attr.type() | attr.bits();
    if (attr instanceof Nest n) {
      e.nested(type, inner -> n.children().forEach(c -> encode(c, inner)));
      return;
    }
    Leaf l = (Leaf) attr;
    switch (l.kind()) {
      case U8 -> e.u8(type, (int) l.number());
      case U16 -> e.u16(type, (int) l.number());
      case U32 -> e.u32(type, (int) l.number());
      case U64 -> e.u64(type, l.number());
      case BE16 -> e.be16(type, (int) l.number());
      case BE32 -> e.be32(type, (int) l.number());
      case STRING -> e.string(type, l.text());
      case BYTES -> e.bytes(type, l.raw());
      case FLAG -> e.flag(type);
    }
  }

  static void expect(AttributeDecoder d, List<Attr> expected) {
    for (Attr attr : expected) {
      assertThat(d.next()).isTrue();
      assertThat(d.type()).isEqualTo(attr.type());
      assertThat(d.rawType()).isEqualTo(attr.type() | attr.bits());
      if (attr instanceof Nest n) {
        assertThat(d.hasNestedFlag()).isEqualTo(n.bits() != 0);
        d.nested(inner -> expect(inner, n.children()));
        continue;
      }
      Leaf l = (Leaf) attr;
      switch (l.kind()) {
        case U8 -> assertThat((long) d.u8()).isEqualTo(l.number());
        case U16 -> assertThat((long) d.u16()).isEqualTo(l.number());
        case U32 -> assertThat((long) d.u32()).isEqualTo(l.number());
        case U64 -> assertThat(d.u64()).isEqualTo(l.number());
        case BE16 -> assertThat((long) d.be16()).isEqualTo(l.number());
        case BE32 -> assertThat((long) d.be32()).isEqualTo(l.number());
        case STRING -> assertThat(d.string()).isEqualTo(l.text());
        case BYTES -> assertThat(d.bytes()).isEqualTo(l.raw());
        case FLAG -> assertThat(d.flag()).isTrue();
      }
    }
    assertThat(d.next()).isFalse();
    d.finish();
  }

  /**
   * A string read with an expected value is the payload's text whatever was expected, and is the expected string
   * itself exactly when that is the text and ASCII (a label that is its device's name costs no new string).
   */
  @Property(tries = 500)
  void aStringReadWithAnExpectedValueIsStillThePayload(
      @ForAll("labels") String text, @ForAll("labels") String other, @ForAll @IntRange(min = 0, max = 3) int which) {
    String likely = switch (which) {
      case 0 -> new String(text); // equal, another instance
      case 1 -> text + "x";
      case 2 -> text.isEmpty() ? null : text.substring(0, text.length() - 1);
      default -> other;
    };
    ByteBuf buf = Unpooled.buffer();
    new AttributeEncoder(buf).string(7, text);
    AttributeDecoder d = AttributeDecoder.of(buf);
    assertThat(d.next()).isTrue();
    String read = d.string(likely);
    assertThat(read).isEqualTo(text);
    boolean ascii = text.chars().allMatch(c -> c < 0x80);
    assertThat(read == likely).as("the expected instance").isEqualTo(text.equals(likely) && ascii);
  }

  @Provide
  Arbitrary<String> labels() {
    // no NUL: the string ends at the first one
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u0001', '\u007f').ofMaxLength(16),
        Arbitraries.strings().withCharRange('\u0001', '\u00ff').ofMaxLength(16),
        Arbitraries.of("lo", "lo:0", "eth0", "eth0:vip", "d\u00e9v"));
  }

  /** Host-order reads from a heap buffer (its array, read directly) equal netty's reads from a direct copy. */
  @Property(tries = 300)
  void hostOrderReadsAreTheSameFromAnArrayAndFromNativeMemory(
      @ForAll @Size(min = 8, max = 64) byte[] bytes, @ForAll @IntRange(min = 0, max = 4) int sliceStart) {
    // a slice starts at an array offset, as a view of a larger message does
    ByteBuf heap = Unpooled.wrappedBuffer(bytes).slice(sliceStart, bytes.length - sliceStart);
    ByteBuf direct = ByteBufAllocator.DEFAULT.directBuffer(bytes.length);
    try {
      direct.writeBytes(heap, 0, heap.capacity());
      assertThat(heap.hasArray()).isTrue();
      assertThat(direct.hasArray()).isFalse();
      for (int i = 0; i + 8 <= heap.capacity(); i++) {
        assertThat(NativeOrder.getUnsignedShort(heap, i)).isEqualTo(NativeOrder.getUnsignedShort(direct, i));
        assertThat(NativeOrder.getInt(heap, i)).isEqualTo(NativeOrder.getInt(direct, i));
        assertThat(NativeOrder.getLong(heap, i)).isEqualTo(NativeOrder.getLong(direct, i));
      }
    } finally {
      direct.release();
    }
  }

  @Property(tries = 300)
  void attributesRoundTrip(@ForAll("attributeLists") List<Attr> attrs) {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      AttributeEncoder e = new AttributeEncoder(buf);
      attrs.forEach(a -> encode(a, e));
      assertThat(buf.readableBytes() % 4).isZero();
      expect(AttributeDecoder.of(buf), attrs);
      assertThat(buf.readerIndex()).isZero();
    } finally {
      buf.release();
    }
  }

  @Property(tries = 300)
  void headersRoundTrip(
      @ForAll int length,
      @ForAll @IntRange(min = 0, max = 0xFFFF) int type,
      @ForAll @IntRange(min = 0, max = 0xFFFF) int flags,
      @ForAll int seq,
      @ForAll int pid,
      @ForAll @IntRange(min = 0, max = 0xFF) int cmd,
      @ForAll @IntRange(min = 0, max = 0xFF) int version,
      @ForAll @IntRange(min = 0, max = 0xFFFF) int reserved) {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      NlMsgHdr h = new NlMsgHdr(length, type, flags, seq, pid);
      GenlMsgHdr g = new GenlMsgHdr(cmd, version, reserved);
      h.write(buf);
      g.write(buf);
      assertThat(buf.readableBytes()).isEqualTo(NlMsgHdr.SIZE + GenlMsgHdr.SIZE);
      assertThat(NlMsgHdr.read(buf, 0)).isEqualTo(h);
      assertThat(GenlMsgHdr.read(buf, NlMsgHdr.SIZE)).isEqualTo(g);
    } finally {
      buf.release();
    }
  }

  /** A generic-netlink message to frame. */
  record Msg(int type, int flags, int seq, int cmd, List<Attr> attrs) {}

  @Provide
  Arbitrary<List<Msg>> messages() {
    return Combinators.combine(
            Arbitraries.integers().between(Netlink.NLMSG_MIN_TYPE, 0xFFFF),
            Arbitraries.integers().between(0, 0xFFFF),
            Arbitraries.integers(),
            Arbitraries.integers().between(0, 255),
            attrs(2).list().ofMaxSize(5))
        .as(Msg::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  private static ByteBuf frame(List<Msg> msgs, ByteBuf buf) {
    for (Msg m : msgs) {
      NetlinkRequest.genl(m.type(), m.cmd(), 1, m.flags(), a -> m.attrs().forEach(x -> encode(x, a)))
          .writeTo(buf, 0, m.seq(), 42);
    }
    return buf;
  }

  @Property(tries = 200)
  void messagesRoundTrip(@ForAll("messages") List<Msg> msgs) {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      List<NetlinkMessage> decoded = NetlinkMessages.decodeAll(frame(msgs, buf));
      assertThat(decoded).hasSize(msgs.size());
      for (int i = 0; i < msgs.size(); i++) {
        Msg m = msgs.get(i);
        NetlinkMessage d = decoded.get(i);
        assertThat(d.type()).isEqualTo(m.type());
        assertThat(d.flags()).isEqualTo(m.flags());
        assertThat(d.seq()).isEqualTo(m.seq());
        assertThat(d.pid()).isEqualTo(42);
        assertThat(d.header().length()).isEqualTo(NlMsgHdr.SIZE + d.payloadLength());
        assertThat(d.genlHeader()).isEqualTo(GenlMsgHdr.of(m.cmd(), 1));
        expect(d.genlAttributes(), m.attrs());
      }
    } finally {
      buf.release();
    }
  }

  @Property(tries = 200)
  void viewsInPlaceShowWhatTheCopiesHold(@ForAll("messages") List<Msg> msgs, @ForAll boolean direct) {
    ByteBuf buf = direct ? ByteBufAllocator.DEFAULT.directBuffer() : ByteBufAllocator.DEFAULT.heapBuffer();
    try {
      frame(msgs, buf);
      List<NetlinkMessage> copies = NetlinkMessages.decodeAll(buf);
      int[] i = {0};
      NetlinkMessages.forEachInPlace(
          buf,
          null,
          v -> {
            NetlinkMessage c = copies.get(i[0]++);
            assertThat(List.of(v.type(), v.flags(), v.seq(), v.pid(), v.payloadLength()))
                .containsExactly(c.type(), c.flags(), c.seq(), c.pid(), c.payloadLength());
            assertThat(v.genlHeader()).isEqualTo(c.genlHeader());
            expect(v.genlAttributes(), msgs.get(i[0] - 1).attrs());
            assertThat(v.copy()).isEqualTo(c);
          });
      assertThat(i[0]).isEqualTo(msgs.size());
      assertThat(buf.readerIndex()).isZero(); // the splitter leaves the caller's indices alone
    } finally {
      buf.release();
    }
  }

  // ---- mutated and arbitrary bytes ----

  /**
   * Decodes everything decodable, calling every getter, from copies and then from views in place; returns normally or
   * throws.
   */
  static void walk(byte[] bytes) {
    for (NetlinkMessage m : NetlinkMessages.decodeAll(Unpooled.wrappedBuffer(bytes))) {
      walk(m);
    }
    NetlinkMessages.forEachInPlace(Unpooled.wrappedBuffer(bytes), null, CodecPropertyTest::walk);
  }

  private static void walk(ReceivedMessage m) {
    if (m.isError()) {
      NetlinkError.decode(m instanceof MessageView v ? v.copy() : (NetlinkMessage) m);
    } else if (m.isDone()) {
      NetlinkError.decodeDone(m instanceof MessageView v ? v.copy() : (NetlinkMessage) m);
    } else {
      try {
        GenlFamily.decode(m);
      } catch (MalformedMessageException expected) {
        // most mutated messages are not nlctrl replies; keep walking the attributes below
      }
      m.genlHeader();
      AttributeDecoder d = m.genlAttributes();
      walkAttributes(d, 0);
      d.finish();
    }
  }

  private static void walkAttributes(AttributeDecoder d, int depth) {
    while (d.next()) {
      d.type();
      d.length();
      switch (d.length()) {
        case 0 -> d.flag();
        case 1 -> d.u8();
        case 2 -> {
          d.u16();
          d.be16();
        }
        case 4 -> {
          d.u32();
          d.be32();
        }
        case 8 -> d.u64();
        default -> {
          d.string();
          d.bytes();
        }
      }
      if (depth < 4) {
        // as an independent nest (its errors stay its own), then through nested() (errors stick to d)
        AttributeDecoder copy = AttributeDecoder.of(Unpooled.wrappedBuffer(d.bytes()));
        walkAttributes(copy, depth + 1);
        copy.error();
        d.nested(inner -> walkAttributes(inner, depth + 1));
      }
      d.u64(); // a wrong-length getter: records the sticky error and ends the loop
    }
  }

  /** A mutation: at a relative position, set a byte; or truncate. */
  record Mutation(double position, byte value, boolean truncate) {}

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Combinators.combine(
            Arbitraries.doubles().between(0, 1), Arbitraries.bytes(), Arbitraries.of(false, false, false, true))
        .as(Mutation::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  @Property(tries = 1000)
  void mutatedBytesRaiseOnlyMalformedMessage(
      @ForAll("messages") List<Msg> msgs, @ForAll("mutations") List<Mutation> mutations) {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    byte[] bytes;
    try {
      frame(msgs, buf);
      bytes = new byte[buf.readableBytes()];
      buf.getBytes(0, bytes);
    } finally {
      buf.release();
    }
    for (Mutation m : mutations) {
      int at = (int) (m.position() * bytes.length);
      if (m.truncate()) {
        bytes = Arrays.copyOf(bytes, at);
      } else if (at < bytes.length) {
        bytes[at] = m.value();
      }
    }
    decodeOnlyMalformed(bytes);
  }

  @Property(tries = 500)
  void arbitraryBytesRaiseOnlyMalformedMessage(@ForAll @Size(max = 200) byte[] bytes) {
    decodeOnlyMalformed(bytes);
  }

  @Property(tries = 300)
  void errorMessagesWithMutatedTlvsRaiseOnlyMalformedMessage(
      @ForAll @IntRange(min = 0, max = 5) int golden, @ForAll("mutations") List<Mutation> mutations) {
    String[] files = {
      "ack-capped.hex", "enoent-capped.hex", "einval-capped-extack.hex", "enoent-uncapped.hex",
      "einval-uncapped-extack.hex", "nlctrl-getfamily-reply.hex"
    };
    byte[] bytes = Hex.golden(files[golden]);
    for (Mutation m : mutations) {
      int at = (int) (m.position() * bytes.length);
      if (m.truncate()) {
        bytes = Arrays.copyOf(bytes, at);
      } else if (at < bytes.length) {
        bytes[at] = m.value();
      }
    }
    decodeOnlyMalformed(bytes);
  }

  private static void decodeOnlyMalformed(byte[] bytes) {
    List<Throwable> unexpected = new ArrayList<>();
    try {
      walk(bytes);
    } catch (MalformedMessageException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    } catch (RuntimeException | Error e) {
      unexpected.add(e);
    }
    assertThat(unexpected).as("only MalformedMessageException may escape").isEmpty();
  }
}
