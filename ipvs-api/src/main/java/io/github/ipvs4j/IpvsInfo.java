package io.github.ipvs4j;

import io.github.ipvs4j.internal.Checks;

/**
 * What {@code IPVS_CMD_GET_INFO} reports: the IPVS version and the connection hash table's size.
 *
 * @param versionCode {@code IPVS_INFO_ATTR_VERSION}, {@code IP_VS_VERSION_CODE} such as 0x010201 for 1.2.1
 * @param connectionTableSize {@code IPVS_INFO_ATTR_CONN_TAB_SIZE}, 0-4294967295, such as 4096
 */
public record IpvsInfo(int versionCode, long connectionTableSize) {
  /** Checks every argument. */
  public IpvsInfo {
    Checks.range("connectionTableSize", connectionTableSize, 0, 0xFFFF_FFFFL);
  }

  /** The version as {@code "major.minor.patch"}, such as {@code "1.2.1"}. */
  public String version() {
    return ((versionCode >>> 16) & 0xff) + "." + ((versionCode >>> 8) & 0xff) + "." + (versionCode & 0xff);
  }

  /** {@code "IP Virtual Server version 1.2.1 (size=4096)"}, as {@code ipvsadm -L} heads its listing. */
  @Override
  public String toString() {
    return "IP Virtual Server version " + version() + " (size=" + connectionTableSize + ")";
  }
}
