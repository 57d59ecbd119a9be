package io.github.ipvs4j.examples.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's client: HTTP/1.0 requests from inside the client host's namespace, one new TCP connection each (IPVS
 * schedules connections, not requests), tallied by the real server that answered.
 */
public final class HttpProbe {
  private static final byte[] REQUEST =
      "GET / HTTP/1.0\r\nHost: lab\r\nUser-Agent: ipvs4j-lab\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int TIMEOUT_MILLIS = 10_000;

  private HttpProbe() {}

  /** One answer: the server's name and the reply's size in bytes. */
  public record Answer(String server, int bytes) {}

  /** {@code count} requests from {@code client}, going round {@code targets} in turn. */
  public static Tally tally(LabHost client, int count, List<InetSocketAddress> targets) {
    return client.namespace().call(() -> {
      Map<String, Integer> answers = new HashMap<>();
      long bytes = 0;
      for (int i = 0; i < count; i++) {
        InetSocketAddress target = targets.get(i % targets.size());
        Answer a = request(connect(target, 0), target);
        answers.merge(a.server(), 1, Integer::sum);
        bytes += a.bytes();
      }
      return new Tally(answers, bytes);
    });
  }

  /** {@code count} requests from {@code client} to {@code target}. */
  public static Tally tally(LabHost client, int count, InetSocketAddress target) {
    return tally(client, count, List.of(target));
  }

  /**
   * One request from {@code client}'s port {@code clientPort} to {@code target}: a connection the director may already
   * have an entry for, when an earlier one came from the same port.
   */
  public static Answer requestFrom(LabHost client, int clientPort, InetSocketAddress target) {
    return client.namespace().call(() -> request(connect(target, clientPort), target));
  }

  /** A connection from {@code client} to {@code target}, open but with no request sent yet. */
  public static Held hold(LabHost client, InetSocketAddress target) {
    return new Held(client.namespace().call(() -> connect(target, 0)), target);
  }

  /** An open connection: {@link #finish()} sends its request and reads the answer. */
  public record Held(Socket socket, InetSocketAddress target) {
    /** Sends the request now and returns the answer. */
    public Answer finish() {
      return request(socket, target);
    }
  }

  /** A connection from {@code clientPort}, or from a port the kernel picks if it is 0. */
  private static Socket connect(InetSocketAddress target, int clientPort) {
    Socket s = new Socket();
    try {
      s.setSoTimeout(TIMEOUT_MILLIS);
      if (clientPort != 0) {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(clientPort));
      }
      s.connect(target, TIMEOUT_MILLIS);
      return s;
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already failing
      }
      String from = clientPort == 0 ? "" : " from client port " + clientPort;
      throw new UncheckedIOException("connect to " + target + from + ": " + e.getMessage(), e);
    }
  }

  private static Answer request(Socket s, InetSocketAddress target) {
    try (s) {
      s.getOutputStream().write(REQUEST);
      InputStream in = s.getInputStream();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      in.transferTo(reply); // the server closes after answering
      String text = reply.toString(StandardCharsets.US_ASCII);
      int body = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/1.0 200 ") || body < 0) {
        throw new IllegalStateException("request to " + target + ": not an answer: " + text.lines().findFirst());
      }
      int end = text.indexOf('\n', body + 4);
      return new Answer(text.substring(body + 4, end < 0 ? text.length() : end), reply.size());
    } catch (IOException e) {
      throw new UncheckedIOException("request to " + target + ": " + e.getMessage(), e);
    }
  }
}
