// Defaults that hold until a rule pack says otherwise (rule packs: issue #5).
export const DEFAULT_POLICY = {
  /** Time to first touch after assignment. */
  firstTouchSlaMs: 24 * 60 * 60 * 1000,
  /** No activity or ownership change for this long makes a record stale. */
  staleAfterMs: 30 * 24 * 60 * 60 * 1000,
  /** An owner with no activity for this long counts as inactive. */
  ownerInactiveAfterMs: 45 * 24 * 60 * 60 * 1000,
  /** How many history rows the panel receives. */
  historyLimit: 50,
} as const;

export type OwnershipPolicy = { [K in keyof typeof DEFAULT_POLICY]: number };
