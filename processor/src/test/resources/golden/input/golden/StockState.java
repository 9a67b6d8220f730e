package golden;

import com.squareup.moshi.Json;

public enum StockState {
  AUDITING,
  SENDING,
  @Json(name = "STOPPED_BY_MERCHANT")
  STOPPED
}
