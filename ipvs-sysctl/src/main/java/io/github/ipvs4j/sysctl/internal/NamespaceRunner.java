package io.github.ipvs4j.sysctl.internal;

import io.github.ipvs4j.PermissionDeniedException;
import io.github.ipvs4j.IpvsOperation;
import io.github.ipvs4j.sysctl.NetNamespace;
import io.github.ipvs4j.sysctl.SysctlException;
import io.github.ipvs4j.sysctl.internal.ffi.NsLibC;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Runs code inside a network namespace on a short-lived thread: the thread opens the namespace file, calls
 * {@code setns(fd, CLONE_NEWNET)}, runs the code and ends, so no caller's thread ever moves. Files under
 * {@code /proc/sys/net} opened by that thread belong to the namespace (sysctl lookups use the opener's namespace).
 *
 * <p>Should move into the netlink transport ({@code NetworkNamespace}) later.
 */
public final class NamespaceRunner {
  /** {@code O_RDONLY 0}. */
  private static final int O_RDONLY = 0;
  /** {@code O_CLOEXEC 02000000}. */
  private static final int O_CLOEXEC = 0x80000;
  /** {@code CLONE_NEWNET 0x40000000}. */
  private static final int CLONE_NEWNET = 0x40000000;
  /** {@code EPERM}. */
  private static final int EPERM = 1;
  /** {@code ENOENT}. */
  private static final int ENOENT = 2;

  private NamespaceRunner() {}

  private static final class Lib {
    static final NsLibC LIBC = LibraryLoader.create(NsLibC.class).load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  }

  /**
   * Runs {@code task} in {@code namespace} (on the calling thread if it is the current namespace) and returns its
   * result; an unchecked exception thrown by the task is rethrown on the caller's thread.
   */
  public static <T> T call(NetNamespace namespace, Supplier<T> task) {
    if (namespace.isCurrent()) {
      return task.get();
    }
    Path path = namespace.path().orElseThrow();
    Object[] result = {null};
    RuntimeException[] failure = {null};
    Error[] error = {null};
    Thread thread =
        new Thread(
            () -> {
              try {
                enter(path);
                result[0] = task.get();
              } catch (RuntimeException e) {
                failure[0] = e;
              } catch (Error e) {
                error[0] = e;
              }
              // The thread ends here; it is the only thread that ever entered the namespace.
            },
            "ipvs4j-netns-sysctl");
    thread.setDaemon(true);
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (error[0] != null) {
      throw error[0];
    }
    if (failure[0] != null) {
      // Add the caller's stack so the trace shows who asked.
      failure[0].addSuppressed(new Exception("called from " + Thread.currentThread().getName()));
      throw failure[0];
    }
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }

  private static void enter(Path path) {
    NsLibC libc = Lib.LIBC;
    int fd = libc.open(path.toString(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      int errno = LastError.getLastError(Lib.RUNTIME);
      if (errno == ENOENT) {
        throw new SysctlException(
            "open(" + path + ") failed: no such network namespace (ENOENT)", OptionalInt.of(errno), null);
      }
      throw new SysctlException("open(" + path + ") failed with errno " + errno, OptionalInt.of(errno), null);
    }
    try {
      if (libc.setns(fd, CLONE_NEWNET) < 0) {
        int errno = LastError.getLastError(Lib.RUNTIME);
        if (errno == EPERM) {
          throw new PermissionDeniedException(
              IpvsOperation.NONE,
              "setns(" + path + ", CLONE_NEWNET) failed: permission denied (CAP_SYS_ADMIN is needed)",
              OptionalInt.of(errno),
              Optional.empty(),
              null);
        }
        throw new SysctlException(
            "setns(" + path + ", CLONE_NEWNET) failed with errno " + errno, OptionalInt.of(errno), null);
      }
    } finally {
      libc.close(fd);
    }
  }
}
