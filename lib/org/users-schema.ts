import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

// Client-safe: the users forms and server actions share these.

export const createConsoleUserSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(100, "Keep the name to 100 characters or fewer."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address, like name@company.com.")),
  role: z.enum(ROLES, { message: "Choose a role." }),
});
export type CreateConsoleUserInput = z.input<typeof createConsoleUserSchema>;

export const changeUserRoleSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(ROLES, { message: "Choose a role." }),
});

export const setUserActiveSchema = z.object({
  userId: z.coerce.number().int().positive(),
  active: z.boolean(),
});

export const resetUserPasswordSchema = z.object({
  userId: z.coerce.number().int().positive(),
});

export const PASSWORD_MIN_LENGTH = 12;

/** Changing one's own password (the first-sign-in page and the account page use the same form). */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(200, "Keep the password to 200 characters or fewer."),
    confirmPassword: z.string().min(1, "Type the new password again."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords are not the same." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password other than the current one." });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
