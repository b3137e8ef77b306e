// GET /workload: members × days, planned hours against capacity (the heat map). Fastify serializes
// by this, so each field the service sends is declared.
import { Type } from "typebox";
import { Id, IsoDate } from "../shared/common.schema.js";

export const WorkloadSchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  days: Type.Array(IsoDate),
  members: Type.Array(
    Type.Object({
      memberId: Id,
      name: Type.String(),
      cells: Type.Array(
        Type.Object({
          date: IsoDate,
          capacity: Type.Number({ description: "Hours the member can work that day" }),
          duties: Type.Number({ description: "Hours of recurring duties pinned that day" }),
          hours: Type.Number({ description: "Hours of planned work allocated that day" }),
        }),
      ),
    }),
  ),
});
