// The RFM score ranges as core words them (the web's cut-off table and the CLI read the same).
export { emptyRange, rangeText, type Range } from "../../../../src/core/customers/ranges.js";
