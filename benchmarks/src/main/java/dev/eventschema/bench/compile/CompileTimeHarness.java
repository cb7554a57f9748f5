package dev.eventschema.bench.compile;

import dev.eventschema.EventSchema;
import dev.eventschema.processor.EventSchemaProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Comparison 5: what the processor adds to javac's time. Writes {@code --schemas} {@code @EventSchema}
 * interfaces (default 200, in varied shapes: constrained strings, numbers, optionals, lists, open
 * maps, enums, nested schemas), then compiles them in-process through {@code javax.tools}, warmed up,
 * alternating the variants run by run so that a change in machine load hits all of them alike:
 *
 * <ul>
 *   <li>{@code plain}: the interfaces, {@code -proc:none};
 *   <li>{@code processor}: the interfaces with {@code EventSchemaProcessor}, which generates and
 *       javac then compiles a validator, a builder and an immutable record per schema (what a user
 *       pays);
 *   <li>{@code pregenerated}: the interfaces plus the sources the processor generated, {@code
 *       -proc:none}: javac compiling that much code without running the processor, so that
 *       {@code processor - pregenerated} is the processor's own cost.
 * </ul>
 *
 * Also reports the time spent inside {@code process()} itself. Prints medians and the spread.
 *
 * <p>{@code --experiment} adds a fourth variant, {@code jsonLiteral}: the pregenerated sources with
 * each validator's {@code JSON_SCHEMA} constant written as one string literal instead of a chain of
 * one literal per line joined by {@code +} (a possible change to the generator, measured here).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.eventschema.bench.compile.CompileTimeHarness \
 *     [--schemas 200] [--warmup 5] [--runs 11] [--classpath schema-annotations/target/classes] [--work DIR]
 *     [--experiment]
 * </pre>
 */
public final class CompileTimeHarness {

  private final int schemas;
  private final int warmup;
  private final int runs;
  private final String classpath;
  private final Path work;
  private final boolean experiment;
  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

