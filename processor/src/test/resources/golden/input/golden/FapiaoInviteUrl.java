package golden;

public record FapiaoInviteUrl(String inviteUrl, String miniprogramAppid, String miniprogramPath) {}
