import type { RecordKind, RecordsAnswer } from '../protocol.js';

// Demo records of the reference county's demo residents: a card, a medical-insurance account,
// recent settlements and pension contributions by year. Generated from the resident's reference
// with a fixed seed, so the same resident always has the same history; settlement dates count
// back from the request's day, so "recent" stays recent. Invented data only.

/** Settlements a query returns at most (newest first), and the years of contributions. */
export const MAX_SETTLEMENTS = 24;
export const MAX_CONTRIBUTION_YEARS = 30;

export interface RecordsResident {
  resident_ref: string;
  insurance_status: string;
  balance_cents: number;
}

// The names say 演示 (demo) themselves; no "(DEMO)" suffix, so a table cell stays on one line.
const INSTITUTIONS = ['演示县人民医院', '演示镇卫生院', '演示县中医院', '演示大药房', '演示村卫生室'];

/** Per-resident facts the demo needs to tell apart: card state, how many settlements, contribution years. */
const PROFILES: Record<string, { card: 'active' | 'lost' | 'frozen' | 'cancelled'; settlements: number; firstYear: number | null; lastYear: number | null }> = {
  'R-DEMO-0001': { card: 'active', settlements: 13, firstYear: 1996, lastYear: 2010 },
  'R-DEMO-0002': { card: 'active', settlements: 3, firstYear: 2008, lastYear: 2022 },
  'R-DEMO-0003': { card: 'frozen', settlements: 0, firstYear: 2012, lastYear: 2026 },
  'R-DEMO-0004': { card: 'active', settlements: 1, firstYear: null, lastYear: null },
};
const DEFAULT_PROFILE = { card: 'active' as const, settlements: 2, firstYear: 2015, lastYear: 2020 };

/** A small deterministic generator (mulberry32) seeded from the reference. */
function random(seedText: string): () => number {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The resident's records of one kind as the county answers them, on the day of `now`. */
export function demoRecords(r: RecordsResident, kind: RecordKind, now: number): RecordsAnswer {
  const profile = PROFILES[r.resident_ref] ?? DEFAULT_PROFILE;
  const rnd = random(`${r.resident_ref}:${kind}`);
  const today = new Date(now);
  switch (kind) {
    case 'card': {
      const issued = new Date(Date.UTC(today.getUTCFullYear() - 3 - Math.floor(rnd() * 5), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 27)));
      const until = new Date(Date.UTC(issued.getUTCFullYear() + 10, issued.getUTCMonth(), issued.getUTCDate()));
      return { kind, card: { status: profile.card, issuedOn: isoDay(issued.getTime()), validUntil: isoDay(until.getTime()), bank: '演示农商银行' } };
    }
    case 'insuranceAccount': {
      const status = r.insurance_status === 'suspended' || r.insurance_status === 'none' ? r.insurance_status : 'active';
      const credited = status === 'active' ? 60_000 + Math.floor(rnd() * 60_000) : 0;
      const spent = status === 'active' ? Math.min(credited, Math.floor(rnd() * 40_000)) : 0;
      return { kind, account: { status, balanceCents: r.balance_cents, yearCreditedCents: credited, yearSpentCents: spent, asOf: isoDay(now - 86_400_000) } };
    }
    case 'settlements': {
      const settlements = [];
      let day = now - 86_400_000 * (2 + Math.floor(rnd() * 5));
      for (let i = 0; i < Math.min(profile.settlements, MAX_SETTLEMENTS); i += 1) {
        const total = 2_000 + Math.floor(rnd() * 300_000);
        const fund = Math.floor(total * (0.5 + rnd() * 0.3));
        settlements.push({ date: isoDay(day), institution: INSTITUTIONS[Math.floor(rnd() * INSTITUTIONS.length)] ?? INSTITUTIONS[0]!, totalCents: total, fundCents: fund, selfCents: total - fund });
        day -= 86_400_000 * (5 + Math.floor(rnd() * 25));
      }
      return { kind, settlements };
    }
    case 'contributions': {
      const years = [];
      if (profile.firstYear !== null && profile.lastYear !== null) {
        const last = Math.min(profile.lastYear, today.getUTCFullYear());
        for (let year = last; year >= profile.firstYear && years.length < MAX_CONTRIBUTION_YEARS; year -= 1) {
          const months = year === today.getUTCFullYear() ? today.getUTCMonth() : rnd() < 0.15 ? 6 + Math.floor(rnd() * 6) : 12;
          const base = 200_000 + (year - 1990) * 15_000 + Math.floor(rnd() * 20) * 1_000;
          years.push({ year, months, baseCents: base, personalCents: Math.round(base * 0.08) * months, employerCents: Math.round(base * 0.16) * months });
        }
      }
      return { kind, years };
    }
  }
}
