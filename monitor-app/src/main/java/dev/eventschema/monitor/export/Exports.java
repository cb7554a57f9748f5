package dev.eventschema.monitor.export;

import dev.eventschema.monitor.client.StreamMessage;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * What the views ask of the world beyond their nodes: JSON text (for the details panes and the
 * clipboard) and files. The views build nodes only; serialization and file I/O live behind this.
 */
public interface Exports {

  /** An event's envelope, pretty-printed. */
  String eventJson(StreamMessage.Event event);

  /** A rejection in its wire-like form, pretty-printed. */
  String rejectionJson(StreamMessage.Rejection rejection);

  /**
   * Asks where to save {@code rejections} ({@code title} names the question, {@code owner} owns any
   * dialog) and writes them there off the FX thread; {@code done} then gets the outcome on the FX
   * thread. Returns {@code false}, and never calls {@code done}, when no place was chosen.
   */
  boolean saveRejections(List<StreamMessage.Rejection> rejections, String title, Window owner,
      Consumer<Outcome> done);

  /** How a save ended, in words for the user. */
  record Outcome(boolean saved, String words) {}
}
