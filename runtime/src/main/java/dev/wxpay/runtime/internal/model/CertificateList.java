package dev.wxpay.runtime.internal.model;

import dev.wxpay.annotations.Model;
import java.util.List;

/** The answer of {@code GET /v3/certificates}: {@code data} is required. */
@Model
public record CertificateList(List<PlatformCertificate> data) {}
