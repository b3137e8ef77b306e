// Small typed readers for untrusted JSON: each records a PlanIssue naming the task and field
// instead of throwing, so one pass reports every problem in a file.

import { isIsoDate } from "../calendar/date.js";
import type { PlanIssue } from "./types.js";

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Collects issues; `at(path, task)` gives a field reader for one object. */
export class IssueList {
  readonly issues: PlanIssue[] = [];

  add(path: string, message: string, task?: string, field?: string): void {
    const issue: PlanIssue = { path, message };
    if (task !== undefined) issue.task = task;
    if (field !== undefined) issue.field = field;
    this.issues.push(issue);
  }

  at(obj: Json, path: string, what: string, task?: string): FieldReader {
    return new FieldReader(this, obj, path, what, task);
  }
}

/** Reads fields of one object; `what` names it in messages, e.g. `task "t1"`. */
export class FieldReader {
  constructor(
    private readonly list: IssueList,
    readonly obj: Json,
    readonly path: string,
    readonly what: string,
    readonly task?: string,
  ) {}

  fail(field: string, message: string): void {
    this.list.add(`${this.path}.${field}`, `${this.what}: ${field} ${message}`, this.task, field);
  }

  has(field: string): boolean {
    return this.obj[field] !== undefined && this.obj[field] !== null;
  }

  string(field: string, fallback?: string): string {
    const v = this.obj[field];
    if (typeof v === "string" && v.length > 0) return v;
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    this.fail(field, `must be a non-empty string, got ${show(v)}`);
    return fallback ?? "";
  }

  nullableString(field: string): string | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (typeof v === "string" && v.length > 0) return v;
    this.fail(field, `must be a non-empty string or null, got ${show(v)}`);
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
      this.fail(field, `must be a number, got ${show(v)}`);
      return opts.fallback ?? 0;
    }
    if (opts.integer && !Number.isInteger(v)) this.fail(field, `must be a whole number, got ${v}`);
    else if (opts.above !== undefined && !(v > opts.above))
      this.fail(field, `must be greater than ${opts.above}, got ${v}`);
    else if (opts.min !== undefined && v < opts.min)
      this.fail(field, `must be at least ${opts.min}, got ${v}`);
    else if (opts.max !== undefined && v > opts.max)
      this.fail(field, `must be at most ${opts.max}, got ${v}`);
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
    this.fail(field, `must be a date YYYY-MM-DD, got ${show(v)}`);
    return "1970-01-01";
  }

  nullableDate(field: string): string | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (isIsoDate(v)) return v;
    this.fail(field, `must be a date YYYY-MM-DD or null, got ${show(v)}`);
    return null;
  }

  dateList(field: string): string[] {
    const v = this.obj[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.fail(field, `must be a list of dates, got ${show(v)}`);
      return [];
    }
    const out: string[] = [];
    v.forEach((d, i) => {
      if (isIsoDate(d)) out.push(d);
      else this.fail(`${field}[${i}]`, `must be a date YYYY-MM-DD, got ${show(d)}`);
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
      this.fail(field, `must be a list of ISO weekdays 1 (Monday) … 7 (Sunday), got ${show(v)}`);
      return null;
    }
    return [...new Set(v as number[])].sort((a, b) => a - b);
  }

  array(field: string, required: boolean): unknown[] {
    const v = this.obj[field];
    if (Array.isArray(v)) return v;
    if ((v === undefined || v === null) && !required) return [];
    this.fail(field, `must be a list, got ${show(v)}`);
    return [];
  }

  record(field: string): Json {
    const v = this.obj[field];
    if (isObject(v)) return v;
    if (v === undefined || v === null) return {};
    this.fail(field, `must be an object, got ${show(v)}`);
    return {};
  }
}

export function show(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
