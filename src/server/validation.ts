import { Ajv, type Options } from "ajv";
import * as ajvFormats from "ajv-formats";
import type { FastifySchema } from "fastify";
import SerializerSelector from "@fastify/fast-json-stringify-compiler";
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

type Serializer = SerializerSelector.Serializer;

/** Compiled response serializers, per response schema object and per serializer options. */
const serializers = new WeakMap<object, Map<string, Serializer>>();

/**
 * Fastify's response serializer compiler (fast-json-stringify), remembering what it compiled: the
 * route schemas are module constants, so an app built again in the same process (the test suites
 * build hundreds) reuses each schema's serializer instead of generating and compiling its code
 * again. The key holds the options and the shared schemas' ids, so a different setup compiles its
 * own; a schema that is not an object is compiled every time.
 */
export const serializerFactory: SerializerSelector.SerializerFactory = (
  externalSchemas,
  options,
) => {
  const compile = SerializerSelector()(externalSchemas, options);
  const key = `${JSON.stringify(options ?? null)}|${Object.keys(externalSchemas ?? {}).join(",")}`;
  return (route) => {
    const schema = route.schema;
    if (typeof schema !== "object" || schema === null) return compile(route);
    let byKey = serializers.get(schema);
    if (!byKey) serializers.set(schema, (byKey = new Map()));
    let fn = byKey.get(key);
    if (!fn) byKey.set(key, (fn = compile(route)));
    return fn;
  };
};
