package golden;

public record HongKongOrderResponse(String outTradeNo, String tradeState) {}
