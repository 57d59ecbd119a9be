package io.github.ipvs4j.netlink.transport;

import io.github.ipvs4j.MalformedMessageException;
import io.github.ipvs4j.netlink.codec.Errno;
import io.github.ipvs4j.netlink.codec.GenlCtrl;
import io.github.ipvs4j.netlink.codec.GenlFamily;
import io.github.ipvs4j.netlink.codec.Netlink;
import io.github.ipvs4j.netlink.codec.NetlinkMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Generic-netlink look-ups through nlctrl. */
public final class GenericNetlink {
  private GenericNetlink() {}

  /**
   * Looks up the family {@code name} (e.g. {@code "IPVS"}) with {@code CTRL_CMD_GETFAMILY}. An absent family (nlctrl
   * answers {@code ENOENT}) is {@link Optional#empty()}, so the IPVS layer can throw its "IPVS unavailable" exception.
   * Resolve once per connection and keep the result: family ids do not change while the module stays loaded.
   *
   * @param connection a {@link Netlink#NETLINK_GENERIC} connection
   * @throws NetlinkErrorException for any error other than {@code ENOENT}
   * @throws MalformedMessageException if nlctrl's reply does not decode
   */
  public static Optional<GenlFamily> resolveFamily(NetlinkConnection connection, String name) throws NetlinkException {
    Objects.requireNonNull(name, "name");
    if (connection.protocol() != Netlink.NETLINK_GENERIC) {
      throw new IllegalArgumentException(
          "connection: protocol " + connection.protocol() + " (expected: NETLINK_GENERIC " + Netlink.NETLINK_GENERIC
              + ")");
    }
    List<NetlinkMessage> replies;
    try {
      replies = connection.request(GenlFamily.request(name));
    } catch (NetlinkErrorException e) {
      if (e.error().errno() == Errno.ENOENT) {
        return Optional.empty();
      }
      throw e;
    }
    for (NetlinkMessage m : replies) {
      if (m.type() == GenlCtrl.GENL_ID_CTRL) {
        return Optional.of(GenlFamily.decode(m));
      }
    }
    throw new MalformedMessageException("CTRL_CMD_GETFAMILY " + name + ": nlctrl acknowledged without a reply");
  }
}
