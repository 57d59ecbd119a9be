/**
 * ipvs4j's netlink implementation of the IPVS client. The client itself arrives here next; it is built on
 * {@link io.github.ipvs4j.netlink.transport.NetlinkConnection} and the {@link io.github.ipvs4j.netlink.codec} package.
 */
package io.github.ipvs4j.netlink;
