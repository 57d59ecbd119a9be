package io.github.ipvs4j.netlink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ipvs4j.MalformedMessageException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-computed bytes (little-endian host) and the decoder's error messages. */
class CodecExamplesTest {
  @BeforeEach
  void littleEndianHost() {
    assumeTrue(NativeOrder.LITTLE_ENDIAN, "the expected bytes below are for a little-endian host");
  }

  private static String encode(java.util.function.Consumer<AttributeEncoder> body) {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      body.accept(new AttributeEncoder(buf));
      return Hex.of(buf);
    } finally {
      buf.release();
    }
  }

  @Test
  void alignment() {
    assertThat(Netlink.nlmsgAlign(0)).isZero();
    assertThat(Netlink.nlmsgAlign(17)).isEqualTo(20);
    assertThat(Netlink.nlmsgAlign(20)).isEqualTo(20);
    assertThat(Netlink.nlmsgLength(4)).isEqualTo(20);
    assertThat(Netlink.nlmsgSpace(5)).isEqualTo(24);
    assertThat(Netlink.nlaAlign(5)).isEqualTo(8);
    assertThat(Netlink.nlaAlign(11)).isEqualTo(12);
    assertThat(Netlink.NLA_TYPE_MASK).isEqualTo(0x3FFF);
  }

  @Test
  void getFamilyNlctrlIsThe32ByteRequest() {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      int len = GenlFamily.request("nlctrl").writeTo(buf, Netlink.NLM_F_REQUEST, 1, 0);
      assertThat(len).isEqualTo(32);
      assertThat(Hex.of(buf))
          .isEqualTo(
              "20000000" + "1000" + "0100" + "01000000" + "00000000" // nlmsghdr
                  + "03010000" // genlmsghdr: CTRL_CMD_GETFAMILY, version 1
                  + "0b000200" + "6e6c6374726c00" + "00"); // nlattr: len 11, CTRL_ATTR_FAMILY_NAME "nlctrl\0", pad
    } finally {
      buf.release();
    }
  }

  @Test
  void attributeBytes() {
    assertThat(encode(a -> a.u8(1, 0xAB))).isEqualTo("05000100" + "ab000000");
    assertThat(encode(a -> a.u16(1, 0x1234))).isEqualTo("06000100" + "34120000");
    assertThat(encode(a -> a.be16(4, 80))).isEqualTo("06000400" + "00500000");
    assertThat(encode(a -> a.u32(5, 0x01020304))).isEqualTo("08000500" + "04030201");
    assertThat(encode(a -> a.be32(9, 0xFFFFFF00))).isEqualTo("08000900" + "ffffff00");
    assertThat(encode(a -> a.u64(2, 0x0102030405060708L))).isEqualTo("0c000200" + "0807060504030201");
    assertThat(encode(a -> a.string(2, "nlctrl"))).isEqualTo("0b000200" + "6e6c6374726c0000");
    assertThat(encode(a -> a.string(6, ""))).isEqualTo("05000600" + "00000000");
    assertThat(encode(a -> a.bytes(3, new byte[] {(byte) 192, 0, 2, 1}))).isEqualTo("08000300" + "c0000201");
    assertThat(encode(a -> a.flag(7))).isEqualTo("04000700");
    // every bit of the header and the value in place, padding zero: one 8-byte write each
    assertThat(encode(a -> a.u8(0xFFFF, 0xFF))).isEqualTo("0500ffff" + "ff000000");
    assertThat(encode(a -> a.u16(0xFFFF, 0xFFFF))).isEqualTo("0600ffff" + "ffff0000");
    assertThat(encode(a -> a.u32(0x8001, 0x80000001))).isEqualTo("08000180" + "01000080");
    assertThat(encode(a -> a.be16(0xFFFF, 0xFF01))).isEqualTo("0600ffff" + "ff010000");
    assertThat(encode(a -> a.be32(0x8001, 0x80000001))).isEqualTo("08000180" + "80000001");
    assertThat(encode(a -> a.u64(0xFFFF, -1L))).isEqualTo("0c00ffff" + "ffffffffffffffff");
    // a fixed-size field filled from a shorter value: union nf_inet_addr holding 192.0.2.1
    assertThat(encode(a -> a.bytes(3, new byte[] {(byte) 192, 0, 2, 1}, 16)))
        .isEqualTo("14000300" + "c0000201" + "00".repeat(12));
    assertThat(encode(a -> a.bytes(3, new byte[] {1, 2, 3}, 5))).isEqualTo("09000300" + "0102030000" + "000000");
  }

  @Test
  void beginAndEndWriteWhatNestedWrites() {
    String begun = encode(a -> {
      int service = a.begin(1);
      a.u16(1, 2).be16(4, 80);
      a.end(service);
      int flags = a.begin(7); // a C struct written straight into the buffer: struct ip_vs_flags {flags, mask}
      NativeOrder.writeInt(a.buffer(), 0x10);
      NativeOrder.writeInt(a.buffer(), -1);
      a.end(flags);
    });
    assertThat(begun).isEqualTo("14000100" + "06000100" + "02000000" + "06000400" + "00500000"
        + "0c000700" + "10000000" + "ffffffff");
    assertThat(begun.substring(0, 40)).isEqualTo(encode(a -> a.nested(1, s -> s.u16(1, 2).be16(4, 80))));
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      AttributeEncoder a = new AttributeEncoder(buf);
      a.u32(1, 1);
      assertThatThrownBy(() -> a.end(6)).hasMessage("start: 6 (expected: where begin() put an attribute header, before 8)");
      assertThatThrownBy(() -> a.bytes(3, new byte[17], 16)).hasMessage("value: 17 bytes (expected: at most 16)");
    } finally {
      buf.release();
    }
  }

  @Test
  void genlHeaderWrittenWithoutARecord() {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      GenlMsgHdr.write(buf, 0xFF, 1);
      GenlMsgHdr.of(3, 2).write(buf);
      assertThat(ByteBufUtil.hexDump(buf)).isEqualTo("ff010000" + "03020000");
      assertThatThrownBy(() -> GenlMsgHdr.write(buf, 256, 1))
          .hasMessage("genlmsghdr: cmd 256, version 1 (expected: 0-255 each)");
    } finally {
      buf.release();
    }
  }

  @Test
  void nestsCarryNlaFNestedOnlyWhenAskedFor() {
    // IPVS style: IPVS_CMD_ATTR_SERVICE(1) { IPVS_SVC_ATTR_AF(1) = AF_INET(2), IPVS_SVC_ATTR_PORT(4) = be16 80 }
    String ipvs = encode(a -> a.nested(1, s -> s.u16(1, 2).be16(4, 80)));
    assertThat(ipvs).isEqualTo("14000100" + "06000100" + "02000000" + "06000400" + "00500000");
    String flagged = encode(a -> a.nestedWithFlag(1, s -> s.u16(1, 2)));
    assertThat(flagged).isEqualTo("0c000180" + "06000100" + "02000000");
  }

  @Test
  void encoderRejectsOutOfRangeArguments() {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      AttributeEncoder a = new AttributeEncoder(buf);
      assertThatThrownBy(() -> a.u8(1, 256)).hasMessage("value: 256 (expected: 0-255)");
      assertThatThrownBy(() -> a.u16(1, -1)).hasMessage("value: -1 (expected: 0-65535)");
      assertThatThrownBy(() -> a.be16(1, 70000)).hasMessage("value: 70000 (expected: 0-65535)");
      assertThatThrownBy(() -> a.u32(0x10000, 1)).hasMessage("type: 65536 (expected: 0-65535)");
      assertThatThrownBy(() -> a.string(1, "a\0b")).hasMessage("value: contains a NUL character");
      assertThatThrownBy(() -> a.bytes(1, new byte[70000])).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> a.nested(1, n -> {
            for (int i = 0; i < 20000; i++) {
              n.u32(2, i);
            }
          }))
          .hasMessageContaining("attribute length");
    } finally {
      buf.release();
    }
  }

  @Test
  void wrongLengthNamesTheAttributeAndItsContext() {
    // IPVS_CMD_ATTR_SERVICE { IPVS_SVC_ATTR_PORT with a 3-byte payload }
    ByteBuf buf = Hex.wrap(Hex.bytes("0c000100" + "07000400" + "005000" + "00"));
    AttributeDecoder d =
        AttributeDecoder.of(buf).names("IPVS_CMD", t -> t == 1 ? "IPVS_CMD_ATTR_SERVICE" : null);
    assertThat(d.next()).isTrue();
    d.nested(
        t -> t == 4 ? "IPVS_SVC_ATTR_PORT" : null,
        svc -> {
          assertThat(svc.next()).isTrue();
          assertThat(svc.be16()).isZero(); // error recorded, 0 returned
          assertThat(svc.next()).isFalse();
        });
    assertThat(d.next()).isFalse();
    assertThatThrownBy(d::finish)
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage("IPVS_CMD > IPVS_CMD_ATTR_SERVICE > IPVS_SVC_ATTR_PORT: attribute 4 is not a be16; length 3");
    // Without names, the message still says what and where.
    AttributeDecoder plain = AttributeDecoder.of(Hex.wrap(Hex.bytes("07000400" + "00500000")));
    plain.next();
    plain.u16();
    assertThatThrownBy(plain::finish).hasMessage("attribute 4 is not a u16; length 3");
  }

  @Test
  void aNestKeptForLaterNamesItsContextAndFailsItsParent() {
    // IPVS_CMD_ATTR_SERVICE { IPVS_SVC_ATTR_PORT with a 3-byte payload }, then attribute 2 (a u32)
    ByteBuf buf = Hex.wrap(Hex.bytes("0c000100" + "07000400" + "005000" + "00" + "08000200" + "01000000"));
    AttributeDecoder d =
        AttributeDecoder.of(buf).names("IPVS_CMD", t -> t == 1 ? "IPVS_CMD_ATTR_SERVICE" : null);
    assertThat(d.next()).isTrue();
    AttributeDecoder kept = d.nestedDecoder(t -> t == 4 ? "IPVS_SVC_ATTR_PORT" : null);
    assertThat(d.next()).isTrue();
    assertThat(d.u32()).isEqualTo(1); // the parent moved on before the nest is read
    assertThat(d.next()).isFalse();
    assertThat(d.ok()).isTrue();
    assertThat(kept.next()).isTrue();
    assertThat(kept.be16()).isZero();
    assertThat(d.ok()).isFalse();
    assertThatThrownBy(d::finish)
        .hasMessage("IPVS_CMD > IPVS_CMD_ATTR_SERVICE > IPVS_SVC_ATTR_PORT: attribute 4 is not a be16; length 3");
    assertThat(d.nestedDecoder(null)).isNull(); // nothing more once an error is recorded
  }

  /** An NLMSG_ERROR with {@code error}, echoing a capped request header of {@code seq}, with TLV bytes if given. */
  private static void errorMessage(ByteBuf out, int seq, int error, byte[] tlvs) {
    int flags = Netlink.NLM_F_CAPPED | (tlvs.length > 0 ? Netlink.NLM_F_ACK_TLVS : 0);
    new NlMsgHdr(NlMsgHdr.SIZE + Netlink.NLMSGERR_SIZE + tlvs.length, Netlink.NLMSG_ERROR, flags, seq, 0).write(out);
    NativeOrder.writeInt(out, error);
    new NlMsgHdr(NlMsgHdr.SIZE, 16, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, seq, 7).write(out);
    out.writeBytes(tlvs);
  }

  @Test
  void plainAcksAreReadInPlaceAndEverythingElseIsAMessage() {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      errorMessage(buf, 41, 0, new byte[0]); // plain ack
      errorMessage(buf, 42, -2, new byte[0]); // ENOENT
      // an ack with an extended-ack message TLV: {len 8, NLMSGERR_ATTR_MSG, "hi\0" + pad}
      errorMessage(buf, 43, 0, new byte[] {7, 0, (byte) Netlink.NLMSGERR_ATTR_MSG, 0, 'h', 'i', 0, 0});
      List<String> seen = new ArrayList<>();
      NetlinkMessages.forEach(
          buf,
          seq -> seen.add("ack " + seq),
          m -> seen.add("message " + m.seq() + " " + NetlinkError.decode(m).errno() + " "
              + NetlinkError.decode(m).message().orElse("-")));
      assertThat(seen).containsExactly("ack 41", "message 42 2 -", "message 43 0 hi");
      // without an ack sink, the ack is a message like the rest
      assertThat(NetlinkMessages.decodeAll(buf)).extracting(NetlinkMessage::seq).containsExactly(41, 42, 43);
    } finally {
      buf.release();
    }
  }

  @Test
  void firstErrorIsStickyAndCallersCanFail() {
    AttributeDecoder d = AttributeDecoder.of(Hex.wrap(Hex.bytes("05000100" + "01000000" + "05000200" + "02000000")));
    assertThat(d.next()).isTrue();
    d.u32(); // wrong: length 1
    d.u16(); // ignored: an error is already recorded
    d.fail("later");
    assertThat(d.next()).isFalse();
    assertThat(d.error()).get().extracting(Throwable::getMessage).isEqualTo("attribute 1 is not a u32; length 1");
    AttributeDecoder f = AttributeDecoder.of(Hex.wrap(Hex.bytes("05000100" + "09000000"))).names("SVC", t -> "AF");
    f.next();
    if (f.u8() != 2) {
      f.fail("address family 9 (expected: 2 or 10)");
    }
    assertThatThrownBy(f::finish).hasMessage("SVC > AF: address family 9 (expected: 2 or 10)");
  }

  @Test
  void unknownTypesAreSkippedAndFlagBitsMasked() {
    ByteBuf buf = Hex.wrap(Hex.bytes("08006300" + "01020304" + "06000140" + "00500000" + "04000280"));
    AttributeDecoder d = AttributeDecoder.of(buf);
    int seen = 0;
    while (d.next()) {
      switch (d.type()) {
        case 1 -> {
          assertThat(d.hasNetByteOrderFlag()).isTrue();
          assertThat(d.rawType()).isEqualTo(0x4001);
          assertThat(d.be16()).isEqualTo(80);
          seen++;
        }
        case 2 -> {
          assertThat(d.hasNestedFlag()).isTrue();
          assertThat(d.length()).isZero();
          seen++;
        }
        default -> {} // 99: unknown, skipped
      }
    }
    d.finish();
    assertThat(seen).isEqualTo(2);
  }

  @Test
  void structuralErrors() {
    assertThat(error("0300" + "0100")).isEqualTo("attribute 1 at offset 0 has length 3 (expected: at least 4)");
    assertThat(error("0000" + "0100")).isEqualTo("attribute 1 at offset 0 has length 0 (expected: at least 4)");
    assertThat(error("0c000100" + "00000000")).isEqualTo("attribute 1 at offset 0 has length 12, beyond the 8 bytes left");
    assertThat(error("04000100" + "0400")).isEqualTo("trailing 2 bytes at offset 4 are too short for an attribute header");
    AttributeDecoder outside = AttributeDecoder.of(Hex.wrap(new byte[4]), 2, 8);
    assertThat(outside.next()).isFalse();
    assertThat(outside.ok()).isFalse();
  }

  private static String error(String hex) {
    AttributeDecoder d = AttributeDecoder.of(Hex.wrap(Hex.bytes(hex)));
    while (d.next()) {
      d.bytes();
    }
    return d.error().orElseThrow().getMessage();
  }

  @Test
  void messagesSplitAtAlignedBoundaries() {
    // Two messages in one datagram: a 17-byte NOOP padded to 20, then a 20-byte NLMSG_DONE {error 0}.
    ByteBuf buf =
        Hex.wrap(Hex.bytes("11000000" + "0100" + "0200" + "07000000" + "00000000" + "ff" + "000000"
            + "14000000" + "0300" + "0200" + "07000000" + "00000000" + "00000000"));
    List<NetlinkMessage> messages = NetlinkMessages.decodeAll(buf);
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).header()).isEqualTo(new NlMsgHdr(17, Netlink.NLMSG_NOOP, Netlink.NLM_F_MULTI, 7, 0));
    assertThat(messages.get(0).copyPayload()).containsExactly((byte) 0xff);
    assertThat(messages.get(1).isDone()).isTrue();
    assertThat(NetlinkError.decodeDone(messages.get(1)).isAck()).isTrue();
    assertThat(buf.readerIndex()).isZero();
  }

  @Test
  void messageLengthErrors() {
    assertThatThrownBy(() -> NetlinkMessages.decodeAll(Hex.wrap(Hex.bytes("0f000000" + "0100" + "0000" + "0000000000000000"))))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage("nlmsghdr: message at offset 0 has nlmsg_len 15 (expected: at least 16)");
    assertThatThrownBy(() -> NetlinkMessages.decodeAll(Hex.wrap(Hex.bytes("ffffffff" + "0100" + "0000" + "0000000000000000"))))
        .hasMessage("nlmsghdr: message at offset 0 has nlmsg_len 4294967295, beyond the 16 bytes left");
    assertThatThrownBy(() -> NetlinkMessages.decodeAll(Hex.wrap(Hex.bytes("10000000" + "0100"))))
        .hasMessage("nlmsghdr: trailing 6 bytes at offset 0 (expected: at least 16)");
  }

  @Test
  void handBuiltErrorWithExtack() {
    // NLMSG_ERROR, NLM_F_CAPPED|NLM_F_ACK_TLVS: error -EEXIST(17), echoed header, MSG "exists", OFFS 20, MISS_TYPE 6
    byte[] bytes =
        Hex.bytes("48000000" + "0200" + "0003" + "05000000" + "00000000"
            + "efffffff" + "20000000" + "2200" + "0500" + "05000000" + "99000000"
            + "0b000100" + "657869737473" + "00" + "00"
            + "08000200" + "14000000"
            + "08000500" + "06000000"
            + "08000300" + "cafebabe");
    NetlinkMessage m = NetlinkMessages.decodeAll(Hex.wrap(bytes)).get(0);
    NetlinkError e = NetlinkError.decode(m);
    assertThat(e.errno()).isEqualTo(Errno.EEXIST);
    assertThat(e.isAck()).isFalse();
    assertThat(e.capped()).isTrue();
    assertThat(e.request()).contains(new NlMsgHdr(32, 0x22, 5, 5, 0x99));
    assertThat(e.message()).contains("exists");
    assertThat(e.offset()).hasValue(20);
    assertThat(e.missingType()).hasValue(6);
    assertThat(e.missingNest()).isEmpty();
    assertThat(Errno.of(e.errno())).hasToString("EEXIST(17): File exists");
  }

  @Test
  void doneWithErrorAndMessage() {
    byte[] bytes = Hex.bytes("20000000" + "0300" + "0202" + "09000000" + "00000000"
        + "eaffffff" + "0a000100" + "626164210000" + "0000");
    NetlinkError e = NetlinkError.decodeDone(NetlinkMessages.decodeAll(Hex.wrap(bytes)).get(0));
    assertThat(e.errno()).isEqualTo(Errno.EINVAL);
    assertThat(e.message()).contains("bad!");
    assertThat(e.request()).isEmpty();
  }

  @Test
  void malformedErrors() {
    // too short for struct nlmsgerr
    assertThatThrownBy(() -> NetlinkError.decode(NetlinkMessages.decodeAll(Hex.wrap(Hex.bytes(
            "14000000" + "0200" + "0000" + "00000000" + "00000000" + "feffffff"))).get(0)))
        .hasMessage("nlmsgerr: 4 bytes (expected: at least 20)");
    // uncapped, but the echoed request claims more than was sent back
    assertThatThrownBy(() -> NetlinkError.decode(NetlinkMessages.decodeAll(Hex.wrap(Hex.bytes(
            "24000000" + "0200" + "0000" + "00000000" + "00000000" + "feffffff"
                + "40000000" + "1000" + "0500" + "01000000" + "00000000"))).get(0)))
        .hasMessage("nlmsgerr: echoed request has nlmsg_len 64 (expected: 16-16)");
    // a positive error code
    assertThatThrownBy(() -> NetlinkError.decode(NetlinkMessages.decodeAll(Hex.wrap(Hex.bytes(
            "24000000" + "0200" + "0001" + "00000000" + "00000000" + "02000000"
                + "10000000" + "1000" + "0500" + "01000000" + "00000000"))).get(0)))
        .hasMessage("nlmsgerr: error 2 (expected: 0 or a negative errno)");
    assertThatThrownBy(() -> NetlinkError.decode(NetlinkMessage.of(new NlMsgHdr(16, 3, 0, 0, 0), new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errnoNames() {
    assertThat(Errno.of(105).name()).isEqualTo("ENOBUFS");
    assertThat(Errno.of(105).description()).isEqualTo("No buffer space available");
    assertThat(Errno.of(300)).hasToString("errno 300(300): Unknown error 300");
    assertThatThrownBy(() -> Errno.of(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
