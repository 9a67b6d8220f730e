package dev.wxpay.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/** Writes an in-memory compilation's class output to a folder and loads it, service files included. */
final class CompiledClasses {
  private CompiledClasses() {}

  static URLClassLoader load(Compilation compilation, Path folder) throws IOException {
    String marker = "/CLASS_OUTPUT/";
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf(marker);
      if (at < 0) {
        continue;
      }
      Path target = folder.resolve(path.substring(at + marker.length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
    }
    return new URLClassLoader(new URL[] {folder.toUri().toURL()}, CompiledClasses.class.getClassLoader());
  }
}
