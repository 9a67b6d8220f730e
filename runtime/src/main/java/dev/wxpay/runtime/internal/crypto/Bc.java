package dev.wxpay.runtime.internal.crypto;

import java.math.BigInteger;
import java.security.Provider;
import java.security.interfaces.ECKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The private Bouncy Castle provider and the SM2 curve. A holder class, so RSA-only users never load
 * Bouncy Castle's provider; the provider is passed to {@code getInstance(..., provider)} and never
 * registered with {@code Security}.
 */
final class Bc {
  static final Provider PROVIDER = new BouncyCastleProvider();

  static final String SM2_CURVE_NAME = "sm2p256v1";
  static final X9ECParameters SM2_CURVE = GMNamedCurves.getByName(SM2_CURVE_NAME);
  /** Bytes of one SM2 field element, i.e. of x or y in C1. */
  static final int SM2_FIELD_BYTES = 32;

  private Bc() {}

  /**
   * Whether an EC key lies on sm2p256v1, compared by the curve's numbers rather than by name: JCA
   * providers describe the same curve with different {@code ECParameterSpec} classes.
   */
  static boolean isSm2(ECKey key) {
    ECParameterSpec spec = key.getParams();
    if (!(spec.getCurve().getField() instanceof ECFieldFp field)) {
      return false;
    }
    ECPoint g = spec.getGenerator();
    org.bouncycastle.math.ec.ECPoint sm2G = SM2_CURVE.getG().normalize();
    return field.getP().equals(SM2_CURVE.getCurve().getField().getCharacteristic())
        && spec.getCurve().getA().equals(SM2_CURVE.getCurve().getA().toBigInteger())
        && spec.getCurve().getB().equals(SM2_CURVE.getCurve().getB().toBigInteger())
        && spec.getOrder().equals(SM2_CURVE.getN())
        && g.getAffineX().equals(sm2G.getAffineXCoord().toBigInteger())
        && g.getAffineY().equals(sm2G.getAffineYCoord().toBigInteger())
        && BigInteger.valueOf(spec.getCofactor()).equals(SM2_CURVE.getH());
  }
}
