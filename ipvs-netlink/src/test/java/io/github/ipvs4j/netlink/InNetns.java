package io.github.ipvs4j.netlink;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import jnr.ffi.LibraryLoader;

/**
 * Test helper: runs code on a fresh thread that first enters a network namespace ({@code setns}), so that the
 * sockets it creates (plain Java sockets included) live there. The thread ends with the call; no other thread moves.
 */
final class InNetns {
  private InNetns() {}

  /** The few libc calls needed. */
  public interface LibC {
    int open(String path, int flags);

    int setns(int fd, int nstype);

    int close(int fd);
  }

  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 0x80000;
  private static final int CLONE_NEWNET = 0x40000000;

  /** Starts {@code body} on a new thread inside the namespace at {@code path}; the task gives its result. */
  static <T> FutureTask<T> start(Path path, Callable<T> body) {
    FutureTask<T> task =
        new FutureTask<>(
            () -> {
              int fd = LIBC.open(path.toString(), O_RDONLY | O_CLOEXEC);
              if (fd < 0) {
                throw new IllegalStateException("open " + path + " failed");
              }
              try {
                if (LIBC.setns(fd, CLONE_NEWNET) < 0) {
                  throw new IllegalStateException("setns " + path + " failed");
                }
              } finally {
                LIBC.close(fd);
              }
              return body.call();
            });
    Thread t = new Thread(task, "in-netns");
    t.setDaemon(true);
    t.start();
    return task;
  }

  /** Runs {@code body} inside the namespace at {@code path} and returns its result. */
  static <T> T call(Path path, Callable<T> body) throws Exception {
    try {
      return start(path, body).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw e;
    }
  }
}
