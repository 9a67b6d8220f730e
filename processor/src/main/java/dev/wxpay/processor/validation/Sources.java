package dev.wxpay.processor.validation;

import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** What javac's trees (in memory, never a file on disk) tell beyond the element model. */
public final class Sources {
  private final Trees trees;

  public Sources(ProcessingEnvironment env) {
    Trees found;
    try {
      found = Trees.instance(env);
    } catch (IllegalArgumentException e) {
      // Not javac: toString() overrides are told by their modifiers instead.
      found = null;
    }
    this.trees = found;
  }

  /**
   * Whether a member is written in the source. javac 17 reports a record's implicit {@code toString()}
   * as explicit; only the tree, or failing that its {@code final} modifier, tells them apart.
   */
  public boolean isWrittenOut(Element member) {
    if (trees != null) {
      return trees.getTree(member) != null;
    }
    return !member.getModifiers().contains(Modifier.FINAL);
  }
}
