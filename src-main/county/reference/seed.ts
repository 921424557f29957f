import type Database from 'better-sqlite3';
import { idCheckChar } from './id-number.js';

// Demo data only: invented people with obviously fake names, and ID numbers under the unused
// area code 990000 (valid check characters, so validation code paths are exercised).

/** A demo ID number for a birth date and an order code; valid check character. */
export function demoIdNumber(birth: string, order: number): string {
  const first17 = `990000${birth}${String(order).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export const DEMO_RESIDENTS = [
  { ref: 'R-DEMO-0001', id: demoIdNumber('19500101', 11), name: '演示甲 (DEMO)', ins: 'active', bal: 123_456, pen: 'receiving', until: '2026-12-31', card: 'DEMO00001', face: 'face-token-demo-0001' },
  { ref: 'R-DEMO-0002', id: demoIdNumber('19620315', 22), name: '演示乙 (DEMO)', ins: 'active', bal: 8_800, pen: 'receiving', until: null, card: 'DEMO00002', face: 'face-token-demo-0002' },
  { ref: 'R-DEMO-0003', id: demoIdNumber('19880808', 33), name: '测试丙 (DEMO)', ins: 'suspended', bal: 0, pen: 'contributing', until: null, card: 'DEMO00003', face: 'face-token-demo-0003' },
  { ref: 'R-DEMO-0004', id: demoIdNumber('20010228', 44), name: '测试丁 (DEMO)', ins: 'none', bal: 0, pen: 'none', until: null, card: 'DEMO00004', face: 'face-token-demo-0004' },
] as const;

/**
 * The canary resident: every value is a marker that tests search the terminal's logs, database, renderer
 * storage and DOM for after a session (test/e2e/pin-canary.spec.ts). Not shown in demos.
 */
export const CANARY_RESIDENT = { ref: 'R-CANARY-01', id: demoIdNumber('19371107', 777), name: '金丝雀鸣', ins: 'active', bal: 777, pen: 'receiving', until: null, card: 'CANARY777', face: 'face-token-canary-0777' } as const;

export const DEMO_ENROLMENT_CODES = ['DEMO-ENROL-0001', 'DEMO-ENROL-0002', 'DEMO-ENROL-0003'];

/** The sites of the sample county catalog (assets/catalog), so an embedded terminal can enrol as any of them. */
export const CATALOG_SITES = [
  { id: 'xa-wq-hall', name: 'Wenquan Street Service Hall (DEMO)', level: 'township' },
  { id: 'xa-community-01', name: 'Community Service Centre (DEMO)', level: 'village' },
  { id: 'xa-hospital-01', name: 'Hospital Outpatient Lobby (DEMO)', level: 'outlet' },
  { id: 'jy-bank-01', name: 'Bank Branch (DEMO)', level: 'outlet' },
] as const;

/** The demo one-time enrolment code of a catalog site; the embedded backend honours it until used. */
export const demoEnrolmentCode = (siteId: string): string => `DEMO-${siteId.toUpperCase()}`;

/** Inserts demo sites, residents, enrolment codes, config and catalog if absent; idempotent. */
export function seed(db: Database.Database, now: number): void {
  db.transaction(() => {
    const site = db.prepare('INSERT OR IGNORE INTO sites VALUES (?, ?, ?)');
    site.run('demo-site-01', 'Demo County Hospital (DEMO)', 'hospital');
    site.run('demo-site-02', 'Demo Village Service Centre (DEMO)', 'village');
    const r = db.prepare('INSERT OR IGNORE INTO residents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const p of [...DEMO_RESIDENTS, CANARY_RESIDENT]) r.run(p.ref, p.id, p.name, p.ins, p.bal, p.pen, p.until, p.card, p.face);
    const c = db.prepare('INSERT OR IGNORE INTO enrolment_codes VALUES (?, ?, NULL, ?)');
    for (const code of DEMO_ENROLMENT_CODES) c.run(code, 'demo-site-01', now + 365 * 86_400_000);
    for (const s of CATALOG_SITES) {
      site.run(s.id, s.name, s.level);
      c.run(demoEnrolmentCode(s.id), s.id, now + 365 * 86_400_000);
    }
    const d = db.prepare('INSERT OR IGNORE INTO documents VALUES (?, ?, ?)');
    d.run('config', '1', JSON.stringify({ heartbeatIntervalMs: 60_000, maxBatchItems: 100, maxBatchBytes: 256 * 1024, retryWindowMs: 30 * 86_400_000 }));
    d.run(
      'catalog',
      '1',
      JSON.stringify([
        { id: 'pin-reset', name: { 'zh-CN': '社保卡密码重置', en: 'Card PIN reset' }, channel: 'terminal', online: true },
        { id: 'pension-certification', name: { 'zh-CN': '养老待遇资格认证', en: 'Pension certification' }, channel: 'terminal', online: true },
        { id: 'insurance-query', name: { 'zh-CN': '医保查询', en: 'Medical insurance query' }, channel: 'terminal', online: true },
        { id: 'card-issuance', name: { 'zh-CN': '社保卡即时制卡', en: 'Instant card issuance' }, channel: 'terminal', online: true },
        { id: 'document-submission', name: { 'zh-CN': '材料提交', en: 'Document submission' }, channel: 'terminal', online: false },
      ]),
    );
  })();
}
