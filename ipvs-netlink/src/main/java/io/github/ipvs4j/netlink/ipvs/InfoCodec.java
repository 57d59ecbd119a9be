package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.IpvsInfo;
import io.github.ipvs4j.netlink.codec.AttributeDecoder;
import io.github.ipvs4j.netlink.codec.AttributeEncoder;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi.InfoAttr;

/** The GET_INFO reply: top-level {@code IPVS_INFO_ATTR_VERSION} and {@code CONN_TAB_SIZE} (u32). Stateless. */
public final class InfoCodec {
  private InfoCodec() {}

  /** Writes the reply's attributes, as the kernel does. */
  public static void encode(IpvsInfo info, AttributeEncoder e) {
    e.u32(InfoAttr.VERSION, info.versionCode());
    e.u32(InfoAttr.CONN_TAB_SIZE, (int) info.connectionTableSize());
  }

  /** Decodes the reply's attributes; a missing one is 0. Errors stay in {@code d}. */
  public static IpvsInfo decode(AttributeDecoder d) {
    int version = 0;
    long size = 0;
    while (d.next()) {
      switch (d.type()) {
        case InfoAttr.VERSION -> version = d.u32();
        case InfoAttr.CONN_TAB_SIZE -> size = Integer.toUnsignedLong(d.u32());
        default -> { }
      }
    }
    return new IpvsInfo(version, size);
  }
}
