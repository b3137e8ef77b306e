import { Ajv, type Options } from "ajv";
import * as ajvFormats from "ajv-formats";
import type { FastifySchema } from "fastify";
import type { FastifySchemaCompiler } from "fastify";

// ajv-formats is CommonJS; under ESM its plugin function is the namespace's default export.
const addFormats = (ajvFormats as unknown as { default: (ajv: Ajv) => Ajv }).default;

const base: Options = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
  strict: false,
};
// Bodies are JSON and must carry the right types ("42" is not a number); query strings and path
// parameters are text by nature, so they are coerced.
const bodyAjv = withDayclearFormats(addFormats(new Ajv({ ...base, coerceTypes: false })));
const textAjv = withDayclearFormats(addFormats(new Ajv({ ...base, coerceTypes: "array" })));

/** `month` (YYYY-MM), comparable so that `formatMinimum`/`formatMaximum` bound it like `date`. */
function withDayclearFormats(ajv: Ajv): Ajv {
  const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  return ajv.addFormat("month", {
    type: "string",
    validate: (s: string) => MONTH.test(s),
    compare: (a: string, b: string) =>
      MONTH.test(a) && MONTH.test(b) ? (a < b ? -1 : a > b ? 1 : 0) : undefined,
  });
}

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  (httpPart === "body" ? bodyAjv : textAjv).compile(schema as object);
