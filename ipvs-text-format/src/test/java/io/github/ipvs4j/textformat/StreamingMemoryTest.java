package io.github.ipvs4j.textformat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ipvs4j.IpvsCommand;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Streaming parses a 1,000,000-line save file in bounded memory: a JVM whose heap is 32 MiB streams one of about
 * 55 MB (1000 services of 999 destinations, generated as it is read), where holding the text or the commands would
 * need several times the heap.
 */
class StreamingMemoryTest {
  static final int SERVICES = 1000;
  static final int DESTINATIONS = 999;

  @Test
  void aMillionLinesStreamThroughA32MibHeap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), MillionLines.class.getName())
        .redirectErrorStream(true)
        .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    long lines = (long) SERVICES * (1 + DESTINATIONS);
    assertThat(out).contains(lines + " commands: " + SERVICES + " services, " + (lines - SERVICES)
        + " destinations; port sum " + MillionLines.expectedPortSum());
  }

  /** The child JVM: streams the generated file and counts what it was given, keeping nothing. */
  static final class MillionLines {
    public static void main(String[] args) {
      long[] counts = new long[3];
      SaveParser.create().stream(new GeneratedSaveFile(), c -> {
        counts[0]++;
        if (c instanceof IpvsCommand.AddService) {
          counts[1]++;
        } else if (c instanceof IpvsCommand.AddDestination d) {
          counts[2] += d.destination().port();
        }
      });
      System.out.println(counts[0] + " commands: " + counts[1] + " services, " + (counts[0] - counts[1])
          + " destinations; port sum " + counts[2]);
    }

    static long expectedPortSum() {
      long sum = 0;
      for (int s = 0; s < SERVICES; s++) {
        for (int d = 0; d < DESTINATIONS; d++) {
          sum += port(d);
        }
      }
      return sum;
    }

    static int port(int d) {
      return 8000 + d / 250;
    }
  }

  /** A save file written as it is read: {@code -A} lines, each followed by its {@code -a} lines. */
  static final class GeneratedSaveFile extends Reader {
    private final StringBuilder line = new StringBuilder(96);
    private int at;
    private int service;
    private int destination = -1; // -1: the service's -A line is next

    @Override
    public int read(char[] cbuf, int off, int len) {
      int n = 0;
      while (n < len) {
        if (at == line.length() && !nextLine()) {
          return n == 0 ? -1 : n;
        }
        int k = Math.min(len - n, line.length() - at);
        line.getChars(at, at + k, cbuf, off + n);
        at += k;
        n += k;
      }
      return n;
    }

    private boolean nextLine() {
      if (service == SERVICES) {
        return false;
      }
      line.setLength(0);
      at = 0;
      String vip = "203.0.113." + service % 250 + ":" + (80 + service / 250);
      if (destination < 0) {
        line.append("-A -t ").append(vip).append(" -s wrr\n");
      } else {
        line.append("-a -t ").append(vip).append(" -r 198.51.100.").append(destination % 250).append(':')
            .append(MillionLines.port(destination)).append(" -m -w 1\n");
      }
      if (++destination == DESTINATIONS) {
        destination = -1;
        service++;
      }
      return true;
    }

    @Override
    public void close() throws IOException {}
  }
}
