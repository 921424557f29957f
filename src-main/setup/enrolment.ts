import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What the terminal knows of its enrolment without opening the outbox: where, for which site, and the county's id for it (no secret). */
const EnrolmentRecordSchema = z.object({ url: z.string(), siteId: z.string(), countyTerminalId: z.string().min(1).max(64), at: z.string() });
export type EnrolmentRecord = z.infer<typeof EnrolmentRecordSchema>;

const FILE = 'county-enrolment.json';

/** The last enrolment, or undefined if none was recorded (or the file is unreadable). */
export function readEnrolment(dataDir: string): EnrolmentRecord | undefined {
  try {
    const parsed = EnrolmentRecordSchema.safeParse(JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Notes an enrolment (the credential itself stays encrypted in the outbox). */
export function saveEnrolment(dataDir: string, record: Omit<EnrolmentRecord, 'at'>, now: number = Date.now()): void {
  writeFileSync(join(dataDir, FILE), `${JSON.stringify({ ...record, at: new Date(now).toISOString() }, null, 2)}\n`, { mode: 0o600 });
}
