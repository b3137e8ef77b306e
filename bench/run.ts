// `npm run bench` runs every benchmark; `npm run bench -- http` or `-- engine` runs one group.
// Extra arguments go to the group (e.g. `npm run bench -- engine --quick`).
const [group, ...rest] = process.argv.slice(2);
const groups: Record<string, () => Promise<void>> = {
  http: async () => (await import("./http/index.js")).runHttpBench(rest),
  engine: async () => (await import("./engine/index.js")).runEngineBench(rest),
  plans: async () => (await import("./plans/index.js")).runPlansBench(rest),
  gantt: async () => (await import("./gantt/index.js")).runGanttBench(rest),
  orders: async () => (await import("./orders/index.js")).runOrdersBench(rest),
  uploads: async () => (await import("./uploads/index.js")).runUploadsBench(rest),
  queue: async () => (await import("./queue/index.js")).runQueueBench(rest),
  rates: async () => (await import("./rates/index.js")).runRatesBench(rest),
  scan: async () => (await import("./scan/index.js")).runScanBench(rest),
  whatif: async () => (await import("./whatif/index.js")).runWhatIfBench(rest),
  cases: async () => (await import("./cases/index.js")).runCasesBench(rest),
  customers: async () => (await import("./customers/index.js")).runCustomersBench(rest),
};
const chosen = group && !group.startsWith("-") ? [group] : Object.keys(groups);
for (const name of chosen) {
  const run = groups[name];
  if (!run) {
    console.error(
      `unknown benchmark group "${name}"; choose one of ${Object.keys(groups).join(", ")}`,
    );
    process.exit(2);
  }
  console.log(`\n=== ${name} ===`);
  await run();
}
