// One question for every right in the house: `can(actor, action, target)`. Each area keeps its own
// pure table (core/<area>/policy.ts, actions prefixed by the area); they are spread into one object
// here, so a service and the web's buttons ask the very same rule. An area adds its table with one
// import and one spread. Pure: no I/O (a service builds the `PolicyActor` once with `policyActor`).
import type { PolicyActor, PolicyTarget, Rule } from "./policy.js";
import { ORG_POLICY } from "./org/policy.js";
import { DAILY_POLICY } from "./daily/policy.js";
import { PLANS_POLICY } from "./plans/policy.js";
import { GOALS_POLICY } from "./goals/policy.js";
import { PAY_POLICY } from "./pay/policy.js";
import { SHOP_POLICY } from "./orders/policy.js";
import { LOGISTICS_POLICY } from "./logistics/policy.js";
import { AFTERSALES_POLICY } from "./aftersales/policy.js";
import { CUSTOMERS_POLICY } from "./customers/policy.js";

const TABLES = {
  ...ORG_POLICY,
  ...DAILY_POLICY,
  ...PLANS_POLICY,
  ...GOALS_POLICY,
  ...PAY_POLICY,
  ...SHOP_POLICY,
  ...LOGISTICS_POLICY,
  ...AFTERSALES_POLICY,
  ...CUSTOMERS_POLICY,
} as const;

/** Every action any area's table decides. */
export type Action = keyof typeof TABLES;

/** The actions of every table, for tests that walk them all. */
export const ACTIONS = Object.keys(TABLES) as Action[];

/** May the actor do the action to the target? */
export function can(actor: PolicyActor, action: Action, target: PolicyTarget = {}): boolean {
  return (TABLES[action] as Rule)(actor, target);
}
