package io.github.ipvs4j;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every exception ipvs4j throws: unchecked, so that callers catch what they can act on and let the rest
 * propagate.
 *
 * <p>Each exception carries the {@linkplain #operation() operation} that failed, the kernel's {@linkplain #errno()
 * errno} when the failure came from the kernel or a system call, the kernel's extended-ack {@linkplain
 * #kernelMessage() message} when it sent one, and whether {@linkplain #isRetryable() a retry can help}. The subclasses
 * follow (operation, errno) as {@code ipvsadm} reports them; {@link #forErrno} builds the right one:
 *
 * <table>
 *   <caption>Kernel errors and the exceptions they become</caption>
 *   <tr><th>Operation</th><th>errno</th><th>Exception</th></tr>
 *   <tr><td>ADD_SERVICE</td><td>EEXIST</td><td>{@link ServiceAlreadyExistsException}</td></tr>
 *   <tr><td>ADD_SERVICE, EDIT_SERVICE</td><td>ENOENT</td><td>{@link SchedulerOrEngineNotFoundException}</td></tr>
 *   <tr><td>any but the daemon ones</td><td>ESRCH</td><td>{@link NoSuchServiceException}</td></tr>
 *   <tr><td>ADD_DEST</td><td>EEXIST</td><td>{@link DestinationAlreadyExistsException}</td></tr>
 *   <tr><td>EDIT_DEST, DEL_DEST</td><td>ENOENT</td><td>{@link NoSuchDestinationException}</td></tr>
 *   <tr><td>NEW_DAEMON</td><td>EEXIST</td><td>{@link SyncDaemonAlreadyRunningException}</td></tr>
 *   <tr><td>DEL_DAEMON</td><td>ESRCH</td><td>{@link NoSuchSyncDaemonException}</td></tr>
 *   <tr><td>OPEN</td><td>ENOENT</td><td>{@link IpvsUnavailableException}</td></tr>
 *   <tr><td>any</td><td>EPERM, EACCES</td><td>{@link PermissionDeniedException}</td></tr>
 *   <tr><td>any</td><td>EAFNOSUPPORT</td><td>{@link AddressFamilyNotSupportedException}</td></tr>
 *   <tr><td>any</td><td>EINVAL, ERANGE</td><td>{@link InvalidArgumentException}</td></tr>
 *   <tr><td>anything else</td><td>any</td><td>{@code IpvsException} itself, errno kept</td></tr>
 * </table>
 *
 * <p>Without a kernel involved: {@link InvalidValueException} (a model value refused when it was built, before
 * anything is sent), {@link MalformedMessageException} (bytes that do not decode), {@link DumpInterruptedException}
 * and {@link IpvsTimeoutException}.
 */
public class IpvsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What was being done. */
  private final IpvsOperation operation;

  /** The positive errno, 0 for none. */
  private final int errno;

  /** The extended-ack text, null for none. */
  private final String kernelMessage;

  /** An exception with a message that says what failed and why; operation {@link IpvsOperation#NONE}, no errno. */
  public IpvsException(String message) {
    this(IpvsOperation.NONE, message, OptionalInt.empty(), Optional.empty(), null);
  }

  /** An exception with a message and the lower-level cause; operation {@link IpvsOperation#NONE}, no errno. */
  public IpvsException(String message, Throwable cause) {
    this(IpvsOperation.NONE, message, OptionalInt.empty(), Optional.empty(), cause);
  }

  /**
   * An exception with every detail.
   *
   * @param operation what was being done; null is taken as {@link IpvsOperation#NONE}
   * @param message the whole message, which should name the operation, the object and the reason
   * @param errno the positive errno, if the kernel or a system call gave one (a negative value, as in {@code
   *     nlmsgerr.error}, is negated; 0 counts as none)
   * @param kernelMessage the kernel's extended-ack text, if any (blank counts as none)
   * @param cause the lower-level cause, or null
   */
  public IpvsException(
      IpvsOperation operation,
      String message,
      OptionalInt errno,
      Optional<String> kernelMessage,
      Throwable cause) {
    super(message, cause);
    this.operation = operation == null ? IpvsOperation.NONE : operation;
    int e = errno == null || errno.isEmpty() ? 0 : errno.getAsInt();
    this.errno = e < 0 ? -e : e;
    String k = kernelMessage == null ? null : kernelMessage.orElse(null);
    this.kernelMessage = k == null || k.isBlank() ? null : k;
  }

  /** The operation that failed; {@link IpvsOperation#NONE} when no kernel operation was involved. */
  public IpvsOperation operation() {
    return operation;
  }

  /** The kernel's (or a system call's) errno, positive; empty when the failure did not come with one. */
  public OptionalInt errno() {
    return errno == 0 ? OptionalInt.empty() : OptionalInt.of(errno);
  }

  /** The kernel's extended-ack message ({@code NLMSGERR_ATTR_MSG}), when it sent one. IPVS itself rarely does. */
  public Optional<String> kernelMessage() {
    return Optional.ofNullable(kernelMessage);
  }

  /**
   * Whether the same request may succeed if tried again unchanged: true for transient errnos (EINTR, EAGAIN, EBUSY,
   * ENOMEM, ENOBUFS, ETIMEDOUT), for interrupted dumps and for timeouts; false for everything that says the request
   * itself is wrong.
   */
  public boolean isRetryable() {
    return isTransient(errno);
  }

  static boolean isTransient(int errno) {
    return errno == Errno.EINTR
        || errno == Errno.EAGAIN
        || errno == Errno.EBUSY
        || errno == Errno.ENOMEM
        || errno == Errno.ENOBUFS
        || errno == Errno.ETIMEDOUT;
  }

  /**
   * Maps a kernel error to the exception {@code ipvsadm} would report for it, keyed by (operation, errno) as in
   * libipvs's {@code ipvs_strerror} table (see the table in this class's description). The message reads like {@code
   * "add service TCP 192.0.2.10:80: service already exists (EEXIST, errno 17)"}, followed by {@code "; kernel: ..."}
   * when the kernel sent an extended-ack message.
   *
   * @param operation the operation that failed (null is taken as {@link IpvsOperation#NONE})
   * @param subject what it acted on, such as {@code "TCP 192.0.2.10:80"} or {@code "TCP 192.0.2.10:80 ->
   *     198.51.100.11:8080"}; null or empty for none
   * @param errno the errno, positive or as the negative {@code nlmsgerr.error}
   * @param kernelMessage the extended-ack text, or null
   * @return the exception to throw (never null; the factory does not throw it)
   */
  public static IpvsException forErrno(
      IpvsOperation operation, String subject, int errno, String kernelMessage) {
    IpvsOperation op = operation == null ? IpvsOperation.NONE : operation;
    int e = errno < 0 ? -errno : errno;
    OptionalInt errnoOpt = e == 0 ? OptionalInt.empty() : OptionalInt.of(e);
    Optional<String> km = Optional.ofNullable(kernelMessage).filter(s -> !s.isBlank());
    Kind kind = classify(op, e);
    StringBuilder message = new StringBuilder(op.description());
    if (subject != null && !subject.isEmpty()) {
      message.append(' ').append(subject);
    }
    message.append(": ").append(kind.text(e)).append(" (").append(Errno.label(e)).append(')');
    km.ifPresent(k -> message.append("; kernel: ").append(k));
    String m = message.toString();
    return switch (kind) {
      case SERVICE_EXISTS -> new ServiceAlreadyExistsException(op, m, errnoOpt, km, null);
      case NO_SUCH_SERVICE -> new NoSuchServiceException(op, m, errnoOpt, km, null);
      case DEST_EXISTS -> new DestinationAlreadyExistsException(op, m, errnoOpt, km, null);
      case NO_SUCH_DEST -> new NoSuchDestinationException(op, m, errnoOpt, km, null);
      case SCHEDULER_NOT_FOUND -> new SchedulerOrEngineNotFoundException(op, m, errnoOpt, km, null);
      case DAEMON_RUNNING -> new SyncDaemonAlreadyRunningException(op, m, errnoOpt, km, null);
      case NO_SUCH_DAEMON -> new NoSuchSyncDaemonException(op, m, errnoOpt, km, null);
      case PERMISSION -> new PermissionDeniedException(op, m, errnoOpt, km, null);
      case FAMILY -> new AddressFamilyNotSupportedException(op, m, errnoOpt, km, null);
      case INVALID -> new InvalidArgumentException(op, m, errnoOpt, km, null);
      case UNAVAILABLE -> new IpvsUnavailableException(op, m, errnoOpt, km, null);
      case OTHER -> new IpvsException(op, m, errnoOpt, km, null);
    };
  }

  private enum Kind {
    SERVICE_EXISTS("service already exists"),
    NO_SUCH_SERVICE("no such service"),
    DEST_EXISTS("destination already exists"),
    NO_SUCH_DEST("no such destination"),
    SCHEDULER_NOT_FOUND("scheduler or persistence engine not found"),
    DAEMON_RUNNING("sync daemon already running"),
    NO_SUCH_DAEMON("no sync daemon is running"),
    PERMISSION("permission denied (CAP_NET_ADMIN is needed in the network namespace's user namespace)"),
    FAMILY("address family not supported"),
    INVALID(null),
    UNAVAILABLE("IPVS is not available (the IPVS generic-netlink family is not registered; is ip_vs loaded?)"),
    OTHER(null);

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    String text(int errno) {
      if (text != null) {
        return text;
      }
      if (errno == Errno.ERANGE) {
        return "value out of range (weight or thresholds)";
      }
      if (errno == Errno.EINVAL) {
        return "invalid argument";
      }
      if (errno == Errno.ENOMEM) {
        return "memory allocation problem";
      }
      return Errno.description(errno).orElse("kernel error");
    }
  }

  private static Kind classify(IpvsOperation op, int errno) {
    return switch (errno) {
      case Errno.EEXIST -> switch (op) {
        case ADD_SERVICE -> Kind.SERVICE_EXISTS;
        case ADD_DEST -> Kind.DEST_EXISTS;
        case NEW_DAEMON -> Kind.DAEMON_RUNNING;
        default -> Kind.OTHER;
      };
      case Errno.ENOENT -> switch (op) {
        case ADD_SERVICE, EDIT_SERVICE -> Kind.SCHEDULER_NOT_FOUND;
        case EDIT_DEST, DEL_DEST -> Kind.NO_SUCH_DEST;
        case OPEN -> Kind.UNAVAILABLE;
        default -> Kind.OTHER;
      };
      case Errno.ESRCH -> switch (op) {
        case DEL_DAEMON -> Kind.NO_SUCH_DAEMON;
        case NEW_DAEMON, GET_DAEMON, OPEN, NONE -> Kind.OTHER;
        default -> Kind.NO_SUCH_SERVICE;
      };
      case Errno.EPERM, Errno.EACCES -> Kind.PERMISSION;
      case Errno.EAFNOSUPPORT -> Kind.FAMILY;
      case Errno.EINVAL, Errno.ERANGE -> Kind.INVALID;
      default -> Kind.OTHER;
    };
  }

}
