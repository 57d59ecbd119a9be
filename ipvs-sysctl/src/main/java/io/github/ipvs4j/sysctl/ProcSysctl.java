package io.github.ipvs4j.sysctl;

import io.github.ipvs4j.InvalidArgumentException;
import io.github.ipvs4j.IpvsException;
import io.github.ipvs4j.IpvsOperation;
import io.github.ipvs4j.PermissionDeniedException;
import io.github.ipvs4j.sysctl.internal.NamespaceRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link Sysctl}: the files under {@code /proc/sys}, in the caller's network namespace or another one.
 *
 * <pre>{@code
 * Sysctl here = ProcSysctl.current();
 * Sysctl there = ProcSysctl.in(NetNamespace.named("lvs1"));
 * there.ensure(LvsSysctls.IP_FORWARD, 1);  // writes /proc/sys/net/ipv4/ip_forward as seen inside lvs1
 * }</pre>
 *
 * <p><b>Namespaces.</b> {@code /proc/sys/net} shows the network namespace of the task that <em>opens</em> the file,
 * so for another namespace each call runs on a short-lived thread that enters it ({@code setns}), opens, reads or
 * writes, and ends; the caller's thread never moves. {@link #getAll} reads many keys on one such thread. Entering a
 * namespace needs {@code CAP_SYS_ADMIN}.
 *
 * <p>Never writes unless asked; never creates a file; never runs a process. Thread-safe (holds no state but its root
 * and namespace).
 */
public final class ProcSysctl implements Sysctl {
  private static final Logger log = LoggerFactory.getLogger(ProcSysctl.class);
  /** Where the kernel shows sysctls. */
  public static final Path PROC_SYS = Path.of("/proc/sys");
  /** {@code EACCES}. */
  private static final int EACCES = 13;
  /** {@code EINVAL}. */
  private static final int EINVAL = 22;

  private final Path root;
  private final NetNamespace namespace;

  private ProcSysctl(Path root, NetNamespace namespace) {
    this.root = Objects.requireNonNull(root, "root");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  /** The sysctls of the caller's own network namespace. */
  public static ProcSysctl current() {
    return new ProcSysctl(PROC_SYS, NetNamespace.current());
  }

  /** The sysctls of {@code namespace}. */
  public static ProcSysctl in(NetNamespace namespace) {
    return new ProcSysctl(PROC_SYS, namespace);
  }

  /**
   * Sysctls kept as files under {@code root} instead of {@code /proc/sys} (a copy of the tree, a test directory),
   * read and written from {@code namespace}.
   */
  public static ProcSysctl at(Path root, NetNamespace namespace) {
    return new ProcSysctl(root, namespace);
  }

  /** The namespace this reads and writes in. */
  public NetNamespace namespace() {
    return namespace;
  }

  /** The directory the keys are resolved against ({@code /proc/sys} unless {@link #at} said otherwise). */
  public Path root() {
    return root;
  }

  @Override
  public String get(SysctlKey key) {
    Objects.requireNonNull(key, "key");
    return NamespaceRunner.call(namespace, () -> read(key));
  }

  @Override
  public Optional<String> find(SysctlKey key) {
    Objects.requireNonNull(key, "key");
    return NamespaceRunner.call(
        namespace,
        () -> {
          try {
            return Optional.of(read(key));
          } catch (NoSuchSysctlException | NoSuchInterfaceException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public Map<SysctlKey, String> getAll(Collection<SysctlKey> keys) {
    List<SysctlKey> copy = List.copyOf(keys);
    return NamespaceRunner.call(
        namespace,
        () -> {
          Map<SysctlKey, String> out = new LinkedHashMap<>();
          for (SysctlKey k : copy) {
            out.put(k, read(k));
          }
          return out;
        });
  }

  @Override
  public void set(SysctlKey key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    NamespaceRunner.call(
        namespace,
        () -> {
          write(key, value);
          return null;
        });
  }

  @Override
  public Optional<SysctlChange> ensure(SysctlKey key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    // One thread in the namespace for the read and the write.
    return NamespaceRunner.call(
        namespace,
        () -> {
          String old = read(key);
          if (old.equals(value)) {
            return Optional.empty();
          }
          write(key, value);
          return Optional.of(new SysctlChange(key, old, value));
        });
  }

  @Override
  public List<SysctlKey> list(SysctlKey dir) {
    Objects.requireNonNull(dir, "dir");
    return NamespaceRunner.call(
        namespace,
        () -> {
          Path d = resolve(dir);
          List<SysctlKey> out = new ArrayList<>();
          try (Stream<Path> entries = Files.list(d)) {
            entries.filter(Files::isRegularFile).forEach(p -> out.add(dir.resolve(p.getFileName().toString())));
          } catch (NoSuchFileException | NotDirectoryException e) {
            throw missing(dir, e);
          } catch (IOException e) {
            throw failure("list", dir, e);
          }
          out.sort(null);
          return out;
        });
  }

  private Path resolve(SysctlKey key) {
    return root.resolve(key.path());
  }

  private String read(SysctlKey key) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(resolve(key));
    } catch (NoSuchFileException e) {
      throw missing(key, e);
    } catch (IOException e) {
      throw failure("read", key, e);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private void write(SysctlKey key, String value) {
    Path file = resolve(key);
    try {
      Files.write(
          file, value.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (NoSuchFileException e) {
      throw missing(key, e);
    } catch (IOException e) {
      throw failure("write '" + value + "' to", key, e);
    }
    log.debug("{}: wrote '{}' to {}", namespace, value, key);
  }

  private IpvsException missing(SysctlKey key, Exception cause) {
    Optional<String> iface = key.interfaceName();
    if (iface.isPresent()) {
      String[] parts = key.path().split("/");
      Path confDir = root.resolve(parts[0]).resolve(parts[1]).resolve(parts[2]).resolve(parts[3]);
      if (!Files.isDirectory(confDir)) {
        return new NoSuchInterfaceException(
            "sysctl " + key + ": no such interface '" + iface.get() + "' in " + namespace, OptionalInt.of(2), cause);
      }
    }
    return new NoSuchSysctlException("sysctl " + key + ": no such key in " + namespace, OptionalInt.of(2), cause);
  }

  private IpvsException failure(String what, SysctlKey key, IOException e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof AccessDeniedException) {
      return new PermissionDeniedException(
          IpvsOperation.NONE,
          "sysctl " + what + " " + key + ": permission denied in " + namespace,
          OptionalInt.of(EACCES),
          Optional.empty(),
          e);
    }
    if (reason.contains("Invalid argument")) {
      return new InvalidArgumentException(
          IpvsOperation.NONE,
          "sysctl " + what + " " + key + ": the kernel refused the value (EINVAL)",
          OptionalInt.of(EINVAL),
          Optional.empty(),
          e);
    }
    return new SysctlException("sysctl " + what + " " + key + " failed: " + reason, OptionalInt.empty(), e);
  }

  @Override
  public String toString() {
    return "ProcSysctl[" + root + ", " + namespace + "]";
  }
}
