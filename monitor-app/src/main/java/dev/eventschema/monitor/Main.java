package dev.eventschema.monitor;

import java.util.List;
import javafx.application.Application;

/**
 * The launcher. It does not extend {@link Application}, so that the dashboard also starts with
 * JavaFX on the class path (a plain {@code java -jar}).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("monitor-app: " + e.getMessage());
      System.err.println();
      System.err.print(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(Options.USAGE);
      return;
    }
    Application.launch(MonitorApp.class, args);
  }
}
