package io.github.ipvs4j;

/**
 * What ipvs4j was doing when an {@link IpvsException} was thrown: one constant per IPVS generic-netlink command
 * ({@code IPVS_CMD_*} in {@code include/uapi/linux/ip_vs.h}), split where the kernel's one command serves two
 * purposes (a GET_SERVICE request for one service vs. a dump of all), plus {@link #OPEN} and {@link #NONE}.
 *
 * <p>The kernel's answer to an errno depends on the command as much as on the errno (ENOENT on add-service means the
 * scheduler module was not found, on delete-destination that the destination does not exist), so every exception
 * carries its operation; see {@link IpvsException#forErrno}.
 */
public enum IpvsOperation {
  /** {@code IPVS_CMD_NEW_SERVICE}: add a virtual service ({@code ipvsadm -A}). */
  ADD_SERVICE("add service", "IPVS_CMD_NEW_SERVICE"),
  /** {@code IPVS_CMD_SET_SERVICE}: replace a virtual service's settings ({@code ipvsadm -E}). */
  EDIT_SERVICE("edit service", "IPVS_CMD_SET_SERVICE"),
  /** {@code IPVS_CMD_DEL_SERVICE}: delete a virtual service and its destinations ({@code ipvsadm -D}). */
  DEL_SERVICE("delete service", "IPVS_CMD_DEL_SERVICE"),
  /** {@code IPVS_CMD_GET_SERVICE} as a request for one service. */
  GET_SERVICE("get service", "IPVS_CMD_GET_SERVICE"),
  /** {@code IPVS_CMD_GET_SERVICE} as a dump of every service. */
  GET_SERVICES("list services", "IPVS_CMD_GET_SERVICE"),
  /** {@code IPVS_CMD_NEW_DEST}: add a destination (real server) to a service ({@code ipvsadm -a}). */
  ADD_DEST("add destination", "IPVS_CMD_NEW_DEST"),
  /** {@code IPVS_CMD_SET_DEST}: replace a destination's settings ({@code ipvsadm -e}). */
  EDIT_DEST("edit destination", "IPVS_CMD_SET_DEST"),
  /** {@code IPVS_CMD_DEL_DEST}: delete a destination ({@code ipvsadm -d}). */
  DEL_DEST("delete destination", "IPVS_CMD_DEL_DEST"),
  /** {@code IPVS_CMD_GET_DEST}: dump one service's destinations. */
  GET_DESTS("list destinations", "IPVS_CMD_GET_DEST"),
  /** {@code IPVS_CMD_NEW_DAEMON}: start a connection-sync daemon ({@code ipvsadm --start-daemon}). */
  NEW_DAEMON("start sync daemon", "IPVS_CMD_NEW_DAEMON"),
  /** {@code IPVS_CMD_DEL_DAEMON}: stop a connection-sync daemon ({@code ipvsadm --stop-daemon}). */
  DEL_DAEMON("stop sync daemon", "IPVS_CMD_DEL_DAEMON"),
  /** {@code IPVS_CMD_GET_DAEMON}: dump the running sync daemons. */
  GET_DAEMON("list sync daemons", "IPVS_CMD_GET_DAEMON"),
  /** {@code IPVS_CMD_SET_CONFIG}: set the TCP, TCP FIN and UDP timeouts ({@code ipvsadm --set}). */
  SET_CONFIG("set timeouts", "IPVS_CMD_SET_CONFIG"),
  /** {@code IPVS_CMD_GET_CONFIG}: read the timeouts. */
  GET_CONFIG("get timeouts", "IPVS_CMD_GET_CONFIG"),
  /** {@code IPVS_CMD_GET_INFO}: read the IPVS version and connection-table size. */
  GET_INFO("get info", "IPVS_CMD_GET_INFO"),
  /** {@code IPVS_CMD_ZERO}: zero the counters of one service or of all ({@code ipvsadm -Z}). */
  ZERO("zero counters", "IPVS_CMD_ZERO"),
  /** {@code IPVS_CMD_FLUSH}: delete every service ({@code ipvsadm -C}). */
  FLUSH("flush", "IPVS_CMD_FLUSH"),
  /** Opening a client: the socket, the network namespace, resolving the {@code IPVS} family. */
  OPEN("open", "-"),
  /** No kernel operation: a value refused while it was built, or a message decoded outside any request. */
  NONE("none", "-");

  private final String description;
  private final String command;

  IpvsOperation(String description, String command) {
    this.description = description;
    this.command = command;
  }

  /** A short lower-case phrase for messages, such as {@code "add service"}. */
  public String description() {
    return description;
  }

  /** The kernel's {@code IPVS_CMD_*} name, or {@code "-"} for {@link #OPEN} and {@link #NONE}. */
  public String kernelCommand() {
    return command;
  }
}
