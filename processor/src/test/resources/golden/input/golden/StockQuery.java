package golden;

import com.squareup.moshi.Json;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

public record StockQuery(
    String brandId,
    @Nullable Integer offset,
    @Json(name = "page_size") int limit,
    @Nullable StockState state,
    @Nullable Installments installments,
    @Nullable OffsetDateTime since) {}