  private CompileTimeHarness(int schemas, int warmup, int runs, String classpath, Path work, boolean experiment) {
    this.experiment = experiment;
    this.schemas = schemas;
    this.warmup = warmup;
    this.runs = runs;
    this.classpath = classpath;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    int schemas = 200;
    int warmup = 5;
    int runs = 11;
    String classpath = null;
    Path work = null;
    boolean experiment = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--schemas" -> schemas = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--classpath" -> classpath = args[++i];
        case "--work" -> work = Path.of(args[++i]);
        case "--experiment" -> experiment = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --schemas N --warmup N --runs N --classpath PATH --work DIR --experiment");
      }
    }
    boolean temporary = work == null;
    if (temporary) {
      work = Files.createTempDirectory("eventschema-compile-");
    }
    if (classpath == null) {
      classpath = annotationsClassPath(work.resolve("schema-annotations"));
    }
    try {
      new CompileTimeHarness(schemas, warmup, runs, classpath, work, experiment).run();
    } finally {
      if (temporary) {
        deleteTree(work);
      }
    }
  }

  private void run() throws IOException {
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    Path sources = work.resolve("src");
    List<Path> interfaces = writeSchemas(sources);
    System.out.printf(Locale.ROOT, "javac %s, %d @EventSchema sources in %s, class path %s%n",
        System.getProperty("java.version"), interfaces.size(), sources, classpath);

    // One processor run to obtain the generated sources for the "pregenerated" variant.
    Path generated = work.resolve("generated");
    compile(interfaces, true, generated, new AtomicLong());
    List<Path> generatedSources;
    try (Stream<Path> files = Files.walk(generated.resolve("src"))) {
      generatedSources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    List<Path> pregenerated = new ArrayList<>(interfaces);
    pregenerated.addAll(generatedSources);
    System.out.printf(Locale.ROOT, "the processor generates %d sources (%d lines); warm-up %d, measured %d runs each%n",
        generatedSources.size(), lines(generatedSources), warmup, runs);

    long[] plain = new long[runs];
    long[] processor = new long[runs];
    long[] pre = new long[runs];
    long[] inProcess = new long[runs];
    long[] literal = new long[runs];
    List<Path> jsonLiteral = experiment ? jsonSchemaAsOneLiteral(pregenerated, work.resolve("json-literal")) : List.of();
    for (int i = -warmup; i < runs; i++) {
      AtomicLong processNanos = new AtomicLong();
      long a = compile(interfaces, false, work.resolve("out-plain"), new AtomicLong());
      long b = compile(interfaces, true, work.resolve("out-processor"), processNanos);
      long c = compile(pregenerated, false, work.resolve("out-pregenerated"), new AtomicLong());
      long d = experiment ? compile(jsonLiteral, false, work.resolve("out-json-literal"), new AtomicLong()) : 0;
      String phase = i < 0 ? "warm-up " + (i + warmup + 1) : "run " + (i + 1);
      System.out.printf(Locale.ROOT, "  %-10s plain %7.1f ms   processor %7.1f ms (in process() %6.1f ms)   pregenerated %7.1f ms%s%n",
          phase, a / 1e6, b / 1e6, processNanos.get() / 1e6, c / 1e6,
          experiment ? String.format(Locale.ROOT, "   jsonLiteral %7.1f ms", d / 1e6) : "");
      if (i >= 0) {
        plain[i] = a;
        processor[i] = b;
        pre[i] = c;
        inProcess[i] = processNanos.get();
        literal[i] = d;
      }
    }
    double plainMs = median(plain);
    double processorMs = median(processor);
    double preMs = median(pre);
    double inProcessMs = median(inProcess);
    System.out.println();
    System.out.printf(Locale.ROOT, "median of %d runs (min-max)%n", runs);
    System.out.printf(Locale.ROOT, "  plain javac, %d interfaces, -proc:none      %8.1f ms (%s)%n", schemas, plainMs, spread(plain));
    System.out.printf(Locale.ROOT, "  javac + EventSchemaProcessor                %8.1f ms (%s)%n", processorMs, spread(processor));
    System.out.printf(Locale.ROOT, "    of which inside process()                 %8.1f ms (%s)%n", inProcessMs, spread(inProcess));
    System.out.printf(Locale.ROOT, "  javac, interfaces + generated, -proc:none   %8.1f ms (%s)%n", preMs, spread(pre));
    if (experiment) {
      System.out.printf(Locale.ROOT, "  same, JSON_SCHEMA as one literal            %8.1f ms (%s)%n", median(literal), spread(literal));
    }
    System.out.printf(Locale.ROOT, "ratio processor / plain          %.2fx (the processor adds %.0f%%)%n",
        processorMs / plainMs, 100 * (processorMs / plainMs - 1));
    System.out.printf(Locale.ROOT, "ratio processor / pregenerated   %.2fx (running the processor, beyond compiling its output: %.0f%%)%n",
        processorMs / preMs, 100 * (processorMs / preMs - 1));
  }

  /** Compiles {@code sources} into a fresh {@code out}; returns the wall time of the javac task in ns. */
  private long compile(List<Path> sources, boolean withProcessor, Path out, AtomicLong processNanos) throws IOException {
    deleteTree(out);
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generatedSources = Files.createDirectories(out.resolve("src"));
    List<String> options = new ArrayList<>(List.of(
        "--release", "21", "-classpath", classpath, "-d", classes.toString(), "-s", generatedSources.toString(),
        "-encoding", "UTF-8", "-nowarn", "-Xlint:none"));
    if (!withProcessor) {
      options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    long start = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(output, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (withProcessor) {
        task.setProcessors(List.of(new TimedProcessor(new EventSchemaProcessor(), processNanos)));
      }
      ok = task.call();
    }
    long elapsed = System.nanoTime() - start;
    if (!ok) {
      throw new IllegalStateException("javac failed:\n" + output + "\n" + diagnostics.getDiagnostics());
    }
    return elapsed;
  }

  /** Writes the schemas: ten shapes in turn, some with a nested enum, some with a list of the previous schema. */
  private List<Path> writeSchemas(Path root) throws IOException {
    deleteTree(root);
    Path dir = Files.createDirectories(root.resolve("bench/gen"));
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= schemas; i++) {
      String name = String.format(Locale.ROOT, "Schema%03dEvent", i);
      String previous = String.format(Locale.ROOT, "Schema%03dEvent", i - 1);
      StringBuilder src = new StringBuilder();
      src.append("package bench.gen;\n\n")
          .append("import dev.eventschema.EventSchema;\n")
          .append("import dev.eventschema.constraints.*;\n")
          .append("import java.util.*;\n\n")
          .append("/** Generated for the compile-time harness. */\n")
          .append("@EventSchema\n")
          .append("public interface ").append(name).append(" {\n")
          .append("  @Size(max = 256) String model();\n")
          .append("  @AllowEmpty String text();\n")
          .append("  @Range(min = 0, max = ").append(1000 + i).append(") int count();\n")
          .append("  @PositiveOrZero long sequence();\n")
          .append("  @NegativeOrZero OptionalDouble score();\n");
      switch (i % 5) {
        case 0 -> src.append("  @Size(min = 1, max = 64) @Pattern(regexp = \"[a-z][a-z0-9-]*\") Optional<String> tag();\n");
        case 1 -> src.append("  @Size(max = 16) List<@Size(max = 32) String> tags();\n");
        case 2 -> src.append("  @Size(max = 8) Map<@Pattern(regexp = \"[a-z_]+\") String, @Size(max = 128) String> labels();\n");
        case 3 -> src.append("  @Range(min = 1024, max = 65535) OptionalInt port();\n  boolean enabled();\n");
        default -> src.append("  @NotBlank String description();\n  @Positive OptionalLong limit();\n");
      }
      if (i % 4 == 0) {
        src.append("  Level level();\n\n  enum Level { LOW, MEDIUM, HIGH }\n");
      }
      if (i % 10 == 0) {
        src.append("  List<").append(previous).append("> children();\n");
      }
      src.append("  Map<String, Object> metadata();\n}\n");
      Path file = dir.resolve(name + ".java");
      Files.writeString(file, src, StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  /** Copies of {@code sources} in which each {@code JSON_SCHEMA = "..." + "..." ...;} is one literal. */
  private static List<Path> jsonSchemaAsOneLiteral(List<Path> sources, Path root) throws IOException {
    deleteTree(root);
    List<Path> copies = new ArrayList<>();
    for (Path source : sources) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      int start = text.indexOf("JSON_SCHEMA = \"");
      if (start >= 0) {
        int end = text.indexOf("\";\n", start);
        String joined = text.substring(start, end).replaceAll("\"\\s*\\n\\s*\\+ \"", "");
        text = text.substring(0, start) + joined + text.substring(end);
      }
      Path copy = root.resolve(source.getFileName().toString().replace(".java", "") + "/" + source.getFileName());
      Files.createDirectories(copy.getParent());
      Files.writeString(copy, text, StandardCharsets.UTF_8);
      copies.add(copy);
    }
    return copies;
  }

  /**
   * A class path holding only schema-annotations (what the sources compile against): its classes
   * copied out of the jar this harness runs from (the shaded benchmarks jar), so that the measure
   * neither scans a 15 MB jar nor depends on a module's target directory that a concurrent build may
   * be rewriting. Run from a directory of classes, that directory is used as it is.
   */
  private static String annotationsClassPath(Path copy) throws IOException {
    Path source = Path.of(codeSource(EventSchema.class));
    if (Files.isDirectory(source)) {
      return source.toString();
    }
    deleteTree(copy);
    List<String> packages = List.of("dev/eventschema/", "dev/eventschema/constraints/", "dev/eventschema/support/");
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(source.toFile())) {
      for (java.util.jar.JarEntry entry : java.util.Collections.list(jar.entries())) {
        String name = entry.getName();
        int slash = name.lastIndexOf('/');
        if (entry.isDirectory() || !name.endsWith(".class") || !packages.contains(name.substring(0, slash + 1))) {
          continue;
        }
        Path target = copy.resolve(name);
        Files.createDirectories(target.getParent());
        try (java.io.InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, target);
        }
      }
    }
    return copy.toString();
  }

  private static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long lines(List<Path> files) {
    long count = 0;
    for (Path file : files) {
      try {
        count += Files.readAllLines(file).size();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return count;
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
  }

  private static String spread(long[] nanos) {
    long min = Arrays.stream(nanos).min().orElse(0);
    long max = Arrays.stream(nanos).max().orElse(0);
    return String.format(Locale.ROOT, "%.1f-%.1f", min / 1e6, max / 1e6);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Delegates to the processor and adds up the time spent in {@code process()}. */
  private record TimedProcessor(Processor delegate, AtomicLong nanos) implements Processor {
    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment processingEnv) {
      long start = System.nanoTime();
      delegate.init(processingEnv);
      nanos.addAndGet(System.nanoTime() - start);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      long start = System.nanoTime();
      try {
        return delegate.process(annotations, roundEnv);
      } finally {
        nanos.addAndGet(System.nanoTime() - start);
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
        ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
