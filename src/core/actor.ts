import type { Role } from "./limits.js";

/** Who is acting: the signed-in member (through a browser session or an API token). */
export interface Actor {
  userId: string;
  memberId: string;
  workspaceId: string;
  role: Role;
  departmentId: string | null;
  via: "session" | "token" | "system";
}

/** Clock injected into services so tests can freeze time. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
