// English texts of the server's message codes (see messages.ts). Keep the keys in step with messages.zh-CN.ts.
export const MESSAGES_EN: Record<string, string> = {
  "goal.finalize_early": "{cycle} runs until {endDate}. Finalising now fixes the score and the actuals as of today; confirm to finalise early.",
  "pay.month_locked": "{month} is closed: pay run {period} is locked and its statements rest on that month's figures. Corrections go into a later run as adjustments.",
  "import.month_locked": "Nothing was imported: {file} row {row} changes {month}, which is closed (pay run {period} is locked).",
  "pay.inputs_missing": "{count} input(s) of the {period} pay run are still missing; enter them and recompute before locking.",
  "rights.operations_required": "Only the owner and the leads of a department with the Operations function may do this. The owner sets a department's function on the Departments page.",
  "rights.customer_service_required": "Only the owner and the leads of a department with the Customer service function may do this. The owner sets a department's function on the Departments page.",
  "rights.owner_sets_function": "Only the owner sets or changes a department's function (what its leads may do).",
  "date.out_of_range": "Enter a date from {min} to {max}.",
  "range.too_long": "Choose at most {maxDays} days at once.",
  "range.reversed": "The end comes before the start.",
  "text.forbidden_character": "Remove the invisible character {character}; it cannot be saved.",
};
