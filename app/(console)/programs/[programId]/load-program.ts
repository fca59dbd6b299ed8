import "server-only";
import { cache } from "react";
import { getProgram } from "@/lib/programs/queries";

// The layout and the tab page both need the program; cache() reads it once per request.
export const loadProgram = cache((orgId: number, programId: string) => getProgram({ orgId, programId }));
