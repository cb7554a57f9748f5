package dev.eventschema.monitor;

import dev.eventschema.monitor.fleet.CloudEventRecords;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window with the dashboard. Started by {@link Main}. */
public final class MonitorApp extends Application {

  private Dashboard dashboard;

  @Override
  public void start(Stage stage) {
    Options options;
    try {
      options = Options.parse(getParameters().getRaw());
    } catch (IllegalArgumentException e) {
      options = Options.parse(java.util.List.of()); // Main checked them; this only guards direct launches
    }
    dashboard = new Dashboard(options.bufferCapacity());
    Scene scene = new Scene(dashboard.root(), 1360, 860);
    dashboard.attach(scene);
    stage.setTitle("eventschema monitor");
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    stage.setScene(scene);
    stage.show();
    if (options.connect().isEmpty() && options.kafka() == null) {
      dashboard.startEmbeddedDemo(options.demoFaultRate());
      return;
    }
    for (Options.Target target : options.connect()) {
      dashboard.addEngine(dev.eventschema.monitor.client.Problems.where(target.uri()), target.uri(),
          target.token(), null);
    }
    if (options.kafka() != null) {
      dashboard.followFleet(options.kafka(), new CloudEventRecords()); // selects the fleet overview
    } else {
      dashboard.select(dashboard.sessions().get(0));
    }
  }

  @Override
  public void stop() {
    if (dashboard != null) {
      dashboard.shutdown();
    }
  }
}
