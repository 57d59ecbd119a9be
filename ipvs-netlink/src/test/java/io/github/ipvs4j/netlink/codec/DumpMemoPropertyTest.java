package io.github.ipvs4j.netlink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link DumpMemo} against a model: every value is what decoding its part gives, and a part equal to the last
 * finished run's part at the same position (same context) is the same instance, not decoded again.
 */
class DumpMemoPropertyTest {

  /** A dump part: its {@code nlmsg_type} and payload. */
  record Part(int type, byte[] payload) {
    String hex() {
      return HexFormat.of().formatHex(payload);
    }
  }

  /** What a run did: parts decoded, and the size hint it gave ({@link DumpMemo.Run#lastCount()}). */
  static final class Counts {
    int decoded;
    int lastCount;
  }

  /** What the test's decoder makes of a part: a new instance each time. */
  record Value(int type, String payload, String context) {}

  /** How one run changes the dump of the run before, and how it is read. */
  enum Change { NONE, BYTE, INSERT, REMOVE, TYPE, TRUNCATE, APPEND, ALL_NEW }

  record Step(Change change, int where, int seed, boolean otherContext, boolean finished, boolean inPlace) {}

  private static Arbitrary<Part> parts() {
    return Combinators.combine(
            Arbitraries.of(20, 21, 16), Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(70)),
                // now and then past the 256 bytes MessageView.payloadEquals first copies into
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(250).ofMaxSize(600))))
        .as(Part::new);
  }

  @Provide
  Arbitrary<List<Part>> dumps() {
    return parts().list().ofMinSize(0).ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            Arbitraries.of(Change.class),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers(),
            Arbitraries.integers().between(0, 9).map(n -> n == 0), // another context now and then
            Arbitraries.integers().between(0, 5).map(n -> n != 0), // and now and then a run that is not finished
            Arbitraries.of(true, false))
        .as(Step::new)
        .list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 400)
  void valuesAreTheDecodedOnesAndUnchangedPartsAreReused(
      @ForAll("dumps") List<Part> first, @ForAll("steps") List<Step> steps) {
    DumpMemo<Value> memo = new DumpMemo<>(1 << 20);
    List<Part> dump = first;
    List<Part> lastParts = null; // the last finished run's parts, its context and values: the model
    List<Value> lastValues = null;
    String lastContext = null;
    int lastCount = 0; // parts the last finished run read, in any context
    for (Step step : steps) {
      dump = change(dump, step);
      String context = step.otherContext() ? "b" : "a";
      Counts counts = new Counts();
      int parts = step.finished() ? dump.size() : dump.size() / 2;
      List<Value> values = run(memo, context, dump, parts, step.finished(), step.inPlace(), counts);
      assertThat(counts.lastCount).as("size hint").isEqualTo(lastCount);
      int expectedDecodes = 0;
      for (int i = 0; i < values.size(); i++) {
        Part p = dump.get(i);
        assertThat(values.get(i)).isEqualTo(new Value(p.type(), p.hex(), context));
        boolean same = context.equals(lastContext) && i < lastParts.size() && lastParts.get(i).type() == p.type()
            && lastParts.get(i).hex().equals(p.hex());
        if (same) {
          assertThat(values.get(i)).as("part %d unchanged", i).isSameAs(lastValues.get(i));
        } else {
          expectedDecodes++;
        }
      }
      assertThat(counts.decoded).as("decoded parts").isEqualTo(expectedDecodes);
      if (step.finished()) {
        lastCount = parts;
        lastParts = dump;
        lastValues = values;
        lastContext = context;
      }
    }
  }

  @Property(tries = 200)
  void aMemoTooSmallForTheDumpStillGivesTheDecodedValues(
      @ForAll("dumps") List<Part> first, @ForAll("steps") List<Step> steps, @ForAll @IntRange(max = 300) int cap) {
    DumpMemo<Value> memo = new DumpMemo<>(cap);
    List<Part> dump = first;
    int lastCount = 0; // kept whether the parts fitted or not
    for (Step step : steps) {
      dump = change(dump, step);
      Counts counts = new Counts();
      List<Value> values = run(memo, "a", dump, dump.size(), step.finished(), step.inPlace(), counts);
      assertThat(counts.lastCount).as("size hint").isEqualTo(lastCount);
      for (int i = 0; i < values.size(); i++) {
        assertThat(values.get(i)).isEqualTo(new Value(dump.get(i).type(), dump.get(i).hex(), "a"));
      }
      lastCount = step.finished() ? dump.size() : lastCount;
    }
  }

  @Test
  void theFirstPartsThatFitAreKeptAndTheRestDecodedEveryTime() {
    List<Part> dump = List.of(part(20, 1, 2, 3), part(20, 4, 5, 6), part(20, 7, 8, 9));
    DumpMemo<Value> memo = new DumpMemo<>(7); // two 3-byte payloads fit, not three
    List<Value> first = run(memo, "a", dump, 3, true, true, new Counts());
    Counts counts = new Counts();
    List<Value> second = run(memo, "a", dump, 3, true, false, counts);
    assertThat(second.get(0)).isSameAs(first.get(0));
    assertThat(second.get(1)).isSameAs(first.get(1));
    assertThat(second.get(2)).isEqualTo(first.get(2)).isNotSameAs(first.get(2));
    assertThat(counts.decoded).isEqualTo(1);
  }

  @Test
  void aRunStartedDuringAnotherDecodesEverythingAndTheLastToFinishIsKept() {
    List<Part> dump = List.of(part(20, 1), part(20, 2));
    DumpMemo<Value> memo = new DumpMemo<>(1 << 10);
    List<Value> first = run(memo, "a", dump, 2, true, true, new Counts());
    DumpMemo.Run<Value> holding = memo.start("a"); // takes the memo
    Counts counts = new Counts();
    List<Value> meanwhile = run(memo, "a", dump, 2, true, true, counts);
    assertThat(counts.decoded).isEqualTo(2);
    assertThat(meanwhile).isEqualTo(first);
    holding.close(); // not finished, and another run finished since: the newer parts stay
    counts = new Counts();
    List<Value> after = run(memo, "a", dump, 2, true, true, counts);
    assertThat(counts.decoded).isZero();
    assertThat(after.get(0)).isSameAs(meanwhile.get(0));
    assertThatThrownBy(() -> holding.value(view(dump).get(0), m -> null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aNegativeCapIsRefused() {
    assertThatThrownBy(() -> new DumpMemo<Value>(-1)).hasMessageContaining("maxBytes: -1");
  }

  private static Part part(int type, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new Part(type, b);
  }

  /** Reads the first {@code parts} parts of {@code dump} in a run, finished or only closed, counting decodes. */
  private static List<Value> run(DumpMemo<Value> memo, String context, List<Part> dump, int parts, boolean finished,
      boolean inPlace, Counts counts) {
    Function<ReceivedMessage, Value> decode = m -> {
      counts.decoded++;
      byte[] payload = new byte[m.payloadLength()];
      m.copyPayload(payload, 0);
      return new Value(m.type(), HexFormat.of().formatHex(payload), context);
    };
    List<Value> values = new ArrayList<>();
    try (DumpMemo.Run<Value> run = memo.start(context)) {
      counts.lastCount = run.lastCount();
      if (inPlace) {
        ByteBuf buf = Unpooled.directBuffer();
        try {
          write(dump.subList(0, parts), buf);
          NetlinkMessages.forEachInPlace(buf, null, m -> values.add(run.value(m, decode)));
        } finally {
          buf.release();
        }
      } else {
        for (ReceivedMessage m : view(dump.subList(0, parts))) {
          values.add(run.value(m, decode));
        }
      }
      if (finished) {
        run.finish();
      }
    }
    return values;
  }

  private static List<ReceivedMessage> view(List<Part> dump) {
    List<ReceivedMessage> out = new ArrayList<>();
    for (Part p : dump) {
      out.add(NetlinkMessage.of(new NlMsgHdr(NlMsgHdr.SIZE + p.payload().length, p.type(), 0, 1, 0), p.payload()));
    }
    return out;
  }

  /** The parts as a datagram: header, payload, padding to 4 bytes. */
  private static void write(List<Part> dump, ByteBuf out) {
    for (Part p : dump) {
      int length = NlMsgHdr.SIZE + p.payload().length;
      new NlMsgHdr(length, p.type(), Netlink.NLM_F_MULTI, 1, 0).write(out);
      out.writeBytes(p.payload());
      out.writeZero(Netlink.nlmsgAlign(length) - length);
    }
  }

  private static List<Part> change(List<Part> dump, Step step) {
    List<Part> next = new ArrayList<>(dump);
    int n = next.size();
    int at = n == 0 ? 0 : step.where() % n;
    byte[] fresh = new byte[Math.floorMod(step.seed(), 50)];
    new java.util.Random(step.seed()).nextBytes(fresh);
    switch (step.change()) {
      case NONE -> { }
      case BYTE -> {
        if (n > 0 && next.get(at).payload().length > 0) {
          byte[] b = next.get(at).payload().clone();
          b[(step.seed() & Integer.MAX_VALUE) % b.length] ^= (byte) (1 << (step.seed() & 7));
          next.set(at, new Part(next.get(at).type(), b));
        }
      }
      case INSERT -> next.add(at, new Part(20, fresh));
      case REMOVE -> {
        if (n > 0) {
          next.remove(at);
        }
      }
      case TYPE -> {
        if (n > 0) {
          next.set(at, new Part(next.get(at).type() + 1, next.get(at).payload()));
        }
      }
      case TRUNCATE -> next.subList(at, n).clear();
      case APPEND -> next.add(new Part(21, fresh));
      case ALL_NEW -> {
        next.clear();
        for (int i = 0; i < n; i++) {
          next.add(new Part(20, fresh));
        }
      }
    }
    return next;
  }
}
