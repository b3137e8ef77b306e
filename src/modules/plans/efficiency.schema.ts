// The workspace's efficiency table over HTTP (docs/ENGINE.md "Efficiency"): how fast each skill
// level works relative to level 3, by level "1".."5".
import { Type } from "typebox";
import { Instant } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Factor = Type.Number({ description: "Effort delivered per hour worked (level 3 is 1)" });
const Factors = Type.Object(
  { "1": Factor, "2": Factor, "3": Factor, "4": Factor, "5": Factor },
  strict,
);

export const EfficiencySchema = Type.Object({
  factors: Factors,
  version: Type.Integer({ minimum: 0, description: "The table's version (0: none saved yet)" }),
  updatedAt: Type.Union([Instant, Type.Null()]),
  neutral: Type.Boolean({ description: "Every level at 1: plans schedule as without a table" }),
  bounds: Type.Object({ min: Type.Number(), max: Type.Number() }),
});

export const EfficiencyBody = Type.Object(
  {
    factors: Factors,
    version: Type.Integer({ minimum: 0, description: "The version read (0: none saved yet)" }),
  },
  strict,
);
