package dev.wxpay.endpoints.v3.marketing.favor.media;

/**
 * The answer of {@link ImageUpload}.
 *
 * @param mediaUrl the image's URL, for marketing APIs
 */
public record ImageUploadResponse(String mediaUrl) {}
