package dev.wxpay.samples;

/**
 * Canned JSON answers of the seed operations, for stubbing the sandbox in {@code SeedSample}. The
 * values match the requests {@code SeedSample} sends.
 */
final class SampleResponses {
  private SampleResponses() {}

  /** Restart favor stock 9856000. */
  static final String RESTART_STOCK = """
      {
        "stock_id": "9856000",
        "restart_time": "2025-03-05T10:12:30.120+08:00"
      }
      """;

  /** Start favor stock 9856000. */
  static final String START_STOCK = """
      {
        "stock_id": "9856000",
        "start_time": "2025-03-01T09:00:05.320+08:00"
      }
      """;

  /** Create a favor stock: it gets ID 9856000, which the start and restart samples use. */
  static final String CREATE_COUPON_STOCK = """
      {
        "stock_id": "9856000",
        "create_time": "2025-02-28T16:45:12.003+08:00"
      }
      """;

  /** Send a busifavor coupon of stock 100088. */
  static final String SEND_BUSIFAVOR_COUPON = """
      {
        "stock_id": "100088",
        "coupon_code": "ABC20250301000001",
        "out_request_no": "1002600620019090123143254435"
      }
      """;

  /** List product coupon stocks, state=SENDING, page_size=2: the first of two pages. */
  static final String LIST_PRODUCT_COUPON_STOCKS = """
      {
        "total_count": 3,
        "next_page_token": "MTIzNDUK",
        "stock_list": [
          {
            "product_coupon_id": "1000000013",
            "stock_id": "1000000013002",
            "remark": "Weekday lunch",
            "coupon_code_mode": "WECHATPAY",
            "stock_send_rule": {
              "max_count": 100000,
              "max_count_per_day": 5000,
              "max_count_per_user": 5
            },
            "single_usage_rule": {
              "coupon_available_period": {
                "available_begin_time": "2025-08-01T00:00:00+08:00",
                "available_end_time": "2025-08-31T23:59:59+08:00",
                "available_days": 30,
                "wait_days_after_receive": 1,
                "weekly_available_period": {
                  "day_list": [
                    "MONDAY",
                    "TUESDAY",
                    "WEDNESDAY",
                    "THURSDAY",
                    "FRIDAY"
                  ],
                  "day_period_list": [
                    {
                      "begin_time": 36000,
                      "end_time": 79200
                    }
                  ]
                }
              },
              "normal_coupon": {
                "threshold": 10000,
                "discount_amount": 1000
              }
            },
            "usage_rule_display_info": {
              "coupon_usage_method_list": [
                "OFFLINE",
                "MINI_PROGRAM"
              ],
              "mini_program_appid": "wx1234567890",
              "mini_program_path": "/pages/index/product",
              "usage_description": "Weekdays only; one coupon per order.",
              "coupon_available_store_info": {
                "description": "All stores; see the mini program for the list.",
                "mini_program_appid": "wx1234567890",
                "mini_program_path": "/pages/stores/index"
              },
              "app_jump_type": "H5"
            },
            "coupon_display_info": {
              "code_display_mode": "QRCODE",
              "background_color": "Color020",
              "entrance_mini_program": {
                "appid": "wx234545656765876",
                "path": "/path/index/index",
                "entrance_wording": "Shop now",
                "guidance_wording": "More offers inside"
              }
            },
            "notify_config": {
              "notify_appid": "wx23232232323"
            },
            "store_scope": "ALL",
            "sent_count_info": {
              "total_count": 12873,
              "today_count": 416
            },
            "state": "SENDING",
            "brand_id": "120344"
          },
          {
            "product_coupon_id": "1000000013",
            "stock_id": "1000000013003",
            "remark": "Store codes",
            "coupon_code_mode": "UPLOAD",
            "stock_send_rule": {
              "max_count": 100000,
              "max_count_per_day": 5000,
              "max_count_per_user": 5
            },
            "usage_rule_display_info": {
              "coupon_usage_method_list": [
                "OFFLINE",
                "MINI_PROGRAM"
              ],
              "mini_program_appid": "wx1234567890",
              "mini_program_path": "/pages/index/product",
              "usage_description": "Weekdays only; one coupon per order.",
              "coupon_available_store_info": {
                "description": "All stores; see the mini program for the list.",
                "mini_program_appid": "wx1234567890",
                "mini_program_path": "/pages/stores/index"
              }
            },
            "coupon_display_info": {
              "code_display_mode": "QRCODE",
              "background_color": "Color020",
              "entrance_mini_program": {
                "appid": "wx234545656765876",
                "path": "/path/index/index",
                "entrance_wording": "Shop now",
                "guidance_wording": "More offers inside"
              }
            },
            "notify_config": {
              "notify_appid": "wx23232232323"
            },
            "store_scope": "SPECIFIC",
            "sent_count_info": {
              "total_count": 5210,
              "today_count": 87
            },
            "state": "SENDING",
            "brand_id": "120344",
            "coupon_code_count_info": {
              "total_count": 10000,
              "available_count": 4790
            },
            "sequential_usage_rule": {
              "coupon_available_period": {
                "available_begin_time": "2025-08-01T00:00:00+08:00",
                "available_end_time": "2025-10-31T23:59:59+08:00",
                "irregular_available_period_list": [
                  {
                    "begin_time": "2025-08-01T00:00:00+08:00",
                    "end_time": "2025-08-31T23:59:59+08:00"
                  },
                  {
                    "begin_time": "2025-10-01T00:00:00+08:00",
                    "end_time": "2025-10-31T23:59:59+08:00"
                  }
                ]
              },
              "normal_coupon_list": [
                {
                  "threshold": 10000,
                  "discount_amount": 2000
                },
                {
                  "threshold": 10000,
                  "discount_amount": 1000
                },
                {
                  "threshold": 10000,
                  "discount_amount": 1000
                }
              ],
              "special_first": true
            }
          }
        ]
      }
      """;

