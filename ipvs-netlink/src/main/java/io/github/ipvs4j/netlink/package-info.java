/**
 * ipvs4j's netlink implementation of the IPVS client: {@link io.github.ipvs4j.netlink.NetlinkIpvsClient}, built on
 * {@link io.github.ipvs4j.netlink.transport.NetlinkConnection} and the {@link io.github.ipvs4j.netlink.codec} package.
 * {@code Ipvs.open()} finds it through the {@code IpvsClientProvider} service; {@code NetlinkIpvsClient.open(...)}
 * opens it without the service loader. The IPVS message codecs live in {@code io.github.ipvs4j.netlink.ipvs}, which is
 * not exported.
 */
package io.github.ipvs4j.netlink;
