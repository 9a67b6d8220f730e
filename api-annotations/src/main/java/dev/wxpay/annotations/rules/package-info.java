/**
 * Rules shared by the annotation processor (at compile time) and the runtime (at call time), kept in one
 * place so they cannot drift: path templates, header names and values, generated names. Not meant for
 * application code.
 */
package dev.wxpay.annotations.rules;
