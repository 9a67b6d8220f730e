package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedRequestTest {
  /** What bill and certificate answers read their options from. */
  @Test
  void queryParametersArePercentDecodedAndTheFirstWins() {
    RecordedRequest request = new RecordedRequest("GET", "/v3/bill/tradebill",
        "bill_date=2024-01-01&tar_type=GZIP&tar_type=NONE&name=%E4%B8%AD&flag&bad=%ZZ", Map.of(), new byte[0],
        Map.of(), true, null);
    assertEquals(Map.of("bill_date", "2024-01-01", "tar_type", "GZIP", "name", "中", "flag", "", "bad", "%ZZ"),
        request.queryParameters());
    assertEquals(Map.of(), new RecordedRequest("GET", "/", null, Map.of(), new byte[0], Map.of(), true, null)
        .queryParameters());
  }
}
