// Text a database cannot store the same way everywhere is refused before any route sees it:
// PostgreSQL rejects NUL (U+0000) in text (a 500 where SQLite stored it), and a lone UTF-16
// surrogate (e.g. "\uD800" in JSON) is not UTF-8 at all — both drivers would silently store U+FFFD.
// One hook over the parsed body, query string and path parameters of every route, with or without
// a schema, so no field can forget it: 400 `text.forbidden_character` naming the field.
import type { FastifyRequest } from "fastify";
import { fail } from "../core/errors.js";

/** NUL, or a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first forbidden character of a string, as U+XXXX, or null. */
export function forbiddenCharacter(s: string): string | null {
  const m = FORBIDDEN.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : null;
}

/** A key as a field name: printable, with a forbidden character written as its escape. */
const keyName = (k: string) => (forbiddenCharacter(k) ? JSON.stringify(k).slice(1, -1) : k);

/**
 * The path (`a.b.0.c`) and character of the first string or key in `value` that holds a forbidden
 * character. Iterative, so a deeply nested body cannot overflow the stack; objects and arrays (the
 * query parser's objects have no Object prototype), never a Buffer body (binary, read by its own parser).
 */
export function findForbiddenText(value: unknown): { path: string; character: string } | null {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: "" }];
  const join = (path: string, k: string) => (path ? `${path}.${k}` : k);
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === "string") {
      const c = forbiddenCharacter(v);
      if (c) return { path, character: c };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, String(i)) });
    } else if (v !== null && typeof v === "object" && !ArrayBuffer.isView(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        const c = forbiddenCharacter(k);
        if (c) return { path: join(path, keyName(k)), character: c };
        stack.push({ v: (v as Record<string, unknown>)[k], path: join(path, k) });
      }
    }
  }
  return null;
}

const PARTS = [
  ["body", ""],
  ["query", "querystring"],
  ["params", "params"],
] as const;

/** preValidation hook: refuses a request whose body, query or path parameters carry forbidden text. */
export async function rejectForbiddenText(req: FastifyRequest): Promise<void> {
  for (const [part, prefix] of PARTS) {
    const found = findForbiddenText(req[part]);
    if (!found) continue;
    const field = [prefix, found.path].filter(Boolean).join(".") || part;
    const params = { character: found.character };
    const message = `must not contain the character ${found.character}`;
    throw fail("invalid", "text.forbidden_character", params, `${field} ${message}`, {
      fields: [{ field, message, code: "text.forbidden_character", params }],
    });
  }
}
