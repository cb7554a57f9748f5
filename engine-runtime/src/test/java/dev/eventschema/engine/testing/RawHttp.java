package dev.eventschema.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 over a raw socket, for what {@link java.net.http.HttpClient} will not send: a forged
 * {@code Host}, half a request, a bearer scheme in lower case. Every read has a timeout.
 */
public final class RawHttp {

  private static final int READ_TIMEOUT_MS = 20_000;

  private RawHttp() {}

  /** Sends {@code GET path} with the given extra header lines and returns the response head and body. */
  public static Response get(int port, String path, String host, String... headerLines) {
    return exchange(port, "GET", path, host, headerLines);
  }

  public static Response exchange(int port, String method, String path, String host, String... headerLines) {
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    if (host != null) {
      request.append("Host: ").append(host).append("\r\n");
    }
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return send(port, request.toString());
  }

  /** Sends {@code request} as is and reads the whole response (the server closes the connection). */
  public static Response send(int port, String request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(READ_TIMEOUT_MS);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      String[] status = head.split(" ", 3);
      return new Response(status.length > 1 ? Integer.parseInt(status[1]) : -1, head, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a connection that sends the first line of a request and stops there. */
  public static Socket halfSent(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.getOutputStream().write("GET /health HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /**
   * Waits, at most {@code within}, for the server to close {@code socket}; what it sent before is
   * returned (empty when it closed without a word).
   *
   * @throws AssertionError if it is still open after {@code within}
   */
  public static String awaitClosedByServer(Socket socket, Duration within) throws IOException {
    socket.setSoTimeout((int) within.toMillis());
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) >= 0) {
        seen.write(b);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the connection open for " + within);
    } catch (IOException reset) {
      // a reset is a close too
    }
    return seen.toString(StandardCharsets.ISO_8859_1);
  }

  /** A response: its status, its head (status line and headers) and its body. */
  public record Response(int status, String head, String body) {

    /** The first value of {@code name}, ignoring case, or null. */
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }
}
