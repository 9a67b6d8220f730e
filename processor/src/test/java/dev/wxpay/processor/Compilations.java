package dev.wxpay.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Compiles test declarations with the processor, treating any warning in generated code as an error. */
final class Compilations {
  private Compilations() {}

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new WxpayProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(sources);
  }

  /** A source file from lines; the file name follows the public type in it. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** {@code test.Api}, an {@code @Endpoint(path)} interface with these members, from line 5 on. */
  static JavaFileObject endpoint(String path, String... members) {
    String[] lines = new String[4 + members.length + 1];
    lines[0] = "package test;";
    lines[1] = "import dev.wxpay.annotations.*;";
    lines[2] = "@Endpoint(\"" + path + "\")";
    lines[3] = "public interface Api {";
    System.arraycopy(members, 0, lines, 4, members.length);
    lines[lines.length - 1] = "}";
    return source("test.Api", lines);
  }
}
