package dev.wxpay.endpoints.v3.marketing.favor.media;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.runtime.Upload;
import java.util.concurrent.CompletableFuture;

/** Uploads an image for marketing (coupon logos and pictures) and returns its URL. */
@Endpoint("v3/marketing/favor/media/image-upload")
public interface ImageUpload {
  ImageUploadResponse post(Upload image);

  CompletableFuture<ImageUploadResponse> postAsync(Upload image);
}
