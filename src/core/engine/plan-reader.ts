// Small typed readers for untrusted JSON: each records a PlanIssue naming the task and field
// instead of throwing, so one pass reports every problem in a file.

import { isIsoDate } from "../calendar/date.js";
import { english, got, msg, type Message } from "./messages.js";
import type { PlanIssue } from "./types.js";

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Collects issues; `at(path, task)` gives a field reader for one object. */
export class IssueList {
  readonly issues: PlanIssue[] = [];

  add(path: string, problem: Message, task?: string, field?: string): void {
    const issue: PlanIssue = {
      path,
      message: english(problem),
      code: problem.code,
      params: problem.params ?? {},
    };
    if (task !== undefined) issue.task = task;
    if (field !== undefined) issue.field = field;
    this.issues.push(issue);
  }

  at(obj: Json, path: string, what: Message, task?: string): FieldReader {
    return new FieldReader(this, obj, path, what, task);
  }
}

/** Reads fields of one object; `what` names it in messages, e.g. `task "t1"`. */
export class FieldReader {
  constructor(
    private readonly list: IssueList,
    readonly obj: Json,
    readonly path: string,
    readonly what: Message,
    readonly task?: string,
  ) {}

  /** `what: field problem`, e.g. `task "t1": effortHours must be greater than 0, got -2`. */
  fail(field: string, problem: Message): void {
    this.list.add(
      `${this.path}.${field}`,
      msg("plans.file.field", { what: this.what, field, problem }),
      this.task,
      field,
    );
  }

  has(field: string): boolean {
    return this.obj[field] !== undefined && this.obj[field] !== null;
  }

  string(field: string, fallback?: string): string {
    const v = this.obj[field];
    if (typeof v === "string" && v.length > 0) return v;
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    this.fail(field, msg("plans.file.not_string", { got: got(v) }));
    return fallback ?? "";
  }

  nullableString(field: string): string | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (typeof v === "string" && v.length > 0) return v;
    this.fail(field, msg("plans.file.not_string_or_null", { got: got(v) }));
    return null;
  }

  /** A finite number in [min, max] (integer when `integer`); `fallback` when absent. */
  number(
    field: string,
    opts: { min?: number; max?: number; integer?: boolean; above?: number; fallback?: number },
  ): number {
    const v = this.obj[field];
    if ((v === undefined || v === null) && opts.fallback !== undefined) return opts.fallback;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.fail(field, msg("plans.file.not_number", { got: got(v) }));
      return opts.fallback ?? 0;
    }
    if (opts.integer && !Number.isInteger(v))
      this.fail(field, msg("plans.file.not_whole", { got: v }));
    else if (opts.above !== undefined && !(v > opts.above))
      this.fail(field, msg("plans.file.not_above", { min: opts.above, got: v }));
    else if (opts.min !== undefined && v < opts.min)
      this.fail(field, msg("plans.file.below_min", { min: opts.min, got: v }));
    else if (opts.max !== undefined && v > opts.max)
      this.fail(field, msg("plans.file.above_max", { max: opts.max, got: v }));
    return v;
  }

  nullableNumber(
    field: string,
    opts: { min?: number; max?: number; integer?: boolean; above?: number },
  ): number | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    return this.number(field, opts);
  }

  date(field: string): string {
    const v = this.obj[field];
    if (isIsoDate(v)) return v;
    this.fail(field, msg("plans.file.not_date", { got: got(v) }));
    return "1970-01-01";
  }

  nullableDate(field: string): string | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (isIsoDate(v)) return v;
    this.fail(field, msg("plans.file.not_date_or_null", { got: got(v) }));
    return null;
  }

  dateList(field: string): string[] {
    const v = this.obj[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.fail(field, msg("plans.file.not_date_list", { got: got(v) }));
      return [];
    }
    const out: string[] = [];
    v.forEach((d, i) => {
      if (isIsoDate(d)) out.push(d);
      else this.fail(`${field}[${i}]`, msg("plans.file.not_date", { got: got(d) }));
    });
    return out;
  }

  weekdays(field: string): number[] | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (
      !Array.isArray(v) ||
      !v.every((d) => Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 7)
    ) {
      this.fail(field, msg("plans.file.not_weekdays", { got: got(v) }));
      return null;
    }
    return [...new Set(v as number[])].sort((a, b) => a - b);
  }

  array(field: string, required: boolean): unknown[] {
    const v = this.obj[field];
    if (Array.isArray(v)) return v;
    if ((v === undefined || v === null) && !required) return [];
    this.fail(field, msg("plans.file.not_list", { got: got(v) }));
    return [];
  }

  record(field: string): Json {
    const v = this.obj[field];
    if (isObject(v)) return v;
    if (v === undefined || v === null) return {};
    this.fail(field, msg("plans.file.not_object", { got: got(v) }));
    return {};
  }
}
