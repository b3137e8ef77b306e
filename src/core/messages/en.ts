// The English catalog of message codes: the server sends {code, params}, and every reader (web,
// API `detail`, CLI, exports) renders them with this catalog or the Chinese one. This file defines
// the code union (`MessageCode`); zh-CN.ts must translate every key or the type check fails.
// Placeholders: {name}; {name:fen} formats integer fen as yuan ("1,234.50"); {name:num} groups a
// number's (or decimal text's) whole part by thousands ("310,000.5"); a parameter may itself
// be a message ({code, params}), rendered in the same language; an array is joined as a list.
import { DAILY_EN } from "./daily.en.js";
import { PLANS_EN } from "./plans.en.js";
import { GOALS_EN } from "./goals.en.js";
import { PAY_EN } from "./pay.en.js";
import { SHOP_EN } from "./shop.en.js";
import { ORG_EN } from "./org.en.js";
import { LOGISTICS_EN } from "./logistics.en.js";
import { AFTERSALES_EN } from "./aftersales.en.js";
import { AFTERSALES_SLA_EN } from "./aftersales-sla.en.js";
import { CUSTOMERS_EN } from "./customers.en.js";
import { PROGRESS_EN } from "./progress.en.js";
import { CLI_COMMANDS_EN } from "./cli-commands.en.js";
import { PLANS_WHATIF_CLI_EN } from "./plans-whatif-cli.en.js";
import { PLANS_PSPLIB_EN } from "./plans-psplib.en.js";
import { FIELDS_EN } from "./fields.en.js";

/** Codes every area uses (requests, fields, uploads, accounts …). */
export const COMMON_EN = {
  "legacy.text": "{text}",
  "field.invalid": "{reason}",
  "field.required": "Required.",
  "field.unknown": "Not a field this form knows.",
  "request.invalid": "Check the fields: {fields}.",
  "request.bad_json": "The request body is not valid JSON.",
  "request.empty_body": "The request body is empty.",
  "request.unique_conflict":
    "This conflicts with something that was just created; reload and try again.",
  "request.refused": "The request was refused ({status}): {reason}",
  "request.no_route": "There is no {method} {path}.",
  "server.error": "Something went wrong on our side; the error was logged.",
  "password.too_short": "Use at least {min} characters.",
  "password.too_weak":
    "This password is too easy to guess (a common word, a repeat, a sequence or your own name or email). Use a longer one, e.g. a few unrelated words.",
  "auth.email_taken": "This email already has an account: sign in with it.",
  "auth.too_many_attempts": "Too many attempts. Try again in {minutes} minute(s).",
  "invitation.other_email": "This invitation is for another email address.",
  "invitation.already_member": "You are already a member of this workspace.",
  "invitation.details_required":
    "Sign in first if you already have an account; otherwise fill in your name, email and password.",
  "invitation.field_required": "Required to create your account.",
  "goal.finalize_early":
    "{cycle} runs until {endDate}. Finalising now fixes the score and the actuals as of today; confirm to finalise early.",
  "pay.month_locked":
    "{month} is closed: pay run {period} is locked and its statements rest on that month's figures. Corrections go into a later run as adjustments.",
  "import.month_locked":
    "Nothing was imported: {file} row {row} changes {month}, which is closed (pay run {period} is locked).",
  "pay.inputs_missing":
    "{count} input(s) of the {period} pay run are still missing; enter them and recompute before locking.",
  "org.skill_not_managed":
    "A lead renames and deletes the skills of the departments they manage; skills for the whole workspace are the owner's.",
  "org.department_own_delete":
    "A lead cannot delete the department they lead ({department}); ask the owner.",
  "rights.operations_required":
    "Only the owner and the leads of a department with the Operations function may do this. The owner sets a department's function on the Departments page.",
  "rights.customer_service_required":
    "Only the owner and the leads of a department with the Customer service function may do this. The owner sets a department's function on the Departments page.",
  "rights.design_required":
    "Only the owner and the leads of a department with the Design function may do this. The owner sets a department's function on the Departments page.",
  "rights.logistics_required":
    "Only the owner and the leads of a department with the Logistics function may do this. The owner sets a department's function on the Departments page.",
  "rights.owner_only": "Only the owner may do this.",
  "rights.owner_sets_function":
    "Only the owner sets or changes a department's function (what its leads may do).",
  "date.out_of_range": "Enter a date from {min} to {max}.",
  "range.too_long": "Choose at most {maxDays} days at once.",
  "range.reversed": "The end comes before the start.",
  "text.forbidden_character": "Remove the invisible character {character}; it cannot be saved.",
  "request.bad_url": "The address is not valid.",
  "request.path_too_long": "A part of the address is too long.",
  "schedule.no_skill":
    "No active member has the skill “{skill}” at level {level} or above: give someone the skill, lower the level or choose another skill.",
  "schedule.no_members": "There is no active member who could do it.",
  "schedule.waits": "Waits for “{task}”, which could not be scheduled.",
  "schedule.cycle": "Its dependencies form a cycle: {path}.",
  "schedule.no_time": "None of the members who could do it has working time within {years} years.",
  "schedule.no_subtask": "None of its subtasks could be scheduled.",
} as const satisfies Record<string, string>;

export const MESSAGES_EN = {
  ...COMMON_EN,
  ...DAILY_EN,
  ...PLANS_EN,
  ...GOALS_EN,
  ...PAY_EN,
  ...SHOP_EN,
  ...ORG_EN,
  ...LOGISTICS_EN,
  ...AFTERSALES_EN,
  ...AFTERSALES_SLA_EN,
  ...CUSTOMERS_EN,
  ...PROGRESS_EN,
  ...CLI_COMMANDS_EN,
  ...PLANS_WHATIF_CLI_EN,
  ...PLANS_PSPLIB_EN,
  ...FIELDS_EN,
} as const satisfies Record<string, string>;

export type MessageCode = keyof typeof MESSAGES_EN;
