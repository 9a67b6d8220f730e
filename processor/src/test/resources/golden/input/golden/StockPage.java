package golden;

import java.util.List;

public record StockPage(List<Stock> data, long totalCount, int offset, int limit) {}
