import type { CompiledQuery, Compilable } from "kysely";
import { nameStatement, type Executor } from "./database.js";

/**
 * A query that runs on every request (resolving a session or an API token): built and compiled
 * once per database handle, then run again with new parameter values, so a request pays for the
 * database and not for Kysely building the same SQL; on PostgreSQL it is a named prepared statement,
 * planned once per connection. `build` receives a placeholder per parameter.
 */
export function preparedQuery<P extends string, R>(
  params: readonly P[],
  build: (db: Executor, placeholders: Record<P, string>) => Compilable<R>,
) {
  const cache = new WeakMap<Executor, { compiled: CompiledQuery; positions: Record<P, number> }>();
  const placeholders = Object.fromEntries(params.map((p) => [p, `\u0000${p}`])) as Record<
    P,
    string
  >;
  return async (db: Executor, values: Record<P, unknown>): Promise<R | undefined> => {
    let cached = cache.get(db);
    if (!cached) {
      const compiled = build(db, placeholders).compile();
      nameStatement(compiled.sql);
      const positions = Object.fromEntries(
        params.map((p) => [p, compiled.parameters.indexOf(placeholders[p])]),
      ) as Record<P, number>;
      cached = { compiled, positions };
      cache.set(db, cached);
    }
    const parameters = [...cached.compiled.parameters];
    for (const p of params) parameters[cached.positions[p]] = values[p];
    const result = await db.executeQuery<R>({ ...cached.compiled, parameters });
    return result.rows[0];
  };
}
