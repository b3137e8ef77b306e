import { Ajv, type Options } from "ajv";
import addFormatsPlugin from "ajv-formats";
import type { FastifySchema } from "fastify";
import type { FastifySchemaCompiler } from "fastify";

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = (addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin;

const base: Options = { removeAdditional: false, useDefaults: true, allErrors: true, strict: false };
// Bodies are JSON and must carry the right types ("42" is not a number); query strings and path
// parameters are text by nature, so they are coerced.
const bodyAjv = addFormats(new Ajv({ ...base, coerceTypes: false }));
const textAjv = addFormats(new Ajv({ ...base, coerceTypes: "array" }));

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  (httpPart === "body" ? bodyAjv : textAjv).compile(schema as object);
