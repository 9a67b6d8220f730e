package golden;

import java.time.OffsetDateTime;

public record RestartStockResponse(String stockId, OffsetDateTime restartTime) {}
