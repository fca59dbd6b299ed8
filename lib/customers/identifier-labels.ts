import type { IdentifierType } from "@/lib/generated/prisma/enums";

// Client-safe: how the console names identifier types.
export const IDENTIFIER_LABELS: Record<IdentifierType, string> = {
  MOBILE: "Mobile",
  EMAIL: "Email",
  EXTERNAL_ID: "External id",
  CARD_NUMBER: "Card",
  CARD_EXTERNAL_ID: "Card external id",
  WECHAT: "WeChat",
  MARTJACK_ID: "Martjack id",
  FB_ID: "Facebook id",
  TMALL_UNAME: "Tmall user",
  CUID: "CUID",
  UNION_ID: "Union id",
  ALI_UNAME: "Ali user",
  JD_UNAME: "JD user",
  VIP_UNAME: "VIP user",
  LINE: "LINE",
  MOBILE_PUSH: "Mobile push",
};
