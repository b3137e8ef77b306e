// Table types as Kysely sees them (camelCase in code, snake_case in SQL); see src/db/schema.ts.

// Progress control: one earned-value snapshot per plan and day (migration 2026-12-14-220).
export interface EvmSnapshotsTable {
  workspaceId: string;
  planId: string;
  date: string;
  source: "daily" | "reconstructed";
  baselineAt: string;
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  spi: number | null;
  cpi: number | null;
  es: number;
  at: number;
  spiT: number | null;
  esFinish: string | null;
  engineFinish: string | null;
  baselineFinish: string | null;
  deadline: string | null;
  outsideTasks: number;
  outsideEffort: number;
  breakdown: string;
  createdAt: string;
}
