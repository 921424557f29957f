import { CreditCard, IdCard, KeyRound, ScanFace } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CellFormat, FlowView, ResultTable } from '../../../src-main/contract/index.js';
import { Pager } from '../../components/Pager.js';
import { useStore } from '../../store/index.js';
import type { VoicePrompt } from '../../voice/useScreenVoice.js';
import { ConfirmCardStep, FaceStep, FailedStep, Reminder, doneStep, messageStep, pinStep } from '../common/steps.js';
import { commonStepPrompt } from '../common/voice.js';
import { sendFlowAction } from '../flow-actions.js';
import type { FlowScreens, ScreenVoice, StepProps } from '../types.js';
import { formatAmount, formatCell, formatDate, yuanText } from './format.js';

/** What each query service shows; the core's answer names its columns, this names the words around them. */
export type RecordsKind = 'card' | 'insuranceAccount' | 'settlements' | 'contributions';

type Summary = NonNullable<FlowView['summary']>;
const num = (s: Summary, key: string): number => (typeof s[key] === 'number' ? (s[key] as number) : 0);
const str = (s: Summary, key: string): string => (typeof s[key] === 'string' ? (s[key] as string) : '');

/** The summary line of an answer, in words ("your balance is …"), the same as the voice says. */
function SummaryLine({ kind, summary }: { kind: RecordsKind; summary: Summary }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  let text: string;
  switch (kind) {
    case 'card':
      text = t(`flow.records.summary.card.${str(summary, 'status') || 'active'}` as 'flow.records.summary.card.active', { validUntil: formatDate(str(summary, 'validUntil'), language) });
      break;
    case 'insuranceAccount':
      text = t('flow.records.summary.insuranceAccount', { balance: formatAmount(num(summary, 'balance'), language) });
      break;
    case 'settlements':
      text =
        num(summary, 'count') === 0
          ? t('flow.records.summary.settlementsNone')
          : t('flow.records.summary.settlements', { count: num(summary, 'count'), latest: formatDate(str(summary, 'latest'), language) });
      break;
    case 'contributions':
      text =
        num(summary, 'years') === 0
          ? t('flow.records.summary.contributionsNone')
          : t('flow.records.summary.contributions', { years: num(summary, 'years'), months: num(summary, 'months'), personal: formatAmount(num(summary, 'personal'), language) });
      break;
  }
  return (
    <h2 className="records__summary" data-testid="records-summary">
      {text}
    </h2>
  );
}

/** Numbers line up on the right; numbers and dates never break across lines. */
const cellClass = (format: CellFormat): string | undefined =>
  format === 'amount' || format === 'count' ? 'records__num' : format === 'date' || format === 'year' ? 'records__nowrap' : undefined;

