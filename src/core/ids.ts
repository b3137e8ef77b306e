import { v7 } from "uuid";

/** Time-ordered ids (UUIDv7) stored as text, the same on SQLite and PostgreSQL. */
export const newId = (): string => v7();
