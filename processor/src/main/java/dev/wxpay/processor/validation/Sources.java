package dev.wxpay.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** What javac's trees tell beyond the element model: imports, and whether a member is written out. */
final class Sources {
  private final Trees trees;

  Sources(ProcessingEnvironment env) {
    Trees found;
    try {
      found = Trees.instance(env);
    } catch (IllegalArgumentException e) {
      // Not javac: imports are unknown, and lookups fall back to the other places.
      found = null;
    }
    this.trees = found;
  }

  /**
   * The packages the source of {@code element} imports {@code simpleName} from, or all of it from. A
   * type that does not exist yet, such as a builder generated this round, only shows its simple name;
   * its import says which package to look in.
   */
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

  /**
   * Whether a member is written in the source. javac 17 reports a record's implicit {@code toString()}
   * as explicit; only the tree, or failing that its {@code final} modifier, tells them apart.
   */
  boolean isWrittenOut(Element member) {
    if (trees != null) {
      return trees.getTree(member) != null;
    }
    return !member.getModifiers().contains(Modifier.FINAL);
  }
}