  /** The same list with page_token=MTIzNDUK: the last page, without next_page_token. */
  static final String LIST_PRODUCT_COUPON_STOCKS_PAGE_2 = """
      {
        "total_count": 3,
        "stock_list": [
          {
            "product_coupon_id": "1000000013",
            "stock_id": "1000000013000",
            "remark": "Summer trial",
            "coupon_code_mode": "WECHATPAY",
            "stock_send_rule": {
              "max_count": 100000,
              "max_count_per_day": 5000,
              "max_count_per_user": 5
            },
            "single_usage_rule": {
              "coupon_available_period": {
                "available_begin_time": "2025-06-01T00:00:00+08:00",
                "available_end_time": "2025-07-31T23:59:59+08:00",
                "available_days": 30,
                "wait_days_after_receive": 1
              },
              "discount_coupon": {
                "threshold": 5000,
                "percent_off": 20
              }
            },
            "usage_rule_display_info": {
              "coupon_usage_method_list": [
                "OFFLINE",
                "MINI_PROGRAM"
              ],
              "mini_program_appid": "wx1234567890",
              "mini_program_path": "/pages/index/product",
              "usage_description": "Weekdays only; one coupon per order.",
              "coupon_available_store_info": {
                "description": "All stores; see the mini program for the list.",
                "mini_program_appid": "wx1234567890",
                "mini_program_path": "/pages/stores/index"
              }
            },
            "coupon_display_info": {
              "code_display_mode": "QRCODE",
              "background_color": "Color020",
              "entrance_mini_program": {
                "appid": "wx234545656765876",
                "path": "/path/index/index",
                "entrance_wording": "Shop now",
                "guidance_wording": "More offers inside"
              }
            },
            "notify_config": {
              "notify_appid": "wx23232232323"
            },
            "store_scope": "ALL",
            "sent_count_info": {
              "total_count": 30000,
              "today_count": 0
            },
            "state": "SENDING",
            "brand_id": "120344"
          }
        ]
      }
      """;
}
