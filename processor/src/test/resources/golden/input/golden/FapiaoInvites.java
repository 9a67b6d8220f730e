package golden;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Query;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Lists in the query: each is one parameter, its values separated by commas. */
@Endpoint("v3/new-tax-control-fapiao/fapiaomerchant/getspinviteurl")
public interface FapiaoInvites {
  FapiaoInviteUrl get(
      @Query("invite_code") String inviteCode,
      @Query("fapiao_ability_type_list") @Nullable List<FapiaoAbilityType> abilityTypes,
      @Query InviteQuery query);
}
