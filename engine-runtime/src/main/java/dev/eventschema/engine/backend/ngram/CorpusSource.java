package dev.eventschema.engine.backend.ngram;

import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the training text of a model path: a UTF-8 file, or a class-path resource written {@code
 * classpath:name}. The size is capped, because the whole text and its counts are held in memory.
 */
final class CorpusSource {

  static final String CLASSPATH_PREFIX = LoadRequest.CLASSPATH_PREFIX;

  /** Far more than a demo needs, far less than would exhaust a default heap with counts. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private CorpusSource() {}

  /**
   * The text at {@code modelPath}.
   *
   * @throws EngineException {@code MODEL_NOT_FOUND} if nothing is there, {@code MODEL_LOAD_FAILED} if
   *     it cannot be read, is too large or is not UTF-8
   */
  static String read(String modelPath) {
    byte[] bytes = modelPath.startsWith(CLASSPATH_PREFIX)
        ? readResource(modelPath, modelPath.substring(CLASSPATH_PREFIX.length()))
        : readFile(modelPath);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      throw failed(modelPath, "it is not UTF-8 text", notUtf8);
    }
  }

  private static byte[] readResource(String modelPath, String name) {
    try (InputStream in = CorpusSource.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw notFound(modelPath);
      }
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw failed(modelPath, "it is larger than " + MAX_BYTES + " bytes", null);
      }
      return bytes;
    } catch (IOException unreadable) {
      throw failed(modelPath, unreadable.toString(), unreadable);
    }
  }

  private static byte[] readFile(String modelPath) {
    try {
      Path path = Path.of(modelPath);
      if (!Files.isRegularFile(path)) {
        throw notFound(modelPath);
      }
      if (Files.size(path) > MAX_BYTES) {
        throw failed(modelPath, "it is larger than " + MAX_BYTES + " bytes", null);
      }
      return Files.readAllBytes(path);
    } catch (InvalidPathException | NoSuchFileException missing) {
      throw notFound(modelPath);
    } catch (IOException unreadable) {
      throw failed(modelPath, unreadable.toString(), unreadable);
    }
  }

  private static EngineException notFound(String modelPath) {
    return new EngineException(ErrorCode.MODEL_NOT_FOUND, "no corpus at '" + modelPath + "'",
        Map.of("modelPath", modelPath));
  }

  private static EngineException failed(String modelPath, String why, Throwable cause) {
    return new EngineException(ErrorCode.MODEL_LOAD_FAILED, "cannot read the corpus '" + modelPath + "': " + why,
        Map.of("modelPath", modelPath), cause);
  }
}
