// Reading a server-written English text in another language by its known phrases: the numbers,
// names and values inside stay as they are; a phrase not listed stays as sent.
export type Phrase = [RegExp, string | ((match: string, ...groups: string[]) => string)];

const apply = (text: string, [re, to]: Phrase): string =>
  typeof to === "string" ? text.replace(re, to) : text.replace(re, to);

/** Every phrase in turn, for a text made of several (a statement's formula or source). */
export const replaceEach = (phrases: readonly Phrase[], text: string): string =>
  phrases.reduce(apply, text);

/** Only the first phrase that matches, for a text that is one message (an import problem). */
export function replaceFirst(phrases: readonly Phrase[], text: string): string {
  const p = phrases.find(([re]) => text.search(re) >= 0);
  return p ? apply(text, p) : text;
}
