import { z } from "zod";

// The generic OTP API (SPEC-vendor-api §D.1, `_otp.md`). Client-safe.

export const OTP_ACTIONS = ["POINTS", "POINTSTRANSFER", "USERGROUP"] as const;
export type OtpAction = (typeof OTP_ACTIONS)[number];

const entity = {
  entityType: z.enum(["MOBILE", "EMAIL"]),
  entityValue: z.string().trim().min(1).max(200),
  action: z.enum(OTP_ACTIONS).meta({ description: "What the code is for: POINTS codes are the validation_code of POST /v1.1/points/redeem, POINTSTRANSFER codes authorise POST /v2/points/transfer." }),
};

export const otpGenerateSchema = z.object({
  ...entity,
  channels: z.array(z.enum(["SMS", "EMAIL"])).max(2).optional().meta({ description: "Where to send it; by default the channel of entityType." }),
  template: z.string().max(500).optional(),
  emailTemplate: z.string().max(2000).optional(),
});
export type OtpGenerateInput = z.output<typeof otpGenerateSchema>;

export const otpValidateSchema = z.object({ ...entity, code: z.string().trim().min(1).max(20) });
export type OtpValidateInput = z.output<typeof otpValidateSchema>;
