// A folder's worth of exports in the browser: the files chosen together, with those already
// uploaded for the import, may come to at most the documented total (100 MB); above it the page
// says so in its language before sending any, and a file chosen again counts once.
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/core/limits.js";
import { totalRefusal } from "../../web/src/pages/shop-data/uploadBatch.js";

const MB = 1024 * 1024;
const file = (name: string, mb: number) => ({ name, size: Math.round(mb * MB) });

describe("files chosen together for one import in the browser", () => {
  it("takes seventeen monthly exports, and up to 100 MB together", () => {
    expect(LIMITS.importUploadTotalMaxBytes).toBe(100 * MB);
    const folder = Array.from({ length: 17 }, (_, i) => file(`orders_export__${i}_.csv`, 0.05));
    expect(totalRefusal("en", folder, [])).toBeNull();
    expect(totalRefusal("en", [file("a.csv", 60), file("b.csv", 40)], [])).toBeNull();
  });

  it("refuses more than 100 MB together before sending, in the page's language", () => {
    const six = Array.from({ length: 6 }, (_, i) => file(`part-${i}.csv`, 20));
    expect(totalRefusal("en", six, [])).toBe(
      "The files come to 120 MB, more than 100 MB in one import; import them in several parts (by date range), or from the command line (dayclear import orders), which has no such limit.",
    );
    expect(totalRefusal("zh-CN", six, [])).toBe(
      "这些文件共 120 MB，超过单次导入上限 100 MB；请按日期分几次导入，或用命令行（dayclear import orders）导入，命令行没有这个限制。",
    );
  });

  it("counts the files already uploaded for the import, and a file chosen again once", () => {
    const uploaded = [{ fileName: "a.csv", size: 70 * MB }];
    expect(totalRefusal("en", [file("b.csv", 40)], uploaded)).toMatch(/^The files come to 110 MB/);
    expect(totalRefusal("en", [file("a.csv", 75)], uploaded)).toBeNull();
  });
});
