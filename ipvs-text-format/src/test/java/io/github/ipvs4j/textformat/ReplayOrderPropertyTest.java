package io.github.ipvs4j.textformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ipvs4j.IpvsTable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The table a save text gives does not depend on the order of its destination lines, nor on the way it is read
 * (String or Reader): the replay keeps ordered destinations in a list and moves them to a map at the first line out of
 * order, and both must agree.
 */
class ReplayOrderPropertyTest {
  private static final SaveParser PARSER = SaveParser.create();
  private static final SavePrinter PRINTER = SavePrinter.numeric().extended(true).unsignedFwmarks(true);

  @Provide
  Arbitrary<IpvsTable> tables() {
    return Tables.tables(Tables.Options.ALL);
  }

  /** Services first, then every destination line in a random order. */
  @Property(tries = 300)
  void destinationOrderDoesNotMatter(@ForAll("tables") IpvsTable table, @ForAll long seed) {
    List<String> lines = PRINTER.print(table).lines().toList();
    List<String> services = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String line : lines) {
      (line.startsWith("-A") ? services : rest).add(line);
    }
    Collections.shuffle(rest, new Random(seed));
    services.addAll(rest);
    String text = String.join("\n", services) + "\n";
    assertThat(PARSER.parseTable(text)).as(text).isEqualTo(table);
    assertThat(PARSER.parseTable(new StringReader(text))).as(text).isEqualTo(table);
    assertThat(PARSER.parseCommands(new StringReader(text))).isEqualTo(PARSER.parseCommands(text));
  }

  /**
   * Deleting every destination and adding it again, then editing it to itself, gives the same table, whether the
   * lines came in order or not.
   */
  @Property(tries = 300)
  void deleteEditAndAddAgain(@ForAll("tables") IpvsTable table, @ForAll boolean shuffle, @ForAll long seed) {
    List<String> lines = new ArrayList<>(PRINTER.print(table).lines().toList());
    List<String> destinations = new ArrayList<>(lines.stream().filter(l -> l.startsWith("-a")).toList());
    if (shuffle) {
      Collections.shuffle(destinations, new Random(seed));
    }
    for (String add : destinations) {
      lines.add(deleteLineOf(add));
      lines.add(add);
      lines.add("-e" + add.substring(2));
    }
    String text = String.join("\n", lines) + "\n";
    assertThat(PARSER.parseTable(text)).as(text).isEqualTo(table);
  }

  /** "-d" with the service and the -r address of an "-a" line, as ipvsadm takes it. */
  private static String deleteLineOf(String add) {
    String[] tokens = add.split(" ");
    StringBuilder sb = new StringBuilder("-d");
    for (int i = 1; i < tokens.length; i++) {
      sb.append(' ').append(tokens[i]);
      if (tokens[i].equals("-r")) {
        sb.append(' ').append(tokens[i + 1]);
        break;
      }
    }
    return sb.toString();
  }

  @Test
  void aRepeatedDestinationIsRefusedInOrderAndOutOfOrder() {
    String inOrder = "-A -t 192.0.2.1:80 -s rr\n"
        + "-a -t 192.0.2.1:80 -r 198.51.100.1:80 -g -w 1\n"
        + "-a -t 192.0.2.1:80 -r 198.51.100.1:80 -g -w 1\n";
    assertRefused(inOrder, 3, "destination already exists");
    String outOfOrder = "-A -t 192.0.2.1:80 -s rr\n"
        + "-a -t 192.0.2.1:80 -r 198.51.100.2:80 -g -w 1\n"
        + "-a -t 192.0.2.1:80 -r 198.51.100.1:80 -g -w 1\n"
        + "-a -t 192.0.2.1:80 -r 198.51.100.2:80 -g -w 1\n";
    assertRefused(outOfOrder, 4, "destination already exists");
  }

  @Test
  void aMissingDestinationIsRefusedInOrderAndOutOfOrder() {
    for (String second : List.of("198.51.100.2", "198.51.100.0")) {
      String text = "-A -t 192.0.2.1:80 -s rr\n"
          + "-a -t 192.0.2.1:80 -r 198.51.100.1:80 -g -w 1\n"
          + "-a -t 192.0.2.1:80 -r " + second + ":80 -g -w 1\n"
          + "-d -t 192.0.2.1:80 -r 198.51.100.9:80\n";
      assertRefused(text, 4, "no such destination");
    }
  }

  private static void assertRefused(String text, long line, String expected) {
    assertThatThrownBy(() -> PARSER.parseTable(text))
        .as(text)
        .isInstanceOfSatisfying(TextFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(line);
          assertThat(e.expected()).contains(expected);
        });
  }

  /** Only a refusal the kernel would make too names the kernel's errno. */
  @Test
  void kernelErrnoOnlyForWhatTheKernelRefuses() {
    TextFormatException thresholds = catchTextFormat(
        () -> PARSER.parseCommands("-a -t 192.0.2.1:80 -r 198.51.100.1 -x 17 -y 18"));
    assertThat(thresholds.kernelErrno()).hasValue(io.github.ipvs4j.Errno.ERANGE);
    assertThat(thresholds.errno()).isEmpty();
    TextFormatException port = catchTextFormat(() -> PARSER.parseCommands("-A -t 192.0.2.1 -s rr"));
    assertThat(port.kernelErrno()).isEmpty();
  }

  /** A line longer than the limit is refused the same way from a String and from a Reader. */
  @Test
  void tooLongALineIsRefusedAlikeFromStringAndReader() {
    String text = "-C\n" + "#".repeat(internalMaxLine() + 1) + "\n";
    TextFormatException fromString = catchTextFormat(() -> PARSER.parseCommands(text));
    TextFormatException fromReader = catchTextFormat(() -> PARSER.parseCommands(new StringReader(text)));
    assertThat(fromString.getMessage()).isEqualTo(fromReader.getMessage());
    assertThat(fromString.line()).isEqualTo(2);
  }

  private static int internalMaxLine() {
    return io.github.ipvs4j.textformat.internal.LineReader.MAX_LINE;
  }

  private static TextFormatException catchTextFormat(Runnable r) {
    try {
      r.run();
    } catch (TextFormatException e) {
      return e;
    }
    throw new AssertionError("no TextFormatException");
  }
}
