package dev.eventschema.monitor.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eventschema.Violation;
import dev.eventschema.monitor.client.StreamMessage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rejections as JSON: for the clipboard and for export files. */
public final class RejectionJson {

  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RejectionJson() {}

  /** The wire-like form of one rejection: seq, time, eventType, source, violations, payload. */
  public static Map<String, Object> toMap(StreamMessage.Rejection r) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("seq", r.seq());
    map.put("time", r.time() == null ? null : r.time().toString());
    map.put("eventType", r.eventType());
    map.put("source", r.source());
    List<Map<String, Object>> violations = new ArrayList<>();
    for (Violation v : r.violations()) {
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("path", v.path());
      vm.put("code", v.code().wireName());
      vm.put("message", v.message());
      violations.add(vm);
    }
    map.put("violations", violations);
    map.put("payload", r.payload());
    return map;
  }

  /** One rejection, pretty-printed. */
  public static String of(StreamMessage.Rejection r) {
    try {
      return PRETTY.writeValueAsString(toMap(r));
    } catch (JsonProcessingException e) {
      return String.valueOf(toMap(r));
    }
  }

  /** Writes rejections as a JSON array; returns a problem in words, or {@code null} on success. */
  public static String write(List<StreamMessage.Rejection> rejections, Path file) {
    List<Map<String, Object>> all = new ArrayList<>(rejections.size());
    for (StreamMessage.Rejection r : rejections) {
      all.add(toMap(r));
    }
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".part");
      PRETTY.writeValue(tmp.toFile(), all);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return null;
    } catch (AccessDeniedException e) {
      return "Could not write " + file + ": permission denied.";
    } catch (NoSuchFileException e) {
      return "Could not write " + file + ": the folder does not exist.";
    } catch (IOException e) {
      return "Could not write " + file + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + ").";
    }
  }
}