/** The answer: one record as label/value pairs, a list as a table of at most five rows. */
function RecordsTable({ table }: { table: ResultTable }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const code = (c: string) => t(`flow.records.value.${c}` as 'flow.records.value.active', { defaultValue: c });
  if (table.total === 0) return null;
  if (table.total === 1 && table.rows.length === 1) {
    const row = table.rows[0] ?? {};
    return (
      <dl className="records__record" data-testid="records-record">
        {table.columns.map((c) => (
          <div key={c.key} className="records__pair">
            <dt>{t(c.labelKey as 'flow.records.col.balance')}</dt>
            <dd data-testid={`records-${c.key}`}>{formatCell(row[c.key], c.format, language, code)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <table className="records__table" data-testid="records-table" data-rows={table.rows.length}>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} scope="col" className={cellClass(c.format)}>
              {t(c.labelKey as 'flow.records.col.balance')}
              {c.format === 'amount' && <span className="records__unit">{t('flow.records.unit')}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i} data-testid="records-row">
            {table.columns.map((c) => (
              <td key={c.key} className={cellClass(c.format)}>
                {formatCell(row[c.key], c.format, language, code, true)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Two ways to prove who one is, as two large buttons with a picture of what to bring. */
function IdentifyStep({ view }: StepProps) {
  const { t } = useTranslation();
  const choices = (view.choices ?? []).filter((c): c is 'card' | 'idFace' => c === 'card' || c === 'idFace');
  return (
    <div className="flow__step" data-testid="flow-step-identify">
      <h2 className="flow__title">{t('flow.identify.title')}</h2>
      <p className="screen__lead">{t('flow.identify.lead')}</p>
      <div className="records__ways">
        {choices.map((choice) => (
          <button
            key={choice}
            type="button"
            className="button button--primary button--large records__way"
            data-testid={`identify-${choice}`}
            onClick={() => void sendFlowAction({ type: 'choose', choice })}
          >
            <span className="records__way-icon" aria-hidden="true">
              {choice === 'card' ? (
                <>
                  <CreditCard />
                  <KeyRound />
                </>
              ) : (
                <>
                  <IdCard />
                  <ScanFace />
                </>
              )}
            </span>
            {t(`flow.identify.${choice}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

function resultStep(kind: RecordsKind) {
  return function ResultStep({ view }: StepProps) {
    const { t } = useTranslation();
    const table = view.result;
    return (
      <div className="flow__step records" data-testid="flow-step-result" data-kind={kind}>
        {view.summary ? <SummaryLine kind={kind} summary={view.summary} /> : <h2 className="records__summary">{t(`flow.records.heading.${kind}`)}</h2>}
        {table && <RecordsTable table={table} />}
        {table && <Pager page={table.page} pageCount={table.pageCount} onPage={(page) => void sendFlowAction({ type: 'page', page })} testId="records-pager" />}
        <div className="records__end">
          <Reminder reminder={view.reminder} />
          <button type="button" className="button button--primary button--large" data-testid="flow-finish" onClick={() => void sendFlowAction({ type: 'continue' })}>
            {t('flow.records.finish')}
          </button>
        </div>
      </div>
    );
  };
}

/** The spoken summary of an answer (its first page), or "page 2 of 3" on a later page. */
export function resultVoice(kind: RecordsKind, view: FlowView): ScreenVoice {
  const table = view.result;
  if (table && table.page > 0) return { prompt: 'flowRecordsPage', values: { page: table.page + 1, pages: table.pageCount } };
  const s = view.summary ?? {};
  switch (kind) {
    case 'card': {
      const status = str(s, 'status');
      if (status === 'lost') return 'flowRecordsCardLost';
      if (status === 'frozen') return 'flowRecordsCardFrozen';
      if (status === 'cancelled') return 'flowRecordsCardCancelled';
      return { prompt: 'flowRecordsCardActive', values: { validUntil: str(s, 'validUntil') } };
    }
    case 'insuranceAccount':
      return { prompt: 'flowRecordsBalance', values: { balance: yuanText(num(s, 'balance')) } };
    case 'settlements':
      return num(s, 'count') === 0 ? 'flowRecordsSettlementsNone' : { prompt: 'flowRecordsSettlements', values: { count: num(s, 'count'), latest: str(s, 'latest') } };
    case 'contributions':
      return num(s, 'years') === 0 ? 'flowRecordsContributionsNone' : { prompt: 'flowRecordsContributions', values: { months: num(s, 'months') } };
  }
}

function stepPrompt(kind: RecordsKind, view: FlowView): ScreenVoice {
  if (view.error && view.step !== 'failed') return commonStepPrompt(view);
  const prompts: Partial<Record<string, VoicePrompt>> = { identify: 'flowIdentify', pin: 'flowPin', querying: 'flowQuerying', done: 'flowDoneRecords' };
  if (view.step === 'result') return resultVoice(kind, view);
  return prompts[view.step] ?? commonStepPrompt(view);
}

/** A record query's screens: the way of proving identity (card and PIN, or ID card and face), the answer a page at a time, the reminder. */
export function recordsScreens(kind: RecordsKind): FlowScreens {
  return {
    steps: {
      identify: IdentifyStep,
      insertCard: messageStep('insertCard'),
      readingCard: messageStep('readingCard'),
      confirmCard: ConfirmCardStep,
      pin: pinStep('pin'),
      checkingPin: messageStep('checkingPin'),
      idCard: messageStep('idCard'),
      readingId: messageStep('readingId'),
      face: FaceStep,
      matchingFace: messageStep('matchingFace'),
      querying: messageStep('querying'),
      result: resultStep(kind),
      done: doneStep('records'),
      failed: FailedStep,
    },
    noBack: new Set(['identify', 'result']),
    noLeave: new Set(['result']),
    voice: (view) => stepPrompt(kind, view),
  };
}
