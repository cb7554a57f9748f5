package dev.eventschema.monitor.export;

import dev.eventschema.monitor.client.StreamMessage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Exports} for the desktop: a save dialog picks the file, a background thread writes it. */
public final class DesktopExports implements Exports {

  /** Picks the file to write, or nothing when the user cancels. FX thread. */
  @FunctionalInterface
  public interface SaveLocation {
    Optional<Path> choose(String title, String suggestedName, Window owner);
  }

  private final SaveLocation location;

  public DesktopExports(SaveLocation location) {
    this.location = Objects.requireNonNull(location, "location");
  }

  /** Asks with the platform's save dialog. */
  public static DesktopExports withFileChooser() {
    return new DesktopExports((title, suggestedName, owner) -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle(title);
      chooser.setInitialFileName(suggestedName);
      chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
      File file = chooser.showSaveDialog(owner);
      return Optional.ofNullable(file).map(File::toPath);
    });
  }

  @Override
  public String eventJson(StreamMessage.Event event) {
    return JsonText.event(event);
  }

  @Override
  public String rejectionJson(StreamMessage.Rejection rejection) {
    return JsonText.rejection(rejection);
  }

  @Override
  public boolean saveRejections(List<StreamMessage.Rejection> rejections, String title, Window owner,
      Consumer<Outcome> done) {
    Optional<Path> chosen = location.choose(title, "rejections.json", owner);
    if (chosen.isEmpty()) {
      return false;
    }
    Path file = chosen.get();
    List<StreamMessage.Rejection> copy = List.copyOf(rejections);
    CompletableFuture.supplyAsync(() -> RejectionFiles.write(copy, file)).whenComplete((problem, error) -> {
      Outcome outcome = problem == null && error == null
          ? new Outcome(true, "Exported " + copy.size() + (copy.size() == 1 ? " rejection" : " rejections")
              + " to " + file.getFileName() + ".")
          : new Outcome(false, problem != null ? problem : "Could not write " + file + ".");
      Platform.runLater(() -> done.accept(outcome));
    });
    return true;
  }
}
