import type { AnyMachineSnapshot } from 'xstate';
import { CARD_PIN_LENGTH } from '../../../drivers/index.js';
import type { CellFormat, FlowView, ResultTable } from '../../contract/flows.js';
import type { RecordKind, RecordsAnswer } from '../../county/protocol.js';
import type { ViewOf } from '../common/machine-flow.js';
import { maskName, maskTail } from '../common/mask.js';
import { IDENTITY_CHOICES, type RecordsContext } from './machine.js';

export const STEP_COUNT = 3;
/** Rows on one page: three fit every supported display (1280×1024 and 1366×768 the tightest) in elderly mode with large type and two-line names. */
export const ROWS_PER_PAGE = 3;

/** The catalog's query services and the kind of records each shows. */
export const RECORD_SERVICES: Readonly<Record<string, RecordKind>> = {
  'ssc.status': 'card',
  'mi.account': 'insuranceAccount',
  'mi.settlements': 'settlements',
  'pension.contributions': 'contributions',
};

/** The machine's states (the leaf inside `byCard` / `byFace`) as the screen's steps. */
export const STEPS: Record<string, [step: string, index: number, status: FlowView['status']]> = {
  start: ['identify', 1, 'working'],
  identify: ['identify', 1, 'waiting'],
  insertCard: ['insertCard', 1, 'waiting'],
  readingCard: ['readingCard', 1, 'working'],
  confirmCard: ['confirmCard', 1, 'waiting'],
  pin: ['pin', 2, 'waiting'],
  verifying: ['checkingPin', 2, 'working'],
  idCard: ['idCard', 1, 'waiting'],
  readingId: ['readingId', 1, 'working'],
  identifying: ['readingId', 1, 'working'],
  face: ['face', 2, 'waiting'],
  matchingFace: ['matchingFace', 2, 'working'],
  faceRefused: ['face', 2, 'working'],
  querying: ['querying', 3, 'working'],
  result: ['result', 3, 'waiting'],
  done: ['done', 3, 'waiting'],
  failed: ['failed', 3, 'waiting'],
  completed: ['completed', 3, 'ended'],
  ended: ['ended', 3, 'ended'],
};

type Cell = string | number;
type Column = { key: string; format: CellFormat };

/** The answer as columns and rows, and the values its summary says. */
function tableOf(answer: RecordsAnswer, cardNumber: string | undefined): { columns: Column[]; rows: Record<string, Cell>[]; summary: Record<string, Cell> } {
  switch (answer.kind) {
    case 'card': {
      const c = answer.card;
      // The card number (masked) only when the resident came with the card; the ID-card way never read it.
      const columns: Column[] = [
        { key: 'cardStatus', format: 'code' },
        { key: 'cardNumber', format: 'text' },
        { key: 'issuedOn', format: 'date' },
        { key: 'validUntil', format: 'date' },
        { key: 'bank', format: 'text' },
      ];
      const row: Record<string, Cell> = { cardStatus: c.status, issuedOn: c.issuedOn, validUntil: c.validUntil, bank: c.bank };
      if (cardNumber !== undefined) row['cardNumber'] = maskTail(cardNumber);
      return {
        columns: cardNumber === undefined ? columns.filter((col) => col.key !== 'cardNumber') : columns,
        rows: [row],
        summary: { status: c.status, validUntil: c.validUntil },
      };
    }
    case 'insuranceAccount': {
      const a = answer.account;
      return {
        columns: [
          { key: 'accountStatus', format: 'code' },
          { key: 'balance', format: 'amount' },
          { key: 'yearCredited', format: 'amount' },
          { key: 'yearSpent', format: 'amount' },
          { key: 'asOf', format: 'date' },
        ],
        rows: [{ accountStatus: a.status, balance: a.balanceCents, yearCredited: a.yearCreditedCents, yearSpent: a.yearSpentCents, asOf: a.asOf }],
        summary: { status: a.status, balance: a.balanceCents, asOf: a.asOf },
      };
    }
    case 'settlements': {
      const list = answer.settlements;
      const first = list[0];
      return {
        columns: [
          { key: 'date', format: 'date' },
          { key: 'institution', format: 'text' },
          { key: 'fund', format: 'amount' },
          { key: 'self', format: 'amount' },
        ],
        rows: list.map((s) => ({ date: s.date, institution: s.institution, fund: s.fundCents, self: s.selfCents })),
        summary: first ? { count: list.length, latest: first.date } : { count: 0 },
      };
    }
    case 'contributions': {
      const years = answer.years;
      const months = years.reduce((n, y) => n + y.months, 0);
      const personal = years.reduce((n, y) => n + y.personalCents, 0);
      return {
        columns: [
          { key: 'year', format: 'year' },
          { key: 'months', format: 'count' },
          { key: 'base', format: 'amount' },
          { key: 'personal', format: 'amount' },
          { key: 'employer', format: 'amount' },
        ],
        rows: years.map((y) => ({ year: y.year, months: y.months, base: y.baseCents, personal: y.personalCents, employer: y.employerCents })),
        summary: { years: years.length, months, personal },
      };
    }
  }
}

