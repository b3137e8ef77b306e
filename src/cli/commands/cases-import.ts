// dayclear cases import FILE... --shop NAME [--format …] [--dry-run] [--json] (issue 11, a contract):
// the platforms' after-sales exports into cases through the same service as the browser's import
// (modules/aftersales/case-import.service.ts); all files or nothing, problems with file, row and
// column, in the reader's language (--lang, else the environment's).
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { systemClock } from "../../core/actor.js";
import { DomainError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { msg, renderMessage, type Locale } from "../../core/messages/index.js";
import { placedProblem, problemText, warningMessage } from "../../core/orders/index.js";
import {
  CASE_FILES_MAX,
  CaseImportRejected,
  CaseImportService,
  type CaseImportSummary,
} from "../../modules/aftersales/case-import.service.js";
import { cliErrorText, cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

export interface CasesImportFlags {
  db?: string;
  shop: string;
  workspace?: string;
  format?: string;
  dryRun?: boolean;
  json?: boolean;
  /** zh-CN or en; else LC_ALL/LC_MESSAGES/LANG ("zh…" → Chinese), else English. */
  lang?: string;
}

const FORMAT = /^(auto|taobao|jd|pdd|douyin|shopify|woocommerce|mapping:.{1,100})$/;

export async function casesImport(files: string[], o: CasesImportFlags): Promise<number> {
  const locale = cliLocale(o.lang);
  try {
    return await casesImportIn(locale, files, o);
  } catch (e) {
    // A coded refusal (an unknown shop or mapping, a right missing …) in the reader's language.
    if (!(e instanceof DomainError)) throw e;
    process.stderr.write(`dayclear: ${cliErrorText(e, locale)}\n`);
    return 1;
  }
}

async function casesImportIn(locale: Locale, files: string[], o: CasesImportFlags) {
  const format = o.format ?? "auto";
  if (!FORMAT.test(format))
    throw new Error(renderMessage(locale, msg("shop.cli.bad_format", { format })));
  if (files.length > CASE_FILES_MAX)
    throw new Error(renderMessage(locale, msg("case.files.too_many", { max: CASE_FILES_MAX })));
  // A file past the CLI's size limit is refused before it is read into memory.
  const max = LIMITS.importCliFileMaxBytes;
  for (const f of files) {
    if ((await stat(f)).size > max) {
      const file = basename(f);
      return report(locale, o, 1, {
        ...emptySummary(format, o.dryRun === true),
        errors: [
          {
            file,
            row: 1,
            column: "",
            code: "upload.too_large",
            params: { file, maxMb: max / 1048576 },
          },
        ],
      });
    }
  }
  const sources = [];
  for (const f of files)
    sources.push({ file: basename(f), bytes: new Uint8Array(await readFile(f)) });
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    const service = new CaseImportService({ db: database.db, clock: systemClock });
    try {
      const r = await service.importFiles(actor, o.shop, sources, {
        format,
        dryRun: o.dryRun,
        maxBytes: max,
      });
      return report(locale, o, 0, r);
    } catch (e) {
      if (e instanceof CaseImportRejected) return report(locale, o, 1, e.summary);
      throw e;
    }
  } finally {
    await database.close();
  }
}

function emptySummary(format: string, dryRun: boolean): CaseImportSummary {
  return {
    shopId: "",
    format,
    dryRun,
    files: [],
    rows: 0,
    cases: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    warnings: [],
    errors: [],
  };
}

/** The outcome for the reader: a JSON summary, or sentences in their language. */
function report(locale: Locale, o: CasesImportFlags, code: number, s: CaseImportSummary): number {
  const say = (m: Parameters<typeof renderMessage>[1]) => renderMessage(locale, m);
  if (o.json) {
    // A refused import stored nothing: it created and updated nothing.
    const stored = code === 0;
    console.log(
      JSON.stringify({
        dryRun: s.dryRun,
        files: s.files,
        rows: s.rows,
        cases: s.cases,
        created: stored ? s.created : 0,
        updated: stored ? s.updated : 0,
        unchanged: stored ? s.unchanged : 0,
        errors: s.errors.map((e) => ({
          ...(e.file ? { file: e.file } : {}),
          row: e.row,
          column: e.column,
          code: e.code,
          params: e.params,
          message: problemText(locale, e),
        })),
        warnings: s.warnings.map((w) => ({
          ...(w.file ? { file: w.file } : {}),
          code: w.code,
          params: w.params,
          message: say(warningMessage(w)),
        })),
      }),
    );
    return code;
  }
  if (code !== 0) {
    console.error(say(msg("shop.cli.refused", { count: s.errors.length })));
    for (const e of s.errors.slice(0, 50)) console.error(`  ${say(placedProblem(e))}`);
    if (s.errors.length > 50)
      console.error(`  ${say(msg("shop.cli.more", { count: s.errors.length - 50 }))}`);
    return code;
  }
  const counts = {
    rows: s.rows,
    shop: o.shop,
    created: s.created,
    updated: s.updated,
    unchanged: s.unchanged,
  };
  console.log(say(msg(o.dryRun ? "case.cli.would_import" : "case.cli.imported", counts)));
  for (const w of s.warnings.slice(0, 20))
    console.log(`  ${say(msg("shop.cli.note", { warning: warningMessage(w) }))}`);
  return code;
}
