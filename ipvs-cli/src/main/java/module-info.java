/** jipvsadm, the ipvsadm-compatible command line. */
module io.github.ipvs4j.cli {
  requires io.github.ipvs4j.textformat;
  requires io.github.ipvs4j.netlink; // the kernel client, which Ipvs.open finds through its provider
  requires io.github.ipvs4j.sysctl; // NetNamespace, to read -c's /proc table inside --netns

  exports io.github.ipvs4j.cli;
}
