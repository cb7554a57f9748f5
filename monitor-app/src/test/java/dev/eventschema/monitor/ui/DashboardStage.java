package dev.eventschema.monitor.ui;

import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.export.Exports;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows a real dashboard in the test's stage, at the size the screenshots use. */
final class DashboardStage {

  private DashboardStage() {}

  /** A dashboard keeping {@code bufferSize} events per engine, shown in {@code stage}. */
  static Dashboard show(Stage stage, int bufferSize) {
    return show(stage, new Dashboard(bufferSize));
  }

  /** The same, exporting through {@code exports}. */
  static Dashboard show(Stage stage, int bufferSize, Exports exports) {
    return show(stage, new Dashboard(bufferSize, exports));
  }

  private static Dashboard show(Stage stage, Dashboard dashboard) {
    Scene scene = new Scene(dashboard.root(), 1280, 800);
    dashboard.attach(scene);
    stage.setScene(scene);
    stage.show();
    return dashboard;
  }
}
