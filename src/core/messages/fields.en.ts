// What a field error says when a request does not fit its schema (the server's validator, one
// code per kind of mismatch with its limit as a parameter), so a form shows it in the reader's
// language rather than the validator's English. Chinese texts: fields.zh-CN.ts.
export const FIELDS_EN = {
  "field.type.string": "Enter text.",
  "field.type.number": "Enter a number.",
  "field.type.integer": "Enter a whole number.",
  "field.type.boolean": "Choose yes or no.",
  "field.type.array": "Give a list.",
  "field.type.object": "Give the value's fields.",
  "field.type.other": "This value has the wrong type.",
  "field.too_short": "Use at least {min} character(s).",
  "field.too_long": "Use at most {max} character(s).",
  "field.below_min": "Enter {min} or more.",
  "field.above_max": "Enter {max} or less.",
  "field.not_above": "Enter more than {limit}.",
  "field.not_below": "Enter less than {limit}.",
  "field.multiple_of": "Enter a multiple of {step}.",
  "field.bad_format": "This is not written the way this field takes it.",
  "field.not_allowed": "Choose one of the values offered.",
  "field.too_few": "Give at least {min}.",
  "field.too_many": "Give at most {max}.",
  "field.duplicate": "Each value may appear only once.",
  "field.format.email": "Enter an email address.",
  "field.format.date": "Enter a date (YYYY-MM-DD).",
  "field.format.decimal": "Enter a number, e.g. 1234.5.",
  "field.format.month": "Enter a month (YYYY-MM).",
} as const satisfies Record<string, string>;
