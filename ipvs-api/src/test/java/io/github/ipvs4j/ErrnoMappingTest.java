package io.github.ipvs4j;

import static io.github.ipvs4j.IpvsOperation.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link IpvsException#forErrno}: ipvsadm's (operation, errno) table, written out again independently here. */
class ErrnoMappingTest {

  /** The expected class for (operation, errno), as IPVS.md and libipvs's ipvs_strerror have it. */
  static Class<? extends IpvsException> expected(IpvsOperation op, int errno) {
    Set<IpvsOperation> daemonOrNone = EnumSet.of(NEW_DAEMON, GET_DAEMON, OPEN, NONE);
    return switch (errno) {
      case 17 -> op == ADD_SERVICE ? ServiceAlreadyExistsException.class
          : op == ADD_DEST ? DestinationAlreadyExistsException.class
          : op == NEW_DAEMON ? SyncDaemonAlreadyRunningException.class
          : IpvsException.class;
      case 2 -> op == ADD_SERVICE || op == EDIT_SERVICE ? SchedulerOrEngineNotFoundException.class
          : op == EDIT_DEST || op == DEL_DEST ? NoSuchDestinationException.class
          : op == OPEN ? IpvsUnavailableException.class
          : IpvsException.class;
      case 3 -> op == DEL_DAEMON ? NoSuchSyncDaemonException.class
          : daemonOrNone.contains(op) ? IpvsException.class
          : NoSuchServiceException.class;
      case 1, 13 -> PermissionDeniedException.class;
      case 97 -> AddressFamilyNotSupportedException.class;
      case 22, 34 -> InvalidArgumentException.class;
      default -> IpvsException.class;
    };
  }

  @Provide
  Arbitrary<Integer> errnos() {
    return Arbitraries.integers().between(-200, 200)
        .edgeCases(e -> e.includeOnly(1, 2, 3, 4, 11, 12, 13, 16, 17, 22, 34, 95, 97, 105, -17, 0));
  }

  @Property(tries = 500)
  void everyOperationAndErrnoMapsToTheIpvsadmException(
      @ForAll IpvsOperation op, @ForAll("errnos") int errno, @ForAll boolean withKernelMessage) {
    String km = withKernelMessage ? "some extack text" : null;
    IpvsException e = IpvsException.forErrno(op, "TCP 192.0.2.10:80", errno, km);
    int positive = Math.abs(errno);
    assertThat(e).isExactlyInstanceOf(expected(op, positive));
    assertThat(e.operation()).isEqualTo(op);
    assertThat(e.errno()).isEqualTo(positive == 0 ? OptionalInt.empty() : OptionalInt.of(positive));
    assertThat(e.kernelMessage()).isEqualTo(Optional.ofNullable(km));
    assertThat(e.getMessage()).startsWith(op.description() + " TCP 192.0.2.10:80: ");
    if (positive != 0) {
      assertThat(e.getMessage()).contains("errno " + positive);
    }
    if (km != null) {
      assertThat(e.getMessage()).endsWith("; kernel: " + km);
    }
    Set<Integer> transientErrnos = Set.of(4, 11, 12, 16, 105, 110);
    assertThat(e.isRetryable()).isEqualTo(transientErrnos.contains(positive));
  }

  @Example
  void messagesReadLikeIpvsadms() {
    assertThat(IpvsException.forErrno(ADD_SERVICE, "TCP 192.0.2.10:80", 17, null))
        .isInstanceOf(ServiceAlreadyExistsException.class)
        .hasMessage("add service TCP 192.0.2.10:80: service already exists (EEXIST, errno 17)");
    assertThat(IpvsException.forErrno(EDIT_SERVICE, "FWM 5", 2, ""))
        .isInstanceOf(SchedulerOrEngineNotFoundException.class)
        .hasMessage("edit service FWM 5: scheduler or persistence engine not found (ENOENT, errno 2)")
        .satisfies(e -> assertThat(e.kernelMessage()).isEmpty());
    assertThat(IpvsException.forErrno(DEL_DEST, "TCP 192.0.2.10:80 -> 198.51.100.11:8080", -2, null))
        .isInstanceOf(NoSuchDestinationException.class)
        .hasMessage(
            "delete destination TCP 192.0.2.10:80 -> 198.51.100.11:8080: no such destination (ENOENT, errno 2)");
    assertThat(IpvsException.forErrno(ADD_DEST, "FWM 5 -> 198.51.100.11:0", 34, null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("add destination FWM 5 -> 198.51.100.11:0: value out of range (weight or thresholds) "
            + "(ERANGE, errno 34)");
    assertThat(IpvsException.forErrno(GET_SERVICES, null, 1, "Operation not permitted"))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageStartingWith("list services: permission denied")
        .hasMessageEndingWith("(EPERM, errno 1); kernel: Operation not permitted");
    assertThat(IpvsException.forErrno(FLUSH, "", 250, null))
        .isExactlyInstanceOf(IpvsException.class)
        .hasMessage("flush: kernel error (errno 250)");
    assertThat(IpvsException.forErrno(null, null, 105, null))
        .hasMessage("none: no buffer space available (ENOBUFS, errno 105)")
        .satisfies(e -> assertThat(e.isRetryable()).isTrue());
  }

  @Example
  void constructorsKeptForTheCodecStillWork() {
    MalformedMessageException m = new MalformedMessageException("attribute 4 is not a u16; length 3");
    assertThat(m).isInstanceOf(IpvsException.class).hasMessage("attribute 4 is not a u16; length 3");
    assertThat(m.operation()).isEqualTo(NONE);
    assertThat(m.errno()).isEmpty();
    assertThat(m.isRetryable()).isFalse();
    assertThat(new MalformedMessageException("x", new IllegalStateException())).hasCauseInstanceOf(
        IllegalStateException.class);
    assertThat(new IpvsUnavailableException("no IPVS family").operation()).isEqualTo(OPEN);
    assertThat(new IpvsException("plain").operation()).isEqualTo(NONE);
    assertThat(new DumpInterruptedException("dump interrupted").isRetryable()).isTrue();
    assertThat(new IpvsTimeoutException("no answer in 10 s").isRetryable()).isTrue();
  }

  @Example
  void errnoNames() {
    assertThat(Errno.name(17)).contains("EEXIST");
    assertThat(Errno.label(97)).isEqualTo("EAFNOSUPPORT, errno 97");
    assertThat(Errno.label(4242)).isEqualTo("errno 4242");
    assertThat(Errno.description(2)).contains("no such file or directory");
  }
}
