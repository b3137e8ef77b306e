// Importing customer-service performance exports: all or nothing. The file is read with the order
// module's readers (CSV in UTF-8/GBK, XLSX), parsed by the pure core, every account must be linked
// to a member, and then the (date, account) rows it holds replace any earlier ones in one
// transaction. Any problem and nothing is stored; the answer lists each with its row and column.
import type { Actor } from "../../core/actor.js";
import { parseCsRecords } from "../../core/cs/cs-file.js";
import { DomainError, fail } from "../../core/errors.js";
import { msg } from "../../core/messages/index.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import {
  fileProblem,
  problemAt,
  problemFields,
  refusalMessage,
  storeWarnings,
  type ImportWarning,
  type Problem,
} from "../../core/orders/index.js";
import type { CsAgentDaysTable } from "../../db/schema.js";
import { readSource } from "../orders/order-files.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CsRepository } from "./cs.repository.js";
import { presentImport } from "./cs.presenter.js";
import { authorizeShop } from "../orders/shop.access.js";
import { importMonthLocked, isClosed, payLock } from "../pay/locked-month.js";

/** A refused import: the problems (file, row, column), and the accounts that need a member. */
export class CsImportRejected extends DomainError {
  constructor(
    readonly problems: Problem[],
    readonly unlinkedAccounts: string[] = [],
  ) {
    const headline = refusalMessage(problems);
    super(
      "invalid",
      `${headline.code} ${JSON.stringify(headline.params ?? {})}`,
      problemFields(problems),
      { problems: problems.slice(0, 1000), unlinkedAccounts },
      headline,
    );
  }
}

export class CsImportService {
  constructor(private readonly deps: ServiceDeps) {}

  async importFile(actor: Actor, fileName: string, input: Uint8Array | null) {
    await authorizeShop(this.deps.db, actor, "cs.import");
    if (input === null) throw fail("invalid", "upload.body_required");
    if (input.length === 0) throw new CsImportRejected([fileProblem(fileName, "upload.empty")]);
    if (input.length > LIMITS.importUploadMaxBytes)
      throw fail("invalid", "upload.too_large", {
        file: fileName,
        maxMb: LIMITS.importUploadMaxBytes / 1048576,
      });
    const source = await readSource(fileName, input);
    if ("problem" in source) throw new CsImportRejected([source.problem]);
    const parsed = parseCsRecords(fileName, source.table.records);
    if (parsed.problems.length) throw new CsImportRejected(parsed.problems);
    const warnings: ImportWarning[] = [
      ...parsed.warnings,
      ...(parsed.unknownColumns.length
        ? [
            {
              file: fileName,
              code: "cs.warning.unused_columns" as const,
              params: { columns: parsed.unknownColumns },
            },
          ]
        : []),
    ];

    return this.deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId;
      const repo = new CsRepository(trx);
      const links = new Map((await repo.accounts(ws)).map((a) => [a.account, a.memberId]));
      const problems: Problem[] = [];
      const unlinked: string[] = [];
      for (const d of parsed.days) {
        if (links.has(d.account) || unlinked.includes(d.account)) continue;
        unlinked.push(d.account);
        problems.push(
          problemAt(fileName, d.row, parsed.columns.account ?? "", "cs.account_unlinked", {
            account: d.account,
          }),
        );
      }
      if (problems.length) throw new CsImportRejected(problems, unlinked);
      // A day of a closed pay month refuses the whole file (docs/PAY.md "A locked month is closed").
      const lock = await payLock(trx, ws);
      const closed = parsed.days.find((d) => isClosed(lock, d.date));
      if (lock && closed)
        throw importMonthLocked(lock, closed.date.slice(0, 7), { file: fileName, row: closed.row });
      const at = nowIso(this.deps);
      const id = newId();
      const rows: CsAgentDaysTable[] = parsed.days.map((d) => ({
        workspaceId: ws,
        date: d.date,
        account: d.account,
        memberId: links.get(d.account)!,
        inquirers: d.inquirers,
        payingInquirers: d.paying,
        firstResponseTenths: d.firstResponseTenths,
        avgResponseTenths: d.avgResponseTenths,
        consultations: d.consultations,
        received: d.received,
        salesFen: d.salesFen,
        importId: id,
        updatedAt: at,
      }));
      const dates = rows.map((r) => r.date).sort();
      const replaced = await repo.replaceDays(ws, rows);
      const record = {
        workspaceId: ws,
        id,
        fileName,
        encoding: source.table.encoding,
        days: rows.length,
        replaced,
        accounts: new Set(rows.map((r) => r.account)).size,
        fromDate: dates[0] ?? "",
        toDate: dates.at(-1) ?? "",
        warnings: storeWarnings(warnings),
        createdBy: actor.via === "system" ? null : actor.memberId,
        createdAt: at,
      };
      await repo.createImport(record);
      await audit(trx, actor, at, {
        action: "cs.import",
        entityType: "cs_import",
        entityId: id,
        message: msg("audit.cs.import", {
          file: fileName,
          rows: rows.length,
          from: record.fromDate,
          to: record.toDate,
          replaced,
        }),
      });
      return presentImport(record);
    });
  }

  async history(actor: Actor, page: { limit: number; cursor?: string }) {
    await authorizeShop(this.deps.db, actor, "cs.read");
    const rows = await new CsRepository(this.deps.db).imports(
      actor.workspaceId,
      page.limit,
      page.cursor,
    );
    const more = rows.length > page.limit;
    const items = (more ? rows.slice(0, page.limit) : rows).map(presentImport);
    return { items, nextCursor: more ? items.at(-1)!.id : null };
  }
}
