package dev.eventschema.monitor.view;

import dev.eventschema.Violation;
import dev.eventschema.monitor.export.JsonLayout;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A pretty-printed JSON value whose offending paths are highlighted: each highlighted part is a
 * {@code .json-highlight} label whose user data is the violation's path.
 */
public final class JsonView extends ScrollPane {

  private final TextFlow flow = new TextFlow();

  public JsonView() {
    getStyleClass().add("json-view");
    flow.getStyleClass().add("json-flow");
    setContent(flow);
    setFitToWidth(true);
  }

  /** Shows {@code value}, highlighting what {@code violations} point at. */
  public void show(Object value, List<Violation> violations) {
    List<JsonLayout.Span> spans = JsonLayout.layout(value, violations);
    List<Node> nodes = new ArrayList<>(spans.size());
    for (JsonLayout.Span span : spans) {
      if (span.highlighted() && !span.text().isBlank()) {
        Label mark = new Label(span.text());
        mark.getStyleClass().addAll("json-highlight", span.style());
        mark.setUserData(span.path());
        nodes.add(mark);
      } else {
        Text text = new Text(span.text());
        text.getStyleClass().addAll("json-text", span.style());
        nodes.add(text);
      }
    }
    flow.getChildren().setAll(nodes);
    setVvalue(0);
  }

  public void clear() {
    flow.getChildren().clear();
  }
}
