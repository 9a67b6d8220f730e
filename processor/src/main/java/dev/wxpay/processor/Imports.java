package dev.wxpay.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Reads a source file's imports. A type that does not exist yet, such as a builder generated this round,
 * only shows its simple name; its import says which package to look in.
 */
final class Imports {
  private final Trees trees;

  Imports(ProcessingEnvironment env) {
    Trees found;
    try {
      found = Trees.instance(env);
    } catch (IllegalArgumentException e) {
      // Not javac: imports are unknown, and lookups fall back to the other places.
      found = null;
    }
    this.trees = found;
  }

  /** The packages the source of {@code element} imports {@code simpleName} from, or all of it from. */
  List<String> importedPackagesOf(Element element, String simpleName) {
    List<String> packages = new ArrayList<>();
    TreePath path = trees == null ? null : trees.getPath(element);
    if (path == null) {
      return packages;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    for (ImportTree tree : unit.getImports()) {
      if (tree.isStatic()) {
        continue;
      }
      String imported = tree.getQualifiedIdentifier().toString();
      int dot = imported.lastIndexOf('.');
      if (dot < 0) {
        continue;
      }
      String last = imported.substring(dot + 1);
      if (last.equals(simpleName) || last.equals("*")) {
        packages.add(imported.substring(0, dot));
      }
    }
    return packages;
  }
}
