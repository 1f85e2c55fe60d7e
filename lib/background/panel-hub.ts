import { liveQuery, type Subscription } from 'dexie';
import type { Browser } from 'wxt/browser';
import type { ConflictRow, OutboxRow, OwnersightDb } from '../db/database';
import { loadBundle } from '../db/queries';
import { PanelClientMessageSchema, type PanelServerMessage } from '../messaging/protocol';
import { classifySender, type Self } from '../messaging/sender';
import type { PageFacts, RecordRef } from '../crm/types';
import { storedRecordKey } from '../model/record-key';
import { buildPanelView, type RecordBundle } from '../ownership/build-view';
import { describeChange } from '../ownership/describe-change';
import type { OwnershipPolicy } from '../ownership/policy';
import type { RulePack } from '../rules/schema';
import { relatedWarnings } from '../ownership/related-warnings';
import { ruleInsights } from '../ownership/rule-insights';
import { overlayPending } from '../sync/overlay';
import { loadRecordContext, type RecordContext } from './record-context';
import { readSyncMeta, type SyncMeta } from '../sync/state';

type Port = Browser.runtime.Port;

export interface PanelHubDeps {
  db: OwnersightDb;
  /** The active rule pack (read inside the panel's live query, so a new pack re-renders every panel). */
  rulePack(): Promise<RulePack | null>;
  self: Self;
  policy: OwnershipPolicy;
  now(): number;
  online(): boolean;
}

interface Snapshot {
  bundle: RecordBundle;
  pack: RulePack | null;
  context: RecordContext;
  pending: OutboxRow[];
  conflicts: ConflictRow[];
  meta: SyncMeta;
  viewer: string | undefined;
}

interface Watched {
  ref: RecordRef;
  facts: PageFacts;
  snapshot?: Snapshot;
}

/**
 * Serves one panel's port: validates what the content script says it is looking at, and sends the
 * panel's state now and whenever the stored data for that record changes (Dexie liveQuery), until the
 * tab goes away.
 */
