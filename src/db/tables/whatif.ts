// Table types as Kysely sees them (camelCase in code, snake_case in SQL); see src/db/schema.ts.

// Applied what-ifs and the overtime they keep (migration 2026-12-15-347-whatif-undo).
export interface WhatifApplicationsTable {
  workspaceId: string;
  id: string;
  planId: string;
  /** JSON: the changes applied. */
  changes: string;
  /** JSON: what each change replaced. */
  before: string;
  /** The plan's revision right after applying. */
  revision: string;
  finishBefore: string | null;
  finishAfter: string | null;
  appliedBy: string | null;
  appliedAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
}

/** Extra hours of a member on a date: the engine's overtime capacity. */
export interface MemberOvertimeTable {
  workspaceId: string;
  id: string;
  memberId: string;
  date: string;
  hours: number;
  planId: string;
  applicationId: string;
  createdAt: string;
}
