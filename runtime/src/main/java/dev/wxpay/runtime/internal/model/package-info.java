/**
 * Internal: the JSON WeChat Pay wraps notifications and platform certificates in, as records whose
 * adapters wxpay's processor wrote. The adapters are committed here because the processor cannot run
 * on the runtime it is tested against; {@code RuntimeModelsTest} in the processor module regenerates
 * them and fails when they drift. Not exported from the module.
 */
@NullMarked
package dev.wxpay.runtime.internal.model;

import org.jspecify.annotations.NullMarked;
