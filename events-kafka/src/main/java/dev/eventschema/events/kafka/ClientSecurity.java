package dev.eventschema.events.kafka;

import dev.eventschema.support.DidYouMean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * The Kafka client security settings an engine's sink or a dashboard's consumer may be given (TLS,
 * SASL): {@value #SECURITY_PROTOCOL} and the {@code sasl.*} and {@code ssl.*} properties that Kafka's
 * producer and consumer know, passed to the client as they are. Nothing else: the sink's delivery
 * guarantees ({@code acks}, idempotence) and the consumer's reading (no group, no commit) are not the
 * user's to change. Checked once, when the config is read; a value is never echoed, as it may be a
 * secret (a password, a JAAS config), except {@value #SECURITY_PROTOCOL}'s.
 */
public final class ClientSecurity {

  /** The one property outside the two prefixes. */
  public static final String SECURITY_PROTOCOL = "security.protocol";

  /** Properties given at most: Kafka knows about 50 of these. */
  public static final int MAX_PROPERTIES = 64;

  /** Characters a value may have at most (a JAAS config, a PEM certificate chain). */
  public static final int MAX_VALUE_CHARS = 16_384;

  /** The security properties of Kafka's own clients, read from their config definitions. */
  private static final Set<String> KNOWN = known();

  private ClientSecurity() {}

  /**
   * {@code properties} in a fresh map, once every key is a security property Kafka's clients know
   * and every value is present and bounded.
   *
   * @param where how the user names the map, for the message: {@code kafka.client}
   * @throws IllegalArgumentException naming the key, the rule and (for {@value #SECURITY_PROTOCOL}
   *     only) the value
   */
  public static Map<String, String> checked(Map<String, String> properties, String where) {
    Objects.requireNonNull(properties, "properties");
    if (properties.size() > MAX_PROPERTIES) {
      throw new IllegalArgumentException(where + " has at most " + MAX_PROPERTIES + " properties, had "
          + properties.size());
    }
    Map<String, String> checked = new LinkedHashMap<>();
    for (Map.Entry<String, String> property : properties.entrySet()) {
      String key = property.getKey();
      String value = property.getValue();
      String problem = problem(key, value);
      if (problem != null) {
        throw new IllegalArgumentException(where + ": '" + key + "' " + problem);
      }
      checked.put(key, value);
    }
    return checked;
  }

  /** The security properties Kafka's producer and consumer know, sorted. */
  public static Set<String> known() {
    Set<String> names = new TreeSet<>();
    for (Set<String> all : List.of(ProducerConfig.configNames(), ConsumerConfig.configNames())) {
      all.stream().filter(ClientSecurity::isSecurityKey).forEach(names::add);
    }
    return Set.copyOf(names);
  }

  private static String problem(String key, String value) {
    if (key == null || !isSecurityKey(key)) {
      return "is not allowed: only " + SECURITY_PROTOCOL + ", sasl.* and ssl.* Kafka client properties may be set";
    }
    if (!KNOWN.contains(key)) {
      String suggestion = DidYouMean.closest(key, KNOWN);
      return "is not a Kafka client property" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?");
    }
    if (value == null || value.isEmpty()) {
      return "needs a value";
    }
    if (value.length() > MAX_VALUE_CHARS) {
      return "must have at most " + MAX_VALUE_CHARS + " characters, had " + value.length();
    }
    if (key.equals(SECURITY_PROTOCOL) && !SecurityProtocol.names().contains(value)) {
      return "must be one of " + String.join(", ", SecurityProtocol.names()) + ", was '" + value + "'";
    }
    return null;
  }

  private static boolean isSecurityKey(String key) {
    return key.equals(SECURITY_PROTOCOL) || key.startsWith("sasl.") || key.startsWith("ssl.");
  }
}
