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
