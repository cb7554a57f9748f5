package dev.eventschema.monitor.view;

import dev.eventschema.monitor.client.EngineAddress;
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
  public record Target(String address, String token) {}

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
      String why = EngineAddress.check(text);
      problem.setText(text.isBlank() ? "" : why == null ? "" : why);
      ok.setDisable(why != null);
    });
    setResultConverter(button -> button == connect ? new Target(url.getText(), token.getText()) : null);
    Platform.runLater(url::requestFocus);
  }
}
