package dev.wxpay.endpoints.v3.merchant.media;

/**
 * The answer of {@link MediaUpload}.
 *
 * @param mediaId the id to pass where an API asks for the media
 */
public record MediaUploadResponse(String mediaId) {}
