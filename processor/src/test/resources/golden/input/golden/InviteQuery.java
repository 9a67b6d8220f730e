package golden;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record InviteQuery(
    List<String> subMchids,
    @Nullable List<Long> amounts,
    @Nullable List<Installments> installments,
    @Nullable List<OffsetDateTime> since,
    @Nullable String inviteChannel) {}
