import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Maps known Prisma errors to domain errors in one place (STYLE.md): a unique violation is a
 * conflict the user can fix, a missing row is a 404; anything else stays a bug.
 */
export function mapDbError(error: unknown, messages: { unique?: string; notFound?: string } = {}): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new AppError("CONFLICT", messages.unique ?? "That value is already in use.");
    if (error.code === "P2025") return new AppError("NOT_FOUND", messages.notFound ?? "Not found.");
  }
  return error;
}
