package io.github.ipvs4j.textformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.IpvsCommand;
import io.github.ipvs4j.textformat.internal.LineReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The line reader hands out blocks of whole lines and leaves finding the line feeds inside them to its sink: every
 * line must still arrive once, in order, with its number, whatever the sizes of the reads and wherever a line
 * crosses the reader's buffer.
 */
class LineReaderPropertyTest {
  private static final SaveParser PARSER = SaveParser.create();

  /** Lines as a plain split gives them, from a String and from a Reader that returns reads of random sizes. */
  @Property(tries = 200)
  void everyLineArrivesOnceInOrder(@ForAll("texts") String text, @ForAll long seed) throws IOException {
    List<String> expected = plainSplit(text);
    List<String> fromString = new ArrayList<>();
    LineReader.read(text, collect(fromString));
    assertThat(fromString).isEqualTo(expected);
    List<String> fromReader = new ArrayList<>();
    LineReader.read(new TrickleReader(text, new Random(seed)), collect(fromReader));
    assertThat(fromReader).isEqualTo(expected);
  }

  /** Save texts parse alike from a String and from a Reader of random read sizes. */
  @Property(tries = 100)
  void savedTextParsesAlikeFromTrickledReads(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 1 + random.nextInt(40); s++) {
      text.append("-A -t 192.0.2.").append(s).append(":80 -s rr\r\n");
      for (int d = 0; d < random.nextInt(30); d++) {
        text.append(random.nextBoolean() ? "  " : "").append("-a -t 192.0.2.").append(s).append(":80 -r 198.51.100.")
            .append(d).append(":8080 -m -w ").append(d).append('\n');
        if (random.nextInt(10) == 0) {
          text.append("# ").append("x".repeat(random.nextInt(70_000))).append("\n\n");
        }
      }
    }
    if (random.nextBoolean()) {
      text.setLength(text.length() - 1); // no line feed after the last line
    }
    List<IpvsCommand> expected = PARSER.parseCommands(text.toString());
    assertThat(PARSER.parseCommands(new TrickleReader(text.toString(), random))).isEqualTo(expected);
    assertThat(PARSER.parseTable(new TrickleReader(text.toString(), random)))
        .isEqualTo(PARSER.parseTable(text.toString()));
  }

  /** A line of the longest length allowed is read; one character more is refused, at that line. */
  @Test
  void theLongestLineIsReadAndOneMoreIsRefused() {
    String longest = "#".repeat(LineReader.MAX_LINE);
    assertThat(PARSER.parseCommands("-C\n" + longest + "\n-C")).hasSize(2);
    assertThat(PARSER.parseCommands(new StringReader("-C\n" + longest))).hasSize(1);
    assertThatThrownBy(() -> PARSER.parseCommands(new StringReader("-C\n-C\n" + longest + "#")))
        .isInstanceOfSatisfying(TextFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isEqualTo(LineReader.MAX_LINE + 1);
        });
  }

  /** A refused line is named by its number when lines cross the buffer: the numbers count every line before. */
  @Test
  void lineNumbersCountAcrossBlocks() {
    String filler = "# " + "y".repeat(1000) + "\n";
    String text = filler.repeat(200) + "-A -t 192.0.2.1:80 -s rr\n" + "-a -t 192.0.2.1:80 -r 198.51.100.1 -w x\n";
    assertThatThrownBy(() -> PARSER.parseCommands(new TrickleReader(text, new Random(7))))
        .isInstanceOfSatisfying(TextFormatException.class, e -> assertThat(e.line()).isEqualTo(202));
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> shortLine = Arbitraries.strings().withChars("ab \t\r#-").ofMaxLength(30);
    Arbitrary<String> longLine = Arbitraries.integers().between(60_000, 140_000).map("z"::repeat);
    Arbitrary<String> line = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, shortLine), net.jqwik.api.Tuple.of(1, longLine));
    return line.list().ofMaxSize(40).flatMap(lines -> Arbitraries.of(true, false).map(lastEnded -> {
      String joined = String.join("\n", lines);
      return lastEnded && !lines.isEmpty() ? joined + "\n" : joined;
    }));
  }

  /** What the reader must give: the text split at line feeds; a line feed at the very end starts no line. */
  private static List<String> plainSplit(String text) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int lf = text.indexOf('\n', from);
      int to = lf < 0 ? text.length() : lf;
      lines.add(text.substring(from, to));
      from = to + 1;
    }
    return lines;
  }

  /** A sink that finds the line feeds as the line parser does and checks the block's contract. */
  private static LineReader.Sink collect(List<String> into) {
    return (chars, from, to, firstLine) -> {
      assertThat(firstLine).isEqualTo(into.size() + 1L);
      assertThat(chars[to - 1]).as("a block ends with a line feed").isEqualTo('\n');
      long count = 0;
      int start = from;
      for (int i = from; i < to; i++) {
        if (chars[i] == '\n') {
          into.add(new String(chars, start, i - start));
          count++;
          start = i + 1;
        }
      }
      return count;
    };
  }

  /** Gives {@code text} in reads of random sizes, 1 to 70,000 characters. */
  private static final class TrickleReader extends Reader {
    private final String text;
    private final Random random;
    private int at;

    TrickleReader(String text, Random random) {
      this.text = text;
      this.random = random;
    }

    @Override
    public int read(char[] into, int offset, int length) {
      if (at == text.length()) {
        return -1;
      }
      int n = Math.min(Math.min(length, text.length() - at), 1 + random.nextInt(random.nextBoolean() ? 16 : 70_000));
      text.getChars(at, at + n, into, offset);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
