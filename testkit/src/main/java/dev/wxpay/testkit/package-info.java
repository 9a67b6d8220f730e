/**
 * An in-process WeChat Pay sandbox for tests and samples: {@link dev.wxpay.testkit.WechatPaySandbox} checks
 * request signatures like WeChat Pay does, answers with stubbed, signed responses and records what it got.
 */
@NullMarked
package dev.wxpay.testkit;

import org.jspecify.annotations.NullMarked;
