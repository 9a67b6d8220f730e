package dev.wxpay.endpoints.v3.merchant.media;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.runtime.Upload;
import java.util.concurrent.CompletableFuture;

/** Uploads an image or PDF file and returns its media id, for APIs that take one. */
@Endpoint("v3/merchant/media/upload")
public interface MediaUpload {
  /** Uploads {@code file} (JPG, BMP or PNG up to 5 MB, PDF up to 7.5 MB). */
  MediaUploadResponse post(Upload file);

  /** Like {@link #post} without blocking. */
  CompletableFuture<MediaUploadResponse> postAsync(Upload file);
}
