package dev.eventschema.monitor.export;

import dev.eventschema.monitor.client.StreamMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes rejections to a file as one JSON array, atomically (a partial file never replaces a good one). */
public final class RejectionFiles {

  private RejectionFiles() {}

  /** Writes {@code rejections} to {@code file}; returns a problem in words, or {@code null} on success. */
  public static String write(List<StreamMessage.Rejection> rejections, Path file) {
    List<Map<String, Object>> all = new ArrayList<>(rejections.size());
    for (StreamMessage.Rejection r : rejections) {
      all.add(JsonText.toMap(r));
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    try (OutputStream out = Files.newOutputStream(tmp)) { // NIO: its exceptions say what went wrong
      JsonText.PRETTY.writeValue(out, all);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
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
