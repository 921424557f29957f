import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecryptError } from '../../src-main/outbox/errors.js';
import { FieldCipher } from '../../src-main/outbox/field-cipher.js';
import { TEST_KEY, openTestOutbox, useTempDir } from './helpers.js';

const CANARY_ID = '990000199001010012';
const CANARY_NAME = 'CANARY-NAME-7f3a9c';

/** Every file of the database (main, -wal, -shm) as one buffer. */
function dbBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).filter((f) => f.startsWith('outbox.db')).map((f) => readFileSync(join(dir, f))));
}

describe('personal fields at rest', () => {
  const t = useTempDir();

  it('never appear in clear text in the database files, yet decrypt for sending', async () => {
    const ob = await openTestOutbox(t.dir);
    for (let i = 0; i < 20; i++) {
      ob.record({ kind: 'pin-reset', orderingKey: ob.pseudonym(CANARY_ID), payload: { step: i }, personal: { idNumber: CANARY_ID, name: CANARY_NAME } });
    }
    const bytes = dbBytes(t.dir);
    expect(bytes.includes(CANARY_ID)).toBe(false);
    expect(bytes.includes(CANARY_NAME)).toBe(false);
    expect(bytes.includes(Buffer.from(CANARY_NAME, 'utf16le'))).toBe(false);
    const c = ob.leases.claim('w', 1, 1_000, Date.now());
    expect(c.rows[0]?.personal).toEqual({ idNumber: CANARY_ID, name: CANARY_NAME });
    ob.close();
  });

  it('a ciphertext moved to another row does not decrypt; the row is dead-lettered, not sent', async () => {
    const ob = await openTestOutbox(t.dir);
    const a = ob.record({ kind: 'k', orderingKey: 'a', payload: {}, personal: { name: 'A' } });
    const b = ob.record({ kind: 'k', orderingKey: 'b', payload: {}, personal: { name: 'B' } });
    ob.db.prepare('UPDATE outbox SET personal = (SELECT personal FROM outbox WHERE id = ?) WHERE id = ?').run(a.id, b.id);
    const c = ob.leases.claim('w', 10, 1_000, Date.now());
    expect(c.rows.map((r) => r.id)).toEqual([a.id]);
    expect(ob.deadLetters.list()[0]).toMatchObject({ id: b.id, reason: 'decrypt_failed' });
    expect(new DecryptError('name').message).not.toContain('B');
    ob.close();
  });

  it('rows written by earlier versions (each field sealed on its own) still open; their fields cannot be swapped', async () => {
    const ob = await openTestOutbox(t.dir);
    const key = await TEST_KEY.loadKey();
    const v1 = new FieldCipher(key);
    const a = ob.record({ kind: 'k', orderingKey: 'a', payload: {}, personal: { name: 'x' } });
    const b = ob.record({ kind: 'k', orderingKey: 'b', payload: {}, personal: { name: 'x' } });
    const set = ob.db.prepare('UPDATE outbox SET personal = ? WHERE id = ?');
    set.run(JSON.stringify(v1.sealAll(a.id, { idNumber: CANARY_ID, name: CANARY_NAME })), a.id);
    // A v1 map whose two fields were exchanged: each is bound to its field name and fails.
    const swapped = v1.sealAll(b.id, { idNumber: CANARY_ID, name: CANARY_NAME });
    set.run(JSON.stringify({ idNumber: swapped['name'], name: swapped['idNumber'] }), b.id);
    const c = ob.leases.claim('w', 10, 1_000, Date.now());
    expect(c.rows.map((r) => [r.id, r.personal])).toEqual([[a.id, { idNumber: CANARY_ID, name: CANARY_NAME }]]);
    expect(ob.deadLetters.list()[0]).toMatchObject({ id: b.id, reason: 'decrypt_failed' });
    ob.close();
  });

  it('a record without personal fields stores no ciphertext', async () => {
    const ob = await openTestOutbox(t.dir);
    const r = ob.record({ kind: 'k', orderingKey: 'a', payload: { n: 1 } });
    expect(ob.db.prepare('SELECT personal FROM outbox WHERE id = ?').get(r.id)).toEqual({ personal: '{}' });
    expect(ob.leases.claim('w', 1, 1_000, Date.now()).rows[0]?.personal).toEqual({});
    ob.close();
  });
});
