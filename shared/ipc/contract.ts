import { z } from 'zod';
import { CaseSchema } from '../case/schema';

/**
 * The IPC contract: every channel between the renderer and the Node side, with
 * the zod schema of its request and its response. The preload, the browser
 * mode's fetch bridge, the e2e harness and the main-process wrapper are all
 * generated from this one table, so a change here is a compile error on every
 * side (architecture.md, "The IPC contract").
 */

const CaseId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const NoFields = z.strictObject({});

/** One row of the case list. */
export const CaseSummarySchema = z.strictObject({
  id: CaseId,
  title: z.string(),
  people: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One row of the trash: a case summary and when it was deleted. */
export const TrashedCaseSchema = CaseSummarySchema.extend({ trashedAt: z.string() });

/** A damaged file the store moved aside instead of overwriting it. */
export const QuarantineReportSchema = z.strictObject({
  file: z.string(),
  movedTo: z.string(),
  reason: z.string(),
  at: z.string(),
});

/** The text of a case file on its way in or out of the app. */
export const CaseFileTextSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  text: z.string(),
});

/** What one therapist holds in the therapy system of two or more of their cases, in words. */
export const RecurringHoldingSchema = z.strictObject({
  kind: z.enum(['role', 'feeling']),
  key: z.string(),
  label: z.string(),
  caseIds: z.array(CaseId),
  share: z.number().min(0).max(1),
  summary: z.string(),
});

/** The caseload view: per therapist, what recurs across their cases, with every case's title. */
export const CaseloadViewSchema = z.strictObject({
  therapists: z.array(
    z.strictObject({ name: z.string(), caseIds: z.array(CaseId), recurring: z.array(RecurringHoldingSchema) }),
  ),
  caseTitles: z.record(CaseId, z.string()),
});

/** Where the case store stands: 'new' (nothing chosen yet), 'unprotected', 'locked' or 'unlocked'. */
export const VaultStateSchema = z.enum(['new', 'unprotected', 'locked', 'unlocked']);

/** Minutes without use before Triptych locks itself. */
export const AutoLockMinutesSchema = z.int().min(1).max(480);

/** The lock screen's view of the store: its state, whether a passphrase protects it, and the auto-lock delay. */
export const VaultStatusSchema = z.strictObject({
  state: VaultStateSchema,
  protected: z.boolean(),
  autoLockMinutes: AutoLockMinutesSchema,
});

// Bounded so a page cannot hand scrypt megabytes; the vault says what is too short.
const Passphrase = z.string().max(1024);
const RecoveryKeyText = z.string().max(200);
const ShownRecoveryKey = z.strictObject({ recoveryKey: z.string() });

function channel<Method extends string, Req extends z.ZodType, Res extends z.ZodType>(
  method: Method,
  request: Req,
  response: Res,
) {
  return { method, request, response };
}

export const CONTRACT = {
  'store:status': channel(
    'getStoreStatus',
    NoFields,
    z.strictObject({
      dataDir: z.string(),
      mode: z.enum(['desktop', 'browser', 'test']),
      quarantined: z.array(QuarantineReportSchema),
    }),
  ),
  'cases:list': channel('listCases', NoFields, z.strictObject({ cases: z.array(CaseSummarySchema) })),
  'cases:get': channel('getCase', z.strictObject({ id: CaseId }), z.strictObject({ case: CaseSchema })),
  'cases:create': channel('createCase', z.strictObject({ case: CaseSchema }), z.strictObject({ case: CaseSchema })),
  'cases:save': channel('saveCase', z.strictObject({ case: CaseSchema }), z.strictObject({ case: CaseSchema })),
  'cases:duplicate': channel('duplicateCase', z.strictObject({ id: CaseId }), z.strictObject({ case: CaseSchema })),
  'cases:trash': channel('trashCase', z.strictObject({ id: CaseId }), NoFields),
  'cases:list-trash': channel('listTrash', NoFields, z.strictObject({ cases: z.array(TrashedCaseSchema) })),
  'cases:restore': channel('restoreCase', z.strictObject({ id: CaseId }), z.strictObject({ case: CaseSchema })),
  'cases:empty-trash': channel('emptyTrash', NoFields, z.strictObject({ removed: z.number().int().nonnegative() })),
  'cases:import': channel('importCase', CaseFileTextSchema, z.strictObject({ case: CaseSchema })),
  'cases:export': channel('exportCase', z.strictObject({ id: CaseId }), CaseFileTextSchema),
  'analysis:caseload': channel('analyzeCaseload', NoFields, CaseloadViewSchema),
  // A handout PDF of a stored case, printed on the Node side from the same HTML the export dialog previews.
  'presentation:handout-pdf': channel(
    'printHandout',
    z.strictObject({
      caseId: CaseId,
      deidentify: z.boolean(),
      paper: z.enum(['A4', 'Letter']),
      pages: z.literal([1, 2, 3]),
      selectedEchoIds: z.array(z.string().min(1).max(200)).max(3),
    }),
    z.strictObject({ fileName: z.string().min(1).max(255), pdfBase64: z.base64() }),
  ),
  // The vault: first run, unlock, lock and the security settings. These
  // answer while the store is locked; every channel above answers 'locked'.
  'vault:status': channel('getVaultStatus', NoFields, VaultStatusSchema),
  'vault:set-up': channel('setUpVault', z.strictObject({ passphrase: Passphrase }), ShownRecoveryKey),
  'vault:choose-no-protection': channel('chooseNoProtection', NoFields, NoFields),
  // recoveryKey comes back only when unlocking finished an interrupted "Protect with passphrase": show it then.
  'vault:unlock': channel('unlockVault', z.strictObject({ passphrase: Passphrase }), ShownRecoveryKey.partial()),
  'vault:unlock-with-recovery-key': channel(
    'unlockWithRecoveryKey',
    z.strictObject({ recoveryKey: RecoveryKeyText, newPassphrase: Passphrase }),
    ShownRecoveryKey.partial(),
  ),
  'vault:lock': channel('lockVault', NoFields, NoFields),
  'vault:change-passphrase': channel('changePassphrase', z.strictObject({ current: Passphrase, next: Passphrase }), NoFields),
  'vault:protect': channel('protectStore', z.strictObject({ passphrase: Passphrase }), ShownRecoveryKey),
  'vault:set-auto-lock': channel('setAutoLock', z.strictObject({ minutes: AutoLockMinutesSchema }), VaultStatusSchema),
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(CONTRACT) as Channel[];

/** What the renderer sends on a channel. */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives, after parsing. */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
/** What the renderer receives on success. */
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;
/** What a handler may return, before the response schema parses it. */
export type HandlerResultOf<C extends Channel> = z.input<Contract[C]['response']>;

/** The channels that answer while the store is locked. */
export type VaultChannel = Extract<Channel, `vault:${string}`>;
/** The channels that need an open case store. */
export type CaseChannel = Exclude<Channel, VaultChannel>;

/** Returns true when `channel` belongs to the vault (answers while locked). */
export function isVaultChannel(channel: Channel): channel is VaultChannel {
  return channel.startsWith('vault:');
}

/** Returns true when `name` is a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(CONTRACT, name);
}
