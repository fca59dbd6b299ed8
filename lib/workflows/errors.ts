import { AppError } from "@/lib/errors";
import type { ExpressionProblem } from "./check-document";

/** Save or publish refused because conditions do not check; carries one problem per error. */
export class ExpressionProblemsError extends AppError {
  constructor(
    readonly problems: readonly ExpressionProblem[],
    what: "save" | "publish",
  ) {
    const first = problems[0];
    const count = problems.length === 1 ? "1 condition error" : `${problems.length} condition errors`;
    super("INVALID", `Cannot ${what}: ${count}. ${first ? `${first.conditionName}: ${first.message}` : ""}`.trim());
    this.name = "ExpressionProblemsError";
  }
}
