package io.github.ipvs4j.benchmarks;

import io.github.ipvs4j.AddressFamily;
import io.github.ipvs4j.Destination;
import io.github.ipvs4j.DestinationStatus;
import io.github.ipvs4j.ForwardingMethod;
import io.github.ipvs4j.Stats;
import io.github.ipvs4j.netlink.codec.NetlinkMessages;
import io.github.ipvs4j.netlink.codec.NetlinkRequest;
import io.github.ipvs4j.netlink.ipvs.DestinationCodec;
import io.github.ipvs4j.netlink.ipvs.IpvsReplies;
import io.github.ipvs4j.netlink.ipvs.IpvsUapi;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one received GET_DEST dump datagram of {@code destinations} parts (kernel-shaped: both stats nests, every
 * attribute of {@code ip_vs_genl_fill_dest}) into {@link DestinationStatus} values, on one thread, without a kernel:
 * what the client does per datagram of a snapshot, less the system calls. Per destination = per operation /
 * {@code destinations}; {@code gc.alloc.rate.norm} / {@code destinations} is the allocation per destination.
 *
 * <pre>
 * java -cp ... org.openjdk.jmh.Main DumpDecode -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DumpDecodeBenchmark {

  /** Destinations (dump parts) in the datagram. */
  @Param({"10", "100"})
  public int destinations;

  /** The datagram as the socket leaves it: direct memory, reader index 0. */
  private ByteBuf datagram;

  /** Builds the datagram. */
  @Setup(Level.Trial)
  public void setUp() throws UnknownHostException {
    datagram = Unpooled.directBuffer();
    for (int i = 0; i < destinations; i++) {
      InetAddress rip = InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, (byte) (i + 1)});
      DestinationStatus status = new DestinationStatus(
          new Destination(rip, 8080, ForwardingMethod.MASQUERADE, 1 + i % 7, 0, 0, java.util.Optional.empty()),
          i, 2 * i, 0, new Stats(i, 10L * i, 9L * i, 1000L * i, 900L * i, 0, 0, 0, 0, 0));
      NetlinkRequest part = NetlinkRequest.genl(
          0x1d, IpvsUapi.Cmd.NEW_DEST, 1,
          e -> e.nested(IpvsUapi.CmdAttr.DEST, n -> DestinationCodec.encodeStatus(status, n)));
      part.writeTo(datagram, 0x2 /* NLM_F_MULTI */, 7, 4242);
    }
    scratch = Unpooled.buffer(datagram.readableBytes());
  }

  /** The connection's heap copy of a datagram: its array is what the decoders read fastest. */
  private ByteBuf scratch;

  /** Releases the datagram. */
  @TearDown(Level.Trial)
  public void tearDown() {
    datagram.release();
  }

  /** Splits the datagram into message copies and decodes each. */
  @Benchmark
  public void copies(Blackhole bh) {
    NetlinkMessages.forEach(datagram, m -> bh.consume(IpvsReplies.destination(m, AddressFamily.INET)));
  }

  /** Decodes each message in place, reading the direct buffer. */
  @Benchmark
  public void inPlaceDirect(Blackhole bh) {
    NetlinkMessages.forEachInPlace(datagram, null, m -> bh.consume(IpvsReplies.destination(m, AddressFamily.INET)));
  }

  /** Copies the datagram to a heap buffer once and decodes each message there in place. */
  @Benchmark
  public void inPlaceHeap(Blackhole bh) {
    scratch.clear();
    scratch.writeBytes(datagram, datagram.readerIndex(), datagram.readableBytes());
    NetlinkMessages.forEachInPlace(scratch, null, m -> bh.consume(IpvsReplies.destination(m, AddressFamily.INET)));
  }
}
