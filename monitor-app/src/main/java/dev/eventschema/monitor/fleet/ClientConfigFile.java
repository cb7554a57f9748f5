package dev.eventschema.monitor.fleet;

import dev.eventschema.events.kafka.ClientSecurity;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's Kafka client security settings (TLS, SASL): a properties file, as Kafka's own tools
 * take with {@code --command-config}, holding {@code security.protocol} and {@code sasl.*} and
 * {@code ssl.*} properties (events-kafka's {@link ClientSecurity} rules, checked once here). A file,
 * never a flag: it holds secrets, and a command line is visible to every user of the machine.
 */
public final class ClientConfigFile {

  /** The largest file read: a few PEM certificates inline, not a mistaken path to something big. */
  public static final long MAX_BYTES = 256 * 1024;

  private ClientConfigFile() {}

  /**
   * The properties of {@code file}, checked.
   *
   * @param flag how the user named the file, for messages ({@code --kafka-config})
   * @throws IllegalArgumentException naming the flag, the file and, for a property, its name (never its value)
   */
  public static Map<String, String> read(String flag, Path file) {
    String where = flag + " " + file;
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(where + ": the file is larger than " + MAX_BYTES + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": cannot read the file (" + e + ")", e);
    }
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": not a properties file (" + e.getMessage() + ")", e);
    }
    Map<String, String> read = new LinkedHashMap<>();
    properties.stringPropertyNames().stream().sorted().forEach(name -> read.put(name, properties.getProperty(name)));
    return ClientSecurity.checked(read, where);
  }
}
