// What a shop-data command of the CLI needs before it acts: the workspaces of the database, one of
// which it works on (chosen by name or id when there are several).
import type { Executor } from "../../db/database.js";

export class ShopContextRepository {
  constructor(private readonly db: Executor) {}

  /** Every workspace of the database, oldest first (the CLI is run by whoever runs the server). */
  workspaces() {
    return this.db.selectFrom("workspaces").select(["id", "name"]).orderBy("createdAt").execute();
  }
}
