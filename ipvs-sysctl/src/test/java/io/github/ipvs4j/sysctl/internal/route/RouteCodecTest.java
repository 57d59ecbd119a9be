package io.github.ipvs4j.sysctl.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.Addresses;
import io.github.ipvs4j.MalformedMessageException;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import io.github.ipvs4j.netlink.codec.NetlinkMessages;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.codec.NlMsgHdr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** rtnetlink codec: round trips, golden bytes, mutated bytes (issue #6). */
class RouteCodecTest {
  static NetlinkMessage message(int type, Consumer<ByteBuf> payload) {
    ByteBuf b = Unpooled.buffer();
    try {
      payload.accept(b);
      byte[] bytes = ByteBufUtil.getBytes(b);
      return NetlinkMessage.of(new NlMsgHdr(16 + bytes.length, type, 0, 1, 0), bytes);
    } finally {
      b.release();
    }
  }

  static String hex(Consumer<ByteBuf> payload) {
    ByteBuf b = Unpooled.buffer();
    try {
      payload.accept(b);
      return ByteBufUtil.hexDump(b);
    } finally {
      b.release();
    }
  }

  @Provide
  Arbitrary<IfAddrMessage> addresses() {
    Arbitrary<Boolean> v6 = Arbitraries.of(true, false);
    return v6.flatMap(six -> Combinators.combine(
            Arbitraries.integers().between(0, six ? 128 : 32),
            Arbitraries.integers(),
            Arbitraries.integers().between(0, 255),
            Arbitraries.integers().between(1, Integer.MAX_VALUE),
            Arbitraries.bytes().array(byte[].class).ofSize(six ? 16 : 4),
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(15).optional())
        .as((prefix, flags, scope, index, addr, label) -> new IfAddrMessage(
            six ? Rtnl.AF_INET6 : Rtnl.AF_INET, prefix, flags == 0 ? 0 : flags, scope, index, addr,
            six ? null : addr, six ? Optional.empty() : label)));
  }

  @Property
  void addressRoundTrip(@ForAll("addresses") IfAddrMessage m) {
    IfAddrMessage back = IfAddrMessage.decode(message(Rtnl.RTM_NEWADDR, m::writePayload));
    // ifa_flags carries the low 8 bits; IFA_FLAGS the whole value whenever any bit is set.
    assertThat(back).isEqualTo(m);
  }

  /**
   * A dump datagram of several messages decodes from views of the receive buffer (as {@code VipAliases} reads its
   * dumps) exactly as from copies: each view's fixed header and attributes end at its own message.
   */
  @Property(tries = 200)
  void decodesAlikeInPlace(
      @ForAll("addresses") IfAddrMessage a, @ForAll("links") IfInfoMessage l, @ForAll("addresses") IfAddrMessage b) {
    List<NetlinkMessage> parts = List.of(message(Rtnl.RTM_NEWADDR, a::writePayload),
        message(Rtnl.RTM_NEWLINK, l::writePayload), message(Rtnl.RTM_NEWADDR, b::writePayload));
    ByteBuf datagram = Unpooled.buffer();
    try {
      for (NetlinkMessage part : parts) {
        part.header().write(datagram);
        datagram.writeBytes(part.copyPayload());
        datagram.writeZero(-datagram.writerIndex() & 3); // NLMSG_ALIGN
      }
      List<Object> inPlace = new ArrayList<>();
      NetlinkMessages.forEachInPlace(datagram, seq -> { }, v -> inPlace.add(
          v.type() == Rtnl.RTM_NEWLINK ? IfInfoMessage.decode(v) : IfAddrMessage.decode(v)));
      assertThat(inPlace).containsExactly(a, l, b);
    } finally {
      datagram.release();
    }
  }

  @Provide
  Arbitrary<IfInfoMessage> links() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 65535),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.integers(),
            Arbitraries.integers(),
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(15).optional(),
            Arbitraries.of("dummy", "ipip", "veth", "gre").optional())
        .as((type, index, flags, change, name, kind) ->
            new IfInfoMessage(0, type, index, flags, change, name, kind));
  }

  @Property
  void linkRoundTrip(@ForAll("links") IfInfoMessage m) {
    assertThat(IfInfoMessage.decode(message(Rtnl.RTM_NEWLINK, m::writePayload))).isEqualTo(m);
  }

  @Property
  void routeRoundTrip(
      @ForAll byte[] dst0, @ForAll("tables") int table, @ForAll("positive") int oif) {
    byte[] dst = java.util.Arrays.copyOf(dst0, 4);
    RtMessage m = new RtMessage(Rtnl.AF_INET, 32, table, Rtnl.RTPROT_BOOT, Rtnl.RT_SCOPE_LINK, Rtnl.RTN_UNICAST, dst,
        oif);
    assertThat(RtMessage.decode(message(Rtnl.RTM_NEWROUTE, m::writePayload))).isEqualTo(m);
  }

  @Provide
  Arbitrary<Integer> tables() {
    return Arbitraries.oneOf(Arbitraries.of(254, 255), Arbitraries.integers().between(1, Integer.MAX_VALUE));
  }

  @Provide
  Arbitrary<Integer> positive() {
    return Arbitraries.integers().between(1, Integer.MAX_VALUE);
  }

  /**
   * Golden: the payload of {@code ip addr add 192.0.2.10/32 dev lo label lo:0} for ifindex 1 (ifaddrmsg
   * {2, 32, 0, 0, 1}, IFA_LOCAL, IFA_ADDRESS, IFA_LABEL "lo:0\0" padded to 8), on a little-endian host.
   */
  @Test
  void goldenAddVip() {
    byte[] a = {(byte) 192, 0, 2, 10};
    IfAddrMessage m = new IfAddrMessage(Rtnl.AF_INET, 32, 0, 0, 1, a, a, Optional.of("lo:0"));
    assertThat(hex(m::writePayload)).isEqualTo(
        "02200000" + "01000000"
            + "0800" + "0200" + "c000020a"
            + "0800" + "0100" + "c000020a"
            + "0900" + "0300" + "6c6f3a30" + "00" + "000000");
  }

  /** Golden: {@code ip link add dummy0 type dummy}: ifinfomsg zeros, IFLA_IFNAME, IFLA_LINKINFO{IFLA_INFO_KIND}. */
  @Test
  void goldenCreateDummy() {
    IfInfoMessage m = new IfInfoMessage(0, 0, 0, 0, 0, Optional.of("dummy0"), Optional.of("dummy"));
    assertThat(hex(m::writePayload)).isEqualTo(
        "00000000" + "00000000" + "00000000" + "00000000"
            + "0b00" + "0300" + "64756d6d793000" + "00"
            + "1000" + "1200" + "0a00" + "0100" + "64756d6d7900" + "0000");
  }

  @Test
  void aKernelDumpPartDecodes() {
    // RTM_NEWADDR for 127.0.0.1/8 on lo as the kernel sends it: IFA_ADDRESS, IFA_LOCAL, IFA_LABEL, IFA_FLAGS,
    // IFA_CACHEINFO (an attribute this codec ignores), and the permanent flag.
    String payload = "02088000" + "01000000"
        + "08000100" + "7f000001" + "08000200" + "7f000001" + "07000300" + "6c6f0000"
        + "08000800" + "80000000" + "14000600" + "ffffffff" + "ffffffff" + "0a000000" + "0a000000";
    IfAddrMessage m = IfAddrMessage.decode(NetlinkMessage.of(
        new NlMsgHdr(16 + payload.length() / 2, Rtnl.RTM_NEWADDR, 2, 1, 0), HexFormat.of().parseHex(payload)));
    assertThat(m.family()).isEqualTo(Rtnl.AF_INET);
    assertThat(m.prefixLength()).isEqualTo(8);
    assertThat(m.flags()).isEqualTo(Rtnl.IFA_F_PERMANENT);
    assertThat(m.index()).isEqualTo(1);
    assertThat(m.label()).contains("lo");
    assertThat(m.key()).contains(Addresses.parse("127.0.0.1"));
  }

  /** A label that is the expected device name is that same string; another label is still read as it is. */
  @Test
  void aLabelEqualToTheExpectedNameIsThatString() {
    byte[] a = {(byte) 192, 0, 2, 10};
    String lo = new String("lo");
    for (String label : List.of("lo", "lo:0")) {
      IfAddrMessage sent = new IfAddrMessage(Rtnl.AF_INET, 32, 0, 0, 1, a, a, Optional.of(label));
      NetlinkMessage m = message(Rtnl.RTM_NEWADDR, sent::writePayload);
      String read = IfAddrMessage.decode(m, index -> index == 1 ? lo : null,
          (family, prefix, flags, scope, index, address, local, l) -> l);
      assertThat(read).isEqualTo(label);
      assertThat(read == lo).as("the expected instance").isEqualTo(label.equals(lo));
      assertThat(IfAddrMessage.decode(m)).isEqualTo(sent);
    }
  }

  @Property
  void mutatedBytesRaiseOnlyMalformedMessage(@ForAll("addresses") IfAddrMessage m, @ForAll("mutations") List<Integer> at) {
    ByteBuf b = Unpooled.buffer();
    byte[] bytes;
    try {
      m.writePayload(b);
      bytes = ByteBufUtil.getBytes(b);
    } finally {
      b.release();
    }
    for (int i = 0; i + 1 < at.size(); i += 2) {
      int pos = Math.floorMod(at.get(i), bytes.length);
      bytes[pos] = (byte) (int) at.get(i + 1);
    }
    int cut = at.isEmpty() ? bytes.length : Math.floorMod(at.get(0), bytes.length + 1);
    byte[] cutBytes = java.util.Arrays.copyOf(bytes, cut);
    NetlinkMessage msg = NetlinkMessage.of(new NlMsgHdr(16 + cut, Rtnl.RTM_NEWADDR, 0, 1, 0), cutBytes);
    for (Runnable r : List.<Runnable>of(
        () -> IfAddrMessage.decode(msg), () -> IfInfoMessage.decode(msg), () -> RtMessage.decode(msg))) {
      try {
        r.run();
      } catch (MalformedMessageException expected) {
        // the only exception allowed
      }
    }
  }

  @Provide
  Arbitrary<List<Integer>> mutations() {
    return Arbitraries.integers().list().ofMaxSize(8);
  }

  @Test
  void shortHeadersAreMalformed() {
    NetlinkMessage m = NetlinkMessage.of(new NlMsgHdr(20, Rtnl.RTM_NEWADDR, 0, 1, 0), new byte[4]);
    assertThatThrownBy(() -> IfAddrMessage.decode(m)).isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> IfInfoMessage.decode(m)).isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> RtMessage.decode(m)).isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void requestsAreFramed() {
    NetlinkRequest r = NetlinkRequest.of(Rtnl.RTM_GETADDR, 0, out -> out.writeZero(Rtnl.IFADDRMSG_SIZE));
    ByteBuf b = Unpooled.buffer();
    try {
      int len = r.writeTo(b, 0x301, 7, 0);
      assertThat(len).isEqualTo(24);
      List<NetlinkMessage> back = NetlinkMessages.decodeAll(b);
      assertThat(back).singleElement().satisfies(x -> assertThat(x.type()).isEqualTo(Rtnl.RTM_GETADDR));
    } finally {
      b.release();
    }
  }
}
