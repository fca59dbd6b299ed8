import { z } from "zod";
import { MEMBER_TABLE_SORTS } from "@/lib/groups/member-care";
import { tableQuery, type SearchParamsRecord } from "@/lib/pagination";

// The members table's URL (?members=exited&membersPage=2&membersSort=joined&membersDir=desc), read
// the same way by the page and by the CSV export, so the file holds the rows the filter shows.
export const MEMBER_STATUS_FILTERS = ["current", "exited", "all"] as const;
export type MemberStatusFilter = (typeof MEMBER_STATUS_FILTERS)[number];

export function membersQuery(params: SearchParamsRecord, key = "members") {
  const raw = params.members;
  const status = z.enum(MEMBER_STATUS_FILTERS).catch("current").parse(Array.isArray(raw) ? raw[0] : raw);
  return { status, ...tableQuery(params, { sortable: MEMBER_TABLE_SORTS, defaultSort: "role", defaultDir: "desc", key }) };
}

export const STATUS_OF = { current: "CURRENT", exited: "EXITED", all: "ALL" } as const;
