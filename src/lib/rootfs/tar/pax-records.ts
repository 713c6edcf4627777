// POSIX pax extended header records: "<length> <key>=<value>\n", where length counts the whole record in bytes.
import { TarFormatError } from "./tar-format-error.js";

/** Parses the data of a pax 'x' or 'g' header. Values are raw bytes as latin1 (like every tar name here). */
export function parsePaxRecords(data: Buffer, offset: number): Map<string, string> {
  const records = new Map<string, string>();
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break; // padding some writers leave
    const space = data.indexOf(0x20, pos);
    const length = space < 0 ? Number.NaN : Number(data.toString("latin1", pos, space));
    if (!Number.isSafeInteger(length) || length <= space - pos + 1 || pos + length > data.length) {
      throw new TarFormatError(`malformed pax extended header record at byte ${offset}`, offset);
    }
    const record = data.toString("latin1", space + 1, pos + length);
    const eq = record.indexOf("=");
    if (eq <= 0 || !record.endsWith("\n"))
      throw new TarFormatError(`malformed pax extended header record at byte ${offset}`, offset);
    records.set(record.slice(0, eq), record.slice(eq + 1, -1));
    pos += length;
  }
  return records;
}
