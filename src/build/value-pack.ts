/**
 * Values for another process, each serialised apart (v8) into one file written a value at a time,
 * and read back a value at a time. Neither process holds all of them serialised at once, as it
 * would for a message: at 100,000 articles the events are about 400 MB serialised, and the build's
 * process held their message twice over (the pieces received, then joined) while it read it.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { readExactly, removeTempFile, writeTempFile } from "./temp-file.ts";

/** A pack on its way: its file, and where each value ends in it. */
export interface ValuePackFile {
  file: string;
  ends: number[];
}

/** The values into a file of their own in a new temporary folder, which readValuePack removes. */
export function writeValuePack(values: Iterable<unknown>): ValuePackFile {
  const ends: number[] = [];
  const file = writeTempFile("news-archive-values-", (fd) => {
    let total = 0;
    for (const value of values) {
      const bytes = serialize(value);
      writeSync(fd, bytes, 0, bytes.length);
      ends.push((total += bytes.length));
    }
  });
  return { file, ends };
}

/** The pack's values in order, each read from the file when it is asked for; the file is removed once they are read, or the reading stops. */
export function* readValuePack(sent: ValuePackFile): Generator<unknown> {
  let fd: number | null = null;
  try {
    fd = openSync(sent.file, "r");
    let start = 0;
    for (const end of sent.ends) {
      yield deserialize(readExactly(fd, start, end - start, (ended) => `${sent.file} ends at byte ${ended}, inside a value that ends at ${end}`));
      start = end;
    }
  } finally {
    if (fd !== null) closeSync(fd);
    removeValuePack(sent);
  }
}

/** The pack's file gone, whether or not it was read. */
export function removeValuePack(sent: ValuePackFile): void {
  removeTempFile(sent.file);
}
