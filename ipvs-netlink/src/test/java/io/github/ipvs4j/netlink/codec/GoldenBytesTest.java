package io.github.ipvs4j.netlink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Decodes datagrams captured from a real kernel (see the comments in src/test/resources/golden). */
class GoldenBytesTest {
  @BeforeEach
  void littleEndianHost() {
    assumeTrue(NativeOrder.LITTLE_ENDIAN, "captured on a little-endian host");
  }

  private static NetlinkMessage only(String file) {
    List<NetlinkMessage> messages = NetlinkMessages.decodeAll(Hex.wrap(Hex.golden(file)));
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  @Test
  void nlctrlFamily() {
    NetlinkMessage m = only("nlctrl-getfamily-reply.hex");
    assertThat(m.type()).isEqualTo(GenlCtrl.GENL_ID_CTRL);
    assertThat(m.genlHeader()).isEqualTo(new GenlMsgHdr(GenlCtrl.CTRL_CMD_NEWFAMILY, 2, 0));
    GenlFamily f = GenlFamily.decode(m);
    assertThat(f.id()).isEqualTo(16);
    assertThat(f.name()).isEqualTo("nlctrl");
    assertThat(f.version()).isEqualTo(2);
    assertThat(f.headerSize()).isZero();
    assertThat(f.maxAttribute()).isZero();
    assertThat(f.operations())
        .containsExactly(
            new GenlFamily.Operation(GenlCtrl.CTRL_CMD_GETFAMILY, 0x0e),
            new GenlFamily.Operation(GenlCtrl.CTRL_CMD_GETPOLICY, 0x0c));
    assertThat(f.multicastGroups()).containsExactly(new GenlFamily.MulticastGroup("notify", 16));
  }

  @Test
  void ack() {
    NetlinkError e = NetlinkError.decode(only("ack-capped.hex"));
    assertThat(e.isAck()).isTrue();
    assertThat(e.capped()).isTrue();
    assertThat(e.request().orElseThrow().type()).isEqualTo(GenlCtrl.GENL_ID_CTRL);
    assertThat(e.request().orElseThrow().flags()).isEqualTo(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
  }

  @Test
  void enoentCappedAndUncapped() {
    NetlinkError capped = NetlinkError.decode(only("enoent-capped.hex"));
    assertThat(capped.errno()).isEqualTo(Errno.ENOENT);
    assertThat(capped.capped()).isTrue();
    assertThat(capped.message()).isEmpty();
    NetlinkError uncapped = NetlinkError.decode(only("enoent-uncapped.hex"));
    assertThat(uncapped.errno()).isEqualTo(Errno.ENOENT);
    assertThat(uncapped.capped()).isFalse();
    assertThat(uncapped.request().orElseThrow().length()).isEqualTo(36);
  }

  @Test
  void einvalWithExtendedAck() {
    for (String file : List.of("einval-capped-extack.hex", "einval-uncapped-extack.hex")) {
      NetlinkMessage m = only(file);
      assertThat(m.hasFlags(Netlink.NLM_F_ACK_TLVS)).isTrue();
      NetlinkError e = NetlinkError.decode(m);
      assertThat(e.errno()).isEqualTo(Errno.EINVAL);
      assertThat(e.message()).contains("Attribute failed policy validation");
      assertThat(e.offset()).hasValue(20); // CTRL_ATTR_FAMILY_NAME right after nlmsghdr + genlmsghdr
      assertThat(e.capped()).isEqualTo(file.contains("-capped"));
    }
  }
}
