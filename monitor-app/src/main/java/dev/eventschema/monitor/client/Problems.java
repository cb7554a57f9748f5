package dev.eventschema.monitor.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Explains failures in words for people: never a stack trace. */
public final class Problems {

  private Problems() {}

  /** Why a connection to {@code uri} failed. */
  public static String explain(Throwable failure, URI uri) {
    String where = where(uri);
    Throwable cause = failure;
    for (int depth = 0; depth < 5 && cause != null; depth++) {
      if (cause instanceof ConnectException) {
        return "Nothing is listening at " + where + ". Is the engine running?";
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return "The engine at " + where + " did not answer within 5 seconds.";
      }
      if (cause instanceof HttpTimeoutException) {
        return "The engine at " + where + " took too long to answer.";
      }
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return "The host name '" + uri.getHost() + "' could not be found.";
      }
      if (cause instanceof SSLException) {
        return "A secure connection to " + where + " could not be set up.";
      }
      if (cause instanceof EOFException) {
        return "The engine at " + where + " closed the stream.";
      }
      cause = cause.getCause();
    }
    if (failure instanceof IOException) {
      String message = failure.getMessage();
      if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("closed")) {
        return "The engine at " + where + " closed the stream.";
      }
      return "The connection to " + where + " was lost.";
    }
    return "The connection to " + where + " failed unexpectedly (" + failure.getClass().getSimpleName() + ").";
  }

  /** What an HTTP status other than 200 means here. */
  public static String httpStatus(int status, URI uri) {
    String where = where(uri);
    return switch (status) {
      case 401 -> "The engine at " + where + " requires a token. Add the engine again with its token"
          + " (or start the dashboard with --token).";
      case 403 -> "The engine at " + where + " refused this token. Check the token and add the engine again.";
      case 404 -> where + " has no /events stream. Is this an eventschema engine?";
      case 503 -> "The engine at " + where + " is not ready yet (HTTP 503).";
      default -> "The engine at " + where + " answered HTTP " + status + " instead of an event stream.";
    };
  }

  /** Whether retrying cannot help until the user changes something. */
  public static boolean isPermanent(int status) {
    return status == 401 || status == 403 || status == 404;
  }

  /** host:port of a URI, as people write it. */
  public static String where(URI uri) {
    if (uri == null) {
      return "the engine";
    }
    int port = uri.getPort();
    return uri.getHost() + (port >= 0 ? ":" + port : "");
  }
}