/** Pages of an answer (at least one, even when it is empty). */
export function pageCountOf(answer: RecordsAnswer): number {
  return Math.max(1, Math.ceil(tableOf(answer, undefined).rows.length / ROWS_PER_PAGE));
}

/** One page of the answer as the screen's table. */
export function resultTable(answer: RecordsAnswer, cardNumber: string | undefined, page: number): { table: ResultTable; summary: Record<string, Cell> } {
  const { columns, rows, summary } = tableOf(answer, cardNumber);
  const pageCount = Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
  const shown = Math.min(Math.max(0, page), pageCount - 1);
  return {
    table: {
      columns: columns.map((c) => ({ ...c, labelKey: `flow.records.col.${c.key}` })),
      rows: rows.slice(shown * ROWS_PER_PAGE, (shown + 1) * ROWS_PER_PAGE),
      page: shown,
      pageCount,
      total: rows.length,
    },
    summary,
  };
}

/** The innermost state: `{ byCard: 'pin' }` → `pin`. */
function leafState(value: AnyMachineSnapshot['value']): string {
  let v: unknown = value;
  while (v !== null && typeof v === 'object') v = Object.values(v as Record<string, unknown>)[0];
  return typeof v === 'string' ? v : 'start';
}

/** The view of a records snapshot: masked card, PIN dots, then one page of the answer and its summary. */
export function recordsView(serviceId: string, snapshot: AnyMachineSnapshot, demo: boolean): ViewOf {
  const c = snapshot.context as RecordsContext;
  const [step, stepIndex, status] = STEPS[leafState(snapshot.value)] ?? ['failed', STEP_COUNT, 'waiting'];
  const view: ViewOf = { serviceId, step, stepIndex, stepCount: STEP_COUNT, status };
  if (step === 'identify') view.choices = [...IDENTITY_CHOICES];
  if (step === 'face') view.triesLeft = c.faceTries;
  if (demo) view.demo = true;
  if (c.card && step === 'confirmCard') view.masked = { name: maskName(c.card.name), cardNumber: maskTail(c.card.cardNumber) };
  if (step === 'pin') {
    view.pinDigits = c.pinDigits;
    view.pinLength = CARD_PIN_LENGTH;
    if (c.triesLeft !== undefined) view.triesLeft = c.triesLeft;
  }
  if (step === 'result' && c.answer) {
    const { table, summary } = resultTable(c.answer, c.card?.cardNumber, c.page);
    view.result = table;
    view.summary = summary;
  }
  if (c.error && c.error !== 'cancelled' && step !== 'done' && step !== 'completed' && step !== 'result') view.error = c.error;
  if (['result', 'done', 'failed', 'ended', 'completed'].includes(step)) {
    if (c.cardIn && c.idSeen) view.reminder = 'takeCards';
    else if (c.cardIn) view.reminder = 'takeCard';
    else if (c.idSeen) view.reminder = 'takeIdCard';
  }
  if (step === 'done' || step === 'completed') view.next = 'rating';
  if (step === 'failed' || step === 'ended') view.next = 'home';
  if (step === 'failed' && c.error === 'pinBlocked') view.choices = ['ssc.pin.reset'];
  if (step === 'failed' && (c.error === 'offline' || c.error === 'countyUnavailable')) view.choices = ['counter'];
  return view;
}
