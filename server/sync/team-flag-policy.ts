import type { PanelFlagPolicy } from '../../lib/model/panel-view';
import { panelFlagPolicy } from '../../lib/ownership/rule-insights';
import { parseRulePack } from '../../lib/rules/parse';
import type { Sql } from '../db/db';
import { getRulePack } from '../rulepack';

// The flag policy of the pack the team's admin published: who may set each flag, for how long, on which
// channels. Enforced here on every push as well as in the extension, so a changed client cannot get
// around it. The service trusts its own store (only admins publish; installs verify the signature).

const cache = new Map<string, { version: number; policy: PanelFlagPolicy | null }>();

export async function teamFlagPolicy(db: Sql, teamId: string): Promise<PanelFlagPolicy | null> {
  const stored = await getRulePack(db, teamId);
  if (!stored) return null;
  const hit = cache.get(teamId);
  if (hit?.version === stored.version) return hit.policy;
  let policy: PanelFlagPolicy | null = null;
  try {
    const parsed = parseRulePack((JSON.parse(stored.body) as { pack?: unknown }).pack);
    if (parsed.ok) policy = panelFlagPolicy(parsed.pack);
  } catch {
    // A stored body that is not JSON was refused at publish; without a readable pack, no narrowing.
  }
  cache.set(teamId, { version: stored.version, policy });
  return policy;
}
