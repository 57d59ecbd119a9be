/**
 * ipvs4j sysctl: typed LVS sysctls ({@code /proc/sys}), VIP aliases over rtnetlink and LVS role recipes (NAT, DR and
 * TUN directors and real servers) that apply and revert exactly. Never runs a process; never touches a sysctl or an
 * address unless asked.
 *
 * <p>Exported: {@code io.github.ipvs4j.sysctl}. {@code ...sysctl.internal.ffi} is <em>not</em> API: it holds the
 * jnr-ffi binding for {@code setns(2)}, and jnr-ffi defines its generated class in an unnamed module, so the package
 * must be exported unqualified (as in {@code io.github.ipvs4j.netlink}).
 */
module io.github.ipvs4j.sysctl {
  requires transitive io.github.ipvs4j;
  requires io.github.ipvs4j.netlink;
  requires org.jnrproject.ffi; // automatic module
  requires org.objectweb.asm; // jnr-ffi is automatic, so ASM is not resolved unless someone requires it
  requires org.slf4j;

  exports io.github.ipvs4j.sysctl;
  // Internal: exported only because jnr-ffi's generated class must see the interface. Do not use.
  exports io.github.ipvs4j.sysctl.internal.ffi;
}
