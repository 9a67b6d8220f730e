package dev.wxpay.samples;

import dev.wxpay.annotations.Model;

/** The part of a payment notification's resource this sample reads. */
@Model
public record Transaction(String outTradeNo, String transactionId, String tradeState) {}
