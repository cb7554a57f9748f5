package dev.eventschema.engine.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code Host} header values a server answers: a literal loopback address ({@code 127.0.0.0/8}
 * as a dotted IPv4 literal, {@code [::1]}), {@code localhost}, the literal address the server is bound
 * to, and the names configured; each with an optional port. Anything else, a name that merely starts
 * like a loopback address ({@code 127.evil.example}, {@code 127.0.0.1.nip.io}) included, is refused:
 * that is how a web page reaches a local server through DNS rebinding. Names are compared as given,
 * never resolved.
 */
public final class HostAllowList {

  /** A DNS name: labels of letters, digits and hyphens. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern DOTTED_QUAD = Pattern.compile("(?:0|[1-9][0-9]{0,2})(?:\\.(?:0|[1-9][0-9]{0,2})){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  private final Set<String> names;
  private final String boundLiteral;

  private HostAllowList(Set<String> names, String boundLiteral) {
    this.names = names;
    this.boundLiteral = boundLiteral;
  }

  /**
   * @param names further names to answer (lower-cased; no port)
   * @param bound the address the server is bound to; a specific one is allowed as a literal
   * @throws IllegalArgumentException naming a configured name that is not a DNS name
   */
  public static HostAllowList of(Collection<String> names, InetAddress bound) {
    Set<String> allowed = new TreeSet<>();
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!NAME.matcher(lower).matches() || lower.length() > 253) {
        throw new IllegalArgumentException("allowed host '" + name + "' is not a DNS name (letters, digits,"
            + " hyphens and dots; no port, no scheme)");
      }
      allowed.add(lower);
    }
    String literal = bound.isAnyLocalAddress() ? null : bound.getHostAddress().toLowerCase(Locale.ROOT);
    return new HostAllowList(Set.copyOf(allowed), literal);
  }

  /** Whether a request with this {@code Host} header value is answered. */
  public boolean allows(String host) {
    String value = host.trim().toLowerCase(Locale.ROOT);
    String name;
    String port;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        return false;
      }
      name = value.substring(1, close);
      String rest = value.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        return false;
      }
      port = rest.isEmpty() ? null : rest.substring(1);
      if (!IPV6.matcher(name).matches() || !name.contains(":")) {
        return false;
      }
      return validPort(port) && (isLoopbackLiteral(name) || name.equals(boundLiteral));
    }
    int colon = value.indexOf(':');
    name = colon < 0 ? value : value.substring(0, colon);
    port = colon < 0 ? null : value.substring(colon + 1);
    if (!validPort(port)) {
      return false;
    }
    if (DOTTED_QUAD.matcher(name).matches()) {
      return isLoopbackLiteral(name) || name.equals(boundLiteral);
    }
    return name.equals("localhost") || names.contains(name);
  }

  private static boolean validPort(String port) {
    return port == null || (PORT.matcher(port).matches() && Integer.parseInt(port) <= 65535);
  }

  /** A literal (already checked to be one) naming a loopback address; nothing is looked up. */
  private static boolean isLoopbackLiteral(String literal) {
    if (literal.indexOf(':') < 0) {
      for (String octet : literal.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      return literal.startsWith("127.");
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: parsed, not resolved
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
