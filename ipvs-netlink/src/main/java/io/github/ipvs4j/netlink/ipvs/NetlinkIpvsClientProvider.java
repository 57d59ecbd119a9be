package io.github.ipvs4j.netlink.ipvs;

import io.github.ipvs4j.IpvsClient;
import io.github.ipvs4j.IpvsOptions;
import io.github.ipvs4j.netlink.NetlinkIpvsClient;
import io.github.ipvs4j.spi.IpvsClientProvider;

/**
 * The {@link IpvsClientProvider} of ipvs-netlink: {@code Ipvs.open(options)} finds it on the module path ({@code
 * provides} in module-info) and on the class path ({@code META-INF/services}). Not API; public only for the service
 * loader.
 */
public final class NetlinkIpvsClientProvider implements IpvsClientProvider {
  /** Called by the service loader. */
  public NetlinkIpvsClientProvider() {}

  /** {@code "netlink"}. */
  @Override
  public String name() {
    return "netlink";
  }

  /** Opens a {@link NetlinkIpvsClient}. */
  @Override
  public IpvsClient open(IpvsOptions options) {
    return NetlinkIpvsClient.open(options);
  }
}
