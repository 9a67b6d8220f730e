package golden;

import dev.wxpay.annotations.Model;
import dev.wxpay.runtime.JsonValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Fields whose schema the API leaves open ({}, an array without items): any JSON, kept as it came. */
@Model
public record Activity(
    String activityId,
    JsonValue messageContent,
    @Nullable JsonValue extra,
    @Nullable List<JsonValue> activityAreaCode) {}
