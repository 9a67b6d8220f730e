/**
 * wxpay's annotations, and the rules the processor and the runtime share. A real module rather than an
 * Automatic-Module-Name: a reactor build that stops before packaging compiles the runtime's module
 * against this module's classes folder, which has no manifest to name it.
 */
module dev.wxpay.annotations {
  exports dev.wxpay.annotations;
  // Shared with the runtime only; the processor runs from the processor path, where modules do not apply.
  exports dev.wxpay.annotations.rules to dev.wxpay.runtime;
}
