package dev.eventschema.bench.model;

import dev.eventschema.engine.config.TelemetryConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.valueextraction.Unwrapping;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A hand-written implementation of {@link TelemetryConfig}, with the same rules as Jakarta
 * constraints ({@code @Range} becomes {@code @Min} + {@code @Max}); see {@link TokenRecord}.
 *
 * <p>Two concessions to avaje-validator 2.17's generator, which Hibernate Validator accepts too:
 * <ul>
 *   <li>{@code serviceName}'s constraints sit on the {@code Optional} itself: avaje silently drops
 *       constraints written inside it ({@code Optional<@Size String>} generates a no-op adapter);
 *       Hibernate Validator then needs {@code Unwrapping.Unwrap} to apply them to the value;
 *   <li>the label-name regex is written without a group: with a container constraint on the map,
 *       a {@code (} in a key's {@code @Pattern} makes avaje generate code that does not compile
 *       ({@code ValidationAdapter<String, String>>}). {@link #LABEL_NAME_NO_GROUP} accepts exactly
 *       the strings {@link #LABEL_NAME} accepts.
 * </ul>
 */
@Valid
public record TelemetryRecord(
    boolean enabled,
    @Size(min = 1, max = 100, payload = Unwrapping.Unwrap.class)
    @Pattern(regexp = SERVICE_NAME, payload = Unwrapping.Unwrap.class) Optional<String> serviceName,
    @Min(1024) @Max(65535) OptionalInt prometheusPort,
    @Min(1000) @Max(600000) OptionalLong exportIntervalMs,
    @NotNull @Size(max = 16) Map<@Pattern(regexp = LABEL_NAME_NO_GROUP) String, @NotNull @Size(max = 128) String> labels)
    implements TelemetryConfig {

  /** The same regexes as {@link TelemetryConfig}'s. */
  public static final String SERVICE_NAME = "[A-Za-z0-9_-]+";
  public static final String LABEL_NAME = "(?!__)[a-zA-Z_][a-zA-Z0-9_]*";
  /** {@link #LABEL_NAME} without the look-ahead group: a letter first, or '_' alone or before a non-'_'. */
  public static final String LABEL_NAME_NO_GROUP = "[a-zA-Z][a-zA-Z0-9_]*|_|_[a-zA-Z0-9][a-zA-Z0-9_]*";

  public TelemetryRecord {
    serviceName = serviceName == null ? Optional.empty() : serviceName;
    prometheusPort = prometheusPort == null ? OptionalInt.empty() : prometheusPort;
    exportIntervalMs = exportIntervalMs == null ? OptionalLong.empty() : exportIntervalMs;
    labels = labels == null ? Map.of() : labels;
  }
}
