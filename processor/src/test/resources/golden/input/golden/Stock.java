package golden;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A nested model: records, lists of records, lists of scalars, enums and optional fields. */
public record Stock(
    String stockId,
    @Nullable String remark,
    StockState state,
    SendRule sendRule,
    @Nullable List<Period> periods,
    @Nullable List<String> goodsTags,
    boolean singleItem,
    @Nullable OffsetDateTime createTime) {

  public record SendRule(long maxCount, @Nullable Long maxCountPerDay, @Nullable Boolean limitUser) {}

  public record Period(OffsetDateTime beginTime, OffsetDateTime endTime, @Nullable List<Integer> weekdays) {}
}
