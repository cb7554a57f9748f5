package dev.eventschema.engine.export.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading decoded OTLP messages in tests: attributes as maps, values as plain JSON values. */
final class OtlpProto {

  private OtlpProto() {}

  /** A metric of the request, with the resource it came under. */
  record Found(ResourceMetrics resource, Metric metric) {}

  static Optional<Found> metric(ExportMetricsServiceRequest request, String name) {
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          if (metric.getName().equals(name)) {
            return Optional.of(new Found(resource, metric));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The metric in the latest request that has it. */
  static Optional<Found> latest(List<ExportMetricsServiceRequest> requests, String name) {
    for (int i = requests.size() - 1; i >= 0; i--) {
      Optional<Found> found = metric(requests.get(i), name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Attributes as a map of plain values. */
  static Map<String, Object> attributes(List<KeyValue> attributes) {
    Map<String, Object> map = new LinkedHashMap<>();
    attributes.forEach(kv -> map.put(kv.getKey(), value(kv.getValue())));
    return map;
  }

  /** An AnyValue as the JSON value it stands for: key-value lists as maps, arrays as lists. */
  static Object value(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> value.getBoolValue();
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpProto::value).toList();
      case KVLIST_VALUE -> attributes(value.getKvlistValue().getValuesList());
      case BYTES_VALUE -> value.getBytesValue().toByteArray();
      case VALUE_NOT_SET -> null;
      default -> throw new AssertionError("a value the engine never sends: " + value);
    };
  }

  /**
   * A JSON value with its numbers as OTLP has them: whole numbers as longs, others as doubles;
   * {@code null} stays {@code null}.
   */
  static Object normalized(Object json) {
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), normalized(v)));
      return copy;
    }
    if (json instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(normalized(v)));
      return copy;
    }
    if (json instanceof Integer || json instanceof Long || json instanceof Short || json instanceof Byte) {
      return ((Number) json).longValue();
    }
    if (json instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : big.doubleValue();
    }
    if (json instanceof BigDecimal || json instanceof Double || json instanceof Float) {
      return ((Number) json).doubleValue();
    }
    return json;
  }
}
