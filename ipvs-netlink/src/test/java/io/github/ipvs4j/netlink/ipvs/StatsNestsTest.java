package io.github.ipvs4j.netlink.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.MalformedMessageException;
import io.github.ipvs4j.ServiceStatus;
import io.github.ipvs4j.Stats;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.codec.NetlinkMessages;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.CmdAttr;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.DestAttr;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.StatsAttr;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.SvcAttr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Replies carry the counters twice, {@code STATS} (u32) and {@code STATS64}: the decoders keep both nests and decode
 * only the one they use, the wide one when present.
 */
class StatsNestsTest {
  private static final byte[] DEST_ADDR = {(byte) 198, 51, 100, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  private static AttributeDecoder decoder(Consumer<AttributeEncoder> body) {
    ByteBuf buf = Unpooled.buffer();
    body.accept(new AttributeEncoder(buf));
    return AttributeDecoder.of(buf);
  }

  private static void destination(AttributeEncoder e) {
    e.bytes(DestAttr.ADDR, DEST_ADDR);
    e.be16(DestAttr.PORT, 8080);
    e.u32(DestAttr.FWD_METHOD, 0);
    e.u32(DestAttr.WEIGHT, 1);
  }

  private static void service(AttributeEncoder e) {
    e.u16(SvcAttr.AF, AddressFamily.INET.code());
    e.u16(SvcAttr.PROTOCOL, 6);
    e.bytes(SvcAttr.ADDR, new byte[] {(byte) 192, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    e.be16(SvcAttr.PORT, 80);
    e.string(SvcAttr.SCHED_NAME, "rr");
  }

  @Test
  void theWideNestWinsWhenBothAreThere() {
    DestinationStatus d =
        DestinationCodec.decode(
            decoder(e -> {
              destination(e);
              e.nested(DestAttr.STATS, n -> n.u32(StatsAttr.CONNS, 7));
              e.nested(DestAttr.STATS64, n -> n.u64(StatsAttr.CONNS, 0x1_0000_0007L));
            }),
            AddressFamily.INET);
    assertThat(d.stats().connections()).isEqualTo(0x1_0000_0007L);
    ServiceStatus s =
        ServiceCodec.decode(
            decoder(e -> {
              service(e);
              e.nested(SvcAttr.STATS, n -> n.u32(StatsAttr.INPKTS, 3));
              e.nested(SvcAttr.STATS64, n -> n.u64(StatsAttr.INPKTS, 5));
            }));
    assertThat(s.stats().inPackets()).isEqualTo(5);
  }

  @Test
  void theNarrowNestCountsAloneAndNoNestIsZero() {
    DestinationStatus d =
        DestinationCodec.decode(
            decoder(e -> {
              destination(e);
              e.nested(DestAttr.STATS, n -> n.u32(StatsAttr.CONNS, 7));
            }),
            AddressFamily.INET);
    assertThat(d.stats().connections()).isEqualTo(7);
    DestinationStatus none = DestinationCodec.decode(decoder(StatsNestsTest::destination), AddressFamily.INET);
    assertThat(none.stats().connections()).isZero();
  }

  @Test
  void aMalformedNestThatIsUsedStillFailsTheDecode() {
    AttributeDecoder d =
        decoder(e -> {
          destination(e);
          e.nested(DestAttr.STATS, n -> n.u16(StatsAttr.CONNS, 7)); // 2 bytes: neither u32 nor u64
        }).names("IPVS_CMD_ATTR_DEST", DestAttr::name);
    assertThat(DestinationCodec.decode(d, AddressFamily.INET)).isNull();
    assertThatThrownBy(d::finish)
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("IPVS_DEST_ATTR_STATS > IPVS_STATS_ATTR_CONNS");
  }

  @Test
  void everyCounterLandsInItsOwnField() {
    Stats distinct = new Stats(1, 2, 3, 4, 5, 6, 7, 8, 9, 0x1_0000_000AL);
    for (boolean wide : new boolean[] {false, true}) {
      Stats back = StatsCodec.decode(decoder(e -> StatsCodec.encode(distinct, wide, e)));
      // the narrow nest cuts rates to 32 bits, as the kernel's struct ip_vs_stats_user does
      assertThat(back).isEqualTo(wide ? distinct : new Stats(1, 2, 3, 4, 5, 6, 7, 8, 9, 0xA));
    }
  }

  /** A NEW_DEST part whose STATS64 nest holds a u16 where a u64 belongs. */
  private static ByteBuf destinationWithMalformedStats() {
    ByteBuf buf = Unpooled.buffer();
    NetlinkRequest.genl(
            0x1d,
            IpvsUapi.Cmd.NEW_DEST,
            1,
            e -> e.nested(CmdAttr.DEST, d -> {
              destination(d);
              d.nested(DestAttr.STATS64, n -> n.u16(StatsAttr.CONNS, 7));
            }))
        .writeTo(buf, 0, 1, 0);
    return buf;
  }

  @Test
  void aMalformedNestNamesItsWholePathFromTheMessage() {
    ByteBuf buf = destinationWithMalformedStats();
    String path = "IPVS_CMD_NEW_DEST > IPVS_CMD_ATTR_DEST > IPVS_DEST_ATTR_STATS64 > IPVS_STATS_ATTR_CONNS";
    assertThatThrownBy(() -> IpvsReplies.destination(NetlinkMessages.decodeAll(buf).get(0), AddressFamily.INET))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining(path);
    assertThatThrownBy(
            () -> NetlinkMessages.forEachInPlace(buf, null, m -> IpvsReplies.destination(m, AddressFamily.INET)))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining(path);
  }

  /** A read of specifications only (a snapshot) steps over the counters: their nest is not decoded, so not judged. */
  @Test
  void aSpecReadStepsOverTheStatisticsNests() {
    ByteBuf buf = destinationWithMalformedStats();
    Destination spec = IpvsReplies.destinationSpec(NetlinkMessages.decodeAll(buf).get(0), AddressFamily.INET);
    assertThat(spec.port()).isEqualTo(8080);
    assertThat(spec.weight()).isEqualTo(1);
  }
}
