/**
 * ipvs4j over netlink: the {@code IpvsClient} that talks to the kernel's IPVS generic-netlink family, and the netlink
 * codec and transport it is built on. No process is ever spawned.
 *
 * <p>Exported packages: {@code io.github.ipvs4j.netlink} (the client), {@code ...netlink.codec} and
 * {@code ...netlink.transport} (low-level API, also used by {@code ipvs-sysctl} for rtnetlink), and
 * {@code ...netlink.transport.internal.ffi}, which is <em>not</em> API: it holds the jnr-ffi binding, and jnr-ffi
 * defines its generated implementation class in an unnamed module, so the package must be exported unqualified.
 */
module io.github.ipvs4j.netlink {
  requires transitive io.github.ipvs4j;
  requires org.jnrproject.ffi; // automatic module; -Xlint:-requires-automatic is set in the parent pom
  requires org.objectweb.asm; // jnr-ffi is automatic, so ASM is not resolved unless someone requires it
  requires transitive io.netty.buffer; // ByteBuf is part of the codec and transport API
  requires org.slf4j;

  exports io.github.ipvs4j.netlink;
  exports io.github.ipvs4j.netlink.codec;
  exports io.github.ipvs4j.netlink.transport;
  // Internal: exported only because jnr-ffi's generated class must see the interface. Do not use.
  exports io.github.ipvs4j.netlink.transport.internal.ffi;
  // io.github.ipvs4j.netlink.ipvs (IPVS message codecs) is deliberately not exported.

  provides io.github.ipvs4j.spi.IpvsClientProvider with
      io.github.ipvs4j.netlink.ipvs.NetlinkIpvsClientProvider;
}
