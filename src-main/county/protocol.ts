import { z } from 'zod';

// Wire schemas of openapi.yaml, shared by the county client and the reference backend.

export const ErrorCodeSchema = z.enum([
  'invalid_request',
  'missing_idempotency_key',
  'idempotency_key_reused',
  'idempotency_key_in_flight',
  'missing_signature',
  'bad_signature',
  'clock_skew',
  'replayed_nonce',
  'digest_mismatch',
  'unknown_terminal',
  'terminal_revoked',
  'enrolment_code_invalid',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'not_found',
  'weak_pin',
  'internal',
]);
export type CountyErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({ error: z.object({ code: ErrorCodeSchema, message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const EnrolmentRequestSchema = z.object({ code: z.string().regex(/^[A-Z0-9-]{6,32}$/), siteId: z.string().min(1), appVersion: z.string().optional() });
export const EnrolmentSchema = z.object({ terminalId: z.string(), credential: z.string(), siteId: z.string() });
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const TxItemSchema = z.object({
  id: z.string().min(8).max(128),
  seq: z.number().int().min(1),
  kind: z.string().min(1),
  orderingKey: z.string().min(1),
  schemaVersion: z.number().int().min(1),
  createdAt: z.number().int(),
  payload: z.record(z.string(), z.unknown()),
  personal: z.record(z.string(), z.string()),
});
export type TxItem = z.infer<typeof TxItemSchema>;

export const BatchRequestSchema = z.object({ items: z.array(z.unknown()).min(1).max(500) });

export const ItemResultSchema = z.object({
  id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected', 'retry']),
  reason: z.string().optional(),
  receipt: z.string().optional(),
});
export type ItemResult = z.infer<typeof ItemResultSchema>;
export const BatchResultSchema = z.object({ results: z.array(ItemResultSchema) });

export const DeviceHealthSchema = z.object({ kind: z.string(), status: z.enum(['ok', 'degraded', 'fault', 'absent']), detail: z.string().optional() });
export const HeartbeatSchema = z.object({
  queueDepth: z.number().int().min(0),
  oldestAgeMs: z.number().int().min(0).nullable().optional(),
  deadLetters: z.number().int().min(0),
  lastSyncAt: z.number().int().nullable().optional(),
  appVersion: z.string().optional(),
  devices: z.array(DeviceHealthSchema),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;
export const HeartbeatAckSchema = z.object({ serverTime: z.number().int(), configVersion: z.string(), catalogVersion: z.string() });

export const TerminalConfigSchema = z.object({
  version: z.string(),
  siteId: z.string(),
  settings: z.object({
    heartbeatIntervalMs: z.number().int().optional(),
    maxBatchItems: z.number().int().optional(),
    maxBatchBytes: z.number().int().optional(),
    retryWindowMs: z.number().int().optional(),
  }),
});
export type TerminalConfig = z.infer<typeof TerminalConfigSchema>;

export const ServiceCatalogSchema = z.object({
  version: z.string(),
  services: z.array(z.object({ id: z.string(), name: z.record(z.string(), z.string()), channel: z.enum(['terminal', 'counter']), online: z.boolean().optional() })),
});
export type ServiceCatalog = z.infer<typeof ServiceCatalogSchema>;

export const ResidentLookupSchema = z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/) });
export const ResidentRecordSchema = z.object({
  residentRef: z.string(),
  displayName: z.string(),
  insurance: z.object({ status: z.enum(['active', 'suspended', 'none']), balanceCents: z.number().int() }),
  pension: z.object({ status: z.enum(['receiving', 'contributing', 'none']), certifiedUntil: z.string().nullable().optional() }),
});
export type ResidentRecord = z.infer<typeof ResidentRecordSchema>;

export const PinResetRequestSchema = z.object({
  residentRef: z.string(),
  cardSerial: z.string(),
  /** ISO 9564 format 0 block of the new PIN under the terminal PIN key, bound to the resident's account digits. */
  pinBlock: z.string().regex(/^[0-9A-F]{16}$/),
  /** The card's GET CHALLENGE answer: the MAC is bound to it. */
  challenge: z.string().regex(/^[0-9A-F]{8}$/),
});
export const PinResetAuthorizationSchema = z.object({ authorizationId: z.string(), mac: z.string().regex(/^[0-9A-F]{16}$/), expiresAt: z.number().int() });
export type PinResetAuthorization = z.infer<typeof PinResetAuthorizationSchema>;

export const FaceMatchRequestSchema = z.object({
  residentRef: z.string(),
  image: z.string(),
  imageSha256: z.string().regex(/^[0-9a-f]{64}$/),
  livenessScore: z.number().min(0).max(1).optional(),
  /** The capture's face descriptor (faceres embedding); optional, additive. */
  descriptor: z.array(z.number().finite()).min(64).max(4096).optional(),
});
export const FaceMatchSchema = z.object({ matchId: z.string(), score: z.number().min(0).max(1), matched: z.boolean() });
export type FaceMatch = z.infer<typeof FaceMatchSchema>;

export const CardIssuanceRequestSchema = z.object({ residentRef: z.string(), siteId: z.string() });
export const CardIssuanceSchema = z.object({ issuanceId: z.string(), cardSerial: z.string(), status: z.literal('allocated') });
export type CardIssuance = z.infer<typeof CardIssuanceSchema>;

/** What a resident may look up at a terminal, once the card and its PIN have been checked on the card. */
export const RECORD_KINDS = ['card', 'insuranceAccount', 'settlements', 'contributions'] as const;
export const RecordKindSchema = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKindSchema>;

/**
 * How the resident proved who they are: the card whose PIN verified on the card (the county checks the
 * card is theirs), or a face match the county itself made for them at this terminal.
 */
export const RecordsRequestSchema = z.union([
  z.object({ residentRef: z.string().min(1), kind: RecordKindSchema, cardSerial: z.string().min(1).max(32) }).strict(),
  z.object({ residentRef: z.string().min(1), kind: RecordKindSchema, faceMatchId: z.string().min(1).max(64) }).strict(),
]);
export type RecordsRequest = z.infer<typeof RecordsRequestSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Cents = z.number().int();
export const CardRecordSchema = z.object({
  status: z.enum(['active', 'lost', 'frozen', 'cancelled']),
  issuedOn: IsoDate,
  validUntil: IsoDate,
  bank: z.string().max(60),
});
export const InsuranceAccountSchema = z.object({
  status: z.enum(['active', 'suspended', 'none']),
  balanceCents: Cents,
  yearCreditedCents: Cents,
  yearSpentCents: Cents,
  asOf: IsoDate,
});
export const SettlementSchema = z.object({
  date: IsoDate,
  institution: z.string().max(60),
  totalCents: Cents,
  fundCents: Cents,
  selfCents: Cents,
});
export const ContributionYearSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  months: z.number().int().min(0).max(12),
  baseCents: Cents,
  personalCents: Cents,
  employerCents: Cents,
});
/** The answer to a records query; lists are newest first and bounded. */
export const RecordsAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card'), card: CardRecordSchema }),
  z.object({ kind: z.literal('insuranceAccount'), account: InsuranceAccountSchema }),
  z.object({ kind: z.literal('settlements'), settlements: z.array(SettlementSchema).max(60) }),
  z.object({ kind: z.literal('contributions'), years: z.array(ContributionYearSchema).max(60) }),
]);
export type RecordsAnswer = z.infer<typeof RecordsAnswerSchema>;

/** Every operation: method, path, whether it is signed and whether it needs an Idempotency-Key. */
export const OPERATIONS = {
  enrol: { method: 'POST', path: '/v1/enrolments', signed: false, idempotent: false },
  uploadBatch: { method: 'POST', path: '/v1/transactions/batch', signed: true, idempotent: true },
  heartbeat: { method: 'POST', path: '/v1/heartbeat', signed: true, idempotent: false },
  getConfig: { method: 'GET', path: '/v1/config', signed: true, idempotent: false },
  getCatalog: { method: 'GET', path: '/v1/catalog', signed: true, idempotent: false },
  lookupResident: { method: 'POST', path: '/v1/residents/lookup', signed: true, idempotent: false },
  authorizePinReset: { method: 'POST', path: '/v1/authorizations/pin-reset', signed: true, idempotent: true },
  matchFace: { method: 'POST', path: '/v1/face-matches', signed: true, idempotent: true },
  issueCard: { method: 'POST', path: '/v1/card-issuances', signed: true, idempotent: true },
  queryRecords: { method: 'POST', path: '/v1/residents/records', signed: true, idempotent: false },
} as const;
export type OperationId = keyof typeof OPERATIONS;
