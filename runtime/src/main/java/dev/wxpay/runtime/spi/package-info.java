/**
 * The contract between generated code and the runtime. Generated clients, builders and JSON adapters use
 * these types; application code normally does not.
 */
@NullMarked
package dev.wxpay.runtime.spi;

import org.jspecify.annotations.NullMarked;
