package dev.eventschema.monitor.view;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for an engine's address and optional token; the address is checked as it is typed. */
public final class AddEngineDialog extends Dialog<AddEngineDialog.Target> {

  /** What the user entered. */
  public record Target(URI uri, String token) {}

  private final TextField url = new TextField();
  private final PasswordField token = new PasswordField();
  private final Label problem = new Label();

  public AddEngineDialog(Window owner, String stylesheet) {
    initOwner(owner);
    setTitle("Add engine");
    setHeaderText("Connect to a running engine (engine-runtime serve or demo)");
    ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
    if (stylesheet != null) {
      getDialogPane().getStylesheets().add(stylesheet);
    }
    url.setId("engineUrl");
    url.setPromptText("http://127.0.0.1:8080/");
    url.setPrefColumnCount(30);
    token.setId("engineToken");
    token.setPromptText("only if the engine was started with --token");
    problem.getStyleClass().add("problem");
    problem.setWrapText(true);
    problem.setMaxWidth(420);
    Label urlLabel = new Label("_Address");
    urlLabel.setMnemonicParsing(true);
    urlLabel.setLabelFor(url);
    Label tokenLabel = new Label("_Token");
    tokenLabel.setMnemonicParsing(true);
    tokenLabel.setLabelFor(token);
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(14));
    grid.addRow(0, urlLabel, url);
    grid.addRow(1, tokenLabel, token);
    grid.add(problem, 1, 2);
    getDialogPane().setContent(grid);
    Node ok = getDialogPane().lookupButton(connect);
    ok.setDisable(true);
    url.textProperty().addListener((o, a, text) -> {
      String why = check(text);
      problem.setText(text.isBlank() ? "" : why == null ? "" : why);
      ok.setDisable(why != null);
    });
    setResultConverter(button -> button == connect ? new Target(parse(url.getText()), token.getText()) : null);
    Platform.runLater(url::requestFocus);
  }

  /** Why {@code text} is not an engine address, in words; {@code null} if it is one. */
  public static String check(String text) {
    if (text == null || text.isBlank()) {
      return "Enter the engine's address, such as http://127.0.0.1:8080/";
    }
    URI uri;
    try {
      uri = new URI(withScheme(text.trim()));
    } catch (URISyntaxException e) {
      return "This is not a valid address: " + e.getReason() + ".";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "The address must start with http:// or https://.";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "The address needs a host, such as 127.0.0.1.";
    }
    if (uri.getPort() == -1 && scheme.equals("http")) {
      return "Add the engine's port, such as http://" + uri.getHost() + ":8080/.";
    }
    return null;
  }

  /** The URI of a checked address. */
  public static URI parse(String text) {
    return URI.create(withScheme(text.trim()));
  }

  private static String withScheme(String text) {
    return text.contains("://") ? text : "http://" + text;
  }
}