export function servePanelPort(port: Port, deps: PanelHubDeps): void {
  if (classifySender(port.sender, deps.self) !== 'content-script') {
    port.disconnect();
    return;
  }
  let watched: Watched | undefined;
  let subscription: Subscription | undefined;
  let open = true;

  const post = (message: PanelServerMessage) => {
    if (!open) return;
    try {
      port.postMessage(message);
    } catch {
      open = false;
    }
  };

  const render = () => {
    if (!watched?.snapshot) return;
    const { bundle, pending, conflicts, meta, viewer, pack, context } = watched.snapshot;
    // Server time decides expiry (the last pull measured the offset), never the local clock alone.
    const now = deps.now() + meta.clockOffset;
    const me = meta.me?.user.email;
    const overlaid = overlayPending(bundle, pending.map((row) => row.mutation), me ?? viewer ?? 'you', now);
    const layered = { ...overlaid, owners: new Map([...context.owners, ...overlaid.owners]) };
    const ownerName = (id: string) => layered.owners.get(id)?.name;
    const insights = ruleInsights({
      pack,
      ref: watched.ref,
      facts: watched.facts,
      record: layered.record,
      owners: layered.owners,
      checklist: layered.checklist,
      poolLoad: context.poolLoad,
      hasContacts: false,
    });
    const related = relatedWarnings({
      record: layered.record,
      owners: layered.owners,
      sameIdentity: context.sameIdentity,
      accounts: context.accounts,
      ownersMustMatch: insights.ownersMustMatch,
    });
    const view = buildPanelView({
      ref: watched.ref,
      facts: watched.facts,
      ...layered,
      viewer: me ?? viewer,
      ...(meta.me ? { viewerRole: meta.me.user.role } : {}),
      sync: {
        connected: !!meta.connection,
        online: deps.online(),
        pending: pending.length,
        ...(meta.lastSyncedAt !== undefined ? { lastSyncedAt: meta.lastSyncedAt } : {}),
        ...(meta.lastError ? { error: meta.lastError.message } : {}),
      },
      pending: pending.map((row) => ({ mutationId: row.mutationId, label: describeChange(row.mutation, ownerName) })),
      problems: conflicts.map((row) => {
        const mine = row.mutation.name === 'owner.set' ? row.mutation.args.ownerId : undefined;
        const theirs = row.current?.ownerId;
        return {
          mutationId: row.mutationId,
          label: describeChange(row.mutation, ownerName),
          status: row.status,
          message: row.message,
          ...(mine !== undefined ? { mine: mine === null ? 'No owner' : (ownerName(mine) ?? mine) } : {}),
          ...(theirs !== undefined ? { theirs: theirs === null ? 'No owner' : (ownerName(theirs) ?? theirs) } : {}),
          canKeepMine: row.status === 'conflict' && row.mutation.name === 'owner.set' && !!row.current,
        };
      }),
      now,
      policy: deps.policy,
      insights,
      related,
      transferTargets: context.targets,
    });
    post({ type: 'state', state: { status: 'ready', view } });
  };

  const watch = (ref: RecordRef, facts: PageFacts) => {
    subscription?.unsubscribe();
    const current: Watched = { ref, facts };
    watched = current;
    // No "loading" answer: the content script shows loading itself, and on a record switch it keeps the
    // previous panel until this answer (one message, one render and one paint per navigation).
    const key = storedRecordKey(ref);
    subscription = liveQuery(async () => {
      const { db } = deps;
      // One read transaction for everything a render needs, the rule pack and the record's context
      // included: on a cached record a transaction cost more than the reads in it, and this is the path
      // between a record showing in the page and its panel (bench/RESULTS.md, 3).
      return db.transaction('r', [db.records, db.owners, db.flags, db.checklists, db.history, db.outbox, db.conflicts, db.meta, db.rulePacks], async () => {
        const [pack, bundle, pending, conflicts, meta, viewer] = await Promise.all([
          deps.rulePack(),
          loadBundle(db, key, deps.policy.historyLimit),
          db.outbox.where('recordKey').equals(key).sortBy('mutationId'),
          db.conflicts.where('recordKey').equals(key).toArray(),
          readSyncMeta(db),
          db.meta.get('viewer'),
        ]);
        // Owners named only by a pending change (a new owner picked in the panel) are looked up too.
        const extra = pending.flatMap((row) => (row.mutation.name === 'owner.set' && row.mutation.args.ownerId ? [row.mutation.args.ownerId] : []));
        const missing = extra.filter((id) => !bundle.owners.has(id));
        const [context, named] = await Promise.all([
          loadRecordContext(db, bundle.record, current.facts, ref.kind, pack),
          missing.length ? db.owners.bulkGet(missing) : [],
        ]);
        if (named.length) {
          const owners = new Map(bundle.owners);
          for (const owner of named) if (owner) owners.set(owner.id, owner);
          bundle.owners = owners;
        }
        const snapshot: Snapshot = { bundle, pending, conflicts, meta, pack, context, viewer: typeof viewer?.value === 'string' ? viewer.value : undefined };
        return snapshot;
      });
    }).subscribe({
      next: (snapshot) => {
        if (watched !== current) return;
        current.snapshot = snapshot;
        render();
      },
      error: (error: unknown) => {
        console.error('[ownersight] reading the record failed', error);
        post({
          type: 'state',
          state: { status: 'error', ref, message: 'Ownersight could not read its local data.', retryable: true },
        });
      },
    });
  };

  port.onMessage.addListener((raw: unknown) => {
    const parsed = PanelClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      // A content script that sends garbage is not one of ours, or is broken: stop talking to it.
      port.disconnect();
      stop();
      return;
    }
    const message = parsed.data;
    if (message.type === 'watch') watch(message.ref, message.facts);
    else if (watched) {
      const before = watched.facts;
      // A new email or web domain changes which other records are related: read them again.
      if (before.email !== message.facts.email || before.domain !== message.facts.domain) watch(watched.ref, message.facts);
      else {
        watched.facts = message.facts;
        render();
      }
    }
  });

  const stop = () => {
    open = false;
    subscription?.unsubscribe();
    subscription = undefined;
    watched = undefined;
  };
  port.onDisconnect.addListener(stop);
}
