package dev.eventschema.monitor;

import dev.eventschema.monitor.view.AddEngineDialog;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.Node;

/** The dashboard's dialogs, owned by its window and styled like it (stylesheet and text size). */
final class Dialogs {

  private final Supplier<Scene> scene;
  private final IntSupplier fontSize;

  Dialogs(Supplier<Scene> scene, IntSupplier fontSize) {
    this.scene = scene;
    this.fontSize = fontSize;
  }

  /** Asks for an engine's address and token; empty when cancelled. Blocks in a nested event loop. */
  Optional<AddEngineDialog.Target> askForEngine() {
    Scene owner = scene.get();
    AddEngineDialog dialog = new AddEngineDialog(owner == null ? null : owner.getWindow(), Dashboard.STYLESHEET);
    dialog.getDialogPane().setStyle(fontStyle());
    return dialog.showAndWait();
  }

  void showShortcuts() {
    Alert alert = new Alert(Alert.AlertType.INFORMATION, """
        Ctrl+1 … Ctrl+5   Overview, Events, Generations, Models, Rejected payloads
        Ctrl+N            add an engine;  Ctrl+PgDn / Ctrl+PgUp  next / previous engine
        Ctrl+R            reconnect now;  Ctrl+W  close the engine's tab
        Ctrl+P            pause or resume the events table
        Ctrl+F            search the events;  Ctrl+End  jump to the newest event
        Ctrl+Shift+C      copy the selected rejection as JSON
        Ctrl+E / Ctrl+Shift+E   export the selected / all rejections
        Ctrl+= / Ctrl+- / Ctrl+0   larger, smaller, normal text
        Alt+letter        the underlined letter of a button or menu""", ButtonType.OK);
    alert.setTitle("Keyboard shortcuts");
    alert.setHeaderText("Keyboard shortcuts");
    style(alert);
    Node content = alert.getDialogPane().lookup(".content");
    if (content != null) {
      content.getStyleClass().add("mono");
    }
    alert.show();
  }

  /** Shows an error in words (never a stack trace), without blocking the FX thread. */
  void showError(String header, String words) {
    Alert alert = new Alert(Alert.AlertType.ERROR, words, ButtonType.OK);
    alert.setTitle("eventschema monitor");
    alert.setHeaderText(header);
    style(alert);
    alert.show();
  }

  private void style(Dialog<?> dialog) {
    Scene owner = scene.get();
    if (owner != null && owner.getWindow() != null) {
      dialog.initOwner(owner.getWindow());
    }
    dialog.getDialogPane().getStylesheets().add(Dashboard.STYLESHEET);
    dialog.getDialogPane().setStyle(fontStyle());
  }

  private String fontStyle() {
    return "-fx-font-size: " + fontSize.getAsInt() + "px;";
  }
}
