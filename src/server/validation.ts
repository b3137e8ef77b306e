import { Ajv, type Options } from "ajv";
import * as ajvFormats from "ajv-formats";
import type { FastifySchema } from "fastify";
import type { FastifySchemaCompiler } from "fastify";

// ajv-formats is CommonJS; under ESM its plugin function is the namespace's default export.
const addFormats = (ajvFormats as unknown as { default: (ajv: Ajv) => Ajv }).default;

const base: Options = { removeAdditional: false, useDefaults: true, allErrors: true, strict: false };
// Bodies are JSON and must carry the right types ("42" is not a number); query strings and path
// parameters are text by nature, so they are coerced.
const bodyAjv = addFormats(new Ajv({ ...base, coerceTypes: false }));
const textAjv = addFormats(new Ajv({ ...base, coerceTypes: "array" }));

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  (httpPart === "body" ? bodyAjv : textAjv).compile(schema as object);
