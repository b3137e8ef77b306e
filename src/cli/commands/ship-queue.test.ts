// `dayclear ship queue` as a packer runs it: a real process on a real database file.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../core/actor.js";
import { openDatabase } from "../../db/database.js";
import { migrateToLatest } from "../../db/migrate.js";
import { buildWorkspace, services } from "../../../test/helpers/factories.js";
import { addQueueOrders } from "../../../test/helpers/queue-orders.js";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const dayclear = (args: string[]) =>
  run(process.execPath, [bin, ...args], {
    env: {
      ...process.env,
      DAYCLEAR_FROM_SOURCE: "1",
      DATABASE_URL: "",
      LC_ALL: "",
      LANG: "en_US.UTF-8",
    },
    timeout: 60_000,
    killSignal: "SIGKILL",
  });

describe("dayclear ship queue", () => {
  it(
    "lists the shop's orders to ship, overdue first, as a table or JSON, and refuses an unknown shop",
    { timeout: 300_000 },
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), "dayclear-ship-queue-")), "shop.db");
      const database = openDatabase({ file });
      await migrateToLatest(database);
      const s = services(database, systemClock);
      const { owner } = await buildWorkspace(s);
      const shop = await s.shops.create(owner, {
        name: "拼多多店",
        platform: "pdd",
        shipWindowHours: 24,
      });
      await s.shops.create(owner, { name: "Other", platform: "shopify" });
      const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
      await addQueueOrders(database.db, owner.workspaceId, shop.id, "pdd", [
        {
          no: "251206-2",
          paidAt: hoursAgo(2),
          recipient: "周*",
          province: "广西",
          buyerMemo: "周末送",
        },
        {
          no: "251206-1",
          paidAt: hoursAgo(30),
          recipient: "吴*",
          province: "湖北",
          items: [{ title: "帽子", sku: "MZ-R", quantity: 2, unitPriceFen: 1990 }],
        },
        { no: "251206-9", paidAt: hoursAgo(40), status: "cancelled", cancelledAt: hoursAgo(39) },
      ]);
      await database.close();

      const json = JSON.parse(
        (await dayclear(["ship", "queue", "--db", file, "--shop", "拼多多店", "--json"])).stdout,
      ) as {
        shop: string;
        orders: number;
        overdue: number;
        items: { order: string; overdue: boolean; secondsLeft: number; items: { sku: string }[] }[];
      };
      expect(json).toMatchObject({ shop: "拼多多店", orders: 2, overdue: 1 });
      expect(json.items.map((i) => [i.order, i.overdue])).toEqual([
        ["251206-1", true],
        ["251206-2", false],
      ]);
      expect(json.items[0]!.secondsLeft).toBeLessThan(-5 * 3600);
      expect(json.items[0]!.items[0]!.sku).toBe("MZ-R");

      const text = (
        await dayclear(["ship", "queue", "--db", file, "--shop", shop.id])
      ).stdout.split("\n");
      expect(text[0]).toBe("拼多多店: 2 order(s) to ship, 1 overdue");
      expect(text[1]).toMatch(/^Ship by\s+Due\s+Order\s+Recipient/);
      expect(text[2]).toMatch(/overdue 6(\.\d)? h\s+251206-1\s+吴\*\s+湖北\s+MZ-R×2/);
      expect(text[3]).toMatch(/2[12](\.\d)? h left\s+251206-2\s+周\*\s+广西\s+TX-W-XL×1\s+周末送$/);

      const zh = (
        await dayclear(["ship", "queue", "--db", file, "--shop", "拼多多店", "--lang", "zh-CN"])
      ).stdout;
      expect(zh.split("\n")[0]).toBe("拼多多店：待发货 2 单，逾期 1 单");
      expect((await dayclear(["ship", "queue", "--db", file, "--shop", "Other"])).stdout).toBe(
        "Other: nothing to ship\n",
      );
      const err = await dayclear(["ship", "queue", "--db", file, "--shop", "Nope"]).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(err).toMatchObject({
        code: 1,
        stderr: "dayclear: The shop is not in this workspace\n",
      });
    },
  );
});
