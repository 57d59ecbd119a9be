package io.github.ipvs4j.cli;

import io.github.ipvs4j.Errno;
import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOperation;

/**
 * What ipvsadm prints for a refused request: libipvs's {@code ipvs_strerror}, which names the error by the operation
 * that failed and its errno, and falls back to the C library's text for the errno.
 */
public final class IpvsadmMessages {
  /** A destination command for a service the kernel does not have (ESRCH). */
  static final String SERVICE_NOT_DEFINED = "Service not defined";

  private IpvsadmMessages() {}

  /** ipvsadm's line for {@code e}, such as {@code "Service already exists"}. */
  public static String of(IpvsException e) {
    if (e.errno().isEmpty()) {
      return e.getMessage();
    }
    int errno = e.errno().getAsInt();
    String specific = forOperation(e.operation(), errno);
    return specific != null ? specific : generic(errno, e);
  }

  /** ipvsadm's line for a refusal ipvs4j made before sending, where the kernel would answer {@code errno}. */
  public static String ofKernelErrno(int errno, String fallback) {
    String generic = genericText(errno);
    return generic != null ? generic : fallback;
  }

  private static String forOperation(IpvsOperation op, int errno) {
    return switch (op) {
      case ADD_SERVICE -> errno == Errno.EEXIST ? "Service already exists"
          : errno == Errno.ENOENT ? "Scheduler or persistence engine not found" : null;
      case EDIT_SERVICE -> errno == Errno.ESRCH ? "No such service"
          : errno == Errno.ENOENT ? "Scheduler or persistence engine not found" : null;
      case DEL_SERVICE, ZERO, GET_SERVICE, GET_DESTS -> errno == Errno.ESRCH ? "No such service" : null;
      case ADD_DEST -> errno == Errno.ESRCH ? SERVICE_NOT_DEFINED
          : errno == Errno.EEXIST ? "Destination already exists" : null;
      case EDIT_DEST, DEL_DEST -> errno == Errno.ESRCH ? SERVICE_NOT_DEFINED
          : errno == Errno.ENOENT ? "No such destination" : null;
      case NEW_DAEMON -> errno == Errno.EEXIST ? "Daemon has already run" : null;
      case DEL_DAEMON -> errno == Errno.ESRCH ? "No daemon is running" : null;
      default -> null;
    };
  }

  private static String generic(int errno, IpvsException e) {
    String text = genericText(errno);
    return text != null ? text : e.getMessage();
  }

  private static String genericText(int errno) {
    return switch (errno) {
      case Errno.EPERM -> "Permission denied (you must be root)";
      case Errno.EINVAL -> "Invalid operation.  Possibly wrong module version, address not unicast, ...";
      case Errno.ENOPROTOOPT -> "Protocol not available";
      case Errno.ENOMEM -> "Memory allocation problem";
      case Errno.EOPNOTSUPP -> "Operation not supported with IPv6";
      case Errno.EAFNOSUPPORT -> "Operation not supported with specified address family";
      case Errno.EMSGSIZE -> "Module is wrong version";
      case Errno.ERANGE -> "Numerical result out of range";
      default -> null;
    };
  }
}
