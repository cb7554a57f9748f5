package dev.eventschema.monitor.view;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A gauge tile: a big value with a caption. */
final class Tile extends VBox {

  private final Label value = new Label("–");
  private final Label caption;
  private final Label detail = new Label();

  Tile(String id, String caption) {
    this.caption = new Label(caption);
    getStyleClass().add("tile");
    value.getStyleClass().add("tile-value");
    value.setId(id);
    this.caption.getStyleClass().add("tile-caption");
    this.caption.setWrapText(true);
    detail.getStyleClass().add("tile-detail");
    detail.setManaged(false);
    detail.setVisible(false);
    getChildren().addAll(value, this.caption, detail);
  }

  void set(String text) {
    if (!text.equals(value.getText())) {
      value.setText(text);
    }
  }

  void setCaption(String text) {
    if (!text.equals(caption.getText())) {
      caption.setText(text);
    }
  }

  /** A second, smaller line under the caption. */
  void setDetail(String text) {
    if (!text.equals(detail.getText())) {
      detail.setText(text);
      detail.setManaged(true);
      detail.setVisible(true);
    }
  }

  Label valueLabel() {
    return value;
  }
}
