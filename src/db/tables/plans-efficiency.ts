// The workspace's efficiency table (migration 2026-12-15-349-efficiency; docs/ENGINE.md "Efficiency").

/** One row per workspace; none: every level works at 1. */
export interface WorkspaceEfficiencyTable {
  workspaceId: string;
  /** JSON `{"1": 0.6, "2": 0.8, "3": 1, "4": 1.1, "5": 1.25}` (core/engine EfficiencyTable). */
  factors: string;
  version: number;
  updatedAt: string;
  /** Member id of who set it. */
  updatedBy: string | null;
}
