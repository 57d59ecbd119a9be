package io.github.ipvs4j.examples.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A real server's web server: answers every HTTP request with its name on the first line of the body (then
 * {@code padding} bytes, to make replies big enough to see where they travel), and closes the connection. It listens
 * on the wildcard address inside the host's namespace, so it also answers for a VIP held on {@code lo} or
 * {@code tunl0}.
 */
public final class NameServer implements AutoCloseable {
  private final String name;
  private final byte[] response;
  private final List<ServerSocket> listeners = new ArrayList<>();

  private NameServer(String name, int padding) {
    this.name = name;
    byte[] body = (name + "\n" + ".".repeat(padding)).getBytes(StandardCharsets.US_ASCII);
    String head = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    response = new byte[h.length + body.length];
    System.arraycopy(h, 0, response, 0, h.length);
    System.arraycopy(body, 0, response, h.length, body.length);
  }

  /** Starts answering as {@code host}'s role on each of {@code ports}. */
  public static NameServer start(LabHost host, int padding, int... ports) {
    NameServer server = new NameServer(host.role(), padding);
    try {
      for (int port : ports) {
        // The listening socket is made inside the host's namespace and stays there; accepting can run anywhere.
        ServerSocket listener = host.namespace().call(() -> {
          try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(port), 128);
            return s;
          } catch (IOException e) {
            throw new UncheckedIOException(host + " port " + port + ": " + e.getMessage(), e);
          }
        });
        server.listeners.add(listener);
        daemon(() -> server.acceptLoop(listener), "name-server-" + host.role() + "-" + port);
      }
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void acceptLoop(ServerSocket listener) {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        // One thread per connection: a lab holds some connections open while others come and go.
        daemon(() -> answer(s), "name-server-" + name + "-conn");
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void answer(Socket s) {
    try (s) {
      s.setSoTimeout(60_000);
      InputStream in = s.getInputStream();
      // Read the request up to its blank line; its content does not matter.
      int state = 0;
      int c;
      while (state < 4 && (c = in.read()) >= 0) {
        state = (c == '\r' && state % 2 == 0) || (c == '\n' && state % 2 == 1) ? state + 1 : (c == '\r' ? 1 : 0);
      }
      if (state == 4) {
        s.getOutputStream().write(response);
      }
    } catch (IOException e) {
      // The client went away: nothing to answer.
    }
  }

  private static void daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  /** Stops listening. */
  @Override
  public void close() {
    for (ServerSocket s : listeners) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
