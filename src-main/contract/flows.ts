import { z } from 'zod';

// What the UI sees of a resident flow and what it may send it. A view never
// holds a PIN, a full ID number or a full card number: masked fields are
// checked to be masked here, so a flow that forgot fails validation.

/** Why a step failed or a flow ended; the UI shows `flows.error.<code>`. */
export const FLOW_ERROR_CODES = [
  'offline',
  'notEnrolled',
  'deviceFault',
  'cardUnreadable',
  'cardRemoved',
  'notSocialSecurityCard',
  'idUnreadable',
  'idMismatch',
  'residentUnknown',
  'noCamera',
  'faceNoMatch',
  'faceSpoof',
  'faceTriesUsed',
  'pinMismatch',
  'pinWeak',
  'pinWrong',
  'pinBlocked',
  'pinTimeout',
  'countyUnavailable',
  'authorizationRejected',
  'cannotRecord',
  'timeout',
  'cancelled',
] as const;
export const FlowErrorCodeSchema = z.enum(FLOW_ERROR_CODES);
export type FlowErrorCode = z.infer<typeof FlowErrorCodeSchema>;

/** Why a new PIN was refused as weak. */
export const WeakPinReasonSchema = z.enum(['repeated', 'sequence']);
export type WeakPinReason = z.infer<typeof WeakPinReasonSchema>;

/** A name with at least one character hidden (张*明), never longer than a display name. */
const MaskedText = z.string().min(1).max(40).regex(/\*/, 'masked fields hide characters');
/** The last four characters at most, after stars (****1234). */
const MaskedNumber = z.string().regex(/^\*{2,}[0-9A-Za-z]{0,4}$/, 'masked numbers show at most 4 characters');

/** How the renderer shows a cell: amounts are whole fen, dates YYYY-MM-DD, codes become `flow.records.value.<code>`. */
export const CellFormatSchema = z.enum(['text', 'amount', 'date', 'year', 'count', 'code']);
export type CellFormat = z.infer<typeof CellFormatSchema>;

/**
 * Display text in a cell: never a run of 7 or more digits, spaces and dashes ignored (an ID or card
 * number left unmasked); a YYYY-MM-DD date is not such a run.
 */
const CellText = z
  .string()
  .max(200)
  .refine((v) => !/\d{7,}/.test(v.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ').replace(/[\s-]/g, '')), 'a cell holds no long digit run');

/** A query flow's answer as one page of rows; labels are i18n keys, cells are display text or numbers. */
export const ResultTableSchema = z.object({
  columns: z.array(z.object({ key: z.string().min(1).max(40), labelKey: z.string().min(1).max(80), format: CellFormatSchema })).min(1).max(8),
  rows: z.array(z.record(z.string(), z.union([CellText, z.number().finite()]))).max(20),
  /** 0-based page shown, of `pageCount` (at least 1 once there is an answer); `total` rows in all. */
  page: z.number().int().min(0),
  pageCount: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type ResultTable = z.infer<typeof ResultTableSchema>;

/** One flow's state for the screen: which step, and only what that step needs to show. */
export const FlowViewSchema = z
  .object({
    flowId: z.string().min(1).max(64),
    serviceId: z.string().min(1).max(64),
    /** The flow's step id; the renderer's registry maps (serviceId, step) to a screen. */
    step: z.string().min(1).max(40),
    /** For the step header ("step 2 of 5"). */
    stepIndex: z.number().int().min(1),
    stepCount: z.number().int().min(1),
    /** `working`: the terminal is busy (reading, asking the county); `ended`: the flow is over. */
    status: z.enum(['waiting', 'working', 'ended']),
    masked: z.object({ name: MaskedText.optional(), cardNumber: MaskedNumber.optional(), idNumber: MaskedNumber.optional() }).strict().optional(),
    /** Service ids or option ids the resident may pick here (e.g. the PIN reset after a blocked card). */
    choices: z.array(z.string().min(1).max(64)).max(20).optional(),
    /** Digits typed on the PIN pad so far (never which). */
    pinDigits: z.number().int().min(0).max(12).optional(),
    pinLength: z.number().int().min(4).max(12).optional(),
    triesLeft: z.number().int().min(0).max(15).optional(),
    error: FlowErrorCodeSchema.optional(),
    weakReason: WeakPinReasonSchema.optional(),
    /** What the resident must not leave behind (voice and a visible cue). */
    reminder: z.enum(['takeCard', 'takeIdCard', 'takeCards']).optional(),
    /** Where the UI goes when the resident finishes: the rating screen or home. */
    next: z.enum(['rating', 'home']).optional(),
    result: ResultTableSchema.optional(),
    /** Values of the spoken and shown summary of a query's answer ("your balance is …"): amounts in fen, dates, counts, codes. */
    summary: z.record(z.string().max(40), z.union([z.number().finite(), CellText])).optional(),
    /** The outbox record's reference the resident can quote at the counter. */
    reference: z.string().max(64).optional(),
    /** True when the devices are emulated: the UI offers its demo controls. */
    demo: z.boolean().optional(),
  })
  .strict();
export type FlowView = z.infer<typeof FlowViewSchema>;

/** What a resident can do on a flow screen. */
export const FlowActionSchema = z.discriminatedUnion('type', [
  /** Go on (confirm the masked card, acknowledge a message). */
  z.object({ type: z.literal('continue') }).strict(),
  /** One step back (leaves the flow from its first step). */
  z.object({ type: z.literal('back') }).strict(),
  /** Try the failed step again. */
  z.object({ type: z.literal('retry') }).strict(),
  /** Pick one of the view's `choices`. */
  z.object({ type: z.literal('choose'), choice: z.string().min(1).max(64) }).strict(),
  /** Query flows: another page of the result table. */
  z.object({ type: z.literal('page'), page: z.number().int().min(0) }).strict(),
  /** The face camera's one good frame (JPEG, base64), its digest and the local liveness score. */
  z
    .object({
      type: z.literal('faceCaptured'),
      imageBase64: z.string().min(100).max(240_000).regex(/^[A-Za-z0-9+/]+={0,2}$/),
      imageSha256: z.string().regex(/^[0-9a-f]{64}$/),
      livenessScore: z.number().min(0).max(1),
      /** The capture's face descriptor (the local model's embedding) for the county's comparison. */
      descriptor: z.array(z.number().finite()).min(64).max(4096).optional(),
    })
    .strict(),
  /** The renderer found no usable camera. */
  z.object({ type: z.literal('noCamera') }).strict(),
]);
export type FlowAction = z.infer<typeof FlowActionSchema>;

/** The emulated readers' demo residents (the reference county knows each). */
export const DEMO_RESIDENT_KEYS = ['demo1', 'demo2', 'demo3', 'demo4'] as const;

/**
 * Demo terminals only (every device emulated): what a demo visitor does to the emulated
 * hardware, standing in for a card in the slot or a finger on the pad. Refused with `not_demo`
 * on a terminal with any real device.
 */
export const DemoDeviceActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('insertCard'), resident: z.enum(DEMO_RESIDENT_KEYS) }).strict(),
  z.object({ type: z.literal('removeCard') }).strict(),
  z.object({ type: z.literal('placeIdCard'), resident: z.enum(DEMO_RESIDENT_KEYS) }).strict(),
  z.object({ type: z.literal('removeIdCard') }).strict(),
  /** One key of the emulated encrypting pad (it encrypts the entry itself, as the real one does). */
  z.object({ type: z.literal('padKey'), key: z.enum(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'enter', 'clear', 'cancel']) }).strict(),
]);
export type DemoDeviceAction = z.infer<typeof DemoDeviceActionSchema>;
